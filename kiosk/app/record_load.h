#pragma once
// --record-load RATE: visitors' records written at RATE a second through the
// kiosk's own records writer while the screens play, so a benchmark can tell
// whether writing the hall's records (a commit synced to disk each) ever
// disturbs a film. The records are board views of a board called
// "record-load", easy to tell from visitors' own.

#include <string>
#include <thread>

#include "records/record_writer.h"

namespace kiosk::app {

class RecordLoad {
  public:
    // `writer` must outlive the load.
    RecordLoad(records::RecordWriter& writer, double records_per_second, std::string zone);
    RecordLoad(const RecordLoad&) = delete;
    RecordLoad& operator=(const RecordLoad&) = delete;

  private:
    void run(std::stop_token stop);

    records::RecordWriter& m_writer;
    double m_rate;
    std::string m_zone;
    std::jthread m_thread;  // last: stopped and joined first
};

}  // namespace kiosk::app

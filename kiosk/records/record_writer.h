#pragma once
// The kiosk's one writer of records: a thread of its own, so a slow or full
// disk never delays a frame. The main thread hands records over and is told
// (through the callback, on the writer's thread) when a consultation is
// committed or why it could not be; the caller posts that to its main loop.
// Sessions and board views that cannot be written (disk full, read-only)
// wait in memory, bounded, and are written when the disk takes them again:
// logging resumes by itself.

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <thread>
#include <variant>

#include <date/tz.h>
#include <tl/expected.hpp>

#include "records/categories.h"
#include "records/consultation.h"
#include "records/record_error.h"
#include "records/records_store.h"

namespace kiosk::records {

using CommitCallback = std::function<void(tl::expected<Committed, RecordError>)>;
using RatedCallback = std::function<void(tl::expected<void, RecordError>)>;

class RecordWriter {
  public:
    struct Options {
        std::filesystem::path database_file;
        Categories categories;
        const date::time_zone* time_zone = nullptr;
        std::chrono::days callback_retention{30};
        RecordsStoreOptions store;
        // How often records held back by a full or read-only disk are tried again.
        std::chrono::milliseconds retry_every{2000};
    };

    explicit RecordWriter(Options options);
    // Writes what is queued (giving up on what the disk refuses), then stops.
    ~RecordWriter();
    RecordWriter(const RecordWriter&) = delete;
    RecordWriter& operator=(const RecordWriter&) = delete;

    // Never blocks. `done` is called once, on the writer's thread.
    void submit(NewConsultation consultation, CommitCallback done);
    void rate(ConsultationId id, Rating rating, std::string reason, Instant at, RatedCallback done);
    void record(VisitSession visit);
    void record(BoardView view);
    // The desk's screen: `closed` is called (on the writer's thread) for each
    // consultation closed at the desk from now on and not rated yet, so the
    // visitor in front of it may rate the service. Polls the database, as
    // kioskctl closes consultations from another process.
    void watch_closed(std::function<void(const Consultation&)> closed);

    // False while the last write failed for want of disk (full, read-only):
    // the screens then show "please see the desk" instead of taking requests.
    bool available() const;
    // Records written since start, and records held back waiting for the disk.
    std::int64_t written() const;
    std::int64_t waiting() const;

  private:
    struct State;
    std::unique_ptr<State> m_state;
    std::jthread m_thread;
};

}  // namespace kiosk::records

#pragma once
// Proof of play: item starts, ends and skips, written to the schedule store
// by a thread of its own so a slow disk never delays a frame. The main
// thread hands events over through a bounded queue; every event is committed
// durably before the next is taken (see ScheduleStore::record_play).

#include <filesystem>
#include <optional>
#include <thread>

#include "playback/bounded_queue.h"
#include "scheduler/play_record.h"

namespace kiosk::app {

class PlayLogWriter {
  public:
    explicit PlayLogWriter(std::filesystem::path database_file);
    // Writes what is queued, then stops.
    ~PlayLogWriter();
    PlayLogWriter(const PlayLogWriter&) = delete;
    PlayLogWriter& operator=(const PlayLogWriter&) = delete;

    // Never blocks: when the queue is full (the disk has stalled for minutes)
    // the event is dropped and counted in the log.
    void record(scheduler::PlayEvent event);

  private:
    void run();

    std::filesystem::path m_database_file;
    playback::BoundedQueue<std::optional<scheduler::PlayEvent>> m_events;  // nothing: stop
    std::jthread m_thread;                                                 // last: joined first
};

}  // namespace kiosk::app

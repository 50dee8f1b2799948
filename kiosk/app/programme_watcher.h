#pragma once
// Notices staff edits: a thread of its own polls the schedule store's
// programme version once a second and, when it changes, loads the whole
// programme in one read and hands it over: kept for take_new_programme()
// until a sink is set, then to the sink (on the watcher's thread; the
// kiosk's sink posts it to the main loop's inbox). The main thread never
// touches the database.

#include <condition_variable>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <stop_token>
#include <thread>

#include "scheduler/programme.h"

namespace kiosk::app {

class ProgrammeWatcher {
  public:
    // Starts watching `database_file`; the first programme is loaded at once.
    explicit ProgrammeWatcher(std::filesystem::path database_file);
    ProgrammeWatcher(const ProgrammeWatcher&) = delete;
    ProgrammeWatcher& operator=(const ProgrammeWatcher&) = delete;

    // The newest programme not yet taken, if any. Never blocks for long.
    std::optional<scheduler::Programme> take_new_programme();

    // Waits up to `timeout` for the first load (start-up only).
    bool wait_for_first(std::chrono::milliseconds timeout);

    // From now on every new programme goes to `sink`, on the watcher's
    // thread (one not yet taken goes at once).
    void deliver_to(std::function<void(scheduler::Programme)> sink);

  private:
    void run(std::stop_token stop);

    std::filesystem::path m_database_file;
    std::mutex m_mutex;
    std::condition_variable_any m_changed;
    std::optional<scheduler::Programme> m_latest;      // under m_mutex
    std::function<void(scheduler::Programme)> m_sink;  // under m_mutex
    bool m_loaded_once = false;                        // under m_mutex
    std::jthread m_thread;                             // last: started once everything above is ready
};

}  // namespace kiosk::app

#pragma once
// Notices staff edits: a thread of its own polls the schedule store's
// programme version once a second and, when it changes, loads the whole
// programme in one read and leaves it for the main thread to take. The main
// thread never touches the database.

#include <atomic>
#include <condition_variable>
#include <filesystem>
#include <mutex>
#include <optional>
#include <thread>

#include "scheduler/programme.h"

namespace kiosk::app {

class ProgrammeWatcher {
  public:
    // Starts watching `database_file`; the first programme is loaded at once.
    explicit ProgrammeWatcher(std::filesystem::path database_file);
    ~ProgrammeWatcher();
    ProgrammeWatcher(const ProgrammeWatcher&) = delete;
    ProgrammeWatcher& operator=(const ProgrammeWatcher&) = delete;

    // The newest programme not yet taken, if any. Never blocks for long.
    std::optional<scheduler::Programme> take_new_programme();

    // Waits up to `timeout` for the first load (start-up only).
    bool wait_for_first(std::chrono::milliseconds timeout);

  private:
    void run();

    std::filesystem::path m_database_file;
    std::mutex m_mutex;
    std::condition_variable m_changed;
    std::optional<scheduler::Programme> m_latest;
    bool m_loaded_once = false;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace kiosk::app

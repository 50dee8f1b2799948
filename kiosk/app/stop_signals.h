#pragma once
// SIGTERM (systemd stopping the service) and SIGINT (Ctrl-C): the kiosk is
// gone within a second of either, whatever it is doing, with `exit_status`.
// The signals are blocked in every thread and taken by one thread of their
// own. While the kiosk starts (checking its package, measuring texts, opening
// screens) there is nothing worth finishing: that thread ends the process at
// once. Once the main loop runs, the signal is a request the loop answers by
// closing its screens and writing its reports; a stop that takes longer than
// kStopGrace is cut short all the same.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace kiosk::app {

class StopSignals {
  public:
    // How long the main loop has to stop once asked, before the process ends
    // without it: together with the loop's longest sleep, within a second.
    static constexpr std::chrono::milliseconds kStopGrace{800};

    // Must be made before any other thread starts: threads inherit the
    // blocked signals, and a thread that did not would take them instead.
    explicit StopSignals(int exit_status);
    ~StopSignals();
    StopSignals(const StopSignals&) = delete;
    StopSignals& operator=(const StopSignals&) = delete;

    // From now on a signal asks the main loop to stop (stop_requested()),
    // rather than ending the process, and wakes it with `wake` (called on
    // the signal watcher's thread).
    void main_loop_started(std::function<void()> wake = {}) {
        m_wake_main_loop = std::move(wake);
        m_main_loop_running = true;
    }
    // The loop is over and what `wake` touches may go: a signal from now on
    // only sets stop_requested() (and the grace still applies).
    void main_loop_stopped();
    bool stop_requested() const { return m_stop_requested; }

  private:
    void watch();

    int m_exit_status;
    std::function<void()> m_wake_main_loop;  // set before m_main_loop_running
    std::atomic<bool> m_main_loop_running{false};
    std::atomic<bool> m_stop_requested{false};
    std::mutex m_mutex;
    std::condition_variable m_closed;  // the destructor runs: the main loop has stopped
    bool m_closing = false;            // under m_mutex
    std::jthread m_watcher;            // last: started once everything above is ready
};

}  // namespace kiosk::app

#include "stop_signals.h"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cstdio>

#include <spdlog/spdlog.h>

namespace kiosk::app {
namespace {

sigset_t stop_signal_set() {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    return set;
}

const char* signal_name(int signal) {
    return signal == SIGINT ? "SIGINT" : "SIGTERM";
}

// Ends the process now. No destructor or exit handler runs: nothing the main
// thread is in the middle of can hold the end up, and nothing half-made is
// written out by a destructor.
[[noreturn]] void end_process(int status) {
    spdlog::default_logger()->flush();
    std::fflush(nullptr);
    _exit(status);
}

}  // namespace

StopSignals::StopSignals(int exit_status) : m_exit_status(exit_status) {
    const sigset_t set = stop_signal_set();
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    m_watcher = std::jthread([this] { watch(); });
}

StopSignals::~StopSignals() {
    {
        const std::lock_guard lock(m_mutex);
        m_closing = true;
    }
    m_closed.notify_all();
    // Wakes the watcher when no signal came (it is blocked everywhere, so
    // only the watcher's sigwait takes it).
    pthread_kill(m_watcher.native_handle(), SIGTERM);
    m_watcher.join();
}

void StopSignals::main_loop_stopped() {
    const std::lock_guard lock(m_mutex);  // the watcher calls the hook under it
    m_wake_main_loop = nullptr;
}

void StopSignals::watch() {
    const sigset_t set = stop_signal_set();
    int signal = 0;
    if (sigwait(&set, &signal) != 0) {
        return;
    }
    std::unique_lock lock(m_mutex);
    if (m_closing) {
        return;
    }
    if (!m_main_loop_running) {
        spdlog::info("{} while starting: stopped", signal_name(signal));
        end_process(m_exit_status);
    }
    spdlog::info("{}: stopping", signal_name(signal));
    m_stop_requested = true;
    if (m_wake_main_loop) {
        m_wake_main_loop();
    }
    if (!m_closed.wait_for(lock, kStopGrace, [this] { return m_closing; })) {
        spdlog::warn("not stopped {} ms after {}: ending at once", kStopGrace.count(), signal_name(signal));
        end_process(m_exit_status);
    }
}

}  // namespace kiosk::app

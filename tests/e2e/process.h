#pragma once

#include <chrono>
#include <csignal>
#include <functional>
#include <optional>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

namespace kiosk::test {

struct ProcessResult {
    int exit_code = -1;  // exit status when the process exited normally, -1 otherwise
    int signal = 0;      // terminating signal, 0 when it exited normally
    bool timed_out = false;
    std::string out;  // everything written to stdout
    std::string err;  // everything written to stderr
    // With a SignalPlan: from sending the signal to the process's end (nothing when it was not sent).
    std::optional<std::chrono::milliseconds> signal_to_exit;
};

// A signal sent to the process while it runs: as soon as `ready` says so (asked with the process id and
// its output so far, every 20 ms or less), and at the latest `latest` after it started.
struct SignalPlan {
    int signal = SIGTERM;
    std::function<bool(int pid, const ProcessResult& so_far)> ready;
    std::chrono::milliseconds latest{0};
};

using EnvOverrides = std::vector<std::pair<std::string, std::string>>;

// Runs argv[0] (looked up in PATH when it has no slash) with the given arguments and this process's
// environment plus `env`, stdin from /dev/null, and collects stdout and stderr. A process still running
// after `timeout` is killed together with its process group and reported as timed out.
ProcessResult run_process(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
                          const EnvOverrides& env = {},
                          const std::optional<SignalPlan>& signal = std::nullopt);

// Exit status (or signal / timeout) and the tail of stderr, for assertion messages.
std::ostream& operator<<(std::ostream& os, const ProcessResult& result);

}  // namespace kiosk::test

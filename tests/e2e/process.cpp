#include "process.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string_view>
#include <thread>

extern char** environ;

namespace kiosk::test {
namespace {

using Clock = std::chrono::steady_clock;

std::vector<std::string> merged_environment(const EnvOverrides& overrides) {
    std::vector<std::string> env;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string_view var(*entry);
        bool overridden = false;
        for (const auto& [name, value] : overrides) {
            overridden =
                overridden || (var.size() > name.size() && var.starts_with(name) && var[name.size()] == '=');
        }
        if (!overridden) {
            env.emplace_back(var);
        }
    }
    for (const auto& [name, value] : overrides) {
        env.push_back(name + "=" + value);
    }
    return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
    std::vector<char*> pointers;
    for (auto& s : strings) {
        pointers.push_back(s.data());
    }
    pointers.push_back(nullptr);
    return pointers;
}

// A non-blocking pipe read end and the string it is collected into.
struct Stream {
    int fd;
    std::string* sink;
};

// Reads what is available now; returns false once the stream is at end of file.
bool drain(Stream& stream) {
    char buffer[4096];
    while (true) {
        const ssize_t n = read(stream.fd, buffer, sizeof buffer);
        if (n > 0) {
            stream.sink->append(buffer, static_cast<std::size_t>(n));
        } else if (n < 0 && errno == EINTR) {
            continue;
        } else {
            return n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK);
        }
    }
}

}  // namespace

ProcessResult run_process(const std::vector<std::string>& argv, std::chrono::milliseconds timeout,
                          const EnvOverrides& env, const std::optional<SignalPlan>& signal) {
    if (argv.empty()) {
        throw std::invalid_argument("run_process: empty argv");
    }
    int out_pipe[2];
    int err_pipe[2];
    if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
        throw std::runtime_error(std::string("pipe2: ") + std::strerror(errno));
    }

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETPGROUP);  // own group, so a timeout kills it all
    posix_spawnattr_setpgroup(&attr, 0);

    std::vector<std::string> args = argv;
    std::vector<std::string> environment = merged_environment(env);
    pid_t pid = 0;
    const int spawn_rc = posix_spawnp(&pid, args[0].c_str(), &actions, &attr, c_strings(args).data(),
                                      c_strings(environment).data());
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    close(out_pipe[1]);
    close(err_pipe[1]);
    if (spawn_rc != 0) {
        close(out_pipe[0]);
        close(err_pipe[0]);
        throw std::runtime_error("cannot start " + args[0] + ": " + std::strerror(spawn_rc));
    }

    ProcessResult result;
    std::vector<Stream> open = {{out_pipe[0], &result.out}, {err_pipe[0], &result.err}};
    for (const auto& stream : open) {
        fcntl(stream.fd, F_SETFL, fcntl(stream.fd, F_GETFL) | O_NONBLOCK);
    }
    const auto started = Clock::now();
    const auto deadline = started + timeout;
    std::optional<Clock::time_point> signalled;
    int status = 0;
    bool reaped = false;
    while (!open.empty() || !reaped) {
        if (!reaped && waitpid(pid, &status, WNOHANG) == pid) {
            reaped = true;
            if (signalled) {
                result.signal_to_exit =
                    std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - *signalled);
            }
        }
        if (!reaped && signal && !signalled &&
            ((signal->ready && signal->ready(pid, result)) || Clock::now() >= started + signal->latest)) {
            kill(pid, signal->signal);
            signalled = Clock::now();
        }
        if (!reaped && Clock::now() >= deadline) {
            result.timed_out = true;
            kill(-pid, SIGKILL);
            waitpid(pid, &status, 0);
            reaped = true;
        }
        // Once the child is gone, take what is buffered and stop (a grandchild may hold the pipes).
        const bool last_pass = reaped;
        std::vector<pollfd> fds;
        for (const auto& stream : open) {
            fds.push_back({stream.fd, POLLIN, 0});
        }
        if (fds.empty()) {
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        } else {
            poll(fds.data(), fds.size(), last_pass ? 0 : 20);
        }
        for (auto it = open.begin(); it != open.end();) {
            if (!drain(*it) || last_pass) {
                close(it->fd);
                it = open.erase(it);
            } else {
                ++it;
            }
        }
    }

    kill(-pid, SIGKILL);  // leave nothing of the group behind

    if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.signal = WTERMSIG(status);
    }
    return result;
}

std::ostream& operator<<(std::ostream& os, const ProcessResult& result) {
    if (result.timed_out) {
        os << "timed out and was killed";
    } else if (result.signal != 0) {
        os << "killed by signal " << result.signal << " (" << strsignal(result.signal) << ")";
    } else {
        os << "exit status " << result.exit_code;
    }
    constexpr std::size_t kTail = 2000;
    const std::string_view err(result.err);
    os << "; stderr" << (err.size() > kTail ? " (tail)" : "") << ":\n"
       << (err.size() > kTail ? err.substr(err.size() - kTail) : err);
    return os;
}

}  // namespace kiosk::test

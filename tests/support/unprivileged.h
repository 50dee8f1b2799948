#pragma once
// Runs a check as a user without privileges: permission tests mean nothing
// to root, and the suite may run as root (in a container, on the hall PC).

#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>

#include <functional>

namespace kiosk::test {

// Whether `check` holds when run by a user who may read only what anyone may
// (`nobody`, in a child process when this one is root).
inline bool holds_unprivileged(const std::function<bool()>& check) {
    if (geteuid() != 0) {
        return check();
    }
    const pid_t child = fork();
    if (child < 0) {
        return false;
    }
    if (child == 0) {
        constexpr uid_t kNobody = 65534;
        const bool dropped = setgroups(0, nullptr) == 0 && setresgid(kNobody, kNobody, kNobody) == 0 &&
                             setresuid(kNobody, kNobody, kNobody) == 0;
        _exit(dropped && check() ? 0 : 1);
    }
    int status = 0;
    return waitpid(child, &status, 0) == child && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace kiosk::test

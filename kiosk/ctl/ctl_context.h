#pragma once
// What every staff command needs: where the database is, the hall's time
// zone, the still-picture time, and the errors a command may end with.

#include <chrono>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "records/categories.h"
#include "scheduler/calendar.h"
#include "scheduler/error.h"
#include "scheduler/programme_check.h"

namespace kiosk::ctl {

// kioskctl's exit statuses, the same for every command (README, "Exit status").
inline constexpr int kExitDone = 0;
inline constexpr int kExitRefused = 1;  // the request was refused or failed; the reason is printed
inline constexpr int kExitUsage = 2;    // a bad command line or configuration
// 3 and up: as each command documents.

// Why a command did not do what it was asked, by what staff may do about it.
enum class CtlErrorKind {
    refused,     // the request was refused or failed: the reason says what to fix before trying again
    usage,       // a bad command line or configuration: correct the command or --config
    unreadable,  // the folder named cannot be read at all: name another, or mend its permissions
};

struct CtlError {
    CtlErrorKind kind = CtlErrorKind::refused;
    // Printed as "kioskctl: COMMAND: message". Empty when the command has
    // said why already: several reasons, each as it was found, or a report
    // in a form of its own (probe's "FILE: cannot play: ...").
    std::string message;
};

// refused: 1; usage and unreadable: 2.
int exit_status(CtlErrorKind kind);

// Refused for `message`, or for the scheduler's error.
tl::unexpected<CtlError> refuse(std::string message);
tl::unexpected<CtlError> refuse(const scheduler::Error& error);
// Refused, and the reasons already printed.
tl::unexpected<CtlError> already_said();

struct CtlContext {
    std::filesystem::path data_dir;
    const date::time_zone* time_zone = nullptr;  // set for every command that needs the store
    std::chrono::milliseconds still_time = scheduler::kDefaultStillTime;
    // [consultation]: the categories as the hall names them, and how long a
    // call-back number is kept.
    records::Categories categories;
    std::chrono::days callback_retention{30};
};

// Prints each problem as "warning: ..." (after an edit that went through).
void print_warnings(std::ostream& err, const std::vector<scheduler::Problem>& problems,
                    const scheduler::Programme& programme);

// Why --zone ZONE is refused: "--zone \"lobby\": unknown zone (the zones are ...)".
std::string unknown_zone_text(const std::string& zone);

// "1:05:00", "15:00", "0:08".
std::string format_length(std::chrono::milliseconds length);

}  // namespace kiosk::ctl

#pragma once
// What every staff command needs: where the database is, the hall's time
// zone, the still-picture time, and one way of reporting errors.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "scheduler/calendar.h"
#include "scheduler/programme_check.h"
#include "scheduler/schedule_store.h"

namespace kiosk::ctl {

// kioskctl's exit statuses, the same for every command (README, "Exit status").
inline constexpr int kExitDone = 0;
inline constexpr int kExitRefused = 1;  // the request was refused or failed; the reason is printed
inline constexpr int kExitUsage = 2;    // a bad command line or configuration
// 3 and up: as each command documents.

struct CtlContext {
    std::filesystem::path data_dir;
    const date::time_zone* time_zone = nullptr;
    std::chrono::milliseconds still_time = scheduler::kDefaultStillTime;

    // The store at <data-dir>/kiosk.db; on failure the error is printed as "kioskctl: COMMAND: ...".
    std::unique_ptr<scheduler::ScheduleStore> open_store(const std::string& command, std::ostream& err) const;
    // The programme in force, read in one transaction; nothing (and the
    // error written to `err`) when the store cannot be opened or read.
    std::optional<scheduler::Programme> load_programme(const std::string& command, std::ostream& err) const;
};

// "kioskctl: COMMAND: message" and exit status 1.
int fail(std::ostream& err, const std::string& command, const std::string& message);
int fail(std::ostream& err, const std::string& command, const scheduler::Error& error);

// Prints each problem as "warning: ..." (after an edit that went through).
void print_warnings(std::ostream& err, const std::vector<scheduler::Problem>& problems,
                    const scheduler::Programme& programme);

// "1:05:00", "15:00", "0:08".
std::string format_length(std::chrono::milliseconds length);

}  // namespace kiosk::ctl

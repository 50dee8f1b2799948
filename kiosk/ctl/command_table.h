#pragma once
// kioskctl's commands as one table. Each leaf command is one entry: the words
// that name it, its help, its options, what it needs opened and its work. A
// command group is an entry with help and no work. The dispatcher builds the
// command line from the table, finds the leaf staff named, opens what it
// needs, runs it and turns its error into the message and exit status: a
// command returns its error and never chooses a status. One group of
// commands per file (media_command.cpp, ...).

#include <functional>
#include <memory>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include <CLI/CLI.hpp>
#include <tl/expected.hpp>

#include "ctl_context.h"
#include "records/records_store.h"
#include "scheduler/programme.h"
#include "scheduler/schedule_store.h"

namespace kiosk::ctl {

// What the dispatcher opens for a command before its work (run_command says when).
enum class Needs {
    nothing,    // no time zone, no store: probe and content check run whatever the configuration's time_zone
    store,      // the hall's time zone, then the store at <data-dir>/kiosk.db
    programme,  // as store, then the programme in force, read in one transaction
    records,    // the hall's time zone, then the records at <data-dir>/records.db (created when missing)
};

// What a command's steps are given.
struct Call {
    const CtlContext& context;
    std::string command;  // "schedule add rule", as messages name it
    std::ostream& out;
    std::ostream& err;
    // Open once the command's check has passed (Needs::store and ::programme); null before.
    scheduler::ScheduleStore* store = nullptr;
    const scheduler::Programme* programme = nullptr;  // Needs::programme
    records::RecordsStore* records = nullptr;         // Needs::records

    // "kioskctl: COMMAND: message" at once, for one of several reasons: the
    // command goes on, and ends with already_said() when any was given.
    void complain(const std::string& message) const;
};

using Outcome = tl::expected<void, CtlError>;

// One entry of the table: a leaf command, or a group when `run` is empty.
struct CommandEntry {
    std::vector<std::string> path;  // {"schedule", "add", "rule"}: the group's words, then its own
    std::string help;
    Needs needs = Needs::nothing;
    std::function<void(CLI::App&)> add_options;
    // The options alone, before anything is opened, so a bad value is refused
    // without touching the database. Empty when there is nothing to check.
    std::function<Outcome(const Call&)> check;
    std::function<Outcome(const Call&)> run;
};

// A leaf's steps over one value of its own options: the command line fills
// it, check may complete it (values parsed from the text given), run reads it.
template <typename Options>
struct Steps {
    void (*add_options)(CLI::App& app, Options& options) = nullptr;
    Outcome (*check)(Options& options, const Call& call) = nullptr;
    Outcome (*run)(const Options& options, const Call& call) = nullptr;
};

template <typename Options>
CommandEntry leaf_command(std::vector<std::string> path, std::string help, Needs needs, Steps<Options> steps,
                          Options initial = {}) {
    auto options = std::make_shared<Options>(std::move(initial));
    CommandEntry entry{std::move(path), std::move(help), needs, {}, {}, {}};
    entry.add_options = [options, add = steps.add_options](CLI::App& app) {
        if (add != nullptr) {
            add(app, *options);
        }
    };
    if (steps.check != nullptr) {
        entry.check = [options, check = steps.check](const Call& call) { return check(*options, call); };
    }
    entry.run = [options, run = steps.run](const Call& call) { return run(*options, call); };
    return entry;
}

// A group of commands: staff must name one of them.
CommandEntry command_group(std::vector<std::string> path, std::string help);

// The table on a command line: each entry a subcommand, in table order, so
// the help lists them in that order. A group's entry comes before its commands.
class CommandTable {
  public:
    CommandTable(CLI::App& cli, std::vector<CommandEntry> entries);
    CommandTable(const CommandTable&) = delete;
    CommandTable& operator=(const CommandTable&) = delete;

    // The leaf command the parsed command line names; null when none.
    const CommandEntry* parsed() const;

  private:
    std::vector<CommandEntry> m_entries;
    std::vector<std::pair<const CommandEntry*, CLI::App*>> m_leaves;
};

// Runs `entry`: the time zone named by `time_zone` (when it needs one), its
// check, the store and programme it needs, then its work. Every error is
// printed here, and the exit status is the error's (ctl_context.h).
int run_command(const CommandEntry& entry, CtlContext context, std::string_view time_zone, std::ostream& out,
                std::ostream& err);

}  // namespace kiosk::ctl

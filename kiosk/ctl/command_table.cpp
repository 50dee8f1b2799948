#include "command_table.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>

namespace kiosk::ctl {
namespace {

std::string command_name(const std::vector<std::string>& path) {
    std::string name;
    for (const std::string& word : path) {
        name += (name.empty() ? "" : " ") + word;
    }
    return name;
}

// "kioskctl: COMMAND: message"; nothing when the command has said why itself.
int report(std::ostream& err, const std::string& command, const CtlError& error) {
    if (!error.message.empty()) {
        err << "kioskctl: " << command << ": " << error.message << '\n';
    }
    return exit_status(error.kind);
}

// Run as root (sudo) in a data folder that belongs to the kiosk's user, the
// database and its companions go to that user: a records.db left to root
// would be read-only to the kiosk.
void give_to_data_owner(const std::filesystem::path& data_dir, const std::filesystem::path& file,
                        std::ostream& err) {
    struct stat folder {};
    if (geteuid() != 0 || stat(data_dir.c_str(), &folder) != 0 || folder.st_uid == 0) {
        return;
    }
    for (const char* suffix : {"", "-wal", "-shm"}) {
        const std::filesystem::path path = file.string() + suffix;
        std::error_code missing;
        if (!std::filesystem::exists(path, missing)) {
            continue;
        }
        if (chown(path.c_str(), folder.st_uid, folder.st_gid) != 0) {
            err << "kioskctl: warning: cannot give " << path.string()
                << " to the data folder's owner: " << std::strerror(errno) << '\n';
        }
    }
}

// The records database, made empty when there is none yet (reports then
// give zeros). A damaged file is left where it is, as the kiosk may have it
// open: the query fails with its reason, and the kiosk sets the file aside
// at its next start. The whole-file check is the kiosk's too: a staff
// command answers in the time its query takes.
tl::expected<std::unique_ptr<records::RecordsStore>, CtlError> open_records(const CtlContext& context,
                                                                            std::ostream& err) {
    std::error_code ignored;  // a folder that cannot be made is reported by the open below
    std::filesystem::create_directories(context.data_dir, ignored);
    records::RecordsStoreOptions options;
    options.check_integrity = false;
    options.move_aside_damaged = false;
    const std::filesystem::path file = records::records_file(context.data_dir);
    auto opened = records::open_records_store(file, context.categories, *context.time_zone, options);
    if (!opened) {
        return tl::unexpected(CtlError{CtlErrorKind::refused, opened.error().message});
    }
    give_to_data_owner(context.data_dir, file, err);
    return std::move(*opened);
}

}  // namespace

void Call::complain(const std::string& message) const {
    err << "kioskctl: " << command << ": " << message << '\n';
}

CommandEntry command_group(std::vector<std::string> path, std::string help) {
    return CommandEntry{std::move(path), std::move(help), Needs::nothing, {}, {}, {}};
}

CommandTable::CommandTable(CLI::App& cli, std::vector<CommandEntry> entries) : m_entries(std::move(entries)) {
    std::map<std::vector<std::string>, CLI::App*> apps{{{}, &cli}};
    for (const CommandEntry& entry : m_entries) {
        std::vector<std::string> parent_path = entry.path;
        parent_path.pop_back();
        const auto parent = apps.find(parent_path);
        // The table lists each group before its commands; a command whose group is missing is a mistake in
        // it.
        if (entry.path.empty() || parent == apps.end()) {
            std::abort();
        }
        CLI::App* app = parent->second->add_subcommand(entry.path.back(), entry.help);
        apps[entry.path] = app;
        if (entry.run) {
            entry.add_options(*app);
            m_leaves.emplace_back(&entry, app);
        } else {
            app->require_subcommand(1);
        }
    }
}

const CommandEntry* CommandTable::parsed() const {
    for (const auto& [entry, app] : m_leaves) {
        if (app->parsed()) {
            return entry;
        }
    }
    return nullptr;
}

int run_command(const CommandEntry& entry, CtlContext context, std::string_view time_zone, std::ostream& out,
                std::ostream& err) {
    if (entry.needs != Needs::nothing) {
        auto located = scheduler::locate_time_zone(time_zone);
        if (!located) {
            err << "kioskctl: bad configuration: time_zone: " << located.error().message << '\n';
            return exit_status(CtlErrorKind::usage);
        }
        context.time_zone = *located;
    }
    Call call{context, command_name(entry.path), out, err};
    if (entry.check) {
        if (auto checked = entry.check(call); !checked) {
            return report(err, call.command, checked.error());
        }
    }
    std::unique_ptr<scheduler::ScheduleStore> store;
    std::optional<scheduler::Programme> programme;
    std::unique_ptr<records::RecordsStore> records;
    if (entry.needs == Needs::records) {
        auto opened = open_records(context, err);
        if (!opened) {
            return report(err, call.command, opened.error());
        }
        records = std::move(*opened);
        call.records = records.get();
    } else if (entry.needs != Needs::nothing) {
        auto opened = scheduler::open_schedule_store(scheduler::database_path(context.data_dir));
        if (!opened) {
            return report(err, call.command, CtlError{CtlErrorKind::refused, opened.error().message});
        }
        store = std::move(*opened);
        call.store = store.get();
    }
    if (entry.needs == Needs::programme) {
        auto loaded = store->load_programme();
        if (!loaded) {
            return report(err, call.command, CtlError{CtlErrorKind::refused, loaded.error().message});
        }
        programme = std::move(*loaded);
        call.programme = &*programme;
    }
    if (auto done = entry.run(call); !done) {
        return report(err, call.command, done.error());
    }
    return kExitDone;
}

}  // namespace kiosk::ctl

// kioskctl schedule export / import: the whole programme as one file.

#include "schedule_command.h"
#include "scheduler/programme_file.h"

namespace kiosk::ctl {

int ScheduleCommand::export_file(const CtlContext& context, std::ostream& out, std::ostream& err) {
    const std::string command = "schedule export";
    auto programme = context.load_programme(command, err);
    if (!programme) {
        return 1;
    }
    if (auto written = scheduler::write_programme_file(m_file, *programme); !written) {
        return fail(err, command, written.error());
    }
    out << "wrote the programme (" << programme->playlists.size() << " playlists, " << programme->rules.size()
        << " rules, " << programme->interrupts.size() << " interrupts, " << programme->closed_hours.size()
        << " closed hours) to " << m_file << '\n';
    return 0;
}

int ScheduleCommand::import_file(const CtlContext& context, std::ostream& out, std::ostream& err) {
    const std::string command = "schedule import";
    auto store = context.open_store(command, err);
    if (!store) {
        return 1;
    }
    auto library = store->list_media();
    if (!library) {
        return fail(err, command, library.error());
    }
    auto imported = scheduler::read_programme_file(m_file, *library, *context.time_zone, context.still_time);
    if (!imported) {
        for (const auto& problem : imported.error()) {
            err << scheduler::to_string(problem) << '\n';
        }
        std::size_t errors = 0;
        for (const auto& problem : imported.error()) {
            errors += problem.severity == scheduler::Severity::error ? 1 : 0;
        }
        return fail(err, command,
                    m_file + " refused (" + std::to_string(errors) + " error" + (errors == 1 ? "" : "s") +
                        "); the programme in force is unchanged");
    }
    for (const auto& warning : imported->warnings) {
        err << scheduler::to_string(warning) << '\n';
    }
    const auto& programme = imported->programme;
    const std::string summary = std::to_string(programme.playlists.size()) + " playlists, " +
                                std::to_string(programme.rules.size()) + " rules, " +
                                std::to_string(programme.interrupts.size()) + " interrupts, " +
                                std::to_string(programme.closed_hours.size()) + " closed hours";
    if (m_dry_run) {
        out << m_file << " is good (" << summary << "); nothing changed (--dry-run)\n";
        return 0;
    }
    if (auto replaced = store->replace_programme(programme); !replaced) {
        return fail(err, command, replaced.error());
    }
    out << "imported " << m_file << " (" << summary << ")\n";
    return 0;
}

}  // namespace kiosk::ctl

// kioskctl schedule export / import: the whole programme as one file.

#include <algorithm>
#include <optional>

#include "schedule_command.h"
#include "scheduler/programme_changes.h"
#include "scheduler/programme_file.h"

namespace kiosk::ctl {
namespace {

using scheduler::ProgrammeChange;

// "1 rule", "2 rules".
std::string counted(std::size_t count, const std::string& one, const std::string& many) {
    return std::to_string(count) + " " + (count == 1 ? one : many);
}

std::string summary(const scheduler::Programme& programme) {
    return counted(programme.playlists.size(), "playlist", "playlists") + ", " +
           counted(programme.rules.size(), "rule", "rules") + ", " +
           counted(programme.interrupts.size(), "interrupt", "interrupts") + ", " +
           std::to_string(programme.closed_hours.size()) + " closed hours";
}

std::string counts(const std::vector<ProgrammeChange>& changes) {
    return std::to_string(scheduler::count_changes(changes, ProgrammeChange::Kind::added)) + " added, " +
           std::to_string(scheduler::count_changes(changes, ProgrammeChange::Kind::changed)) + " changed, " +
           std::to_string(scheduler::count_changes(changes, ProgrammeChange::Kind::removed)) + " removed";
}

void print_changes(std::ostream& out, const std::vector<ProgrammeChange>& changes,
                   std::optional<ProgrammeChange::Kind> only = std::nullopt) {
    for (const ProgrammeChange& change : changes) {
        if (!only || change.kind == *only) {
            out << "  " << scheduler::to_string(change.kind, true) << ": " << change.what << '\n';
        }
    }
}

// What a programme file is read against: the media's ids and names (and
// what the checks look at) are the same in both.
bool same_library(const std::vector<scheduler::MediaFile>& a, const std::vector<scheduler::MediaFile>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(),
                      [](const scheduler::MediaFile& x, const scheduler::MediaFile& y) {
                          return x.id == y.id && x.name == y.name && x.is_still == y.is_still &&
                                 x.duration == y.duration;
                      });
}

struct ProgrammeExport {
    std::string file;
};

void add_export_options(CLI::App& app, ProgrammeExport& exporting) {
    app.add_option("FILE", exporting.file, "programme.toml or programme.json")->required();
}

Outcome export_programme(const ProgrammeExport& exporting, const Call& call) {
    const scheduler::Programme& programme = *call.programme;
    if (auto written = scheduler::write_programme_file(exporting.file, programme); !written) {
        return refuse(written.error());
    }
    call.out << "wrote the programme (" << summary(programme) << ") to " << exporting.file << '\n';
    return {};
}

constexpr const char* kUnchanged = "; the programme in force is unchanged";

struct ProgrammeImport {
    std::string file;
    bool replace = false;
    bool dry_run = false;
    std::string text;  // the file's, once read
};

void add_import_options(CLI::App& app, ProgrammeImport& importing) {
    // Not CLI::ExistingFile: the import says itself why a file cannot be read (exit 1).
    app.add_option("FILE", importing.file, "programme.toml or programme.json")->required();
    app.add_flag("--replace", importing.replace,
                 "import even though it removes playlists, rules, interrupts, closed hours or defaults");
    app.add_flag("--dry-run", importing.dry_run,
                 "print what the import would add, change and remove, and change nothing");
}

// Read before the transaction: a slow disk must not hold the database's write lock.
Outcome read_import(ProgrammeImport& importing, const Call& /*call*/) {
    auto text = scheduler::read_programme_text(importing.file);
    if (!text) {
        return refuse(text.error().where + ": " + text.error().message + kUnchanged);
    }
    importing.text = std::move(*text);
    return {};
}

Outcome import_programme(const ProgrammeImport& importing, const Call& call) {
    const std::string& file = importing.file;
    const CtlContext& context = call.context;
    std::ostream& out = call.out;
    std::ostream& err = call.err;
    const scheduler::ProgrammeFormat format = scheduler::guess_programme_format(file, importing.text);
    const auto parse = [&](const std::vector<scheduler::MediaFile>& library) {
        return scheduler::parse_programme(importing.text, format, file, library, *context.time_zone,
                                          context.still_time);
    };
    // Parsed before the transaction too, against the programme in force as
    // the store was opened: a large file must not hold the write lock the
    // kiosk's proof of play waits for (5 s, then the record is lost).
    const scheduler::Programme* in_force_before = call.programme;
    std::optional<decltype(parse(in_force_before->media))> parsed = parse(in_force_before->media);
    std::vector<scheduler::FileProblem> problems;
    const auto refuse_file = [&]() -> Outcome {
        std::size_t errors = 0;
        for (const auto& problem : problems) {
            err << scheduler::to_string(problem) << '\n';
            errors += problem.severity == scheduler::Severity::error ? 1 : 0;
        }
        return refuse(file + " refused (" + std::to_string(errors) + " error" + (errors == 1 ? "" : "s") +
                      ")" + kUnchanged);
    };
    if (!*parsed) {
        // Refused against the library in force: no transaction is needed to say so.
        problems = std::move(parsed->error());
        return refuse_file();
    }
    std::vector<scheduler::FileProblem> warnings;
    std::string imported_summary;
    // The file is compared with the programme in force inside the import's
    // own transaction, so no edit made meanwhile is lost unseen; it is read
    // again there only when the media library changed meanwhile (rare).
    const scheduler::ProgrammeSource source =
        [&](const scheduler::Programme& in_force) -> tl::expected<scheduler::Programme, scheduler::Error> {
        auto imported = parsed && same_library(in_force.media, in_force_before->media)
                            ? std::move(*parsed)
                            : parse(in_force.media);
        parsed.reset();
        if (!imported) {
            problems = std::move(imported.error());
            return tl::unexpected(scheduler::Error{scheduler::ErrorKind::invalid_input, file + " refused"});
        }
        warnings = std::move(imported->warnings);
        imported_summary = summary(imported->programme);
        return std::move(imported->programme);
    };
    std::vector<ProgrammeChange> changes;
    bool removes = false;
    const scheduler::EditCheck check =
        [&](const scheduler::Programme& before,
            const scheduler::Programme& after) -> tl::expected<void, scheduler::Error> {
        changes = scheduler::compare_programmes(before, after);
        removes = scheduler::count_changes(changes, ProgrammeChange::Kind::removed) > 0;
        if (removes && !importing.replace) {
            return tl::unexpected(scheduler::Error{scheduler::ErrorKind::conflict, "it would remove things"});
        }
        return {};
    };
    const auto replaced = call.store->replace_programme(
        source, check, importing.dry_run ? scheduler::EditMode::dry_run : scheduler::EditMode::commit);

    if (!problems.empty()) {
        return refuse_file();
    }
    for (const auto& warning : warnings) {
        err << scheduler::to_string(warning) << '\n';
    }
    const bool refused_for_removals = !replaced && removes && !importing.replace;
    if (!replaced && !refused_for_removals) {
        return refuse(replaced.error());
    }
    const std::string removed_count =
        counted(scheduler::count_changes(changes, ProgrammeChange::Kind::removed), "thing", "things");
    const std::string give_replace = "give --replace to import it all the same";
    if (importing.dry_run) {
        out << file << " (" << imported_summary << ") against the programme in force: " << counts(changes)
            << '\n';
        print_changes(out, changes);
        if (refused_for_removals) {
            return refuse(file + " would be refused: it removes " + removed_count +
                          " from the programme in force (" + give_replace + "); nothing changed (--dry-run)");
        }
        out << "nothing changed (--dry-run)\n";
        return {};
    }
    if (refused_for_removals) {
        print_changes(err, changes, ProgrammeChange::Kind::removed);
        return refuse(file + " would remove the " + removed_count + " above from the programme in force" +
                      kUnchanged + " (" + give_replace + "; --dry-run shows every change)");
    }
    out << "imported " << file << " (" << imported_summary << "): " << counts(changes) << '\n';
    return {};
}

}  // namespace

CommandEntry schedule_export_command() {
    return leaf_command<ProgrammeExport>({"schedule", "export"},
                                         "write the whole programme to a JSON or TOML file", Needs::programme,
                                         {.add_options = add_export_options, .run = export_programme});
}

CommandEntry schedule_import_command() {
    return leaf_command<ProgrammeImport>(
        {"schedule", "import"}, "replace the whole programme from a JSON or TOML file", Needs::programme,
        {.add_options = add_import_options, .check = read_import, .run = import_programme});
}

}  // namespace kiosk::ctl

#include "schedule_command.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

#include "scheduler/programme_check.h"

namespace kiosk::ctl {
namespace {

using scheduler::Problem;
using scheduler::Programme;
using scheduler::Subject;

std::string zones_text(const std::vector<std::string>& zones) {
    if (zones.size() == scheduler::known_zones().size()) {
        return "all zones";
    }
    std::string text;
    for (const auto& zone : zones) {
        text += (text.empty() ? "" : ",") + zone;
    }
    return text;
}

std::string days_text(scheduler::Weekdays days, const scheduler::DateRange& dates) {
    std::string text = scheduler::format_weekdays(days);
    if (dates.first || dates.last) {
        text += " " + scheduler::format_date_range(dates);
    }
    return text;
}

// Zones from --zone (repeatable, or comma-separated; "all" for every zone).
std::vector<std::string> split_zones(const std::vector<std::string>& given) {
    std::vector<std::string> zones;
    for (const std::string& item : given) {
        std::stringstream parts(item);
        std::string zone;
        while (std::getline(parts, zone, ',')) {
            if (zone == "all") {
                return scheduler::known_zones();
            }
            if (!zone.empty() && std::find(zones.begin(), zones.end(), zone) == zones.end()) {
                zones.push_back(zone);
            }
        }
    }
    return zones;
}

// Problems the new element (`subject`) would bring; those already in the programme are not its fault.
std::vector<Problem> problems_of(const std::vector<Problem>& problems, Subject::Kind kind, std::int64_t id) {
    std::vector<Problem> own;
    for (const Problem& problem : problems) {
        if (problem.severity == scheduler::Severity::error && problem.subject.kind == kind &&
            problem.subject.id == id) {
            own.push_back(problem);
        }
    }
    return own;
}

}  // namespace

std::string describe_state(const Programme& programme, const scheduler::ZoneState& state) {
    switch (state.kind) {
        case scheduler::StateKind::closed:
            return state.closed_mode == scheduler::ClosedMode::blank ? "closed (screen blanked)"
                                                                     : "closed (quiet slate)";
        case scheduler::StateKind::unscheduled:
            return "nothing scheduled (\"programme unavailable\" slate)";
        case scheduler::StateKind::playing:
            break;
    }
    const scheduler::Playlist* playlist = programme.find_playlist(state.playlist);
    std::string text = "\"" + (playlist != nullptr ? playlist->name : "?") + "\" ";
    switch (state.source) {
        case scheduler::PlaySource::rule:
            return text + "(rule r" + std::to_string(state.source_id) + ")";
        case scheduler::PlaySource::interrupt:
            return text + "(interrupt i" + std::to_string(state.source_id) + ")";
        case scheduler::PlaySource::default_playlist:
            return text + "(default playlist)";
    }
    return text;
}

ScheduleCommand::ScheduleCommand(CLI::App& cli) {
    CLI::App* schedule = cli.add_subcommand("schedule", "what each zone plays when");
    schedule->require_subcommand(1);
    CLI::App* add =
        schedule->add_subcommand("add", "add a rule, an interrupt, closed hours or a zone's default");
    add->require_subcommand(1);
    const auto zone_option = [&](CLI::App* app) {
        app->add_option("--zone,--zones", m_zones,
                        "boards, models, av, health (repeat, comma-separate, or all)")
            ->required();
    };

    m_add_rule = add->add_subcommand("rule", "play a playlist in zones during a daypart");
    m_add_rule->add_option("--playlist", m_playlist, "playlist name")->required();
    zone_option(m_add_rule);
    m_add_rule->add_option("--from", m_from, "start time, HH:MM")->required();
    m_add_rule->add_option("--to", m_to, "end time, HH:MM (before --from: runs past midnight)")->required();
    m_add_rule->add_option("--days", m_days, "e.g. mon-fri, sat,sun, daily (the default)");
    m_add_rule->add_option("--dates", m_dates, "e.g. 2026-12-01..2026-12-31 (either end may be open)");
    m_add_rule->add_option("--priority", m_priority, "higher wins (default 0)");

    m_add_interrupt = add->add_subcommand("interrupt", "play a playlist once through at a fixed time");
    m_add_interrupt->add_option("--playlist", m_playlist, "playlist name")->required();
    zone_option(m_add_interrupt);
    m_add_interrupt->add_option("--at", m_at, "time, HH:MM")->required();
    m_add_interrupt->add_option("--on", m_on, "one date (once), YYYY-MM-DD");
    m_add_interrupt->add_option("--days", m_days, "recurring on these days (default daily)");
    m_add_interrupt->add_option("--dates", m_dates, "recurring within these dates");

    m_add_closed = add->add_subcommand("closed", "hours when zones are closed");
    zone_option(m_add_closed);
    m_add_closed->add_option("--from", m_from, "closing time, HH:MM")->required();
    m_add_closed->add_option("--to", m_to, "opening time, HH:MM (before --from: overnight)")->required();
    m_add_closed->add_option("--days", m_days, "e.g. daily (the default), mon");
    m_add_closed->add_option("--dates", m_dates, "e.g. 2026-10-01..2026-10-07");
    m_add_closed
        ->add_option("--mode", m_mode, "slate (quiet closed slate) or blank (screen off), for the zones")
        ->check(CLI::IsMember({"slate", "blank"}));

    m_add_default = add->add_subcommand("default", "the playlist a zone plays when no rule does");
    zone_option(m_add_default);
    m_add_default->add_option("--playlist", m_playlist, "playlist name")->required();

    m_remove = schedule->add_subcommand("remove",
                                        "remove a rule (r3), interrupt (i2), closed hours (c1) or default");
    m_remove->add_option("ID", m_id, "r<n>, i<n>, c<n> (see schedule list), or default")->required();
    m_remove->add_option("--zone", m_zone, "with default: the zone");

    m_list = schedule->add_subcommand("list", "every rule, interrupt, closed hours and default");
    m_list->add_option("--zone", m_zone, "only this zone");

    m_show = schedule->add_subcommand("show", "a zone's timeline for a day: what plays from when to when");
    m_show->add_option("--zone", m_zone, "boards, models, av or health")->required();
    m_show->add_option("--day", m_day, "YYYY-MM-DD (default today)");

    m_resolve = schedule->add_subcommand("resolve", "what plays in a zone at a moment, and until when");
    m_resolve->add_option("--zone", m_zone, "boards, models, av or health")->required();
    m_resolve->add_option("--at", m_at, "local time, e.g. 2026-12-02T10:00 (default now)");

    m_export = schedule->add_subcommand("export", "write the whole programme to a JSON or TOML file");
    m_export->add_option("FILE", m_file, "programme.toml or programme.json")->required();
    m_import = schedule->add_subcommand("import", "replace the whole programme from a JSON or TOML file");
    m_import->add_option("FILE", m_file, "programme.toml or programme.json")
        ->required()
        ->check(CLI::ExistingFile);
    m_import->add_flag("--dry-run", m_dry_run, "check the file only");
}

std::optional<int> ScheduleCommand::run(const CtlContext& context, std::ostream& out, std::ostream& err) {
    if (m_add_rule->parsed() || m_add_interrupt->parsed() || m_add_closed->parsed() ||
        m_add_default->parsed()) {
        return add(context, out, err);
    }
    if (m_remove->parsed())
        return remove(context, out, err);
    if (m_list->parsed())
        return list(context, out, err);
    if (m_show->parsed())
        return show(context, out, err);
    if (m_resolve->parsed())
        return resolve(context, out, err);
    if (m_export->parsed())
        return export_file(context, out, err);
    if (m_import->parsed())
        return import_file(context, out, err);
    return std::nullopt;
}

int ScheduleCommand::add(const CtlContext& context, std::ostream& out, std::ostream& err) {
    const std::string what = m_add_rule->parsed()        ? "rule"
                             : m_add_interrupt->parsed() ? "interrupt"
                             : m_add_closed->parsed()    ? "closed"
                                                         : "default";
    const std::string command = "schedule add " + what;
    const std::vector<std::string> zones = split_zones(m_zones);
    for (const std::string& zone : zones) {
        if (!scheduler::is_known_zone(zone)) {
            return fail(err, command,
                        "--zone " + zone + ": unknown zone (the zones are boards, models, av, health)");
        }
    }
    if (zones.empty()) {
        return fail(err, command, "--zone: give at least one zone");
    }
    // Every value is parsed before anything is stored; each error names its option.
    std::vector<std::string> problems;
    const auto parse = [&](const std::string& option, auto result) {
        if (!result) {
            problems.push_back(option + ": " + result.error());
        }
        return result;
    };
    scheduler::Daypart daypart;
    if (!m_add_interrupt->parsed() && !m_add_default->parsed()) {
        auto from = parse("--from", scheduler::parse_time_of_day(m_from));
        auto to = parse("--to", scheduler::parse_time_of_day(m_to, true));
        if (from && to) {
            daypart = {*from, *to};
        }
    }
    auto days = parse("--days", scheduler::parse_weekdays(m_days));
    scheduler::DateRange dates;
    if (!m_dates.empty()) {
        auto range = parse("--dates", scheduler::parse_date_range(m_dates));
        dates = range.value_or(dates);
    }
    if (!problems.empty()) {
        for (const std::string& problem : problems) {
            fail(err, command, problem);
        }
        return 1;
    }

    auto store = context.open_store(command, err);
    if (!store) {
        return 1;
    }
    auto programme = store->load_programme();
    if (!programme) {
        return fail(err, command, programme.error());
    }
    std::optional<scheduler::PlaylistId> playlist;
    if (!m_add_closed->parsed()) {
        const scheduler::Playlist* found = programme->find_playlist(m_playlist);
        if (found == nullptr) {
            return fail(err, command,
                        "--playlist " + m_playlist + ": no such playlist (see kioskctl playlist list)");
        }
        playlist = found->id;
    }

    // Try the change on a copy first: refuse it if it brings an error of its own.
    Programme trial = *programme;
    Subject::Kind kind = Subject::Kind::zone;
    std::int64_t trial_id = 1'000'000'000;
    if (m_add_rule->parsed()) {
        kind = Subject::Kind::rule;
        trial.rules.push_back({trial_id, *playlist, zones, daypart, *days, dates, m_priority});
    } else if (m_add_interrupt->parsed()) {
        kind = Subject::Kind::interrupt;
        auto at = parse("--at", scheduler::parse_time_of_day(m_at));
        std::optional<scheduler::Date> on;
        if (!m_on.empty() &&
            (m_add_interrupt->count("--days") > 0 || m_add_interrupt->count("--dates") > 0)) {
            problems.push_back("--on: give either --on (once) or --days/--dates (recurring), not both");
        }
        if (!m_on.empty()) {
            auto day = parse("--on", scheduler::parse_date(m_on));
            on = day ? std::optional(*day) : std::nullopt;
        }
        if (!problems.empty()) {
            for (const std::string& problem : problems) {
                fail(err, command, problem);
            }
            return 1;
        }
        trial.interrupts.push_back({trial_id, *playlist, zones, *at, on, *days, dates});
    } else if (m_add_closed->parsed()) {
        kind = Subject::Kind::closed_hours;
        trial.closed_hours.push_back({trial_id, zones, daypart, *days, dates});
    }
    const auto own =
        problems_of(scheduler::check_programme(trial, *context.time_zone, scheduler::CheckPolicy::lenient,
                                               context.still_time),
                    kind, trial_id);
    if (!own.empty()) {
        for (const Problem& problem : own) {
            fail(err, command, (problem.field.empty() ? "" : "--" + problem.field + ": ") + problem.message);
        }
        return 1;
    }

    std::string said;
    if (m_add_rule->parsed()) {
        auto id = store->add_rule(trial.rules.back());
        if (!id)
            return fail(err, command, id.error());
        said = "added rule r" + std::to_string(*id);
    } else if (m_add_interrupt->parsed()) {
        auto id = store->add_interrupt(trial.interrupts.back());
        if (!id)
            return fail(err, command, id.error());
        said = "added interrupt i" + std::to_string(*id) + " (" +
               format_length(scheduler::playlist_length(trial, *playlist, context.still_time)) + ")";
    } else if (m_add_closed->parsed()) {
        auto id = store->add_closed_hours(trial.closed_hours.back());
        if (!id)
            return fail(err, command, id.error());
        said = "added closed hours c" + std::to_string(*id);
        if (!m_mode.empty()) {
            for (const std::string& zone : zones) {
                if (auto set = store->set_closed_mode(zone, m_mode == "blank" ? scheduler::ClosedMode::blank
                                                                              : scheduler::ClosedMode::slate);
                    !set) {
                    return fail(err, command, set.error());
                }
            }
        }
    } else {
        for (const std::string& zone : zones) {
            if (auto set = store->set_default_playlist(zone, playlist); !set) {
                return fail(err, command, set.error());
            }
        }
        said = "default of " + zones_text(zones) + " is now \"" + m_playlist + "\"";
    }
    out << said << '\n';
    if (auto after = store->load_programme()) {
        print_warnings(err,
                       scheduler::check_programme(*after, *context.time_zone, scheduler::CheckPolicy::lenient,
                                                  context.still_time),
                       *after);
    }
    return 0;
}

int ScheduleCommand::remove(const CtlContext& context, std::ostream& out, std::ostream& err) {
    const std::string command = "schedule remove";
    auto store = context.open_store(command, err);
    if (!store) {
        return 1;
    }
    tl::expected<void, scheduler::Error> done;
    if (m_id == "default") {
        if (!scheduler::is_known_zone(m_zone)) {
            return fail(err, command, "default needs --zone (boards, models, av or health)");
        }
        done = store->set_default_playlist(m_zone, std::nullopt);
    } else {
        std::int64_t number = 0;
        const bool numeric = m_id.size() > 1 && m_id.find_first_not_of("0123456789", 1) == std::string::npos;
        if (numeric) {
            number = std::stoll(m_id.substr(1));
        }
        if (!numeric || (m_id[0] != 'r' && m_id[0] != 'i' && m_id[0] != 'c')) {
            return fail(err, command,
                        m_id +
                            ": not an id; give r<n> (rule), i<n> (interrupt) or c<n> (closed hours) from "
                            "kioskctl schedule list, or default --zone Z");
        }
        done = m_id[0] == 'r'   ? store->remove_rule(number)
               : m_id[0] == 'i' ? store->remove_interrupt(number)
                                : store->remove_closed_hours(number);
    }
    if (!done) {
        return fail(err, command, done.error());
    }
    out << "removed " << (m_id == "default" ? "the default of zone " + m_zone : m_id) << '\n';
    if (auto after = store->load_programme()) {
        print_warnings(err,
                       scheduler::check_programme(*after, *context.time_zone, scheduler::CheckPolicy::lenient,
                                                  context.still_time),
                       *after);
    }
    return 0;
}

int ScheduleCommand::list(const CtlContext& context, std::ostream& out, std::ostream& err) {
    auto store = context.open_store("schedule list", err);
    if (!store) {
        return 1;
    }
    auto programme = store->load_programme();
    if (!programme) {
        return fail(err, "schedule list", programme.error());
    }
    const auto in_zone = [&](const std::vector<std::string>& zones) {
        return m_zone.empty() || std::find(zones.begin(), zones.end(), m_zone) != zones.end();
    };
    const auto name = [&](scheduler::PlaylistId id) {
        const scheduler::Playlist* playlist = programme->find_playlist(id);
        return "\"" + (playlist != nullptr ? playlist->name : "?") + "\"";
    };
    out << "time zone " << context.time_zone->name() << "\n\nzones:\n";
    for (const std::string& zone : scheduler::known_zones()) {
        if (!m_zone.empty() && zone != m_zone)
            continue;
        const scheduler::ZoneSettings* settings = programme->find_zone(zone);
        out << "  " << std::left << std::setw(8) << zone << "default "
            << (settings != nullptr && settings->default_playlist ? name(*settings->default_playlist)
                                                                  : "(none)")
            << ", closed: " << (settings != nullptr ? to_string(settings->closed_mode) : "slate") << '\n';
    }
    out << "\nrules (in each zone the highest priority wins, then the shorter daypart, then the newer "
           "rule):\n";
    std::vector<const scheduler::ScheduleRule*> rules;
    for (const auto& rule : programme->rules) {
        if (in_zone(rule.zones))
            rules.push_back(&rule);
    }
    std::sort(rules.begin(), rules.end(),
              [](const auto* a, const auto* b) { return takes_precedence(*a, *b); });
    for (const auto* rule : rules) {
        out << "  " << std::left << std::setw(6) << ("r" + std::to_string(rule->id)) << std::setw(22)
            << zones_text(rule->zones) << std::setw(13)
            << (scheduler::format_time_of_day(rule->daypart.start) + "-" +
                scheduler::format_time_of_day(rule->daypart.end))
            << std::setw(30) << days_text(rule->weekdays, rule->dates) << "priority " << std::setw(5)
            << rule->priority << name(rule->playlist) << '\n';
    }
    out << "\ninterrupts:\n";
    for (const auto& interrupt : programme->interrupts) {
        if (!in_zone(interrupt.zones))
            continue;
        out << "  " << std::left << std::setw(6) << ("i" + std::to_string(interrupt.id)) << std::setw(22)
            << zones_text(interrupt.zones) << std::setw(13) << scheduler::format_time_of_day(interrupt.at)
            << std::setw(30)
            << (interrupt.on ? "on " + scheduler::format_date(*interrupt.on)
                             : days_text(interrupt.weekdays, interrupt.dates))
            << name(interrupt.playlist) << " ("
            << format_length(scheduler::playlist_length(*programme, interrupt.playlist, context.still_time))
            << ")\n";
    }
    out << "\nclosed hours:\n";
    for (const auto& closed : programme->closed_hours) {
        if (!in_zone(closed.zones))
            continue;
        out << "  " << std::left << std::setw(6) << ("c" + std::to_string(closed.id)) << std::setw(22)
            << zones_text(closed.zones) << std::setw(13)
            << (scheduler::format_time_of_day(closed.daypart.start) + "-" +
                scheduler::format_time_of_day(closed.daypart.end))
            << days_text(closed.weekdays, closed.dates) << '\n';
    }
    print_warnings(err,
                   scheduler::check_programme(*programme, *context.time_zone, scheduler::CheckPolicy::lenient,
                                              context.still_time),
                   *programme);
    return 0;
}

}  // namespace kiosk::ctl

#include "schedule_command.h"

#include <algorithm>
#include <charconv>
#include <iomanip>
#include <sstream>

#include "content/message_text.h"
#include "scheduler/edit_check.h"
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

// Ids grow (AUTOINCREMENT): the element just added has the largest.
template <typename Element>
std::int64_t newest_id(const std::vector<Element>& elements) {
    std::int64_t id = 0;
    for (const Element& element : elements) {
        id = std::max(id, element.id);
    }
    return id;
}

// A problem an edit would bring, in the words of the command: about the
// element being added (the newest of its kind), by the option at fault
// ("--to: ..."); about another, by its name ("interrupt i2 (at): ...").
std::string edit_problem_text(const Problem& problem, Subject::Kind kind,
                              const std::vector<std::string>& zones, const Programme& after) {
    const auto newest = [&] {
        return kind == Subject::Kind::rule        ? newest_id(after.rules)
               : kind == Subject::Kind::interrupt ? newest_id(after.interrupts)
                                                  : newest_id(after.closed_hours);
    };
    const bool own = problem.subject.kind == kind &&
                     (kind == Subject::Kind::zone
                          ? std::find(zones.begin(), zones.end(), problem.subject.zone) != zones.end()
                          : problem.subject.id == newest());
    if (own) {
        const std::string option = problem.field == "default" ? "playlist" : problem.field;
        return (option.empty() ? "" : "--" + option + ": ") + problem.message;
    }
    return scheduler::describe(problem.subject, after) +
           (problem.field.empty() ? "" : " (" + problem.field + ")") + ": " + problem.message;
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
    // Not CLI::ExistingFile: the import says itself why a file cannot be read (exit 1).
    m_import->add_option("FILE", m_file, "programme.toml or programme.json")->required();
    m_import->add_flag(
        "--replace", m_replace,
        "import even though it removes playlists, rules, interrupts, closed hours or defaults");
    m_import->add_flag("--dry-run", m_dry_run,
                       "print what the import would add, change and remove, and change nothing");
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
                        "--zone " + content::quoted_text(zone) +
                            ": unknown zone (the zones are boards, models, av, health)");
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
    scheduler::TimeOfDay at{0};
    std::optional<scheduler::Date> on;
    if (m_add_interrupt->parsed()) {
        at = parse("--at", scheduler::parse_time_of_day(m_at)).value_or(at);
        if (!m_on.empty() &&
            (m_add_interrupt->count("--days") > 0 || m_add_interrupt->count("--dates") > 0)) {
            problems.push_back("--on: give either --on (once) or --days/--dates (recurring), not both");
        }
        if (!m_on.empty()) {
            auto day = parse("--on", scheduler::parse_date(m_on));
            on = day ? std::optional(*day) : std::nullopt;
        }
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
    // The check runs inside the edit's transaction: the playlist is looked
    // up, the programme read and judged, and the element written, with no
    // other edit in between.
    scheduler::EditReview review;
    const scheduler::EditCheck check =
        scheduler::refuse_new_errors(*context.time_zone, context.still_time, &review);
    Subject::Kind kind = Subject::Kind::zone;
    tl::expected<std::int64_t, scheduler::Error> added = 0;
    if (m_add_rule->parsed()) {
        kind = Subject::Kind::rule;
        added = store->add_rule(m_playlist, {0, 0, zones, daypart, *days, dates, m_priority}, check);
    } else if (m_add_interrupt->parsed()) {
        kind = Subject::Kind::interrupt;
        added = store->add_interrupt(m_playlist, {0, 0, zones, at, on, *days, dates}, check);
    } else if (m_add_closed->parsed()) {
        kind = Subject::Kind::closed_hours;
        std::optional<scheduler::ClosedMode> mode;
        if (!m_mode.empty()) {
            mode = m_mode == "blank" ? scheduler::ClosedMode::blank : scheduler::ClosedMode::slate;
        }
        added = store->add_closed_hours({0, zones, daypart, *days, dates}, mode, check);
    } else if (auto set = store->set_default_playlist(zones, m_playlist, check); !set) {
        added = tl::unexpected(set.error());
    }
    if (!added) {
        if (review.brought.empty()) {
            return fail(err, command, added.error());
        }
        for (const Problem& problem : review.brought) {
            fail(err, command, edit_problem_text(problem, kind, zones, review.programme));
        }
        return 1;
    }

    if (m_add_rule->parsed()) {
        out << "added rule r" << *added << '\n';
    } else if (m_add_interrupt->parsed()) {
        const auto& interrupts = review.programme.interrupts;
        const auto found = std::find_if(interrupts.begin(), interrupts.end(),
                                        [&](const scheduler::Interrupt& i) { return i.id == *added; });
        out << "added interrupt i" << *added << " ("
            << format_length(
                   found == interrupts.end()
                       ? std::chrono::milliseconds{0}
                       : scheduler::playlist_length(review.programme, found->playlist, context.still_time))
            << ")\n";
    } else if (m_add_closed->parsed()) {
        out << "added closed hours c" << *added << '\n';
    } else {
        out << "default of " << zones_text(zones) << " is now " << content::quoted_text(m_playlist) << '\n';
    }
    print_warnings(err, review.after, review.programme);
    return 0;
}

int ScheduleCommand::remove(const CtlContext& context, std::ostream& out, std::ostream& err) {
    const std::string command = "schedule remove";
    std::int64_t number = 0;
    if (m_id != "default") {
        // r<n>, i<n> or c<n>, n a whole number that fits: no wrapping, no exception.
        const char* digits = m_id.data() + 1;
        const char* end = m_id.data() + m_id.size();
        const bool good = m_id.size() > 1 && (m_id[0] == 'r' || m_id[0] == 'i' || m_id[0] == 'c') &&
                          *digits != '-' && *digits != '+' &&
                          std::from_chars(digits, end, number).ec == std::errc{} &&
                          std::find_if_not(digits, end, [](char c) { return c >= '0' && c <= '9'; }) == end;
        if (!good) {
            return fail(err, command,
                        content::quoted_text(m_id) +
                            ": not an id; give r<n> (rule), i<n> (interrupt) or c<n> (closed hours) from "
                            "kioskctl schedule list, or default --zone Z");
        }
    } else if (!scheduler::is_known_zone(m_zone)) {
        return fail(err, command, "default needs --zone (boards, models, av or health)");
    }
    auto store = context.open_store(command, err);
    if (!store) {
        return 1;
    }
    scheduler::EditReview review;
    const scheduler::EditCheck check =
        scheduler::refuse_new_errors(*context.time_zone, context.still_time, &review);
    const tl::expected<void, scheduler::Error> done =
        m_id == "default" ? store->set_default_playlist({m_zone}, std::nullopt, check)
        : m_id[0] == 'r'  ? store->remove_rule(number, check)
        : m_id[0] == 'i'  ? store->remove_interrupt(number, check)
                          : store->remove_closed_hours(number, check);
    if (!done) {
        return fail(err, command, done.error());
    }
    out << "removed " << (m_id == "default" ? "the default of zone " + m_zone : m_id) << '\n';
    print_warnings(err, review.after, review.programme);
    return 0;
}

int ScheduleCommand::list(const CtlContext& context, std::ostream& out, std::ostream& err) {
    if (!m_zone.empty() && !scheduler::is_known_zone(m_zone)) {
        return fail(err, "schedule list",
                    "--zone " + content::quoted_text(m_zone) +
                        ": unknown zone (the zones are boards, models, av, health)");
    }
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

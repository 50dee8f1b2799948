#include "schedule_command.h"

#include <algorithm>
#include <charconv>
#include <iomanip>
#include <optional>
#include <sstream>

#include "content/message_text.h"
#include "scheduler/edit_check.h"
#include "scheduler/programme_check.h"
#include "staff_edit.h"

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

// --- schedule add rule|interrupt|closed|default ---

enum class Addition { rule, interrupt, closed, default_playlist };

struct ScheduleAddition {
    Addition what = Addition::rule;
    // As given.
    std::string playlist;
    std::vector<std::string> given_zones;
    std::string from;
    std::string to;
    std::string days = "daily";
    std::string dates;
    int priority = 0;
    std::string at;
    std::string on;
    std::string mode;
    const CLI::Option* days_option = nullptr;  // an interrupt's: given or not
    const CLI::Option* dates_option = nullptr;
    // As checked.
    std::vector<std::string> zones;
    scheduler::Daypart daypart;
    scheduler::Weekdays weekdays;
    scheduler::DateRange date_range;
    scheduler::TimeOfDay at_time{0};
    std::optional<scheduler::Date> once;
};

ScheduleAddition addition_of(Addition what) {
    ScheduleAddition addition;
    addition.what = what;
    return addition;
}

void add_zone_option(CLI::App& app, ScheduleAddition& addition) {
    app.add_option("--zone,--zones", addition.given_zones,
                   "boards, models, av, health (repeat, comma-separate, or all)")
        ->required();
}

void add_rule_options(CLI::App& app, ScheduleAddition& rule) {
    app.add_option("--playlist", rule.playlist, "playlist name")->required();
    add_zone_option(app, rule);
    app.add_option("--from", rule.from, "start time, HH:MM")->required();
    app.add_option("--to", rule.to, "end time, HH:MM (before --from: runs past midnight)")->required();
    app.add_option("--days", rule.days, "e.g. mon-fri, sat,sun, daily (the default)");
    app.add_option("--dates", rule.dates, "e.g. 2026-12-01..2026-12-31 (either end may be open)");
    app.add_option("--priority", rule.priority, "higher wins (default 0)");
}

void add_interrupt_options(CLI::App& app, ScheduleAddition& interrupt) {
    app.add_option("--playlist", interrupt.playlist, "playlist name")->required();
    add_zone_option(app, interrupt);
    app.add_option("--at", interrupt.at, "time, HH:MM")->required();
    app.add_option("--on", interrupt.on, "one date (once), YYYY-MM-DD");
    interrupt.days_option =
        app.add_option("--days", interrupt.days, "recurring on these days (default daily)");
    interrupt.dates_option = app.add_option("--dates", interrupt.dates, "recurring within these dates");
}

void add_closed_options(CLI::App& app, ScheduleAddition& closed) {
    add_zone_option(app, closed);
    app.add_option("--from", closed.from, "closing time, HH:MM")->required();
    app.add_option("--to", closed.to, "opening time, HH:MM (before --from: overnight)")->required();
    app.add_option("--days", closed.days, "e.g. daily (the default), mon");
    app.add_option("--dates", closed.dates, "e.g. 2026-10-01..2026-10-07");
    app.add_option("--mode", closed.mode, "slate (quiet closed slate) or blank (screen off), for the zones")
        ->check(CLI::IsMember({"slate", "blank"}));
}

void add_default_options(CLI::App& app, ScheduleAddition& setting) {
    add_zone_option(app, setting);
    app.add_option("--playlist", setting.playlist, "playlist name")->required();
}

// Every value is parsed before anything is stored; each error names its option.
Outcome check_addition(ScheduleAddition& addition, const Call& call) {
    addition.zones = split_zones(addition.given_zones);
    for (const std::string& zone : addition.zones) {
        if (!scheduler::is_known_zone(zone)) {
            return refuse(unknown_zone_text(zone));
        }
    }
    if (addition.zones.empty()) {
        return refuse("--zone: give at least one zone");
    }
    std::vector<std::string> problems;
    const auto parse = [&](const std::string& option, auto result) {
        if (!result) {
            problems.push_back(option + ": " + result.error());
        }
        return result;
    };
    if (addition.what == Addition::rule || addition.what == Addition::closed) {
        auto from = parse("--from", scheduler::parse_time_of_day(addition.from));
        auto to = parse("--to", scheduler::parse_time_of_day(addition.to, true));
        if (from && to) {
            addition.daypart = {*from, *to};
        }
    }
    addition.weekdays = parse("--days", scheduler::parse_weekdays(addition.days)).value_or(addition.weekdays);
    if (!addition.dates.empty()) {
        auto range = parse("--dates", scheduler::parse_date_range(addition.dates));
        addition.date_range = range.value_or(addition.date_range);
    }
    if (addition.what == Addition::interrupt) {
        addition.at_time =
            parse("--at", scheduler::parse_time_of_day(addition.at)).value_or(addition.at_time);
        if (!addition.on.empty() &&
            (addition.days_option->count() > 0 || addition.dates_option->count() > 0)) {
            problems.push_back("--on: give either --on (once) or --days/--dates (recurring), not both");
        }
        if (!addition.on.empty()) {
            auto day = parse("--on", scheduler::parse_date(addition.on));
            addition.once = day ? std::optional(*day) : std::nullopt;
        }
    }
    for (const std::string& problem : problems) {
        call.complain(problem);
    }
    return problems.empty() ? Outcome() : Outcome(already_said());
}

Outcome add_to_schedule(const ScheduleAddition& addition, const Call& call) {
    const std::vector<std::string>& zones = addition.zones;
    scheduler::ScheduleStore& store = *call.store;
    // The check runs inside the edit's transaction: the playlist is looked
    // up, the programme read and judged, and the element written, with no
    // other edit in between.
    scheduler::EditReview review;
    const scheduler::EditCheck check =
        scheduler::refuse_new_errors(*call.context.time_zone, call.context.still_time, &review);
    Subject::Kind kind = Subject::Kind::zone;
    tl::expected<std::int64_t, scheduler::Error> added = 0;
    switch (addition.what) {
        case Addition::rule:
            kind = Subject::Kind::rule;
            added = store.add_rule(
                addition.playlist,
                {0, 0, zones, addition.daypart, addition.weekdays, addition.date_range, addition.priority},
                check);
            break;
        case Addition::interrupt:
            kind = Subject::Kind::interrupt;
            added = store.add_interrupt(
                addition.playlist,
                {0, 0, zones, addition.at_time, addition.once, addition.weekdays, addition.date_range},
                check);
            break;
        case Addition::closed: {
            kind = Subject::Kind::closed_hours;
            std::optional<scheduler::ClosedMode> mode;
            if (!addition.mode.empty()) {
                mode = addition.mode == "blank" ? scheduler::ClosedMode::blank : scheduler::ClosedMode::slate;
            }
            added = store.add_closed_hours(
                {0, zones, addition.daypart, addition.weekdays, addition.date_range}, mode, check);
            break;
        }
        case Addition::default_playlist:
            if (auto set = store.set_default_playlist(zones, addition.playlist, check); !set) {
                added = tl::unexpected(set.error());
            }
            break;
    }
    if (!added) {
        if (review.brought.empty()) {
            return refuse(added.error());
        }
        for (const Problem& problem : review.brought) {
            call.complain(edit_problem_text(problem, kind, zones, review.programme));
        }
        return already_said();
    }

    std::ostream& out = call.out;
    switch (addition.what) {
        case Addition::rule:
            out << "added rule r" << *added << '\n';
            break;
        case Addition::interrupt: {
            const auto& interrupts = review.programme.interrupts;
            const auto found = std::find_if(interrupts.begin(), interrupts.end(),
                                            [&](const scheduler::Interrupt& i) { return i.id == *added; });
            out << "added interrupt i" << *added << " ("
                << format_length(found == interrupts.end()
                                     ? std::chrono::milliseconds{0}
                                     : scheduler::playlist_length(review.programme, found->playlist,
                                                                  call.context.still_time))
                << ")\n";
            break;
        }
        case Addition::closed:
            out << "added closed hours c" << *added << '\n';
            break;
        case Addition::default_playlist:
            out << "default of " << zones_text(zones) << " is now " << content::quoted_text(addition.playlist)
                << '\n';
            break;
    }
    print_warnings(call.err, review.after, review.programme);
    return {};
}

// --- schedule remove ---

struct ScheduleRemoval {
    std::string id;  // r<n>, i<n>, c<n> or "default"
    std::string zone;
    std::int64_t number = 0;  // the id's, once checked
};

void add_removal_options(CLI::App& app, ScheduleRemoval& removal) {
    app.add_option("ID", removal.id, "r<n>, i<n>, c<n> (see schedule list), or default")->required();
    app.add_option("--zone", removal.zone, "with default: the zone");
}

Outcome check_removal(ScheduleRemoval& removal, const Call& /*call*/) {
    const std::string& id = removal.id;
    if (id == "default") {
        if (!scheduler::is_known_zone(removal.zone)) {
            return refuse("default needs --zone (boards, models, av or health)");
        }
        return {};
    }
    // r<n>, i<n> or c<n>, n a whole number that fits: no wrapping, no exception.
    const char* digits = id.data() + 1;
    const char* end = id.data() + id.size();
    const bool good = id.size() > 1 && (id[0] == 'r' || id[0] == 'i' || id[0] == 'c') && *digits != '-' &&
                      *digits != '+' && std::from_chars(digits, end, removal.number).ec == std::errc{} &&
                      std::find_if_not(digits, end, [](char c) { return c >= '0' && c <= '9'; }) == end;
    if (!good) {
        return refuse(content::quoted_text(id) +
                      ": not an id; give r<n> (rule), i<n> (interrupt) or c<n> (closed hours) from "
                      "kioskctl schedule list, or default --zone Z");
    }
    return {};
}

Outcome remove_from_schedule(const ScheduleRemoval& removal, const Call& call) {
    const std::string& id = removal.id;
    return apply_edit(
        call,
        [&](scheduler::ScheduleStore& store, const scheduler::EditCheck& check) {
            return id == "default" ? store.set_default_playlist({removal.zone}, std::nullopt, check)
                   : id[0] == 'r'  ? store.remove_rule(removal.number, check)
                   : id[0] == 'i'  ? store.remove_interrupt(removal.number, check)
                                   : store.remove_closed_hours(removal.number, check);
        },
        "removed " + (id == "default" ? "the default of zone " + removal.zone : id));
}

// --- schedule list ---

struct ScheduleListing {
    std::string zone;  // empty: every zone
};

void add_listing_options(CLI::App& app, ScheduleListing& listing) {
    app.add_option("--zone", listing.zone, "only this zone");
}

Outcome check_listing(ScheduleListing& listing, const Call& /*call*/) {
    if (!listing.zone.empty() && !scheduler::is_known_zone(listing.zone)) {
        return refuse(unknown_zone_text(listing.zone));
    }
    return {};
}

Outcome list_schedule(const ScheduleListing& listing, const Call& call) {
    const Programme* programme = call.programme;
    const std::string& only = listing.zone;  // empty: every zone
    const CtlContext& context = call.context;
    std::ostream& out = call.out;
    const auto in_zone = [&](const std::vector<std::string>& zones) {
        return only.empty() || std::find(zones.begin(), zones.end(), only) != zones.end();
    };
    const auto name = [&](scheduler::PlaylistId id) {
        const scheduler::Playlist* playlist = programme->find_playlist(id);
        return "\"" + (playlist != nullptr ? playlist->name : "?") + "\"";
    };
    out << "time zone " << context.time_zone->name() << "\n\nzones:\n";
    for (const std::string& zone : scheduler::known_zones()) {
        if (!only.empty() && zone != only)
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
    print_warnings(call.err,
                   scheduler::check_programme(*programme, *context.time_zone, scheduler::CheckPolicy::lenient,
                                              context.still_time),
                   *programme);
    return {};
}

}  // namespace

std::vector<CommandEntry> schedule_commands() {
    return {
        command_group({"schedule"}, "what each zone plays when"),
        command_group({"schedule", "add"}, "add a rule, an interrupt, closed hours or a zone's default"),
        leaf_command<ScheduleAddition>(
            {"schedule", "add", "rule"}, "play a playlist in zones during a daypart", Needs::store,
            {.add_options = add_rule_options, .check = check_addition, .run = add_to_schedule},
            addition_of(Addition::rule)),
        leaf_command<ScheduleAddition>(
            {"schedule", "add", "interrupt"}, "play a playlist once through at a fixed time", Needs::store,
            {.add_options = add_interrupt_options, .check = check_addition, .run = add_to_schedule},
            addition_of(Addition::interrupt)),
        leaf_command<ScheduleAddition>(
            {"schedule", "add", "closed"}, "hours when zones are closed", Needs::store,
            {.add_options = add_closed_options, .check = check_addition, .run = add_to_schedule},
            addition_of(Addition::closed)),
        leaf_command<ScheduleAddition>(
            {"schedule", "add", "default"}, "the playlist a zone plays when no rule does", Needs::store,
            {.add_options = add_default_options, .check = check_addition, .run = add_to_schedule},
            addition_of(Addition::default_playlist)),
        leaf_command<ScheduleRemoval>(
            {"schedule", "remove"}, "remove a rule (r3), interrupt (i2), closed hours (c1) or default",
            Needs::store,
            {.add_options = add_removal_options, .check = check_removal, .run = remove_from_schedule}),
        leaf_command<ScheduleListing>(
            {"schedule", "list"}, "every rule, interrupt, closed hours and default", Needs::programme,
            {.add_options = add_listing_options, .check = check_listing, .run = list_schedule}),
        schedule_show_command(),
        schedule_resolve_command(),
        schedule_export_command(),
        schedule_import_command(),
    };
}

}  // namespace kiosk::ctl

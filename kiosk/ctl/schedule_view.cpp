// kioskctl schedule show / resolve: the resolver's answers in plain text.

#include <algorithm>
#include <iomanip>
#include <string>
#include <vector>

#include "schedule_command.h"
#include "scheduler/resolver.h"

namespace kiosk::ctl {
namespace {

// "\"av-loop\" (rule r3)", "closed (quiet slate)", ...
std::string describe_state(const scheduler::Programme& programme, const scheduler::ZoneState& state) {
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

// "09:00", or "01:30 EDT" on a day the clocks change (when a wall time may repeat).
std::string clock_text(scheduler::Instant at, const date::time_zone& tz, bool with_zone) {
    const std::string moment = scheduler::format_local_moment(at, tz);
    std::string time = moment.substr(11);
    if (time.ends_with(":00")) {
        time = time.substr(0, 5);
    }
    if (with_zone) {
        time += " " + tz.get_info(std::chrono::floor<std::chrono::seconds>(at)).abbrev;
    }
    return time;
}

scheduler::Date today(const date::time_zone& tz) {
    const auto now =
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    return scheduler::Date{date::floor<date::days>(scheduler::to_local(now, tz))};
}

const char* weekday_name(scheduler::Date day) {
    static const char* kNames[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                   "Thursday", "Friday", "Saturday"};
    return kNames[date::weekday{date::sys_days{day}}.c_encoding()];
}

struct ScheduleShowing {
    std::string zone;
    std::string day_text;  // empty: today
    scheduler::Date day;   // once checked
};

void add_showing_options(CLI::App& app, ScheduleShowing& showing) {
    app.add_option("--zone", showing.zone, "boards, models, av or health")->required();
    app.add_option("--day", showing.day_text, "YYYY-MM-DD (default today)");
}

Outcome check_showing(ScheduleShowing& showing, const Call& call) {
    if (!scheduler::is_known_zone(showing.zone)) {
        return refuse(unknown_zone_text(showing.zone));
    }
    showing.day = today(*call.context.time_zone);
    if (!showing.day_text.empty()) {
        auto parsed = scheduler::parse_date(showing.day_text);
        if (!parsed) {
            return refuse("--day: " + parsed.error());
        }
        showing.day = *parsed;
    }
    return {};
}

Outcome show_day(const ScheduleShowing& showing, const Call& call) {
    const scheduler::Programme& programme = *call.programme;
    const scheduler::Date day = showing.day;
    const auto& tz = *call.context.time_zone;
    const auto schedule =
        scheduler::ZoneSchedule::compile(programme, showing.zone, {call.context.still_time});
    const auto entries = scheduler::day_timeline(schedule, day, tz);
    const bool clocks_change = entries.back().to - entries.front().from != std::chrono::hours(24);
    std::ostream& out = call.out;
    out << "zone " << showing.zone << ", " << weekday_name(day) << " " << scheduler::format_date(day) << " ("
        << tz.name() << (clocks_change ? ", the clocks change today" : "") << ")\n";
    const scheduler::Date next{date::sys_days{day} + date::days{1}};
    std::vector<std::string> spans;
    std::size_t width = 0;
    for (const auto& entry : entries) {
        const std::string to =
            entry.to == scheduler::start_of_day(next, tz) ? "24:00" : clock_text(entry.to, tz, clocks_change);
        spans.push_back(clock_text(entry.from, tz, clocks_change) + "-" + to);
        width = std::max(width, spans.back().size());
    }
    for (std::size_t i = 0; i < entries.size(); ++i) {
        out << "  " << std::left << std::setw(static_cast<int>(width + 2)) << spans[i]
            << describe_state(programme, entries[i].state) << '\n';
    }
    return {};
}

struct ZoneResolving {
    std::string zone;
    std::string at_text;    // empty: now
    scheduler::Instant at;  // once checked
};

void add_resolving_options(CLI::App& app, ZoneResolving& resolving) {
    app.add_option("--zone", resolving.zone, "boards, models, av or health")->required();
    app.add_option("--at", resolving.at_text, "local time, e.g. 2026-12-02T10:00 (default now)");
}

Outcome check_resolving(ZoneResolving& resolving, const Call& call) {
    if (!scheduler::is_known_zone(resolving.zone)) {
        return refuse(unknown_zone_text(resolving.zone));
    }
    resolving.at = std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    std::string note;
    if (!resolving.at_text.empty()) {
        auto parsed = scheduler::parse_local_moment(resolving.at_text, *call.context.time_zone, &note);
        if (!parsed) {
            return refuse("--at: " + parsed.error());
        }
        resolving.at = *parsed;
    }
    if (!note.empty()) {
        call.err << "note: " << note << '\n';
    }
    return {};
}

Outcome resolve_zone(const ZoneResolving& resolving, const Call& call) {
    const scheduler::Programme& programme = *call.programme;
    const auto& tz = *call.context.time_zone;
    const auto schedule =
        scheduler::ZoneSchedule::compile(programme, resolving.zone, {call.context.still_time});
    const auto r = scheduler::resolve(schedule, resolving.at, tz);
    std::ostream& out = call.out;
    out << "zone " << resolving.zone << " at " << scheduler::format_local_moment(resolving.at, tz) << " ("
        << tz.name() << "): " << describe_state(programme, r.state) << '\n';
    out << "  since " << scheduler::format_local_moment(r.since, tz) << '\n';
    if (r.until_is_horizon) {
        out << "  until further notice (no change in the next " << scheduler::kResolveHorizon.count()
            << " days)\n";
    } else {
        out << "  until " << scheduler::format_local_moment(r.until, tz) << ", then "
            << describe_state(programme, scheduler::resolve(schedule, r.until, tz).state) << '\n';
    }
    return {};
}

}  // namespace

CommandEntry schedule_show_command() {
    return leaf_command<ScheduleShowing>(
        {"schedule", "show"}, "a zone's timeline for a day: what plays from when to when", Needs::programme,
        {.add_options = add_showing_options, .check = check_showing, .run = show_day});
}

CommandEntry schedule_resolve_command() {
    return leaf_command<ZoneResolving>(
        {"schedule", "resolve"}, "what plays in a zone at a moment, and until when", Needs::programme,
        {.add_options = add_resolving_options, .check = check_resolving, .run = resolve_zone});
}

}  // namespace kiosk::ctl

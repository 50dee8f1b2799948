// kioskctl schedule show / resolve: the resolver's answers in plain text.

#include <algorithm>
#include <iomanip>
#include <vector>

#include "content/message_text.h"
#include "schedule_command.h"

namespace kiosk::ctl {
namespace {

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

}  // namespace

int ScheduleCommand::show(const CtlContext& context, std::ostream& out, std::ostream& err) {
    const std::string command = "schedule show";
    if (!scheduler::is_known_zone(m_zone)) {
        return fail(err, command,
                    "--zone " + content::quoted_text(m_zone) +
                        ": unknown zone (the zones are boards, models, av, health)");
    }
    scheduler::Date day = today(*context.time_zone);
    if (!m_day.empty()) {
        auto parsed = scheduler::parse_date(m_day);
        if (!parsed) {
            return fail(err, command, "--day: " + parsed.error());
        }
        day = *parsed;
    }
    auto programme = context.load_programme(command, err);
    if (!programme) {
        return 1;
    }
    const auto& tz = *context.time_zone;
    const auto schedule = scheduler::ZoneSchedule::compile(*programme, m_zone, {context.still_time});
    const auto entries = scheduler::day_timeline(schedule, day, tz);
    const bool clocks_change = entries.back().to - entries.front().from != std::chrono::hours(24);
    out << "zone " << m_zone << ", " << weekday_name(day) << " " << scheduler::format_date(day) << " ("
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
            << describe_state(*programme, entries[i].state) << '\n';
    }
    return 0;
}

int ScheduleCommand::resolve(const CtlContext& context, std::ostream& out, std::ostream& err) {
    const std::string command = "schedule resolve";
    if (!scheduler::is_known_zone(m_zone)) {
        return fail(err, command,
                    "--zone " + content::quoted_text(m_zone) +
                        ": unknown zone (the zones are boards, models, av, health)");
    }
    const auto& tz = *context.time_zone;
    scheduler::Instant at =
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    std::string note;
    if (!m_at.empty()) {
        auto parsed = scheduler::parse_local_moment(m_at, tz, &note);
        if (!parsed) {
            return fail(err, command, "--at: " + parsed.error());
        }
        at = *parsed;
    }
    if (!note.empty()) {
        err << "note: " << note << '\n';
    }
    auto programme = context.load_programme(command, err);
    if (!programme) {
        return 1;
    }
    const auto schedule = scheduler::ZoneSchedule::compile(*programme, m_zone, {context.still_time});
    const auto r = scheduler::resolve(schedule, at, tz);
    out << "zone " << m_zone << " at " << scheduler::format_local_moment(at, tz) << " (" << tz.name()
        << "): " << describe_state(*programme, r.state) << '\n';
    out << "  since " << scheduler::format_local_moment(r.since, tz) << '\n';
    if (r.until_is_horizon) {
        out << "  until further notice (no change in the next " << scheduler::kResolveHorizon.count()
            << " days)\n";
    } else {
        out << "  until " << scheduler::format_local_moment(r.until, tz) << ", then "
            << describe_state(*programme, scheduler::resolve(schedule, r.until, tz).state) << '\n';
    }
    return 0;
}

}  // namespace kiosk::ctl

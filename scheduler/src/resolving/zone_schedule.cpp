#include <algorithm>

#include "resolving/local_clock.h"
#include "scheduler/resolver.h"

namespace scheduler {
namespace {

// Interrupts are checked to last under a day; the resolver relies on it.
constexpr std::chrono::milliseconds kLongestInterrupt{24LL * 60 * 60 * 1000};

bool has_zone(const std::vector<std::string>& zones, std::string_view zone) {
    return std::find(zones.begin(), zones.end(), zone) != zones.end();
}

std::int64_t day_number(Date day) {
    return date::local_days{day}.time_since_epoch().count();
}

ZoneSchedule::Window window_of(const Daypart& daypart, Weekdays weekdays, const DateRange& dates) {
    ZoneSchedule::Window window;
    window.start_seconds = daypart.start.count();
    window.end_seconds = daypart.end.count() + (daypart.overnight() ? detail::kSecondsPerDay : 0);
    window.weekdays = static_cast<std::uint8_t>(weekdays.mask & 0x7f);
    if (dates.first) {
        window.first_day = day_number(*dates.first);
    }
    if (dates.last) {
        window.last_day = day_number(*dates.last);
    }
    return window;
}

}  // namespace

ZoneSchedule ZoneSchedule::compile(const Programme& programme, std::string_view zone,
                                   const ResolveOptions& options) {
    ZoneSchedule schedule;
    schedule.m_zone = std::string(zone);

    std::vector<const ScheduleRule*> rules;
    for (const ScheduleRule& rule : programme.rules) {
        if (has_zone(rule.zones, zone)) {
            rules.push_back(&rule);
        }
    }
    std::sort(rules.begin(), rules.end(),
              [](const ScheduleRule* a, const ScheduleRule* b) { return takes_precedence(*a, *b); });
    for (const ScheduleRule* rule : rules) {
        schedule.m_rules.push_back(
            {window_of(rule->daypart, rule->weekdays, rule->dates), rule->id, rule->playlist});
    }

    for (const scheduler::Interrupt& interrupt : programme.interrupts) {
        if (!has_zone(interrupt.zones, zone)) {
            continue;
        }
        const auto length =
            std::min(playlist_length(programme, interrupt.playlist, options.still_time), kLongestInterrupt);
        if (length <= std::chrono::milliseconds{0}) {
            continue;  // nothing to play: it cannot cut in (validation reports it)
        }
        Window window = interrupt.on
                            ? window_of({interrupt.at, interrupt.at}, Weekdays::every_day(),
                                        DateRange{interrupt.on, interrupt.on})
                            : window_of({interrupt.at, interrupt.at}, interrupt.weekdays, interrupt.dates);
        window.end_seconds = window.start_seconds;  // an interrupt's end is its start plus its length
        schedule.m_interrupts.push_back({window, length, interrupt.id, interrupt.playlist});
    }

    for (const ClosedHours& closed : programme.closed_hours) {
        if (has_zone(closed.zones, zone) && closed.daypart.start != closed.daypart.end) {
            schedule.m_closed.push_back(window_of(closed.daypart, closed.weekdays, closed.dates));
        }
    }

    if (const ZoneSettings* settings = programme.find_zone(zone)) {
        schedule.m_default = settings->default_playlist;
        schedule.m_closed_mode = settings->closed_mode;
    }
    return schedule;
}

const char* to_string(PlaySource source) {
    switch (source) {
        case PlaySource::rule:
            return "rule";
        case PlaySource::interrupt:
            return "interrupt";
        case PlaySource::default_playlist:
            return "default";
    }
    return "default";
}

}  // namespace scheduler

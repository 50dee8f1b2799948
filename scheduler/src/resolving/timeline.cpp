#include "scheduler/resolver.h"

namespace scheduler {

std::vector<TimelineEntry> timeline(const ZoneSchedule& schedule, Instant from, Instant to,
                                    const date::time_zone& tz) {
    std::vector<TimelineEntry> entries;
    for (Instant at = from; at < to;) {
        const ZoneResolution resolution = resolve(schedule, at, tz);
        const Instant end = std::min(resolution.until, to);
        if (!entries.empty() && entries.back().state == resolution.state) {
            entries.back().to = end;  // e.g. a daily interrupt that runs exactly into the next one
        } else {
            entries.push_back({resolution.state, at, end});
        }
        at = end;
    }
    return entries;
}

std::vector<TimelineEntry> day_timeline(const ZoneSchedule& schedule, Date day, const date::time_zone& tz) {
    const Date next{date::sys_days{day} + date::days{1}};
    return timeline(schedule, start_of_day(day, tz), start_of_day(next, tz), tz);
}

}  // namespace scheduler

// Resolution is total and exact: for every minute of a year every zone
// resolves to something to show, and the answer agrees with the timeline
// built by following `until` (so no switch is ever missed or invented).
#include <gtest/gtest.h>

#include "hall_programme.h"
#include "scheduler/resolver.h"

namespace scheduler::test {
namespace {

void check_year(const Programme& programme, const date::time_zone& tz) {
    const Instant start = local("2026-01-01T00:00", tz);
    const Instant end = local("2027-01-01T00:00", tz);
    for (const std::string& zone : known_zones()) {
        const ZoneSchedule schedule = ZoneSchedule::compile(programme, zone);
        const std::vector<TimelineEntry> entries = timeline(schedule, start, end, tz);
        std::size_t entry = 0;
        std::size_t minutes = 0;
        for (Instant at = start; at < end; at += std::chrono::minutes(1), ++minutes) {
            while (entries[entry].to <= at) {
                ++entry;
            }
            const ZoneResolution r = resolve(schedule, at, tz);
            ASSERT_NE(r.state.kind, StateKind::unscheduled) << zone << " at " << format_local_moment(at, tz);
            ASSERT_EQ(r.state, entries[entry].state) << zone << " at " << format_local_moment(at, tz);
            if (entry > 0) {
                ASSERT_EQ(r.since, entries[entry].from) << zone << " at " << format_local_moment(at, tz);
            }
            if (entries[entry].to < end) {
                ASSERT_EQ(r.until, entries[entry].to) << zone << " at " << format_local_moment(at, tz);
            }
        }
        EXPECT_GE(minutes, 365U * 24 * 60 - 60);
    }
}

TEST(HallYear, EveryMinuteOfAYearResolvesInShanghai) {
    check_year(make_hall_programme().programme, *date::locate_zone("Asia/Shanghai"));
}

TEST(HallYear, EveryMinuteOfAYearResolvesInNewYork) {
    check_year(make_hall_programme().programme, *date::locate_zone("America/New_York"));
}

}  // namespace
}  // namespace scheduler::test

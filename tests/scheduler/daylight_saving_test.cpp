// Clocks-change days: a boundary in the missing hour happens when the clocks
// jump; one in the repeated hour happens at its first occurrence; nothing is
// skipped or played twice. (2026: New York changes on 8 March and 1 November,
// Berlin on 29 March and 25 October.)
#include <gtest/gtest.h>

#include "programme_builder.h"
#include "scheduler/resolver.h"

namespace scheduler::test {
namespace {

using std::chrono::hours;
using std::chrono::minutes;

const date::time_zone& new_york() {
    return *date::locate_zone("America/New_York");
}
const date::time_zone& berlin() {
    return *date::locate_zone("Europe/Berlin");
}

// An exact instant: "2026-03-08T07:00Z".
Instant utc(const std::string& text) {
    return local(text, new_york());
}

TEST(DaylightSaving, RuleStartingInTheMissingHourStartsWhenTheClocksJump) {
    ProgrammeBuilder b;
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    const PlaylistId early = b.playlist_of("early", minutes(5));
    b.default_playlist("av", loop);
    const RuleId rule = b.rule(early, {"av"}, "02:30", "04:00");
    const ZoneResolution before = resolve(b.programme(), "av", utc("2026-03-08T06:59:59Z"), new_york());
    EXPECT_EQ(before.state.playlist, loop);
    EXPECT_EQ(before.until, utc("2026-03-08T07:00Z"));  // 02:00 EST = 03:00 EDT
    const ZoneResolution during = resolve(b.programme(), "av", utc("2026-03-08T07:00Z"), new_york());
    EXPECT_EQ(during.state.source_id, rule);
    EXPECT_EQ(during.until, utc("2026-03-08T04:00-04:00"));
    // On an ordinary day it starts at 02:30.
    EXPECT_EQ(resolve(b.programme(), "av", utc("2026-03-09T06:00Z"), new_york()).until,
              utc("2026-03-09T02:30-04:00"));
}

TEST(DaylightSaving, InterruptInTheMissingHourCutsInWhenTheClocksJump) {
    ProgrammeBuilder b;
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    const PlaylistId news = b.playlist_of("news", minutes(10));
    b.default_playlist("av", loop);
    b.interrupt(news, {"av"}, "02:30");
    const ZoneSchedule schedule = ZoneSchedule::compile(b.programme(), "av");
    const auto day = day_timeline(schedule, day_of("2026-03-08"), new_york());
    ASSERT_EQ(day.size(), 3U);
    EXPECT_EQ(day[1].state.playlist, news);
    EXPECT_EQ(day[1].from, utc("2026-03-08T07:00Z"));
    EXPECT_EQ(day[1].to, utc("2026-03-08T07:10Z"));
    EXPECT_EQ(day.back().to - day.front().from, hours(23));
}

TEST(DaylightSaving, InterruptInTheRepeatedHourPlaysOnce) {
    ProgrammeBuilder b;
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    const PlaylistId news = b.playlist_of("news", minutes(10));
    b.default_playlist("av", loop);
    b.interrupt(news, {"av"}, "01:30");
    const ZoneSchedule schedule = ZoneSchedule::compile(b.programme(), "av");
    const auto day = day_timeline(schedule, day_of("2026-11-01"), new_york());
    ASSERT_EQ(day.size(), 3U);
    EXPECT_EQ(day[1].from, utc("2026-11-01T01:30-04:00"));  // the first 01:30 (EDT)
    EXPECT_EQ(day[1].to, utc("2026-11-01T01:40-04:00"));
    EXPECT_EQ(day.back().to - day.front().from, hours(25));
    // The second 01:30 (EST) is the loop.
    EXPECT_EQ(resolve(schedule, utc("2026-11-01T01:35-05:00"), new_york()).state.playlist, loop);
}

TEST(DaylightSaving, DaypartAcrossTheRepeatedHourLastsItsRealLength) {
    ProgrammeBuilder b;
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    const PlaylistId early = b.playlist_of("early", minutes(5));
    const PlaylistId late = b.playlist_of("late", minutes(5));
    b.default_playlist("av", loop);
    const RuleId across = b.rule(early, {"av"}, "01:30", "02:30", "sun");
    const RuleId before = b.rule(late, {"av"}, "00:00", "01:15", "sun");
    const ZoneSchedule schedule = ZoneSchedule::compile(b.programme(), "av");
    // 01:30 EDT to 02:30 EST is two real hours.
    const ZoneResolution r = resolve(schedule, utc("2026-11-01T01:45-05:00"), new_york());
    EXPECT_EQ(r.state.source_id, across);
    EXPECT_EQ(r.since, utc("2026-11-01T01:30-04:00"));
    EXPECT_EQ(r.until, utc("2026-11-01T02:30-05:00"));
    // A daypart ending in the repeated hour ends at the first 01:15; the second 01:00 is already
    // inside the later rule (which began at the first 01:30).
    EXPECT_EQ(resolve(schedule, utc("2026-11-01T01:00-04:00"), new_york()).state.source_id, before);
    EXPECT_EQ(resolve(schedule, utc("2026-11-01T01:20-04:00"), new_york()).state.playlist, loop);
    EXPECT_EQ(resolve(schedule, utc("2026-11-01T01:00-05:00"), new_york()).state.source_id, across);
}

TEST(DaylightSaving, ClosedWindowInsideTheMissingHourIsEmpty) {
    ProgrammeBuilder b;
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    b.default_playlist("av", loop);
    b.closed({"av"}, "02:00", "03:00");
    const ZoneSchedule schedule = ZoneSchedule::compile(b.programme(), "av");
    const auto spring = day_timeline(schedule, day_of("2026-03-29"), berlin());
    ASSERT_EQ(spring.size(), 1U);
    EXPECT_EQ(spring[0].state.playlist, loop);
    EXPECT_EQ(spring[0].to - spring[0].from, hours(23));
    // In autumn both passes of 02:00-03:00 are closed: two real hours.
    const auto autumn = day_timeline(schedule, day_of("2026-10-25"), berlin());
    ASSERT_EQ(autumn.size(), 3U);
    EXPECT_EQ(autumn[1].state.kind, StateKind::closed);
    EXPECT_EQ(autumn[1].from, utc("2026-10-25T00:00Z"));
    EXPECT_EQ(autumn[1].to, utc("2026-10-25T02:00Z"));
    EXPECT_EQ(autumn.back().to - autumn.front().from, hours(25));
}

TEST(DaylightSaving, OvernightDaypartAcrossTheSpringChange) {
    ProgrammeBuilder b;
    const PlaylistId night = b.playlist_of("night", minutes(5));
    const RuleId rule = b.rule(night, {"av"}, "22:00", "06:00", "sat");
    // Saturday 28 March 22:00 CET to Sunday 06:00 CEST: 7 real hours.
    const ZoneResolution r = resolve(b.programme(), "av", utc("2026-03-29T01:30Z"), berlin());
    EXPECT_EQ(r.state.source_id, rule);
    EXPECT_EQ(r.since, utc("2026-03-28T21:00Z"));
    EXPECT_EQ(r.until, utc("2026-03-29T04:00Z"));
}

TEST(DaylightSaving, EveryMinuteOfBothChangeDaysResolvesConsistently) {
    ProgrammeBuilder b;
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    const PlaylistId p = b.playlist_of("p", minutes(7));
    b.default_playlist("av", loop);
    b.rule(p, {"av"}, "01:30", "02:30");
    b.rule(p, {"av"}, "02:15", "03:15", "daily", 1);
    b.interrupt(p, {"av"}, "02:45");
    b.closed({"av"}, "03:50", "04:10");
    const ZoneSchedule schedule = ZoneSchedule::compile(b.programme(), "av");
    for (const auto* tz : {&new_york(), &berlin()}) {
        for (const char* day : {"2026-03-08", "2026-11-01", "2026-03-29", "2026-10-25"}) {
            const auto entries = day_timeline(schedule, day_of(day), *tz);
            std::size_t entry = 0;
            for (Instant at = entries.front().from; at < entries.back().to; at += minutes(1)) {
                while (entries[entry].to <= at)
                    ++entry;
                const ZoneResolution r = resolve(schedule, at, *tz);
                ASSERT_EQ(r.state, entries[entry].state) << tz->name() << ' ' << format_local_moment(at, *tz);
                ASSERT_LE(r.since, at);
                ASSERT_GT(r.until, at);
            }
        }
    }
}

}  // namespace
}  // namespace scheduler::test

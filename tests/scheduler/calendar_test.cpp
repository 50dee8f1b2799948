// Times, days and dates as staff write them; local time to instants.
#include <gtest/gtest.h>

#include "scheduler/calendar.h"

namespace scheduler {
namespace {

TEST(Calendar, ParsesTimesOfDay) {
    EXPECT_EQ(*parse_time_of_day("09:30"), std::chrono::minutes(570));
    EXPECT_EQ(*parse_time_of_day("23:59:59"), std::chrono::seconds(86399));
    EXPECT_EQ(*parse_time_of_day("24:00", true), kEndOfDay);
    EXPECT_FALSE(parse_time_of_day("24:00"));
    EXPECT_FALSE(parse_time_of_day("25:00", true));
    EXPECT_FALSE(parse_time_of_day("9:30"));
    EXPECT_FALSE(parse_time_of_day("09:60"));
    EXPECT_FALSE(parse_time_of_day("noon"));
    EXPECT_NE(parse_time_of_day("25:00").error().find("25:00"), std::string::npos);
    EXPECT_EQ(format_time_of_day(std::chrono::minutes(570)), "09:30");
    EXPECT_EQ(format_time_of_day(std::chrono::seconds(36754)), "10:12:34");
}

TEST(Calendar, ParsesWeekdays) {
    EXPECT_EQ(parse_weekdays("mon-fri")->mask, 0x1f);
    EXPECT_EQ(parse_weekdays("Sat,Sun")->mask, 0x60);
    EXPECT_EQ(parse_weekdays("daily")->mask, 0x7f);
    EXPECT_EQ(parse_weekdays("fri-mon")->mask, 0x71);
    EXPECT_EQ(parse_weekdays("mon, wed-fri")->mask, 0x1d);
    EXPECT_FALSE(parse_weekdays("funday"));
    EXPECT_FALSE(parse_weekdays(""));
    EXPECT_EQ(format_weekdays(Weekdays{0x1f}), "mon-fri");
    EXPECT_EQ(format_weekdays(Weekdays{0x15}), "mon,wed,fri");
    EXPECT_EQ(format_weekdays(Weekdays{0x63}), "mon,tue,sat,sun");
    EXPECT_EQ(format_weekdays(Weekdays{0x7f}), "daily");
    for (unsigned mask = 1; mask < 128; ++mask) {
        const Weekdays days{static_cast<std::uint8_t>(mask)};
        EXPECT_EQ(parse_weekdays(format_weekdays(days))->mask, mask);
    }
}

TEST(Calendar, ParsesDatesAndRanges) {
    EXPECT_TRUE(parse_date("2028-02-29"));
    EXPECT_FALSE(parse_date("2026-02-29"));
    EXPECT_FALSE(parse_date("2026-13-01"));
    EXPECT_FALSE(parse_date("02/12/2026"));
    const DateRange range = *parse_date_range("2026-12-01..2026-12-31");
    EXPECT_TRUE(range.contains(*parse_date("2026-12-15")));
    EXPECT_FALSE(range.contains(*parse_date("2027-01-01")));
    EXPECT_FALSE(parse_date_range("2026-12-01..")->last);
    EXPECT_FALSE(parse_date_range("..2026-12-01")->first);
    EXPECT_EQ(format_date_range(*parse_date_range("2026-12-02")), "2026-12-02");
    EXPECT_EQ(format_date_range(*parse_date_range("..2026-12-31")), "..2026-12-31");
    EXPECT_FALSE(parse_date_range(".."));
}

TEST(Calendar, LocalMomentsInTheHallZone) {
    const date::time_zone& shanghai = *date::locate_zone("Asia/Shanghai");
    const Instant at = *parse_local_moment("2026-12-02T10:00", shanghai);
    EXPECT_EQ(at, Instant{date::sys_days{date::year{2026} / 12 / 2}} + std::chrono::hours(2));
    EXPECT_EQ(format_local_moment(at, shanghai), "2026-12-02T10:00:00");
    EXPECT_EQ(*parse_local_moment("2026-12-02 10:00:00", shanghai), at);
    EXPECT_EQ(*parse_local_moment("2026-12-02T02:00Z", shanghai), at);
    EXPECT_EQ(*parse_local_moment("2026-12-02T03:00+01:00", shanghai), at);
    EXPECT_FALSE(parse_local_moment("2026-12-02", shanghai));
    EXPECT_FALSE(parse_local_moment("tomorrow", shanghai));
}

TEST(Calendar, MissingAndRepeatedWallTimes) {
    const date::time_zone& new_york = *date::locate_zone("America/New_York");
    std::string note;
    const Instant jump = *parse_local_moment("2026-03-08T02:30", new_york, &note);
    EXPECT_EQ(jump, *parse_local_moment("2026-03-08T07:00Z", new_york));
    EXPECT_NE(note.find("does not exist"), std::string::npos);
    note.clear();
    const Instant first = *parse_local_moment("2026-11-01T01:30", new_york, &note);
    EXPECT_EQ(first, *parse_local_moment("2026-11-01T01:30-04:00", new_york));
    EXPECT_NE(note.find("twice"), std::string::npos);
    EXPECT_EQ(format_local_moment(*parse_local_moment("2026-11-01T01:30-05:00", new_york), new_york),
              "2026-11-01T01:30:00");
}

TEST(Calendar, LocatesTimeZones) {
    EXPECT_TRUE(locate_time_zone("Asia/Shanghai"));
    EXPECT_TRUE(locate_time_zone(kDefaultTimeZone));
    const auto missing = locate_time_zone("Mars/Olympus_Mons");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, ErrorKind::invalid_input);
}

}  // namespace
}  // namespace scheduler

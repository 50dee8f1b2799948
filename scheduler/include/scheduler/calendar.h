#pragma once
// Wall-clock time in the hall's time zone: times of day, weekdays, dates, and
// the one rule that turns a local wall time into an instant on the days the
// clocks change. Pure functions; the time zone is always passed in.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <date/date.h>
#include <date/tz.h>
#include <tl/expected.hpp>

#include "scheduler/error.h"

namespace scheduler {

// A moment in time, independent of any time zone.
using Instant = std::chrono::sys_time<std::chrono::milliseconds>;
// A wall-clock reading in the hall's zone ("2026-12-02 10:00"), not yet an instant.
using LocalTime = date::local_time<std::chrono::seconds>;
// A calendar day in the hall's zone.
using Date = date::year_month_day;
// Seconds since local midnight: 00:00 is 0, 24:00 is 86400 (allowed as an end).
using TimeOfDay = std::chrono::seconds;

inline constexpr TimeOfDay kEndOfDay{24 * 60 * 60};

// The hall's time zone when the configuration names none.
inline constexpr std::string_view kDefaultTimeZone = "Asia/Shanghai";

// A set of weekdays. Bit 0 is Monday, bit 6 Sunday.
struct Weekdays {
    std::uint8_t mask = 0x7f;

    static constexpr Weekdays every_day() { return Weekdays{0x7f}; }
    bool contains(date::weekday day) const { return (mask >> ((day.c_encoding() + 6) % 7)) & 1U; }
    bool empty() const { return (mask & 0x7f) == 0; }
    bool operator==(const Weekdays&) const = default;
};

// Inclusive calendar dates; an unset end is open.
struct DateRange {
    std::optional<Date> first;
    std::optional<Date> last;

    bool contains(Date day) const { return (!first || day >= *first) && (!last || day <= *last); }
    bool operator==(const DateRange&) const = default;
};

// The IANA zone `name` from the OS time zone database (Debian's tzdata).
tl::expected<const date::time_zone*, Error> locate_time_zone(std::string_view name);

// The instant a local wall time names in `tz`. On the days the clocks change:
// a wall time that happens twice (the repeated hour) names its first
// occurrence; a wall time that never happens (the missing hour) names the
// moment the clocks jump, so a boundary at 02:30 on a spring-forward day
// happens at 03:00 new time. Every boundary of every daypart, interrupt and
// closed window follows this rule, so none is ever skipped or doubled.
Instant to_instant(LocalTime wall, const date::time_zone& tz);

// The wall-clock reading at `instant` in `tz`, truncated to the second.
LocalTime to_local(Instant instant, const date::time_zone& tz);

// The instant local midnight starts `day` (see to_instant for clocks-change days).
Instant start_of_day(Date day, const date::time_zone& tz);

// --- The forms staff write and read. Parse errors are a sentence saying what is wrong. ---

// "HH:MM" or "HH:MM:SS", 00:00 to 23:59:59; "24:00" too when `allow_end_of_day`.
tl::expected<TimeOfDay, std::string> parse_time_of_day(std::string_view text, bool allow_end_of_day = false);
// "09:00", or "10:12:34" when there are seconds.
std::string format_time_of_day(TimeOfDay time);

// Comma-separated days and ranges: "mon-fri", "sat,sun", "mon,wed-fri"; also
// "daily" (every day), "weekdays" (mon-fri), "weekends" (sat,sun). Case is ignored.
tl::expected<Weekdays, std::string> parse_weekdays(std::string_view text);
// The shortest of those forms: "daily", "mon-fri", "mon,wed,fri".
std::string format_weekdays(Weekdays days);

// "YYYY-MM-DD", a real calendar date.
tl::expected<Date, std::string> parse_date(std::string_view text);
std::string format_date(Date day);

// "FIRST..LAST", "FIRST..", "..LAST" or one date "DAY" (that day only).
tl::expected<DateRange, std::string> parse_date_range(std::string_view text);
// "" for an unbounded range.
std::string format_date_range(const DateRange& range);

// An ISO 8601 local time of the hall's zone, "2026-12-02T10:00" or
// "2026-12-02T10:00:30" (a space may replace the T), optionally with an
// offset ("+08:00", "-05:00", "Z") that makes it exact. `note`, when given,
// receives a sentence when the wall time fell in a missing or repeated hour.
tl::expected<Instant, std::string> parse_local_moment(std::string_view text, const date::time_zone& tz,
                                                      std::string* note = nullptr);
// "2026-12-02T10:00:00" in `tz` (seconds always shown; milliseconds dropped).
std::string format_local_moment(Instant instant, const date::time_zone& tz);

// A length in seconds as staff write it (a still's display time): whole when
// it is whole ("15"), else up to milliseconds ("2.5").
std::string format_seconds(std::chrono::milliseconds time);

}  // namespace scheduler

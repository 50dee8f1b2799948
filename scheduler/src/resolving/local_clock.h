#pragma once
// Internal: fast conversions between instants and local wall seconds for one
// resolution, and the day arithmetic of compiled windows. Most wall times of
// a query fall in one stretch of constant UTC offset, converted with one
// subtraction; the rest (near a clocks change) go through the tz database.

#include <algorithm>
#include <cstdint>
#include <optional>

#include "scheduler/calendar.h"
#include "scheduler/repeating_window.h"

namespace scheduler::detail {

inline constexpr std::int64_t kSecondsPerDay = 86400;

// Local wall time as seconds since 1970-01-01 00:00 local.
using WallSeconds = std::int64_t;

inline std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    const std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

inline std::int64_t day_of(WallSeconds wall) {
    return floor_div(wall, kSecondsPerDay);
}

// 0 = Monday (1970-01-01 was a Thursday).
inline unsigned weekday_index(std::int64_t day) {
    return static_cast<unsigned>(((day % 7) + 7 + 3) % 7);
}

inline bool occurs_on(const RepeatingWindow& window, std::int64_t day) {
    return day >= window.first_day && day <= window.last_day &&
           ((window.weekdays >> weekday_index(day)) & 1U) != 0;
}

// Days from a weekday (0 = Monday) to the next (or back to the previous) day
// in a weekday mask, 0..6; 7 when the mask is empty. Tables, because
// resolution asks this for every rule.
struct WeekdayTables {
    std::uint8_t next[7][128];
    std::uint8_t previous[7][128];
};

constexpr WeekdayTables make_weekday_tables() {
    WeekdayTables tables{};
    for (unsigned from = 0; from < 7; ++from) {
        for (unsigned mask = 0; mask < 128; ++mask) {
            tables.next[from][mask] = 7;
            tables.previous[from][mask] = 7;
            for (unsigned step = 0; step < 7; ++step) {
                if (tables.next[from][mask] == 7 && ((mask >> ((from + step) % 7)) & 1U) != 0) {
                    tables.next[from][mask] = static_cast<std::uint8_t>(step);
                }
                if (tables.previous[from][mask] == 7 && ((mask >> ((from + 7 - step) % 7)) & 1U) != 0) {
                    tables.previous[from][mask] = static_cast<std::uint8_t>(step);
                }
            }
        }
    }
    return tables;
}

inline constexpr WeekdayTables kWeekdayTables = make_weekday_tables();

// The first day >= `day` (and <= `limit`) the window occurs on.
inline std::optional<std::int64_t> next_day(const RepeatingWindow& window, std::int64_t day,
                                            std::int64_t limit) {
    day = std::max(day, window.first_day);
    const unsigned step = kWeekdayTables.next[weekday_index(day)][window.weekdays & 0x7f];
    day += step;
    if (step == 7 || day > window.last_day || day > limit) {
        return std::nullopt;
    }
    return day;
}

// The last day <= `day` (and >= `limit`) the window occurs on.
inline std::optional<std::int64_t> previous_day(const RepeatingWindow& window, std::int64_t day,
                                                std::int64_t limit) {
    day = std::min(day, window.last_day);
    const unsigned step = kWeekdayTables.previous[weekday_index(day)][window.weekdays & 0x7f];
    day -= step;
    if (step == 7 || day < window.first_day || day < limit) {
        return std::nullopt;
    }
    return day;
}

class LocalClock {
  public:
    LocalClock(const date::time_zone& tz, Instant around);

    WallSeconds wall_at(Instant instant) const;
    // See scheduler::to_instant for the missing and the repeated hour.
    Instant instant_of(WallSeconds wall) const {
        if (wall >= m_fast_first && wall <= m_fast_last) {
            return Instant{std::chrono::seconds{wall - m_offset}};
        }
        return slow_instant_of(wall);
    }

  private:
    Instant slow_instant_of(WallSeconds wall) const;

    const date::time_zone* m_tz;
    std::int64_t m_offset = 0;  // seconds east of UTC in the stretch around the query
    // Wall seconds inside that stretch, at least a day from either end, where
    // no wall time can be missing or repeated.
    WallSeconds m_fast_first = 0;
    WallSeconds m_fast_last = -1;
    std::int64_t m_sys_first = 0;  // the stretch in UTC seconds
    std::int64_t m_sys_last = -1;
};

}  // namespace scheduler::detail

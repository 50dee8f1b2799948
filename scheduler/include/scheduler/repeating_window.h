#pragma once
// A compiled repetition: a window of local time on the days it applies to.
// The resolver holds a zone's rules, interrupts and closed hours as these,
// and the day arithmetic that walks them needs nothing else.

#include <climits>
#include <cstdint>

namespace scheduler {

// Day numbers are local days since 1970-01-01; times are seconds from that
// day's local midnight (ends may exceed one day for overnight windows).
struct RepeatingWindow {
    std::int64_t start_seconds = 0;
    std::int64_t end_seconds = 0;
    std::uint8_t weekdays = 0x7f;  // bit 0 Monday .. bit 6 Sunday
    std::int64_t first_day = INT32_MIN;
    std::int64_t last_day = INT32_MAX;
};

}  // namespace scheduler

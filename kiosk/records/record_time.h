#pragma once
// Internal: the hall's local days, hours and periods as the records keep
// them. A record's local day is fixed when it is written, in the hall's zone
// then, so a later change of zone does not move old records between days.

#include <string>

#include <date/date.h>
#include <date/tz.h>

#include "records/consultation.h"

namespace kiosk::records::detail {

struct LocalStamp {
    std::string day;  // "2026-12-07"
    int hour = 0;     // 0..23
    int utc_offset_minutes = 0;
};

LocalStamp local_stamp(Instant at, const date::time_zone& tz);

std::string day_key(date::year_month_day day);   // "2026-12-07"
std::string month_key(date::year_month month);   // "2026-12"
std::string week_key(date::year_month_day day);  // "2026-W49", the ISO week the day falls in

}  // namespace kiosk::records::detail

#include "records/record_time.h"

#include <cstdio>
#include <cstdlib>

#include <date/iso_week.h>

#include "records/csv_import.h"

namespace kiosk::records {
namespace detail {

LocalStamp local_stamp(Instant at, const date::time_zone& tz) {
    const auto info = tz.get_info(at);
    const auto local = at + info.offset;
    const auto day = date::floor<date::days>(local);
    const auto hours = date::floor<std::chrono::hours>(local - day);
    return {day_key(date::year_month_day{day}), static_cast<int>(hours.count()),
            static_cast<int>(std::chrono::duration_cast<std::chrono::minutes>(info.offset).count())};
}

std::string day_key(date::year_month_day day) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return text;
}

std::string month_key(date::year_month month) {
    char text[16];
    std::snprintf(text, sizeof text, "%04d-%02u", static_cast<int>(month.year()),
                  static_cast<unsigned>(month.month()));
    return text;
}

std::string week_key(date::year_month_day day) {
    const iso_week::year_weeknum_weekday week{date::sys_days{day}};
    char text[16];
    std::snprintf(text, sizeof text, "%04d-W%02u", static_cast<int>(week.year()),
                  static_cast<unsigned>(week.weeknum()));
    return text;
}

}  // namespace detail

std::string format_with_offset(Instant at, int utc_offset_minutes) {
    const auto local = date::floor<std::chrono::seconds>(at) + std::chrono::minutes(utc_offset_minutes);
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss time{local - day};
    const int offset = std::abs(utc_offset_minutes);
    char text[40];
    std::snprintf(text, sizeof text, "%04d-%02u-%02uT%02d:%02d:%02d%c%02d:%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()), utc_offset_minutes < 0 ? '-' : '+', offset / 60,
                  offset % 60);
    return text;
}

}  // namespace kiosk::records

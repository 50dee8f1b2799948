#include "scheduler/calendar.h"

#include <array>
#include <cctype>
#include <charconv>
#include <cstdio>
#include <exception>

#include "content/message_text.h"

namespace scheduler {
namespace {

using std::chrono::seconds;

constexpr std::array<const char*, 7> kDayNames{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};

std::string lower(std::string_view text) {
    std::string out;
    for (const char c : text) {
        out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string_view trim(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front())) != 0) {
        text.remove_prefix(1);
    }
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back())) != 0) {
        text.remove_suffix(1);
    }
    return text;
}

// Exactly `digits` decimal digits.
std::optional<int> parse_fixed(std::string_view text, std::size_t digits) {
    if (text.size() != digits) {
        return std::nullopt;
    }
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc{} || end != text.data() + text.size()) {
        return std::nullopt;
    }
    return value;
}

std::optional<int> day_index(std::string_view name) {
    for (std::size_t i = 0; i < kDayNames.size(); ++i) {
        if (name == kDayNames[i]) {
            return static_cast<int>(i);
        }
    }
    static constexpr std::array<const char*, 7> kLongNames{"monday", "tuesday",  "wednesday", "thursday",
                                                           "friday", "saturday", "sunday"};
    for (std::size_t i = 0; i < kLongNames.size(); ++i) {
        if (name == kLongNames[i]) {
            return static_cast<int>(i);
        }
    }
    return std::nullopt;
}

// At least two digits: 7 -> "07". (Built digit by digit: GCC 12 warns falsely on "0" + text at -O3.)
std::string two_digits(long long value) {
    std::string text;
    if (value < 10) {
        text.push_back('0');
    }
    text.append(std::to_string(value));
    return text;
}

}  // namespace

tl::expected<const date::time_zone*, Error> locate_time_zone(std::string_view name) {
    try {
        return date::locate_zone(name);
    } catch (const std::exception& error) {
        return tl::unexpected(Error{ErrorKind::invalid_input,
                                    "unknown time zone " + content::quoted_text(name) +
                                        " (an IANA name such as Asia/Shanghai; is tzdata installed?)"});
    }
}

Instant to_instant(LocalTime wall, const date::time_zone& tz) {
    const date::local_info info = tz.get_info(wall);
    switch (info.result) {
        case date::local_info::unique:
        case date::local_info::ambiguous:  // `first` is the earlier period: the first occurrence
            return Instant{wall.time_since_epoch() - info.first.offset};
        case date::local_info::nonexistent:
            return Instant{info.second.begin.time_since_epoch()};
    }
    return Instant{wall.time_since_epoch() - info.first.offset};
}

LocalTime to_local(Instant instant, const date::time_zone& tz) {
    const auto at = std::chrono::floor<seconds>(instant);
    return LocalTime{(at + tz.get_info(at).offset).time_since_epoch()};
}

Instant start_of_day(Date day, const date::time_zone& tz) {
    return to_instant(LocalTime{date::local_days{day}.time_since_epoch()}, tz);
}

tl::expected<TimeOfDay, std::string> parse_time_of_day(std::string_view text, bool allow_end_of_day) {
    const std::string_view original = text;
    text = trim(text);
    const auto bad = [&](const std::string& why) -> tl::unexpected<std::string> {
        return tl::unexpected("bad time " + content::quoted_text(original) + ": " + why);
    };
    if (text.size() != 5 && text.size() != 8) {
        return bad("write HH:MM or HH:MM:SS, e.g. 09:30");
    }
    const int hours = parse_fixed(text.substr(0, 2), 2).value_or(-1);
    const int minutes = text[2] == ':' ? parse_fixed(text.substr(3, 2), 2).value_or(-1) : -1;
    int secs = 0;
    if (text.size() == 8) {
        secs = text[5] == ':' ? parse_fixed(text.substr(6, 2), 2).value_or(-1) : -1;
    }
    if (hours < 0 || minutes < 0 || secs < 0) {
        return bad("write HH:MM or HH:MM:SS, e.g. 09:30");
    }
    if (minutes > 59 || secs > 59) {
        return bad("minutes and seconds go from 00 to 59");
    }
    const TimeOfDay time = std::chrono::hours(hours) + std::chrono::minutes(minutes) + seconds(secs);
    if (time == kEndOfDay && allow_end_of_day) {
        return time;
    }
    if (time >= kEndOfDay) {
        return bad(allow_end_of_day ? "the latest time is 24:00" : "hours go from 00 to 23");
    }
    return time;
}

std::string format_time_of_day(TimeOfDay time) {
    const long long total = time.count();
    std::string text = two_digits(total / 3600);
    text.append(":").append(two_digits(total / 60 % 60));
    if (total % 60 != 0) {
        text.append(":").append(two_digits(total % 60));
    }
    return text;
}

tl::expected<Weekdays, std::string> parse_weekdays(std::string_view text) {
    const std::string words = lower(trim(text));
    if (words == "daily" || words == "every day" || words == "all" || words == "mon-sun") {
        return Weekdays::every_day();
    }
    if (words == "weekdays") {
        return Weekdays{0x1f};
    }
    if (words == "weekends" || words == "weekend") {
        return Weekdays{0x60};
    }
    Weekdays days{0};
    std::string_view rest = words;
    while (true) {
        const std::size_t comma = rest.find(',');
        const std::string_view part = trim(rest.substr(0, comma));
        const std::size_t dash = part.find('-');
        const auto first = day_index(trim(part.substr(0, dash)));
        const auto last = dash == std::string_view::npos ? first : day_index(trim(part.substr(dash + 1)));
        if (!first || !last) {
            return tl::unexpected("bad days " + content::quoted_text(text) +
                                  ": use mon, tue, wed, thu, fri, sat, sun, ranges like mon-fri, "
                                  "lists like sat,sun, or daily");
        }
        // A range may wrap the week: fri-mon is fri, sat, sun, mon.
        for (int day = *first;; day = (day + 1) % 7) {
            days.mask = static_cast<std::uint8_t>(days.mask | (1U << day));
            if (day == *last) {
                break;
            }
        }
        if (comma == std::string_view::npos) {
            break;
        }
        rest = rest.substr(comma + 1);
    }
    return days;
}

std::string format_weekdays(Weekdays days) {
    const unsigned mask = days.mask & 0x7fU;
    if (mask == 0x7f) {
        return "daily";
    }
    if (mask == 0) {
        return "none";
    }
    std::string text;
    int day = 0;
    while (day < 7) {
        if (((mask >> day) & 1U) == 0) {
            ++day;
            continue;
        }
        int end = day;
        while (end + 1 < 7 && ((mask >> (end + 1)) & 1U) != 0) {
            ++end;
        }
        if (!text.empty()) {
            text += ",";
        }
        text += kDayNames[static_cast<std::size_t>(day)];
        if (end - day >= 2) {
            text += std::string("-") + kDayNames[static_cast<std::size_t>(end)];
        } else if (end == day + 1) {
            text += std::string(",") + kDayNames[static_cast<std::size_t>(end)];
        }
        day = end + 1;
    }
    return text;
}

tl::expected<Date, std::string> parse_date(std::string_view text) {
    const std::string_view original = text;
    text = trim(text);
    const auto year = text.size() == 10 ? parse_fixed(text.substr(0, 4), 4) : std::nullopt;
    const auto month = text.size() == 10 && text[4] == '-' ? parse_fixed(text.substr(5, 2), 2) : std::nullopt;
    const auto day = text.size() == 10 && text[7] == '-' ? parse_fixed(text.substr(8, 2), 2) : std::nullopt;
    if (!year || !month || !day) {
        return tl::unexpected("bad date " + content::quoted_text(original) +
                              ": write YYYY-MM-DD, e.g. 2026-12-02");
    }
    const Date date{date::year{*year}, date::month{static_cast<unsigned>(*month)},
                    date::day{static_cast<unsigned>(*day)}};
    if (!date.ok()) {
        return tl::unexpected("bad date " + content::quoted_text(original) + ": no such day in the calendar");
    }
    return date;
}

std::string format_date(Date day) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(day.year()),
                  static_cast<unsigned>(day.month()), static_cast<unsigned>(day.day()));
    return buffer;
}

tl::expected<DateRange, std::string> parse_date_range(std::string_view text) {
    const std::string_view original = text;
    text = trim(text);
    const std::size_t dots = text.find("..");
    DateRange range;
    if (dots == std::string_view::npos) {
        auto day = parse_date(text);
        if (!day) {
            return tl::unexpected(day.error());
        }
        range.first = range.last = *day;
        return range;
    }
    const std::string_view first = trim(text.substr(0, dots));
    const std::string_view last = trim(text.substr(dots + 2));
    if (!first.empty()) {
        auto day = parse_date(first);
        if (!day) {
            return tl::unexpected(day.error());
        }
        range.first = *day;
    }
    if (!last.empty()) {
        auto day = parse_date(last);
        if (!day) {
            return tl::unexpected(day.error());
        }
        range.last = *day;
    }
    if (!range.first && !range.last) {
        return tl::unexpected("bad dates " + content::quoted_text(original) + ": write FIRST..LAST, e.g. " +
                              "2026-12-01..2026-12-31 (either end may be left open)");
    }
    return range;
}

std::string format_date_range(const DateRange& range) {
    if (!range.first && !range.last) {
        return "";
    }
    if (range.first && range.last && *range.first == *range.last) {
        return format_date(*range.first);
    }
    return (range.first ? format_date(*range.first) : "") + ".." +
           (range.last ? format_date(*range.last) : "");
}

tl::expected<Instant, std::string> parse_local_moment(std::string_view text, const date::time_zone& tz,
                                                      std::string* note) {
    const std::string_view original = text;
    text = trim(text);
    const auto bad = [&]() -> tl::unexpected<std::string> {
        return tl::unexpected("bad time " + content::quoted_text(original) +
                              ": write an ISO 8601 local time such as 2026-12-02T10:00");
    };
    if (text.size() < 16 || (text[10] != 'T' && text[10] != 't' && text[10] != ' ')) {
        return bad();
    }
    const auto day = parse_date(text.substr(0, 10));
    if (!day) {
        return tl::unexpected(day.error());
    }
    std::string_view clock = text.substr(11);
    std::optional<seconds> offset;
    if (!clock.empty() && (clock.back() == 'Z' || clock.back() == 'z')) {
        offset = seconds{0};
        clock.remove_suffix(1);
    } else if (clock.size() > 6 && (clock[clock.size() - 6] == '+' || clock[clock.size() - 6] == '-')) {
        const std::string_view zone = clock.substr(clock.size() - 6);
        const auto hours = parse_fixed(zone.substr(1, 2), 2);
        const auto minutes = zone[3] == ':' ? parse_fixed(zone.substr(4, 2), 2) : std::nullopt;
        if (!hours || !minutes || *hours > 14 || *minutes > 59) {
            return bad();
        }
        offset = std::chrono::hours(*hours) + std::chrono::minutes(*minutes);
        if (zone[0] == '-') {
            offset = -*offset;
        }
        clock.remove_suffix(6);
    }
    const auto time = parse_time_of_day(clock);
    if (!time) {
        return tl::unexpected(time.error());
    }
    const LocalTime wall{date::local_days{*day}.time_since_epoch() + *time};
    if (offset) {
        return Instant{wall.time_since_epoch() - *offset};
    }
    if (note != nullptr) {
        const date::local_info info = tz.get_info(wall);
        if (info.result == date::local_info::nonexistent) {
            *note = std::string(text) + " does not exist in " + tz.name() +
                    " (the clocks jump forward); using the moment they jump";
        } else if (info.result == date::local_info::ambiguous) {
            *note = std::string(text) + " happens twice in " + tz.name() +
                    " (the clocks go back); using the first (" + info.first.abbrev +
                    "); add an offset such as " + (info.second.offset.count() < 0 ? "-" : "+") +
                    two_digits(std::abs(info.second.offset.count()) / 3600) + ":" +
                    two_digits(std::abs(info.second.offset.count()) / 60 % 60) + " for the second";
        }
    }
    return to_instant(wall, tz);
}

std::string format_local_moment(Instant instant, const date::time_zone& tz) {
    const LocalTime wall = to_local(instant, tz);
    const auto day = date::floor<date::days>(wall);
    const seconds time = wall - day;
    return format_date(Date{day}) + "T" + two_digits(time.count() / 3600) + ":" +
           two_digits(time.count() / 60 % 60) + ":" + two_digits(time.count() % 60);
}

std::string format_seconds(std::chrono::milliseconds time) {
    if (time.count() < 0) {
        return "-" + format_seconds(-time);
    }
    const long long ms = time.count();
    if (ms % 1000 == 0) {
        return std::to_string(ms / 1000);
    }
    std::string fraction = std::to_string(ms % 1000);
    fraction.insert(0, 3 - fraction.size(), '0');
    while (fraction.back() == '0') {
        fraction.pop_back();
    }
    return std::to_string(ms / 1000) + "." + fraction;
}

}  // namespace scheduler

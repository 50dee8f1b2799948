#include "scheduler/programme_check.h"

#include <algorithm>
#include <map>
#include <set>

#include "resolving/local_clock.h"
#include "scheduler/limits.h"
#include "scheduler/names.h"
#include "scheduler/resolver.h"

namespace scheduler {
namespace {

using Kind = Subject::Kind;

constexpr std::chrono::milliseconds kLongestInterrupt{24LL * 60 * 60 * 1000};

class Checker {
  public:
    Checker(const Programme& programme, const date::time_zone& tz, CheckPolicy policy,
            std::chrono::milliseconds still_time)
        : m_programme(programme), m_tz(tz), m_policy(policy), m_still_time(still_time) {}

    std::vector<Problem> run() {
        check_playlists();
        for (const ScheduleRule& rule : m_programme.rules) {
            const Subject subject{Kind::rule, rule.id, "", -1};
            check_playlist_reference(subject, rule.playlist, "playlist");
            check_zones(subject, rule.zones);
            check_daypart(subject, rule.daypart);
            check_days(subject, rule.weekdays, rule.dates);
            if (rule.priority < kMinPriority || rule.priority > kMaxPriority) {
                add(Severity::error, subject, "priority",
                    "priority " + std::to_string(rule.priority) + " is out of range: give " +
                        std::to_string(kMinPriority) + " to " + std::to_string(kMaxPriority));
            }
        }
        for (const Interrupt& interrupt : m_programme.interrupts) {
            check_interrupt(interrupt);
        }
        for (const ClosedHours& closed : m_programme.closed_hours) {
            const Subject subject{Kind::closed_hours, closed.id, "", -1};
            check_zones(subject, closed.zones);
            check_daypart(subject, closed.daypart);
            check_days(subject, closed.weekdays, closed.dates);
        }
        check_zone_settings();
        check_interrupt_overlaps();
        std::stable_sort(m_problems.begin(), m_problems.end(),
                         [](const Problem& a, const Problem& b) { return a.severity < b.severity; });
        return std::move(m_problems);
    }

  private:
    void add(Severity severity, Subject subject, std::string field, std::string message) {
        m_problems.push_back({severity, std::move(subject), std::move(field), std::move(message)});
    }

    void check_playlists() {
        std::set<std::string> names;
        for (const Playlist& playlist : m_programme.playlists) {
            const Subject subject{Kind::playlist, playlist.id, "", -1};
            if (auto good = check_name(playlist.name); !good) {
                add(Severity::error, subject, "name", good.error());
            } else if (!names.insert(playlist.name).second) {
                add(Severity::error, subject, "name",
                    "another playlist is already called \"" + playlist.name + "\"");
            }
            for (std::size_t i = 0; i < playlist.items.size(); ++i) {
                const PlaylistItem& item = playlist.items[i];
                const Subject at_item{Kind::playlist, playlist.id, "", static_cast<int>(i)};
                if (m_programme.find_media(item.media) == nullptr) {
                    add(Severity::error, at_item, "media",
                        "unknown media (register it with kioskctl media add)");
                }
                if (item.volume_percent &&
                    (*item.volume_percent < kMinVolumePercent || *item.volume_percent > kMaxVolumePercent)) {
                    add(Severity::error, at_item, "volume",
                        "volume " + std::to_string(*item.volume_percent) + " is out of range: give " +
                            std::to_string(kMinVolumePercent) + " to " + std::to_string(kMaxVolumePercent) +
                            " (percent)");
                }
                if (item.display_time &&
                    (*item.display_time < kMinDisplayTime || *item.display_time > kMaxDisplayTime)) {
                    add(Severity::error, at_item, "display_seconds",
                        "display time " + format_seconds(*item.display_time) + " s is out of range: give " +
                            format_seconds(kMinDisplayTime) + " to " + format_seconds(kMaxDisplayTime) +
                            " seconds");
                }
            }
        }
    }

    // Whether the playlist exists and has something to play.
    void check_playlist_reference(const Subject& subject, PlaylistId id, const std::string& field) {
        const Playlist* playlist = m_programme.find_playlist(id);
        if (playlist == nullptr) {
            add(Severity::error, subject, field, "unknown playlist");
        } else if (playlist->items.empty()) {
            // A gap, not a fault: staff may schedule a playlist before filling it.
            add(m_policy == CheckPolicy::strict ? Severity::error : Severity::warning, subject, field,
                "playlist \"" + playlist->name + "\" has no items: there would be nothing to play");
        }
    }

    void check_zones(const Subject& subject, const std::vector<std::string>& zones) {
        if (zones.empty()) {
            add(Severity::error, subject, "zones", "no zone given (boards, models, av or health)");
        }
        for (const std::string& zone : zones) {
            if (!is_known_zone(zone)) {
                add(Severity::error, subject, "zones",
                    "unknown zone \"" + zone + "\" (the zones are boards, models, av and health)");
            }
        }
    }

    void check_daypart(const Subject& subject, const Daypart& daypart) {
        if (daypart.start < TimeOfDay{0} || daypart.start >= kEndOfDay) {
            add(Severity::error, subject, "from", "the start must be between 00:00 and 23:59:59");
        }
        if (daypart.end <= TimeOfDay{0} || daypart.end > kEndOfDay) {
            add(Severity::error, subject, "to", "the end must be between 00:00:01 and 24:00");
        }
        if (daypart.start == daypart.end) {
            add(Severity::error, subject, "to",
                "the daypart is empty: it starts and ends at " + format_time_of_day(daypart.start) +
                    " (for the whole day write 00:00 to 24:00)");
        }
    }

    void check_days(const Subject& subject, Weekdays weekdays, const DateRange& dates) {
        if (weekdays.empty()) {
            add(Severity::error, subject, "days", "no weekday given");
        }
        if (dates.first && dates.last && *dates.last < *dates.first) {
            add(Severity::error, subject, "dates",
                "the date range ends (" + format_date(*dates.last) + ") before it starts (" +
                    format_date(*dates.first) + ")");
        }
    }

    void check_interrupt(const Interrupt& interrupt) {
        const Subject subject{Kind::interrupt, interrupt.id, "", -1};
        check_playlist_reference(subject, interrupt.playlist, "playlist");
        check_zones(subject, interrupt.zones);
        if (interrupt.at < TimeOfDay{0} || interrupt.at >= kEndOfDay) {
            add(Severity::error, subject, "at", "the time must be between 00:00 and 23:59:59");
        }
        if (!interrupt.on) {
            check_days(subject, interrupt.weekdays, interrupt.dates);
        }
        if (playlist_length(m_programme, interrupt.playlist, m_still_time) > kLongestInterrupt) {
            add(Severity::error, subject, "playlist", "an interrupt must be shorter than a day");
        }
    }

    void check_zone_settings() {
        std::set<std::string> seen;
        for (const ZoneSettings& settings : m_programme.zones) {
            const Subject subject{Kind::zone, 0, settings.zone, -1};
            if (!is_known_zone(settings.zone)) {
                add(Severity::error, subject, "",
                    "unknown zone \"" + settings.zone + "\" (the zones are boards, models, av and health)");
                continue;
            }
            seen.insert(settings.zone);
            if (settings.default_playlist) {
                check_playlist_reference(subject, *settings.default_playlist, "default");
            }
        }
        for (const std::string& zone : known_zones()) {
            const ZoneSettings* settings = m_programme.find_zone(zone);
            if (settings != nullptr && settings->default_playlist) {
                continue;
            }
            const Subject subject{Kind::zone, 0, zone, -1};
            if (zone_is_used(zone)) {
                add(m_policy == CheckPolicy::strict ? Severity::error : Severity::warning, subject, "default",
                    "zone " + zone +
                        " has no default playlist: whenever none of its rules applies it would have " +
                        "nothing to play (give it one)");
            } else if (m_policy != CheckPolicy::lenient) {
                add(Severity::warning, subject, "",
                    "zone " + zone +
                        " has nothing scheduled: its screens will show \"programme unavailable\"");
            }
        }
    }

    bool zone_is_used(const std::string& zone) const {
        const auto has = [&](const std::vector<std::string>& zones) {
            return std::find(zones.begin(), zones.end(), zone) != zones.end();
        };
        return std::any_of(m_programme.rules.begin(), m_programme.rules.end(),
                           [&](const ScheduleRule& r) { return has(r.zones); }) ||
               std::any_of(m_programme.interrupts.begin(), m_programme.interrupts.end(),
                           [&](const Interrupt& i) { return has(i.zones); }) ||
               std::any_of(m_programme.closed_hours.begin(), m_programme.closed_hours.end(),
                           [&](const ClosedHours& c) { return has(c.zones); }) ||
               m_programme.find_zone(zone) != nullptr;
    }

    // Interrupts repeat weekly between the ends of their date ranges, so
    // looking at the days around every range end and one-off date, plus one
    // ordinary week, finds every clash. Wall-clock seconds are compared.
    std::set<std::int64_t> days_to_check() const {
        std::set<std::int64_t> days;
        const auto around = [&](Date day) {
            const std::int64_t n = date::local_days{day}.time_since_epoch().count();
            for (std::int64_t d = n - 8; d <= n + 8; ++d) {
                days.insert(d);
            }
        };
        for (const Interrupt& interrupt : m_programme.interrupts) {
            if (interrupt.on) {
                around(*interrupt.on);
            }
            if (interrupt.dates.first) {
                around(*interrupt.dates.first);
            }
            if (interrupt.dates.last) {
                around(*interrupt.dates.last);
            }
        }
        // And an ordinary week.
        for (std::int64_t d = m_reference_day; d < m_reference_day + 9; ++d) {
            days.insert(d);
        }
        return days;
    }

    void check_interrupt_overlaps() {
        if (m_programme.interrupts.empty()) {
            return;
        }
        const std::set<std::int64_t> days = days_to_check();
        for (const std::string& zone : known_zones()) {
            const ZoneSchedule schedule = ZoneSchedule::compile(m_programme, zone, {m_still_time});
            struct Occurrence {
                std::int64_t start;  // wall seconds
                std::int64_t end;
                const ZoneSchedule::Interrupt* interrupt;
            };
            std::vector<Occurrence> occurrences;
            for (const std::int64_t day : days) {
                for (const auto& interrupt : schedule.interrupts()) {
                    if (detail::occurs_on(interrupt.window, day)) {
                        const std::int64_t start =
                            day * detail::kSecondsPerDay + interrupt.window.start_seconds;
                        const std::int64_t length = (interrupt.length.count() + 999) / 1000;
                        occurrences.push_back({start, start + length, &interrupt});
                    }
                }
            }
            std::sort(occurrences.begin(), occurrences.end(),
                      [](const Occurrence& a, const Occurrence& b) { return a.start < b.start; });
            // Each clashing pair once: on which ordinary weekdays, else the first date, and the first times.
            struct Clash {
                const ZoneSchedule::Interrupt* later;
                const ZoneSchedule::Interrupt* other;
                std::uint8_t weekdays = 0;
                std::optional<std::int64_t> first_date;
                std::string spans;
            };
            std::map<std::pair<InterruptId, InterruptId>, Clash> clashes;
            for (std::size_t i = 0; i < occurrences.size(); ++i) {
                for (std::size_t j = i + 1;
                     j < occurrences.size() && occurrences[j].start < occurrences[i].end; ++j) {
                    const Occurrence& a = occurrences[i];
                    const Occurrence& b = occurrences[j];
                    const auto key = std::minmax(a.interrupt->id, b.interrupt->id);
                    const auto* later = a.interrupt->id > b.interrupt->id ? a.interrupt : b.interrupt;
                    auto [entry, fresh] = clashes.try_emplace(
                        key, Clash{later, later == a.interrupt ? b.interrupt : a.interrupt, 0, std::nullopt,
                                   clock_span(a) + " and " + clock_span(b)});
                    const std::int64_t day = detail::day_of(b.start);
                    if (day >= m_reference_day && day < m_reference_day + 7) {
                        entry->second.weekdays = static_cast<std::uint8_t>(
                            entry->second.weekdays | (1U << detail::weekday_index(day)));
                    } else if (!entry->second.first_date) {
                        entry->second.first_date = day;
                    }
                    (void)fresh;
                }
            }
            for (const auto& [key, clash] : clashes) {
                if (m_reported_overlaps.count(key) != 0) {
                    continue;
                }
                m_reported_overlaps.insert(key);
                std::string when;
                if (clash.weekdays != 0) {
                    const std::string days = format_weekdays(Weekdays{clash.weekdays});
                    when = days == "daily" ? "every day" : "on " + days;
                } else if (clash.first_date) {
                    when = "on " + format_date(Date{date::local_days{date::days{*clash.first_date}}});
                }
                add(Severity::error, Subject{Kind::interrupt, clash.later->id, "", -1}, "at",
                    "overlaps " + describe(Subject{Kind::interrupt, clash.other->id, "", -1}, m_programme) +
                        " in zone " + zone + " " + when + " (" + clash.spans +
                        "): interrupts in one zone must not overlap");
            }
            warn_interrupts_in_closed_hours(schedule, days);
        }
    }

    template <typename Occurrence>
    static std::string clock_span(const Occurrence& occurrence) {
        const auto time = [](std::int64_t wall) {
            return format_time_of_day(TimeOfDay{wall - detail::day_of(wall) * detail::kSecondsPerDay});
        };
        return time(occurrence.start) + "-" + time(occurrence.end);
    }

    void warn_interrupts_in_closed_hours(const ZoneSchedule& schedule, const std::set<std::int64_t>& days) {
        if (schedule.closed().empty()) {
            return;
        }
        for (const auto& interrupt : schedule.interrupts()) {
            bool occurs = false;
            bool ever_open = false;
            for (const std::int64_t day : days) {
                if (!detail::occurs_on(interrupt.window, day)) {
                    continue;
                }
                occurs = true;
                const Instant start =
                    to_instant(LocalTime{std::chrono::seconds{day * detail::kSecondsPerDay +
                                                              interrupt.window.start_seconds}},
                               m_tz);
                ever_open = ever_open || resolve(schedule, start, m_tz).state.kind != StateKind::closed;
            }
            if (occurs && !ever_open) {
                add(Severity::warning, Subject{Kind::interrupt, interrupt.id, "", -1}, "at",
                    "falls within the closed hours of zone " + schedule.zone() + ": it will not play there");
            }
        }
    }

    const Programme& m_programme;
    const date::time_zone& m_tz;
    CheckPolicy m_policy;
    std::chrono::milliseconds m_still_time;
    std::vector<Problem> m_problems;
    std::set<std::pair<InterruptId, InterruptId>> m_reported_overlaps;
    // An ordinary week, Monday 2001-01-01 on: a year without any of the hall's special dates.
    const std::int64_t m_reference_day =
        date::local_days{Date{date::year{2001}, date::January, date::day{1}}}.time_since_epoch().count();
};

}  // namespace

std::vector<Problem> check_programme(const Programme& programme, const date::time_zone& tz,
                                     CheckPolicy policy, std::chrono::milliseconds still_time) {
    return Checker(programme, tz, policy, still_time).run();
}

bool has_errors(const std::vector<Problem>& problems) {
    return std::any_of(problems.begin(), problems.end(),
                       [](const Problem& problem) { return problem.severity == Severity::error; });
}

std::string describe(const Subject& subject, const Programme& programme) {
    switch (subject.kind) {
        case Kind::programme:
            return "programme";
        case Kind::zone:
            return "zone " + subject.zone;
        case Kind::rule:
            return "rule r" + std::to_string(subject.id);
        case Kind::interrupt:
            return "interrupt i" + std::to_string(subject.id);
        case Kind::closed_hours:
            return "closed hours c" + std::to_string(subject.id);
        case Kind::playlist: {
            const Playlist* playlist = programme.find_playlist(subject.id);
            std::string text =
                "playlist \"" + (playlist != nullptr ? playlist->name : std::to_string(subject.id)) + "\"";
            if (subject.item >= 0) {
                text += " item " + std::to_string(subject.item + 1);
            }
            return text;
        }
        case Kind::media: {
            const MediaFile* media = programme.find_media(subject.id);
            return "media \"" + (media != nullptr ? media->name : std::to_string(subject.id)) + "\"";
        }
    }
    return "programme";
}

}  // namespace scheduler

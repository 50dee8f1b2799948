#pragma once
// Builds programmes for tests in the words staff use: times, days and dates as text.

#include <stdexcept>
#include <string>
#include <vector>

#include "scheduler/calendar.h"
#include "scheduler/programme.h"
#include "scheduler/resolver.h"

namespace scheduler::test {

inline TimeOfDay at_time(const std::string& text) {
    auto time = parse_time_of_day(text, true);
    if (!time)
        throw std::invalid_argument(time.error());
    return *time;
}

inline DateRange date_range(const std::string& text) {
    if (text.empty())
        return {};
    auto range = parse_date_range(text);
    if (!range)
        throw std::invalid_argument(range.error());
    return *range;
}

inline Weekdays days_of(const std::string& text) {
    auto days = parse_weekdays(text);
    if (!days)
        throw std::invalid_argument(days.error());
    return *days;
}

inline Date day_of(const std::string& text) {
    auto day = parse_date(text);
    if (!day)
        throw std::invalid_argument(day.error());
    return *day;
}

// A local time of `tz` ("2026-12-02T10:00") as an instant.
inline Instant local(const std::string& text, const date::time_zone& tz) {
    auto instant = parse_local_moment(text, tz);
    if (!instant)
        throw std::invalid_argument(instant.error());
    return *instant;
}

class ProgrammeBuilder {
  public:
    MediaId film(const std::string& name, std::chrono::milliseconds length) {
        MediaFile media;
        media.id = static_cast<MediaId>(m_programme.media.size()) + 1;
        media.name = name;
        media.path = "/media/" + name + ".mp4";
        media.duration = length;
        media.container = "mov,mp4";
        media.video_codec = "h264";
        m_programme.media.push_back(media);
        return media.id;
    }
    MediaId still(const std::string& name) {
        MediaFile media;
        media.id = static_cast<MediaId>(m_programme.media.size()) + 1;
        media.name = name;
        media.path = "/media/" + name + ".png";
        media.is_still = true;
        media.container = "png_pipe";
        m_programme.media.push_back(media);
        return media.id;
    }
    PlaylistId playlist(const std::string& name, const std::vector<MediaId>& media) {
        Playlist playlist{static_cast<PlaylistId>(m_programme.playlists.size()) + 1, name, false, {}};
        for (const MediaId id : media) {
            playlist.items.push_back({id, std::nullopt, std::nullopt});
        }
        m_programme.playlists.push_back(playlist);
        return playlist.id;
    }
    // A playlist of one film of `length`.
    PlaylistId playlist_of(const std::string& name, std::chrono::milliseconds length) {
        return playlist(name, {film(name + "-film", length)});
    }
    RuleId rule(PlaylistId playlist, const std::vector<std::string>& zones, const std::string& from,
                const std::string& to, const std::string& days = "daily", int priority = 0,
                const std::string& dates = "") {
        ScheduleRule rule;
        rule.id = static_cast<RuleId>(m_programme.rules.size()) + 1;
        rule.playlist = playlist;
        rule.zones = zones;
        rule.daypart = {at_time(from), at_time(to)};
        rule.weekdays = days_of(days);
        rule.dates = date_range(dates);
        rule.priority = priority;
        m_programme.rules.push_back(rule);
        return rule.id;
    }
    InterruptId interrupt(PlaylistId playlist, const std::vector<std::string>& zones, const std::string& at,
                          const std::string& days = "daily", const std::string& dates = "") {
        Interrupt interrupt;
        interrupt.id = static_cast<InterruptId>(m_programme.interrupts.size()) + 1;
        interrupt.playlist = playlist;
        interrupt.zones = zones;
        interrupt.at = at_time(at);
        interrupt.weekdays = days_of(days);
        interrupt.dates = date_range(dates);
        m_programme.interrupts.push_back(interrupt);
        return interrupt.id;
    }
    InterruptId interrupt_once(PlaylistId playlist, const std::vector<std::string>& zones,
                               const std::string& at, const std::string& on) {
        const InterruptId id = interrupt(playlist, zones, at);
        m_programme.interrupts.back().on = day_of(on);
        return id;
    }
    ClosedHoursId closed(const std::vector<std::string>& zones, const std::string& from,
                         const std::string& to, const std::string& days = "daily",
                         const std::string& dates = "") {
        ClosedHours closed;
        closed.id = static_cast<ClosedHoursId>(m_programme.closed_hours.size()) + 1;
        closed.zones = zones;
        closed.daypart = {at_time(from), at_time(to)};
        closed.weekdays = days_of(days);
        closed.dates = date_range(dates);
        m_programme.closed_hours.push_back(closed);
        return closed.id;
    }
    void default_playlist(const std::string& zone, PlaylistId playlist, ClosedMode mode = ClosedMode::slate) {
        m_programme.zones.push_back({zone, playlist, mode});
    }

    Programme& programme() { return m_programme; }

  private:
    Programme m_programme;
};

}  // namespace scheduler::test

#pragma once
// The hall's film programme as staff arrange it: the media library,
// playlists, schedule rules, interrupts, and each zone's default playlist and
// closed hours. Plain values; the store loads and saves them, the resolver
// reads them. See scheduler/README.md for the rules of precedence.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scheduler/calendar.h"

namespace scheduler {

using MediaId = std::int64_t;
using PlaylistId = std::int64_t;
using RuleId = std::int64_t;
using InterruptId = std::int64_t;
using ClosedHoursId = std::int64_t;

// The hall's four service zones: boards, models, av, health.
const std::vector<std::string>& known_zones();
bool is_known_zone(std::string_view zone);

// A registered media file and the facts probed when it was registered.
struct MediaFile {
    MediaId id = 0;
    std::string name;            // what staff call it in playlists; unique
    std::filesystem::path path;  // absolute
    std::string sha256;          // hex, of the file's bytes at registration
    std::int64_t size_bytes = 0;
    std::chrono::milliseconds duration{0};  // 0 for still pictures
    bool is_still = false;
    std::string container;
    std::string video_codec;  // empty when the file has no picture
    int width = 0;
    int height = 0;
    std::string audio_codec;  // empty when the file has no sound
    Instant registered_at{};
};

struct PlaylistItem {
    MediaId media = 0;
    // How long a still picture stays up; unset: the kiosk's default (10 s).
    // Ignored for films, which play to their end.
    std::optional<std::chrono::milliseconds> display_time;
    // 0..100, applied to this item's sound; unset: full volume.
    std::optional<int> volume_percent;
};

struct Playlist {
    PlaylistId id = 0;
    std::string name;      // unique
    bool shuffle = false;  // play the items in a fresh random order each pass
    std::vector<PlaylistItem> items;
};

// A time-of-day window. `end` <= `start` wraps past midnight: 22:00-02:00
// runs from 22:00 to 02:00 the next morning. `start` == `end` is refused by
// validation (write 00:00-24:00 for the whole day).
struct Daypart {
    TimeOfDay start{0};
    TimeOfDay end{kEndOfDay};

    bool overnight() const { return end <= start; }
    // Nominal length on an ordinary day (not a clocks-change day).
    std::chrono::seconds length() const { return overnight() ? end + kEndOfDay - start : end - start; }
    bool operator==(const Daypart&) const = default;
};

// A playlist on one or more zones during a daypart, on some weekdays, within
// an optional date range. Weekdays and dates name the day the daypart starts
// on: a Friday 22:00-02:00 rule plays into Saturday morning.
struct ScheduleRule {
    RuleId id = 0;  // newer rules have larger ids
    PlaylistId playlist = 0;
    std::vector<std::string> zones;
    Daypart daypart;
    Weekdays weekdays;
    DateRange dates;
    int priority = 0;  // higher wins
};

// A playlist played once through at a fixed time, cutting in on whatever
// plays; afterwards the zone resumes. One-off when `on` is set (weekdays and
// dates are then ignored), else recurring on `weekdays` within `dates`. It
// lasts the sum of its items' lengths (films: their probed duration; stills:
// their display time).
struct Interrupt {
    InterruptId id = 0;
    PlaylistId playlist = 0;
    std::vector<std::string> zones;
    TimeOfDay at{0};
    std::optional<Date> on;
    Weekdays weekdays;
    DateRange dates;
};

// When a zone is closed. Overlapping windows of a zone join into one.
struct ClosedHours {
    ClosedHoursId id = 0;
    std::vector<std::string> zones;
    Daypart daypart;
    Weekdays weekdays;
    DateRange dates;
};

// What a zone's screens show while it is closed.
enum class ClosedMode {
    slate,  // a quiet "closed" slate with the opening hours
    blank,  // the screen blanked (black, no sound)
};

struct ZoneSettings {
    std::string zone;
    // Plays whenever no rule or interrupt does, so there is always something.
    std::optional<PlaylistId> default_playlist;
    ClosedMode closed_mode = ClosedMode::slate;
};

struct Programme {
    std::vector<MediaFile> media;
    std::vector<Playlist> playlists;
    std::vector<ScheduleRule> rules;
    std::vector<Interrupt> interrupts;
    std::vector<ClosedHours> closed_hours;
    std::vector<ZoneSettings> zones;  // zones without an entry have no default and a slate when closed
    // The store's programme version this was loaded at (0 when not from a store).
    std::int64_t version = 0;

    const MediaFile* find_media(MediaId id) const;
    const MediaFile* find_media(std::string_view name) const;
    const Playlist* find_playlist(PlaylistId id) const;
    const Playlist* find_playlist(std::string_view name) const;
    const ZoneSettings* find_zone(std::string_view zone) const;
};

// Rules of precedence between two rules active at the same moment in a zone:
// the higher priority wins; on a tie the more specific rule (the shorter
// daypart) wins; then the newer rule (the larger id). A strict total order.
bool takes_precedence(const ScheduleRule& a, const ScheduleRule& b);

// Default display time of a still picture without its own.
inline constexpr std::chrono::milliseconds kDefaultStillTime{10'000};

// How long one pass of the playlist lasts: films at their probed duration,
// stills at their display time (else `still_time`). 0 for an unknown or empty
// playlist.
std::chrono::milliseconds playlist_length(const Programme& programme, PlaylistId playlist,
                                          std::chrono::milliseconds still_time = kDefaultStillTime);

const char* to_string(ClosedMode mode);

}  // namespace scheduler

#include "scheduler/programme.h"

#include <algorithm>

namespace scheduler {

const std::vector<std::string>& known_zones() {
    static const std::vector<std::string> zones{"boards", "models", "av", "health"};
    return zones;
}

bool is_known_zone(std::string_view zone) {
    const auto& zones = known_zones();
    return std::find(zones.begin(), zones.end(), zone) != zones.end();
}

const MediaFile* Programme::find_media(MediaId id) const {
    const auto it = std::find_if(media.begin(), media.end(), [&](const MediaFile& m) { return m.id == id; });
    return it == media.end() ? nullptr : &*it;
}

const MediaFile* Programme::find_media(std::string_view name) const {
    const auto it =
        std::find_if(media.begin(), media.end(), [&](const MediaFile& m) { return m.name == name; });
    return it == media.end() ? nullptr : &*it;
}

const Playlist* Programme::find_playlist(PlaylistId id) const {
    const auto it =
        std::find_if(playlists.begin(), playlists.end(), [&](const Playlist& p) { return p.id == id; });
    return it == playlists.end() ? nullptr : &*it;
}

const Playlist* Programme::find_playlist(std::string_view name) const {
    const auto it =
        std::find_if(playlists.begin(), playlists.end(), [&](const Playlist& p) { return p.name == name; });
    return it == playlists.end() ? nullptr : &*it;
}

const ZoneSettings* Programme::find_zone(std::string_view zone) const {
    const auto it =
        std::find_if(zones.begin(), zones.end(), [&](const ZoneSettings& z) { return z.zone == zone; });
    return it == zones.end() ? nullptr : &*it;
}

bool takes_precedence(const ScheduleRule& a, const ScheduleRule& b) {
    if (a.priority != b.priority) {
        return a.priority > b.priority;
    }
    if (a.daypart.length() != b.daypart.length()) {
        return a.daypart.length() < b.daypart.length();
    }
    return a.id > b.id;
}

std::chrono::milliseconds playlist_length(const Programme& programme, PlaylistId playlist,
                                          std::chrono::milliseconds still_time) {
    const Playlist* list = programme.find_playlist(playlist);
    if (list == nullptr) {
        return std::chrono::milliseconds{0};
    }
    std::chrono::milliseconds total{0};
    for (const PlaylistItem& item : list->items) {
        const MediaFile* media = programme.find_media(item.media);
        if (media == nullptr) {
            continue;
        }
        total += media->is_still ? item.display_time.value_or(still_time) : media->duration;
    }
    return total;
}

const char* to_string(ClosedMode mode) {
    switch (mode) {
        case ClosedMode::slate:
            return "slate";
        case ClosedMode::blank:
            return "blank";
    }
    return "slate";
}

}  // namespace scheduler

#pragma once
// A playlist as the player needs it: files in order with their display time
// and volume. The kiosk keeps one cursor per (zone, playlist), so after an
// interrupt or a rule change the zone resumes its loop where it left off.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "content/playlist.h"
#include "scheduler/error.h"
#include "scheduler/programme.h"

namespace scheduler {

struct PlayoutItem {
    MediaId media = 0;
    std::string media_name;
    std::filesystem::path path;
    bool is_still = false;
    std::chrono::milliseconds duration{0};  // probed length of a film; for a still, its display time
    std::optional<std::chrono::milliseconds> display_time;  // stills: the item's own, else unset
    std::optional<int> volume_percent;                      // 0..100; unset: full volume
};

struct PlayoutList {
    PlaylistId playlist = 0;
    std::string name;
    bool shuffle = false;
    std::vector<PlayoutItem> items;
};

// The playlist's items resolved to files. not_found when there is no such
// playlist; an item whose media is not in the library (never so for a
// programme loaded from the store) is not_found too.
tl::expected<PlayoutList, Error> playout_list(const Programme& programme, PlaylistId playlist,
                                              std::chrono::milliseconds still_time = kDefaultStillTime);

// As the playback engine's playlist (paths and still display times; the
// volume stays in PlayoutList).
content::Playlist to_content_playlist(const PlayoutList& list);

// A random order of `count` items for one pass of a shuffled playlist: the
// same seed gives the same order on every machine.
std::vector<std::size_t> shuffle_order(std::size_t count, std::uint64_t seed);

}  // namespace scheduler

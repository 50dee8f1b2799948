#include "scheduler/playout.h"

#include <numeric>
#include <random>

namespace scheduler {

tl::expected<PlayoutList, Error> playout_list(const Programme& programme, PlaylistId playlist,
                                              std::chrono::milliseconds still_time) {
    const Playlist* list = programme.find_playlist(playlist);
    if (list == nullptr) {
        return tl::unexpected(Error{ErrorKind::not_found, "no playlist with id " + std::to_string(playlist)});
    }
    PlayoutList out{list->id, list->name, list->shuffle, {}};
    for (std::size_t i = 0; i < list->items.size(); ++i) {
        const PlaylistItem& item = list->items[i];
        const MediaFile* media = programme.find_media(item.media);
        if (media == nullptr) {
            return tl::unexpected(Error{ErrorKind::not_found, "playlist \"" + list->name + "\" item " +
                                                                  std::to_string(i + 1) + ": media id " +
                                                                  std::to_string(item.media) +
                                                                  " is not in the library"});
        }
        PlayoutItem entry;
        entry.media = media->id;
        entry.media_name = media->name;
        entry.path = media->path;
        entry.is_still = media->is_still;
        entry.duration = media->is_still ? item.display_time.value_or(still_time) : media->duration;
        entry.display_time = media->is_still ? item.display_time : std::nullopt;
        entry.volume_percent = item.volume_percent;
        out.items.push_back(std::move(entry));
    }
    return out;
}

content::Playlist to_content_playlist(const PlayoutList& list) {
    content::Playlist playlist;
    playlist.name = list.name;
    playlist.shuffle = list.shuffle;
    for (const PlayoutItem& item : list.items) {
        playlist.items.push_back({item.path, item.display_time, item.volume_percent});
    }
    return playlist;
}

std::vector<std::size_t> shuffle_order(std::size_t count, std::uint64_t seed) {
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), std::size_t{0});
    // Fisher-Yates with the engine's raw output: std::shuffle and the
    // standard distributions may differ between library versions.
    std::mt19937_64 engine(seed);
    for (std::size_t i = count; i > 1; --i) {
        const std::size_t j = static_cast<std::size_t>(engine() % i);
        std::swap(order[i - 1], order[j]);
    }
    return order;
}

}  // namespace scheduler

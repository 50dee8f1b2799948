#pragma once
// One playlist item on its way through a screen: prepared, waiting its turn,
// on screen. Owned by the screen's player, on the main thread.

#include <algorithm>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include "media_source.h"

namespace kiosk::playback {

struct PlayingItem {
    std::size_t index = 0;  // in its programme's playlist
    std::string path;       // for logs, stats and proof of play
    std::string programme;  // the playlist's name
    float gain = 1.0f;      // the playlist's volume for this item
    std::unique_ptr<MediaSource> source;
    double start = 0.0;            // programme seconds at which item second 0 plays
    std::optional<double> cut_at;  // item seconds: a programme change cuts the item here
    bool cut_short = false;        // pictures or sound stopped at cut_at, before their end
    std::optional<VideoFrame> pending_picture;
    bool pictures_ended = false;
    double pictures_end = 0.0;  // item seconds: end of the last picture
    bool sound_ended = false;
    double sound_end = 0.0;  // item seconds
    std::optional<AudioChunk> pending_sound;
    std::size_t pending_sound_offset = 0;  // frames of pending_sound already written
    bool pending_sound_ready = false;      // faded as needed, being written
    bool sound_started = false;
    bool picture_shown = false;
    bool sound_written = false;

    // Item seconds at which the item is over, once known: the later of its
    // last picture's end and its sound's end, or where it is cut.
    std::optional<double> end() const {
        if (pictures_ended && sound_ended) {
            if (cut_short) {
                return cut_at;
            }
            const double natural = std::max(pictures_end, sound_end);
            return cut_at ? std::min(natural, *cut_at) : natural;
        }
        return cut_at;
    }
};

}  // namespace kiosk::playback

#pragma once
// One playlist item on its way through a screen: prepared, waiting its turn,
// on screen. Owned by the screen's player, on the main thread.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "media_source.h"
#include "sound_fade.h"

namespace kiosk::playback {

// Where an item's pictures, or its sound, are.
enum class StreamPhase {
    absent,   // the item has none (or the screen has no sound)
    waiting,  // nothing out yet
    running,  // pictures shown, or sound written
    ended,    // all out, to the end of the stream
    cut,      // stopped at the item's cut, before the end of the stream
};

inline bool is_over(StreamPhase phase) {
    return phase == StreamPhase::absent || phase == StreamPhase::ended || phase == StreamPhase::cut;
}

// A chunk of sound taken from the source and not yet all in the ring.
struct SoundInHand {
    AudioChunk chunk;
    // Once known: which part of it is heard. The chunk then holds just that
    // part, faded and at the playlist's volume.
    std::optional<ChunkPlan> plan;
    std::size_t written = 0;  // frames of the heard part placed in the ring
};

struct PlayingItem {
    std::size_t index = 0;  // in its programme's playlist
    std::string path;       // for logs, stats and proof of play
    std::string programme;  // the playlist's name
    float gain = 1.0f;      // the playlist's volume for this item
    std::unique_ptr<MediaSource> source;
    double start = 0.0;            // programme seconds at which item second 0 plays
    double from = 0.0;             // item seconds it begins at: 0, or where a resumed item picks up
    std::optional<double> cut_at;  // item seconds: a programme change cuts the item here

    StreamPhase pictures = StreamPhase::absent;
    double pictures_end = 0.0;  // item seconds: end of the last picture
    std::optional<VideoFrame> pending_picture;
    std::int64_t pictures_shown = 0;

    StreamPhase sound = StreamPhase::absent;
    double sound_end = 0.0;  // item seconds
    std::optional<SoundInHand> pending_sound;
    std::int64_t sound_chunks_written = 0;

    bool played() const { return pictures_shown > 0 || sound_chunks_written > 0; }
    bool cut_short() const { return pictures == StreamPhase::cut || sound == StreamPhase::cut; }

    // Item seconds at which the item is over, once known: the later of its
    // last picture's end and its sound's end, or where it is cut.
    std::optional<double> end() const {
        if (is_over(pictures) && is_over(sound)) {
            if (cut_short()) {
                return cut_at;
            }
            const double natural = std::max(pictures_end, sound_end);
            return cut_at ? std::min(natural, *cut_at) : natural;
        }
        return cut_at;
    }
};

}  // namespace kiosk::playback

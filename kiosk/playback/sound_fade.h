#pragma once
// The arithmetic of an item's sound, as functions of values: which part of a
// decoded chunk is heard, the short ramps at its edges that keep a join or a
// cut from clicking, and the playlist's volume.

#include <cstddef>
#include <span>

namespace kiosk::playback {

// Ramps the first `frames` frames of interleaved `samples` up from silence.
void fade_in(std::span<float> samples, std::size_t channels, std::size_t frames);

// Ramps the last `frames` frames of interleaved `samples` down to silence.
void fade_out(std::span<float> samples, std::size_t channels, std::size_t frames);

// Multiplies every sample by `gain` (the playlist's volume, 0 to 1).
void apply_gain(std::span<float> samples, float gain);

// One decoded chunk of an item's sound on the programme's timeline, in
// programme seconds.
struct ChunkPlace {
    double start = 0.0;      // where its first frame belongs
    std::size_t frames = 0;  // its length
    double rate = 48000.0;   // frames per second
    double from = -1.0e300;  // the item's sound begins here when it resumes mid-film; nothing
                             // is left out of an item played from its start
    double cut = 1.0e300;    // the item is cut here
    bool first = false;      // nothing of the item's sound is out yet
    bool last = false;       // the stream ends after it
};

// Which frames of the chunk are heard, and how they are shaped.
struct ChunkPlan {
    std::size_t begin = 0;  // frames before it lie before `from`: left out
    std::size_t end = 0;    // frames from it on lie past the cut: left out
    bool fade_in = false;   // the item's sound starts at `begin`
    bool fade_out = false;  // the item's sound ends at `end`
    bool cut = false;       // it ends there because of the cut, before the stream's end
    bool heard() const { return end > begin; }
};

ChunkPlan plan_chunk(const ChunkPlace& place);

// Applies `plan` to the heard part of a chunk (`samples`, interleaved): its
// fades, `fade_frames` long, and `gain`.
void shape_chunk(std::span<float> samples, std::size_t channels, const ChunkPlan& plan,
                 std::size_t fade_frames, float gain);

}  // namespace kiosk::playback

#pragma once
// Short gain ramps at the edges of an item's sound, so that a cut between two
// items (or into silence) never clicks.

#include <cstddef>
#include <span>

namespace kiosk::playback {

// Ramps the first `frames` frames of interleaved `samples` up from silence.
void fade_in(std::span<float> samples, std::size_t channels, std::size_t frames);

// Ramps the last `frames` frames of interleaved `samples` down to silence.
void fade_out(std::span<float> samples, std::size_t channels, std::size_t frames);

}  // namespace kiosk::playback

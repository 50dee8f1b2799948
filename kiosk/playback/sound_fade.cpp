#include "sound_fade.h"

#include <algorithm>

namespace kiosk::playback {

void fade_in(std::span<float> samples, std::size_t channels, std::size_t frames) {
    const std::size_t available = samples.size() / channels;
    const std::size_t ramp = std::min(frames, available);
    for (std::size_t frame = 0; frame < ramp; ++frame) {
        const float gain = static_cast<float>(frame) / static_cast<float>(frames);
        for (std::size_t channel = 0; channel < channels; ++channel) {
            samples[frame * channels + channel] *= gain;
        }
    }
}

void fade_out(std::span<float> samples, std::size_t channels, std::size_t frames) {
    const std::size_t available = samples.size() / channels;
    const std::size_t ramp = std::min(frames, available);
    const std::size_t first = available - ramp;
    for (std::size_t frame = first; frame < available; ++frame) {
        const float gain = static_cast<float>(available - 1 - frame) / static_cast<float>(frames);
        for (std::size_t channel = 0; channel < channels; ++channel) {
            samples[frame * channels + channel] *= gain;
        }
    }
}

}  // namespace kiosk::playback

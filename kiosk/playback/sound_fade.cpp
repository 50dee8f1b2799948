#include "sound_fade.h"

#include <algorithm>
#include <cmath>

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

void apply_gain(std::span<float> samples, float gain) {
    if (gain == 1.0f) {
        return;
    }
    for (float& sample : samples) {
        sample *= gain;
    }
}

ChunkPlan plan_chunk(const ChunkPlace& place) {
    ChunkPlan plan;
    plan.end = place.frames;
    const double length = static_cast<double>(place.frames) / place.rate;
    if (place.start + length > place.cut) {
        // Truncated, not rounded: no frame of the chunk plays past the cut.
        plan.end = static_cast<std::size_t>(std::max(0.0, (place.cut - place.start) * place.rate));
        plan.end = std::min(plan.end, place.frames);
        plan.cut = true;
    }
    if (place.from > place.start) {
        const auto skipped = std::llround((place.from - place.start) * place.rate);
        plan.begin = std::min(plan.end, static_cast<std::size_t>(std::max<long long>(0, skipped)));
    }
    plan.fade_in = place.first && plan.heard();
    plan.fade_out = place.last || plan.cut;
    return plan;
}

void shape_chunk(std::span<float> samples, std::size_t channels, const ChunkPlan& plan,
                 std::size_t fade_frames, float gain) {
    if (plan.fade_in) {
        fade_in(samples, channels, fade_frames);
    }
    if (plan.fade_out) {
        fade_out(samples, channels, fade_frames);
    }
    apply_gain(samples, gain);
}

}  // namespace kiosk::playback

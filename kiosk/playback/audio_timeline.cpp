#include "audio_timeline.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace kiosk::playback {
namespace {

// Chunk starts within this many frames of the write position are taken as
// contiguous: codec timestamps round, and a one-frame gap would be a click.
constexpr std::int64_t kContiguityFrames = 2;

}  // namespace

void AudioTimeline::start(SteadyTime at) {
    m_origin = static_cast<std::int64_t>(std::llround(m_ring.heard_frames_at(at, m_device_frames)));
}

std::int64_t AudioTimeline::frame_of(double seconds) const {
    return m_origin + static_cast<std::int64_t>(std::llround(seconds * m_ring.sample_rate()));
}

double AudioTimeline::written_until() const {
    return static_cast<double>(static_cast<std::int64_t>(m_ring.write_position()) - m_origin) /
           m_ring.sample_rate();
}

void AudioTimeline::fill_silence(double until) {
    const auto position = static_cast<std::int64_t>(m_ring.write_position());
    const std::int64_t frames = std::min<std::int64_t>(frame_of(until) - position,
                                                       static_cast<std::int64_t>(m_ring.writable_frames()));
    if (frames > 0) {
        const std::vector<float> silence(static_cast<std::size_t>(frames) * m_ring.channels(), 0.0f);
        m_ring.write(silence);
    }
}

std::size_t AudioTimeline::place(std::span<const float> samples, double start) {
    const auto channels = static_cast<std::size_t>(m_ring.channels());
    const std::size_t total = samples.size() / channels;
    std::int64_t first = frame_of(start);
    const auto position = static_cast<std::int64_t>(m_ring.write_position());
    if (std::abs(first - position) <= kContiguityFrames) {
        first = position;
    }
    if (first > position) {
        fill_silence(start);
        if (static_cast<std::int64_t>(m_ring.write_position()) < first) {
            return 0;  // ring full before the chunk's start
        }
    }
    const std::size_t trimmed =
        first < position ? std::min(total, static_cast<std::size_t>(position - first)) : std::size_t{0};
    const std::size_t written = m_ring.write(samples.subspan(trimmed * channels));
    return trimmed + written;
}

double AudioTimeline::heard_at(SteadyTime now) const {
    return (m_ring.heard_frames_at(now, m_device_frames) - static_cast<double>(m_origin)) /
           m_ring.sample_rate();
}

}  // namespace kiosk::playback

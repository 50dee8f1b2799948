#include "audio_ring.h"

#include <algorithm>
#include <cassert>

namespace kiosk::playback {

AudioRing::AudioRing(std::size_t capacity_frames, int channels, int sample_rate)
    : m_samples(capacity_frames * static_cast<std::size_t>(channels)),
      m_capacity_frames(capacity_frames),
      m_channels(channels),
      m_sample_rate(sample_rate) {
    assert(capacity_frames > 0 && channels > 0 && sample_rate > 0);
}

std::size_t AudioRing::writable_frames() const {
    std::lock_guard lock(m_mutex);
    return m_capacity_frames - static_cast<std::size_t>(m_written - m_read);
}

std::size_t AudioRing::write(std::span<const float> samples) {
    std::lock_guard lock(m_mutex);
    const std::size_t free_frames = m_capacity_frames - static_cast<std::size_t>(m_written - m_read);
    const std::size_t frames = std::min(free_frames, samples.size() / static_cast<std::size_t>(m_channels));
    for (std::size_t frame = 0; frame < frames; ++frame) {
        const std::size_t slot = static_cast<std::size_t>((m_written + frame) % m_capacity_frames);
        std::copy_n(samples.begin() + static_cast<std::ptrdiff_t>(frame * m_channels), m_channels,
                    m_samples.begin() + static_cast<std::ptrdiff_t>(slot * m_channels));
    }
    m_written += frames;
    return frames;
}

std::uint64_t AudioRing::write_position() const {
    std::lock_guard lock(m_mutex);
    return m_written;
}

void AudioRing::read(std::span<float> out, SteadyTime now) {
    std::lock_guard lock(m_mutex);
    const std::size_t wanted = out.size() / static_cast<std::size_t>(m_channels);
    const std::size_t frames = std::min(wanted, static_cast<std::size_t>(m_written - m_read));
    for (std::size_t frame = 0; frame < frames; ++frame) {
        const std::size_t slot = static_cast<std::size_t>((m_read + frame) % m_capacity_frames);
        std::copy_n(m_samples.begin() + static_cast<std::ptrdiff_t>(slot * m_channels), m_channels,
                    out.begin() + static_cast<std::ptrdiff_t>(frame * m_channels));
    }
    std::fill(out.begin() + static_cast<std::ptrdiff_t>(frames * m_channels), out.end(), 0.0f);
    m_read += wanted;
    m_underrun += wanted - frames;
    m_written = std::max(m_written, m_read);
    m_last_read_at = now;
    m_last_read_frames = wanted;
}

double AudioRing::heard_frames_at(SteadyTime now, std::size_t device_frames) const {
    std::lock_guard lock(m_mutex);
    if (m_read == 0) {
        return 0.0;
    }
    // The device plays what it was handed at the last read after what it
    // still held, so interpolation stops once that period has passed.
    const double period = static_cast<double>(m_last_read_frames);
    const double since_read = std::min(Seconds(now - m_last_read_at).count() * m_sample_rate, period);
    return static_cast<double>(m_read) - static_cast<double>(device_frames) - period + since_read;
}

std::uint64_t AudioRing::underrun_frames() const {
    std::lock_guard lock(m_mutex);
    return m_underrun;
}

}  // namespace kiosk::playback

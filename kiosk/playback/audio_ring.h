#pragma once
// Interleaved float samples on their way from the main thread to the audio
// device callback, and the device's play position for the audio clock.
// One producer (the screen's player), one consumer (the device callback).

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>
#include <vector>

#include "clock.h"

namespace kiosk::playback {

class AudioRing {
  public:
    AudioRing(std::size_t capacity_frames, int channels, int sample_rate);

    int channels() const { return m_channels; }
    int sample_rate() const { return m_sample_rate; }

    // The ring is a timeline: frame index N is heard N frames after index 0,
    // whether or not samples were written for it. An underrun is silence,
    // not a pause, so indexes keep their meaning and sound never lags video.

    // Producer side: the index the next written frame lands on (never in the
    // past: after an underrun it has moved on with the device).
    std::uint64_t write_position() const;
    std::size_t writable_frames() const;
    // Writes as many whole frames of `samples` as fit; returns frames written.
    std::size_t write(std::span<const float> samples);

    // Consumer side: fills `out`, with silence for frames not written in time.
    void read(std::span<float> out, SteadyTime now);

    // The programme time, in frames since the ring began, being heard at `now`:
    // frames handed to the device minus what it still holds (`device_frames`),
    // advanced by the time since that handover.
    double heard_frames_at(SteadyTime now, std::size_t device_frames) const;
    std::uint64_t underrun_frames() const;

  private:
    mutable std::mutex m_mutex;
    std::vector<float> m_samples;
    std::size_t m_capacity_frames;
    int m_channels;
    int m_sample_rate;
    std::uint64_t m_written = 0;  // index after the last written frame
    std::uint64_t m_read = 0;     // index after the last frame handed to the device
    std::uint64_t m_underrun = 0;
    SteadyTime m_last_read_at{};
    std::size_t m_last_read_frames = 0;
};

}  // namespace kiosk::playback

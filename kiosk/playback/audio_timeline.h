#pragma once
// Places decoded sound on a screen's programme timeline in the audio ring:
// each chunk lands at the ring index of its programme time, gaps become
// silence and whatever is already in the past is trimmed, so sound stays
// aligned across item joins, seeks and underruns.

#include <cstddef>
#include <cstdint>
#include <span>

#include "audio_ring.h"
#include "clock.h"

namespace kiosk::playback {

class AudioTimeline {
  public:
    AudioTimeline(AudioRing& ring, std::size_t device_frames)
        : m_ring(ring), m_device_frames(device_frames) {}

    // Programme second 0 is heard at steady time `at`.
    void start(SteadyTime at);

    // Programme seconds up to which sound has been written.
    double written_until() const;

    // Writes `samples` (interleaved), whose first frame belongs at programme
    // second `start`; silence fills any gap before it. Returns how many
    // frames of `samples` are used up (written or trimmed as past); fewer
    // than all means the ring is full and the rest should be offered again.
    std::size_t place(std::span<const float> samples, double start);

    // Silence up to programme second `until`, as far as the ring takes it.
    void fill_silence(double until);

    // Programme seconds being heard at `now`.
    double heard_at(SteadyTime now) const;

    int sample_rate() const { return m_ring.sample_rate(); }
    int channels() const { return m_ring.channels(); }

  private:
    std::int64_t frame_of(double seconds) const;

    AudioRing& m_ring;
    std::size_t m_device_frames;
    std::int64_t m_origin = 0;  // ring index of programme second 0
};

}  // namespace kiosk::playback

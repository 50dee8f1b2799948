#pragma once
// A screen's programme time: seconds since its programme started, running on
// the steady clock and, while an item with sound plays, following the audio
// device, which is the clock the audience hears.

#include "clock.h"

namespace kiosk::playback {

class ProgrammeClock {
  public:
    // Programme time `programme_seconds` is reached at steady time `at`.
    void start(SteadyTime at, double programme_seconds = 0.0);
    bool started() const { return m_started; }

    double seconds_at(SteadyTime now) const;
    SteadyTime when(double programme_seconds) const;

    // The audio device reports the programme at `audio_seconds` at `now`.
    // Small differences are absorbed gradually (device position reports
    // jitter by a callback period); large ones (an underrun) are taken at
    // once. Returns the difference before the correction, audio minus clock.
    double follow_audio(SteadyTime now, double audio_seconds);

  private:
    SteadyTime m_origin{};  // steady time of programme second 0
    bool m_started = false;
};

}  // namespace kiosk::playback

#pragma once
// Headless sound: a thread that takes the ring's samples at exactly the
// sample rate of `clock` and discards them. SDL's dummy driver sleeps a
// period per callback without catching up, so it runs a few per cent slow,
// and a programme following it would run slow too; this one keeps time.

#include <condition_variable>
#include <mutex>
#include <thread>

#include "audio_output.h"
#include "audio_ring.h"
#include "clock.h"

namespace kiosk::playback {

class NullAudioOutput final : public AudioOutput {
  public:
    // On a ManualClock the periods are taken as the clock is advanced (at
    // most a period of real time later).
    explicit NullAudioOutput(const Clock& clock = real_clock());
    ~NullAudioOutput() override;
    NullAudioOutput(const NullAudioOutput&) = delete;
    NullAudioOutput& operator=(const NullAudioOutput&) = delete;

    AudioTimeline& timeline() override { return m_timeline; }
    AudioFormat format() const override { return AudioFormat{m_ring.sample_rate(), m_ring.channels()}; }

  private:
    void run(std::stop_token stop);

    const Clock& m_clock;
    SteadyTime m_began;  // the first period is taken then
    AudioRing m_ring;
    AudioTimeline m_timeline;
    std::mutex m_mutex;
    std::condition_variable_any m_wake;  // only a stop request wakes it early
    std::jthread m_thread;               // last: joined before the ring goes
};

}  // namespace kiosk::playback

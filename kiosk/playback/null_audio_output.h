#pragma once
// Headless sound: a thread that takes the ring's samples at exactly the
// sample rate and discards them. SDL's dummy driver sleeps a period per
// callback without catching up, so it runs a few per cent slow, and a
// programme following it would run slow too; this one keeps real time.

#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "audio_output.h"
#include "audio_ring.h"

namespace kiosk::playback {

class NullAudioOutput final : public AudioOutput {
  public:
    NullAudioOutput();
    ~NullAudioOutput() override;
    NullAudioOutput(const NullAudioOutput&) = delete;
    NullAudioOutput& operator=(const NullAudioOutput&) = delete;

    AudioTimeline& timeline() override { return m_timeline; }
    AudioFormat format() const override { return AudioFormat{m_ring.sample_rate(), m_ring.channels()}; }

  private:
    void run();

    AudioRing m_ring;
    AudioTimeline m_timeline;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    std::thread m_thread;
};

}  // namespace kiosk::playback

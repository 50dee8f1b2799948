#pragma once
// A screen's sound: an SDL audio device whose callback plays the screen's
// audio ring. The device runs from creation to destruction; the ring's
// timeline keeps counting through silence.

#include <memory>
#include <string>

#include <tl/expected.hpp>

#include <SDL.h>

#include "playback/audio_output.h"
#include "playback/audio_ring.h"
#include "render_error.h"

namespace kiosk::render {

class SdlAudioOutput final : public playback::AudioOutput {
  public:
    // Opens the default output device (or `device_name`) as 48 kHz stereo float.
    static tl::expected<std::unique_ptr<SdlAudioOutput>, RenderError> create(
        const std::string& device_name = {});
    ~SdlAudioOutput() override;
    SdlAudioOutput(const SdlAudioOutput&) = delete;
    SdlAudioOutput& operator=(const SdlAudioOutput&) = delete;

    playback::AudioTimeline& timeline() override { return *m_timeline; }
    playback::AudioFormat format() const override {
        return playback::AudioFormat{m_ring->sample_rate(), m_ring->channels()};
    }

  private:
    SdlAudioOutput() = default;
    static void fill(void* opaque, Uint8* stream, int length);

    std::unique_ptr<playback::AudioRing> m_ring;
    std::unique_ptr<playback::AudioTimeline> m_timeline;
    SDL_AudioDeviceID m_device = 0;
};

}  // namespace kiosk::render

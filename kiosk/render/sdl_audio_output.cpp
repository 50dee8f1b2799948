#include "sdl_audio_output.h"

#include <SDL.h>

#include <span>

namespace kiosk::render {
namespace {

constexpr int kSampleRate = 48000;
constexpr int kChannels = 2;
// Frames per device callback: ~21 ms, the granularity of the audio clock.
constexpr Uint16 kDeviceFrames = 1024;
// Ring capacity: twice the sound lead the player keeps, a second in all.
constexpr std::size_t kRingFrames = kSampleRate;

}  // namespace

tl::expected<std::unique_ptr<SdlAudioOutput>, RenderError> SdlAudioOutput::create(
    const std::string& device_name) {
    std::unique_ptr<SdlAudioOutput> output(new SdlAudioOutput());
    output->m_ring = std::make_unique<playback::AudioRing>(kRingFrames, kChannels, kSampleRate);
    SDL_AudioSpec wanted{};
    wanted.freq = kSampleRate;
    wanted.format = AUDIO_F32SYS;
    wanted.channels = kChannels;
    wanted.samples = kDeviceFrames;
    wanted.callback = &SdlAudioOutput::fill;
    wanted.userdata = output.get();
    SDL_AudioSpec obtained{};
    // No allowed changes: SDL converts to the hardware format itself, so the
    // ring's format is fixed.
    output->m_device =
        SDL_OpenAudioDevice(device_name.empty() ? nullptr : device_name.c_str(), 0, &wanted, &obtained, 0);
    if (output->m_device == 0) {
        return tl::unexpected(RenderError{RenderErrorKind::no_sound,
                                          std::string("cannot open the sound device: ") + SDL_GetError()});
    }
    // The device's own buffer is the callback period the ring already
    // accounts for; SDL adds no further queue in front of it.
    output->m_timeline = std::make_unique<playback::AudioTimeline>(*output->m_ring, 0);
    SDL_PauseAudioDevice(output->m_device, 0);
    return output;
}

SdlAudioOutput::~SdlAudioOutput() {
    if (m_device != 0) {
        SDL_CloseAudioDevice(m_device);  // waits for a running callback to return
    }
}

void SdlAudioOutput::fill(void* opaque, Uint8* stream, int length) {
    auto* output = static_cast<SdlAudioOutput*>(opaque);
    std::span<float> samples(reinterpret_cast<float*>(stream),
                             static_cast<std::size_t>(length) / sizeof(float));
    output->m_ring->read(samples, std::chrono::steady_clock::now());
}

}  // namespace kiosk::render

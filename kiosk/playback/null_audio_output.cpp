#include "null_audio_output.h"

#include <algorithm>
#include <vector>

namespace kiosk::playback {
namespace {

constexpr int kSampleRate = 48000;
constexpr int kChannels = 2;
// Frames per period, as a real device would take them (~21 ms).
constexpr std::size_t kPeriodFrames = 1024;
constexpr std::size_t kRingFrames = kSampleRate;

}  // namespace

NullAudioOutput::NullAudioOutput(const Clock& clock)
    : m_clock(clock),
      m_began(clock.now()),
      m_ring(kRingFrames, kChannels, kSampleRate),
      m_timeline(m_ring, 0),
      m_thread([this](std::stop_token stop) { run(std::move(stop)); }) {}

NullAudioOutput::~NullAudioOutput() {
    m_thread.request_stop();  // wakes the wait below; the member joins
}

void NullAudioOutput::run(std::stop_token stop) {
    std::vector<float> period(kPeriodFrames * kChannels);
    const auto period_length = to_duration(static_cast<double>(kPeriodFrames) / kSampleRate);
    // Deadlines advance by whole periods from the start, never from when the
    // thread happened to wake, so lateness does not accumulate.
    SteadyTime deadline = m_began;
    std::unique_lock lock(m_mutex);
    while (!stop.stop_requested()) {
        SteadyTime now = m_clock.now();
        while (deadline <= now) {
            m_ring.read(period, now);
            deadline += period_length;
            now = m_clock.now();
        }
        const auto wait = std::min<SteadyTime::duration>(deadline - now, period_length);
        m_wake.wait_for(lock, stop, wait, [] { return false; });
    }
}

}  // namespace kiosk::playback

#include "null_audio_output.h"

#include <vector>

namespace kiosk::playback {
namespace {

constexpr int kSampleRate = 48000;
constexpr int kChannels = 2;
// Frames per period, as a real device would take them (~21 ms).
constexpr std::size_t kPeriodFrames = 1024;
constexpr std::size_t kRingFrames = kSampleRate;

}  // namespace

NullAudioOutput::NullAudioOutput()
    : m_ring(kRingFrames, kChannels, kSampleRate), m_timeline(m_ring, 0), m_thread([this] { run(); }) {}

NullAudioOutput::~NullAudioOutput() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void NullAudioOutput::run() {
    std::vector<float> period(kPeriodFrames * kChannels);
    const auto period_length = to_duration(static_cast<double>(kPeriodFrames) / kSampleRate);
    // Deadlines advance by whole periods from the start, never from when the
    // thread happened to wake, so lateness does not accumulate.
    SteadyTime deadline = std::chrono::steady_clock::now();
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_ring.read(period, std::chrono::steady_clock::now());
        deadline += period_length;
        m_wake.wait_until(lock, deadline, [this] { return m_stopping; });
    }
}

}  // namespace kiosk::playback

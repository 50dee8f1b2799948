#include "programme_clock.h"

#include <cmath>

namespace kiosk::playback {
namespace {

// Above this the clock jumps to the audio position instead of easing toward it.
constexpr double kAudioJumpThreshold = 0.080;
// Share of a small audio difference absorbed per report; reports come every
// main-loop pass (~100 per second), so drift is gone within a tenth of a second.
constexpr double kAudioFollowGain = 0.1;

}  // namespace

void ProgrammeClock::start(SteadyTime at, double programme_seconds) {
    m_origin = at - to_duration(programme_seconds);
    m_started = true;
}

double ProgrammeClock::seconds_at(SteadyTime now) const {
    return Seconds(now - m_origin).count();
}

SteadyTime ProgrammeClock::when(double programme_seconds) const {
    return m_origin + to_duration(programme_seconds);
}

double ProgrammeClock::follow_audio(SteadyTime now, double audio_seconds) {
    const double difference = audio_seconds - seconds_at(now);
    const double correction =
        std::abs(difference) > kAudioJumpThreshold ? difference : difference * kAudioFollowGain;
    m_origin -= to_duration(correction);
    return difference;
}

}  // namespace kiosk::playback

// NullAudioOutput on a manual clock: it takes the ring's sound as the clock is advanced.
#include "playback/null_audio_output.h"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace kiosk::playback {
namespace {

using namespace std::chrono_literals;

TEST(NullAudioOutput, HearsExactlyAsMuchAsTheClockHasAdvanced) {
    ManualClock clock{SteadyTime{} + 1h};
    NullAudioOutput output(clock);
    AudioTimeline& timeline = output.timeline();
    timeline.start(clock.now());
    clock.advance(1s);
    // The device's thread notices within a period of real time; allow far more.
    const auto limit = std::chrono::steady_clock::now() + 5s;
    // (The period taken last is heard as the clock moves on through it.)
    while (timeline.heard_at(clock.now()) < 1.0 - 1024.0 / 48000 &&
           std::chrono::steady_clock::now() < limit) {
        std::this_thread::sleep_for(1ms);
    }
    EXPECT_NEAR(timeline.heard_at(clock.now()), 1.0, 1024.0 / 48000) << "a second, to within a period";
    std::this_thread::sleep_for(50ms);
    EXPECT_NEAR(timeline.heard_at(clock.now()), 1.0, 1024.0 / 48000) << "no further while the clock stands";
}

}  // namespace
}  // namespace kiosk::playback

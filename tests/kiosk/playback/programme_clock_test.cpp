// ManualClock and ProgrammeClock: steady-time arithmetic, and how the programme follows the audio device.
#include "playback/programme_clock.h"

#include <chrono>

#include <gtest/gtest.h>

#include "playback/clock.h"

namespace kiosk::playback {
namespace {

using namespace std::chrono_literals;

constexpr double kTolerance = 1e-6;  // seconds: to_duration rounds to nanoseconds

const SteadyTime kT0 = SteadyTime{} + 100s;

TEST(ManualClock, StartsAtTheGivenTimeAndMovesOnlyWhenAdvanced) {
    ManualClock clock(kT0);
    EXPECT_EQ(clock.now(), kT0);
    EXPECT_EQ(clock.now(), kT0);
    clock.advance(5ms);
    clock.advance(250us);
    EXPECT_EQ(clock.now(), kT0 + 5250us);
}

TEST(ManualClock, DefaultsToTheSteadyEpoch) {
    EXPECT_EQ(ManualClock().now(), SteadyTime{});
}

TEST(Clock, ToDurationConvertsSecondsToNanoseconds) {
    EXPECT_EQ(to_duration(0.5), 500ms);
    EXPECT_EQ(to_duration(2.0), 2s);
    EXPECT_EQ(to_duration(-0.25), -250ms);
    EXPECT_EQ(to_duration(0.000001), 1us);
}

TEST(ProgrammeClock, IsNotStartedUntilStartIsCalled) {
    ProgrammeClock clock;
    EXPECT_FALSE(clock.started());
    clock.start(kT0);
    EXPECT_TRUE(clock.started());
}

TEST(ProgrammeClock, CountsSecondsFromTheStartTime) {
    ProgrammeClock clock;
    clock.start(kT0);
    EXPECT_NEAR(clock.seconds_at(kT0), 0.0, kTolerance);
    EXPECT_NEAR(clock.seconds_at(kT0 + 1500ms), 1.5, kTolerance);
    EXPECT_NEAR(clock.seconds_at(kT0 - 1s), -1.0, kTolerance);
}

TEST(ProgrammeClock, StartCanBeginPartWayIntoTheProgramme) {
    ProgrammeClock clock;
    clock.start(kT0, 10.0);
    EXPECT_NEAR(clock.seconds_at(kT0), 10.0, kTolerance);
    EXPECT_NEAR(clock.seconds_at(kT0 + 2s), 12.0, kTolerance);
    EXPECT_EQ(clock.when(10.0), kT0);
}

TEST(ProgrammeClock, WhenIsTheInverseOfSecondsAt) {
    ProgrammeClock clock;
    clock.start(kT0);
    EXPECT_EQ(clock.when(0.0), kT0);
    EXPECT_EQ(clock.when(2.0), kT0 + 2s);
    EXPECT_NEAR(clock.seconds_at(clock.when(3.25)), 3.25, kTolerance);
}

TEST(ProgrammeClock, FollowAudioReturnsAudioMinusClock) {
    ProgrammeClock ahead;
    ahead.start(kT0);
    EXPECT_NEAR(ahead.follow_audio(kT0 + 1s, 1.010), 0.010, kTolerance);

    ProgrammeClock behind;
    behind.start(kT0);
    EXPECT_NEAR(behind.follow_audio(kT0 + 1s, 0.7), -0.3, kTolerance);
}

TEST(ProgrammeClock, SmallAudioDifferenceIsAbsorbedGradually) {
    ProgrammeClock clock;
    clock.start(kT0);
    const SteadyTime now = kT0 + 1s;

    // 10 ms ahead: one report moves the clock by a tenth of that (kAudioFollowGain).
    clock.follow_audio(now, 1.010);
    EXPECT_NEAR(clock.seconds_at(now), 1.001, kTolerance);

    // Further reports of the same position keep closing the remaining difference
    // by the same share, so the clock converges without ever jumping.
    const double remaining = clock.follow_audio(now, 1.010);
    EXPECT_NEAR(remaining, 0.009, kTolerance);
    EXPECT_NEAR(clock.seconds_at(now), 1.0019, kTolerance);
    for (int report = 0; report < 100; ++report) {
        clock.follow_audio(now, 1.010);
    }
    EXPECT_NEAR(clock.seconds_at(now), 1.010, 1e-5);
}

TEST(ProgrammeClock, SmallAudioLagSlowsTheClockGradually) {
    ProgrammeClock clock;
    clock.start(kT0);
    const SteadyTime now = kT0 + 1s;
    clock.follow_audio(now, 0.950);  // 50 ms behind: under the jump threshold
    EXPECT_NEAR(clock.seconds_at(now), 0.995, kTolerance);
}

TEST(ProgrammeClock, DifferenceJustUnderTheThresholdIsStillEased) {
    ProgrammeClock clock;
    clock.start(kT0);
    clock.follow_audio(kT0, 0.079);
    EXPECT_NEAR(clock.seconds_at(kT0), 0.0079, kTolerance);
}

TEST(ProgrammeClock, LargeAudioDifferenceIsTakenAtOnce) {
    ProgrammeClock ahead;
    ahead.start(kT0);
    EXPECT_NEAR(ahead.follow_audio(kT0 + 1s, 1.081), 0.081, kTolerance);
    EXPECT_NEAR(ahead.seconds_at(kT0 + 1s), 1.081, kTolerance);
    EXPECT_NEAR(ahead.seconds_at(kT0 + 2s), 2.081, kTolerance)
        << "the clock keeps running from the new position";

    ProgrammeClock behind;  // an underrun: the sound fell half a second behind
    behind.start(kT0);
    EXPECT_NEAR(behind.follow_audio(kT0 + 1s, 0.5), -0.5, kTolerance);
    EXPECT_NEAR(behind.seconds_at(kT0 + 1s), 0.5, kTolerance);
}

TEST(ProgrammeClock, WhenMovesWithTheAudioCorrection) {
    ProgrammeClock clock;
    clock.start(kT0);
    clock.follow_audio(kT0 + 1s, 1.5);  // jump: programme second 1.5 is now at kT0 + 1 s
    EXPECT_EQ(clock.when(1.5), kT0 + 1s);
}

}  // namespace
}  // namespace kiosk::playback

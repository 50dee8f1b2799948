// AudioRing: the sample timeline between the player and the audio device callback.
#include "playback/audio_ring.h"

#include <chrono>
#include <cstddef>
#include <vector>

#include <gtest/gtest.h>

namespace kiosk::playback {
namespace {

using namespace std::chrono_literals;

constexpr int kChannels = 2;
constexpr int kRate = 48000;
const SteadyTime kT0 = SteadyTime{} + 10s;

// Interleaved stereo frames whose samples are first, first + 1, ... so order and position show.
std::vector<float> ramp(std::size_t frames, float first = 1.0f) {
    std::vector<float> samples(frames * kChannels);
    for (std::size_t i = 0; i < samples.size(); ++i) {
        samples[i] = first + static_cast<float>(i);
    }
    return samples;
}

std::vector<float> read_frames(AudioRing& ring, std::size_t frames, SteadyTime now = kT0) {
    std::vector<float> out(frames * kChannels, -99.0f);  // anything read must overwrite this
    ring.read(out, now);
    return out;
}

TEST(AudioRing, ReportsItsFormat) {
    const AudioRing ring(16, kChannels, kRate);
    EXPECT_EQ(ring.channels(), kChannels);
    EXPECT_EQ(ring.sample_rate(), kRate);
}

TEST(AudioRing, ReadsBackWhatWasWritten) {
    AudioRing ring(16, kChannels, kRate);
    const std::vector<float> written = ramp(5);
    EXPECT_EQ(ring.write(written), 5u);
    EXPECT_EQ(ring.write_position(), 5u);
    EXPECT_EQ(read_frames(ring, 5), written);
    EXPECT_EQ(ring.underrun_frames(), 0u);
}

TEST(AudioRing, WritesOnlyWholeFrames) {
    AudioRing ring(16, kChannels, kRate);
    const std::vector<float> samples = ramp(3);
    EXPECT_EQ(ring.write(std::span<const float>(samples).first(5)), 2u) << "5 samples are 2 stereo frames";
    EXPECT_EQ(ring.write_position(), 2u);
}

TEST(AudioRing, WritesNoMoreThanItsCapacity) {
    AudioRing ring(8, kChannels, kRate);
    EXPECT_EQ(ring.writable_frames(), 8u);
    const std::vector<float> samples = ramp(10);
    EXPECT_EQ(ring.write(samples), 8u);
    EXPECT_EQ(ring.writable_frames(), 0u);
    EXPECT_EQ(ring.write(samples), 0u);
    EXPECT_EQ(ring.write_position(), 8u);
    EXPECT_EQ(read_frames(ring, 8), ramp(8)) << "the first 8 frames, none overwritten";
}

TEST(AudioRing, ReadingFreesSpaceAndWrapsAroundInOrder) {
    AudioRing ring(8, kChannels, kRate);
    ASSERT_EQ(ring.write(ramp(6, 1.0f)), 6u);
    ASSERT_EQ(read_frames(ring, 4), ramp(4, 1.0f));
    EXPECT_EQ(ring.writable_frames(), 6u);

    // Frames 4..5 are still waiting; six more wrap past the end of the storage.
    ASSERT_EQ(ring.write(ramp(6, 100.0f)), 6u);
    std::vector<float> expected = ramp(6, 1.0f);
    expected.erase(expected.begin(), expected.begin() + 4 * kChannels);
    const std::vector<float> more = ramp(6, 100.0f);
    expected.insert(expected.end(), more.begin(), more.end());
    EXPECT_EQ(read_frames(ring, 8), expected);
    EXPECT_EQ(ring.underrun_frames(), 0u);
}

TEST(AudioRing, UnderrunPlaysSilenceForTheMissingFrames) {
    AudioRing ring(16, kChannels, kRate);
    ASSERT_EQ(ring.write(ramp(2)), 2u);
    const std::vector<float> out = read_frames(ring, 5);
    std::vector<float> expected = ramp(2);
    expected.resize(5 * kChannels, 0.0f);
    EXPECT_EQ(out, expected);
    EXPECT_EQ(ring.underrun_frames(), 3u);
}

TEST(AudioRing, UnderrunMovesTheWritePositionOnWithTheDevice) {
    AudioRing ring(16, kChannels, kRate);
    ASSERT_EQ(ring.write(ramp(2)), 2u);
    read_frames(ring, 5);
    // Frames 2..4 were heard as silence: the next write lands on index 5, not 2.
    EXPECT_EQ(ring.write_position(), 5u);
    EXPECT_EQ(ring.writable_frames(), 16u);

    ASSERT_EQ(ring.write(ramp(1, 7.0f)), 1u);
    EXPECT_EQ(ring.write_position(), 6u);
    EXPECT_EQ(read_frames(ring, 1), ramp(1, 7.0f)) << "the late frame is heard next, not dropped";
}

TEST(AudioRing, ReadFromAnEmptyRingIsAllSilence) {
    AudioRing ring(4, kChannels, kRate);
    EXPECT_EQ(read_frames(ring, 3), std::vector<float>(3 * kChannels, 0.0f));
    EXPECT_EQ(ring.underrun_frames(), 3u);
    EXPECT_EQ(ring.write_position(), 3u);
}

TEST(AudioRing, NothingIsHeardBeforeTheFirstRead) {
    AudioRing ring(16, kChannels, kRate);
    ring.write(ramp(8));
    EXPECT_EQ(ring.heard_frames_at(kT0, 0), 0.0);
}

// 2400 frames handed over in periods of 480, the last at kT0; the device holds 960 more.
class AudioRingHeard : public ::testing::Test {
  protected:
    static constexpr std::size_t kPeriod = 480;
    static constexpr std::size_t kDeviceFrames = 960;

    void SetUp() override {
        for (int period = 4; period >= 0; --period) {
            read_frames(ring, kPeriod, kT0 - period * 10ms);
        }
    }

    AudioRing ring{4800, kChannels, kRate};
};

TEST_F(AudioRingHeard, AtTheLastReadIsWhatWasHandedOverMinusDeviceAndPeriod) {
    // The period just handed over plays after what the device still holds.
    EXPECT_DOUBLE_EQ(ring.heard_frames_at(kT0, kDeviceFrames), 2400.0 - 960.0 - 480.0);
}

TEST_F(AudioRingHeard, InterpolatesWithTheTimeSinceTheLastRead) {
    EXPECT_NEAR(ring.heard_frames_at(kT0 + 5ms, kDeviceFrames), 960.0 + 240.0, 1e-6);
    EXPECT_NEAR(ring.heard_frames_at(kT0 + 10ms, kDeviceFrames), 960.0 + 480.0, 1e-6);
}

TEST_F(AudioRingHeard, InterpolationStopsAfterOnePeriod) {
    // A late callback must not let the estimate run past what the device was given.
    EXPECT_DOUBLE_EQ(ring.heard_frames_at(kT0 + 50ms, kDeviceFrames), 960.0 + 480.0);
    EXPECT_DOUBLE_EQ(ring.heard_frames_at(kT0 + 10s, kDeviceFrames), 960.0 + 480.0);
}

TEST_F(AudioRingHeard, TheNextReadContinuesSmoothly) {
    const double before = ring.heard_frames_at(kT0 + 10ms, kDeviceFrames);
    read_frames(ring, kPeriod, kT0 + 10ms);
    EXPECT_DOUBLE_EQ(ring.heard_frames_at(kT0 + 10ms, kDeviceFrames), before);
}

}  // namespace
}  // namespace kiosk::playback

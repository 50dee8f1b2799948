// AudioTimeline: placing decoded sound at its programme time in the audio ring.
#include "playback/audio_timeline.h"

#include <chrono>
#include <cstddef>
#include <vector>

#include <gtest/gtest.h>

#include "playback/audio_ring.h"

namespace kiosk::playback {
namespace {

using namespace std::chrono_literals;

constexpr int kChannels = 2;
constexpr int kRate = 48000;
constexpr double kTenMs = 0.010;     // 480 frames
constexpr std::size_t kChunk = 480;  // frames
const SteadyTime kT0 = SteadyTime{} + 10s;

std::vector<float> filled(std::size_t frames, float value) {
    return std::vector<float>(frames * kChannels, value);
}

// Interleaved frames numbered first, first + 1, ... (both channels carry the number).
std::vector<float> numbered(std::size_t frames, float first) {
    std::vector<float> samples(frames * kChannels);
    for (std::size_t frame = 0; frame < frames; ++frame) {
        samples[frame * kChannels] = first + static_cast<float>(frame);
        samples[frame * kChannels + 1] = first + static_cast<float>(frame);
    }
    return samples;
}

std::vector<float> read_frames(AudioRing& ring, std::size_t frames, SteadyTime now = kT0) {
    std::vector<float> out(frames * kChannels);
    ring.read(out, now);
    return out;
}

// A fresh ring (nothing heard yet): programme second 0 is ring index 0.
class AudioTimelineFresh : public ::testing::Test {
  protected:
    void SetUp() override { timeline.start(kT0); }

    AudioRing ring{kRate, kChannels, kRate};  // one second
    AudioTimeline timeline{ring, 0};
};

TEST_F(AudioTimelineFresh, ContiguousChunksFollowEachOther) {
    EXPECT_EQ(timeline.place(filled(kChunk, 1.0f), 0.0), kChunk);
    EXPECT_NEAR(timeline.written_until(), kTenMs, 1e-9);
    EXPECT_EQ(timeline.place(filled(kChunk, 2.0f), kTenMs), kChunk);
    EXPECT_EQ(ring.write_position(), 2 * kChunk);
    EXPECT_NEAR(timeline.written_until(), 2 * kTenMs, 1e-9);

    std::vector<float> expected = filled(kChunk, 1.0f);
    const std::vector<float> second = filled(kChunk, 2.0f);
    expected.insert(expected.end(), second.begin(), second.end());
    EXPECT_EQ(read_frames(ring, 2 * kChunk), expected);
}

TEST_F(AudioTimelineFresh, ChunkOffByAFrameOfRoundingIsTakenAsContiguous) {
    ASSERT_EQ(timeline.place(filled(kChunk, 1.0f), 0.0), kChunk);
    // Starts two frames late (timestamp rounding): no silent gap, no overlap.
    EXPECT_EQ(timeline.place(filled(kChunk, 2.0f), kTenMs + 2.0 / kRate), kChunk);
    EXPECT_EQ(ring.write_position(), 2 * kChunk);
    // Starts two frames early: nothing trimmed either.
    EXPECT_EQ(timeline.place(filled(kChunk, 3.0f), 2 * kTenMs - 2.0 / kRate), kChunk);
    EXPECT_EQ(ring.write_position(), 3 * kChunk);
    const std::vector<float> heard = read_frames(ring, 3 * kChunk);
    EXPECT_EQ(heard[(kChunk - 1) * kChannels], 1.0f);
    EXPECT_EQ(heard[kChunk * kChannels], 2.0f);
    EXPECT_EQ(heard[(3 * kChunk - 1) * kChannels], 3.0f);
}

TEST_F(AudioTimelineFresh, GapBeforeAChunkIsFilledWithSilence) {
    ASSERT_EQ(timeline.place(filled(kChunk, 1.0f), 0.0), kChunk);
    // Next chunk belongs at 20 ms: 10 ms of silence goes first.
    EXPECT_EQ(timeline.place(filled(kChunk, 2.0f), 2 * kTenMs), kChunk);
    EXPECT_EQ(ring.write_position(), 3 * kChunk);

    std::vector<float> expected = filled(kChunk, 1.0f);
    const std::vector<float> silence = filled(kChunk, 0.0f);
    const std::vector<float> second = filled(kChunk, 2.0f);
    expected.insert(expected.end(), silence.begin(), silence.end());
    expected.insert(expected.end(), second.begin(), second.end());
    EXPECT_EQ(read_frames(ring, 3 * kChunk), expected);
}

TEST_F(AudioTimelineFresh, FillSilenceWritesZerosUpToTheGivenSecond) {
    timeline.fill_silence(kTenMs);
    EXPECT_EQ(ring.write_position(), kChunk);
    timeline.fill_silence(kTenMs / 2);  // already written: nothing more
    EXPECT_EQ(ring.write_position(), kChunk);
    EXPECT_EQ(read_frames(ring, kChunk), filled(kChunk, 0.0f));
}

TEST_F(AudioTimelineFresh, ChunkEntirelyInThePastIsTrimmedAway) {
    ASSERT_EQ(timeline.place(filled(2 * kChunk, 1.0f), 0.0), 2 * kChunk);
    // A late chunk for 0..10 ms: used up (reported consumed) but not written.
    EXPECT_EQ(timeline.place(filled(kChunk, 9.0f), 0.0), kChunk);
    EXPECT_EQ(ring.write_position(), 2 * kChunk);
    EXPECT_EQ(read_frames(ring, 2 * kChunk), filled(2 * kChunk, 1.0f));
}

TEST_F(AudioTimelineFresh, ChunkPartlyInThePastKeepsOnlyItsFuturePart) {
    ASSERT_EQ(timeline.place(filled(kChunk, 1.0f), 0.0), kChunk);
    // 0..20 ms offered when 0..10 ms is written: frames 480.. of it are kept.
    EXPECT_EQ(timeline.place(numbered(2 * kChunk, 0.0f), 0.0), 2 * kChunk);
    EXPECT_EQ(ring.write_position(), 2 * kChunk);
    const std::vector<float> heard = read_frames(ring, 2 * kChunk);
    EXPECT_EQ(heard[(kChunk - 1) * kChannels], 1.0f);
    EXPECT_EQ(heard[kChunk * kChannels], static_cast<float>(kChunk))
        << "the chunk resumes at its 480th frame";
    EXPECT_EQ(heard[(2 * kChunk - 1) * kChannels], static_cast<float>(2 * kChunk - 1));
}

TEST(AudioTimeline, FullRingTakesPartOfAChunkAndTheRestLater) {
    AudioRing ring(1000, kChannels, kRate);
    AudioTimeline timeline(ring, 0);
    timeline.start(kT0);
    const std::vector<float> chunk = numbered(1500, 0.0f);

    EXPECT_EQ(timeline.place(chunk, 0.0), 1000u) << "only what fits";
    EXPECT_EQ(ring.writable_frames(), 0u);
    const std::span<const float> rest = std::span<const float>(chunk).subspan(1000 * kChannels);
    EXPECT_EQ(timeline.place(rest, 1000.0 / kRate), 0u) << "nothing fits until the device reads";

    read_frames(ring, 500);
    EXPECT_EQ(timeline.place(rest, 1000.0 / kRate), 500u);
    const std::vector<float> heard = read_frames(ring, 1000);
    EXPECT_EQ(heard.front(), 500.0f);
    EXPECT_EQ(heard.back(), 1499.0f);
    EXPECT_EQ(ring.underrun_frames(), 0u);
}

TEST(AudioTimeline, FullRingBeforeAChunkStartsTakesNoneOfIt) {
    AudioRing ring(1000, kChannels, kRate);
    AudioTimeline timeline(ring, 0);
    timeline.start(kT0);
    // Belongs at 100 ms (frame 4800): the ring fills with silence first.
    EXPECT_EQ(timeline.place(filled(10, 1.0f), 0.1), 0u);
    EXPECT_EQ(ring.write_position(), 1000u);
    EXPECT_EQ(read_frames(ring, 1000), filled(1000, 0.0f));
}

// The device has played 4800 frames in periods of 480 (the last at kT0) and holds 960 more,
// so the timeline starts at ring index 4800 - 960 - 480 = 3360.
class AudioTimelineStarted : public ::testing::Test {
  protected:
    void SetUp() override {
        for (int period = 9; period >= 0; --period) {
            read_frames(ring, kChunk, kT0 - period * 10ms);
        }
        timeline.start(kT0);
    }

    AudioRing ring{kRate, kChannels, kRate};
    AudioTimeline timeline{ring, 960};
};

TEST_F(AudioTimelineStarted, HeardAtIsZeroAtTheStart) {
    EXPECT_NEAR(timeline.heard_at(kT0), 0.0, 1e-9);
}

TEST_F(AudioTimelineStarted, HeardAtAdvancesWithTheDevice) {
    EXPECT_NEAR(timeline.heard_at(kT0 + 5ms), 0.005, 1e-9);
    read_frames(ring, kChunk, kT0 + 10ms);
    EXPECT_NEAR(timeline.heard_at(kT0 + 10ms), 0.010, 1e-9);
    EXPECT_NEAR(timeline.heard_at(kT0 + 15ms), 0.015, 1e-9);
}

TEST_F(AudioTimelineStarted, WrittenUntilIsMeasuredFromTheOrigin) {
    // The underrun moved the ring's write position to 4800, 1440 frames past the origin.
    EXPECT_NEAR(timeline.written_until(), 1440.0 / kRate, 1e-9);
}

TEST_F(AudioTimelineStarted, SoundForTimeTheDeviceHasPassedIsTrimmed) {
    // Programme 0..40 ms offered; 0..30 ms are already behind the write position.
    const std::size_t used = timeline.place(numbered(1920, 0.0f), 0.0);
    EXPECT_EQ(used, 1920u);
    EXPECT_EQ(ring.write_position(), 4800u + 480u);
    const std::vector<float> heard = read_frames(ring, 480, kT0 + 10ms);
    EXPECT_EQ(heard.front(), 1440.0f) << "the first frame written is the one for programme 30 ms";
    EXPECT_EQ(heard.back(), 1919.0f);
}

}  // namespace
}  // namespace kiosk::playback

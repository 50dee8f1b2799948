// The arithmetic of an item's sound: which frames of a chunk are heard, fades and volume.
#include "playback/sound_fade.h"

#include <gtest/gtest.h>

#include <vector>

namespace kiosk::playback {
namespace {

constexpr double kRate = 1000.0;  // a frame a millisecond keeps the numbers readable

ChunkPlace chunk(double start, std::size_t frames) {
    ChunkPlace place;
    place.start = start;
    place.frames = frames;
    place.rate = kRate;
    return place;
}

TEST(PlanChunk, AChunkInTheMiddleOfAnItemIsHeardWhole) {
    const ChunkPlan plan = plan_chunk(chunk(1.0, 100));
    EXPECT_EQ(plan.begin, 0u);
    EXPECT_EQ(plan.end, 100u);
    EXPECT_FALSE(plan.fade_in);
    EXPECT_FALSE(plan.fade_out);
    EXPECT_FALSE(plan.cut);
    EXPECT_TRUE(plan.heard());
}

TEST(PlanChunk, TheItemsFirstSoundFadesInAndItsLastFadesOut) {
    ChunkPlace first = chunk(0.0, 100);
    first.first = true;
    EXPECT_TRUE(plan_chunk(first).fade_in);
    ChunkPlace last = chunk(2.0, 100);
    last.last = true;
    const ChunkPlan plan = plan_chunk(last);
    EXPECT_TRUE(plan.fade_out);
    EXPECT_FALSE(plan.cut) << "the stream's own end";
}

TEST(PlanChunk, ACutInsideTheChunkKeepsWhatComesBeforeItAndFadesOut) {
    ChunkPlace place = chunk(1.0, 100);
    place.cut = 1.0405;
    const ChunkPlan plan = plan_chunk(place);
    EXPECT_EQ(plan.end, 40u) << "truncated: nothing after the cut";
    EXPECT_TRUE(plan.cut);
    EXPECT_TRUE(plan.fade_out);
}

TEST(PlanChunk, AChunkEndingBeforeTheCutIsNotCut) {
    ChunkPlace place = chunk(1.0, 100);
    place.cut = 1.1;
    EXPECT_FALSE(plan_chunk(place).cut);
}

TEST(PlanChunk, AResumedItemLeavesOutWhatLiesBeforeItsStartAndFadesInThere) {
    ChunkPlace place = chunk(2.98, 100);
    place.from = 3.0;
    place.first = true;
    const ChunkPlan plan = plan_chunk(place);
    EXPECT_EQ(plan.begin, 20u);
    EXPECT_EQ(plan.end, 100u);
    EXPECT_TRUE(plan.fade_in);
}

TEST(PlanChunk, AChunkWhollyBeforeAResumedItemsStartIsNotHeardNorFaded) {
    ChunkPlace place = chunk(2.0, 100);
    place.from = 3.0;
    place.first = true;
    const ChunkPlan plan = plan_chunk(place);
    EXPECT_FALSE(plan.heard());
    EXPECT_FALSE(plan.fade_in) << "the fade belongs to the first chunk heard";
}

TEST(ShapeChunk, FadesAndGainApplyToTheHeardPart) {
    std::vector<float> samples(10 * 2, 1.0f);  // 10 stereo frames
    ChunkPlan plan;
    plan.end = 10;
    plan.fade_in = true;
    plan.fade_out = true;
    shape_chunk(samples, 2, plan, 4, 0.5f);
    EXPECT_FLOAT_EQ(samples[0], 0.0f);           // first frame: silence
    EXPECT_FLOAT_EQ(samples[2], 0.25f * 0.5f);   // second: a quarter of the way up
    EXPECT_FLOAT_EQ(samples[3], 0.25f * 0.5f);   // both channels alike
    EXPECT_FLOAT_EQ(samples[10], 0.5f);          // the middle: the playlist's volume
    EXPECT_FLOAT_EQ(samples[18], 0.0f);          // last frame: silence
    EXPECT_FLOAT_EQ(samples[16], 0.25f * 0.5f);  // one before it
}

TEST(ApplyGain, FullVolumeLeavesSamplesAlone) {
    std::vector<float> samples{0.1f, -0.7f};
    apply_gain(samples, 1.0f);
    EXPECT_FLOAT_EQ(samples[0], 0.1f);
    apply_gain(samples, 0.0f);
    EXPECT_FLOAT_EQ(samples[1], 0.0f);
}

}  // namespace
}  // namespace kiosk::playback

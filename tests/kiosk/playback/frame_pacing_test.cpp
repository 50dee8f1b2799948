// decide_frame and frame_duration: the video timing policy as plain numbers (programme seconds).
#include "playback/frame_pacing.h"

#include <optional>

#include <gtest/gtest.h>

namespace kiosk::playback {
namespace {

constexpr double kFrame = 1.0 / 30.0;

TEST(DecideFrame, WaitsForAFrameThatIsNotDueYet) {
    EXPECT_EQ(decide_frame(0.0, 0.010, std::nullopt), FrameAction::wait);
    EXPECT_EQ(decide_frame(1.0, 1.0 + kFrame, 1.0 + 2 * kFrame), FrameAction::wait);
}

TEST(DecideFrame, PresentsAFrameThatIsExactlyDue) {
    EXPECT_EQ(decide_frame(1.0, 1.0, std::nullopt), FrameAction::present);
    EXPECT_EQ(decide_frame(1.0, 1.0, 1.0 + kFrame), FrameAction::present);
}

TEST(DecideFrame, PresentsAFrameDueWithinTheEarlyTolerance) {
    EXPECT_EQ(decide_frame(0.0, 0.0015, std::nullopt), FrameAction::present);
    EXPECT_EQ(decide_frame(0.0, kPresentEarlyTolerance, std::nullopt), FrameAction::present);
}

TEST(DecideFrame, WaitsForAFrameDueJustBeyondTheEarlyTolerance) {
    EXPECT_EQ(decide_frame(0.0, kPresentEarlyTolerance + 0.0001, std::nullopt), FrameAction::wait);
}

TEST(DecideFrame, PresentsALateFrameWhileItsSuccessorIsNotYetDue) {
    // 15 ms late, the next frame is due in 18 ms: still the right picture to show.
    EXPECT_EQ(decide_frame(0.015, 0.0, kFrame), FrameAction::present);
}

TEST(DecideFrame, DropsALateFrameWhoseSuccessorIsAlreadyDue) {
    EXPECT_EQ(decide_frame(0.040, 0.0, kFrame), FrameAction::drop);
    EXPECT_EQ(decide_frame(kFrame, 0.0, kFrame), FrameAction::drop);
}

TEST(DecideFrame, ASuccessorDueWithinTheEarlyToleranceCountsAsDue) {
    EXPECT_EQ(decide_frame(kFrame - 0.0015, 0.0, kFrame), FrameAction::drop);
    EXPECT_EQ(decide_frame(kFrame - 0.0025, 0.0, kFrame), FrameAction::present);
}

TEST(DecideFrame, PresentsALateFrameWithNoDecodedSuccessor) {
    // A slow decoder: the frame is very late, but nothing newer exists, so
    // dropping it would freeze the screen.
    EXPECT_EQ(decide_frame(10.0, 0.0, std::nullopt), FrameAction::present);
    EXPECT_EQ(decide_frame(0.5, 0.1, std::nullopt), FrameAction::present);
}

TEST(FrameDuration, IsTheGapToTheNextTimestamp) {
    EXPECT_NEAR(frame_duration(1.0, 1.0 + kFrame, kFrame), kFrame, 1e-12);
    // Variable frame rate: a 10 fps stretch keeps its 100 ms frames at a nominal 30 fps.
    EXPECT_NEAR(frame_duration(0.4, 0.5, kFrame), 0.1, 1e-12);
    EXPECT_NEAR(frame_duration(2.0, 2.25, kFrame), 0.25, 1e-12);
}

TEST(FrameDuration, IsNominalWithoutANextTimestamp) {
    EXPECT_DOUBLE_EQ(frame_duration(1.0, std::nullopt, kFrame), kFrame);
    EXPECT_DOUBLE_EQ(frame_duration(1.0, std::nullopt, 0.04), 0.04);
}

TEST(FrameDuration, FallsBackToNominalForNonsenseGaps) {
    EXPECT_DOUBLE_EQ(frame_duration(1.0, 1.0, kFrame), kFrame) << "equal timestamps";
    EXPECT_DOUBLE_EQ(frame_duration(1.0, 0.5, kFrame), kFrame) << "timestamps going backwards";
    EXPECT_DOUBLE_EQ(frame_duration(1.0, 11.0, kFrame), kFrame) << "a 10 s discontinuity";
    EXPECT_DOUBLE_EQ(frame_duration(1.0, 500.0, kFrame), kFrame) << "a timestamp jump";
}

TEST(FrameDuration, KeepsLongButPlausibleGaps) {
    EXPECT_NEAR(frame_duration(1.0, 10.5, kFrame), 9.5, 1e-12);
}

}  // namespace
}  // namespace kiosk::playback

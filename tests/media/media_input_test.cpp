// The pure parts of media_input: display-matrix rotation and the I/O deadline behind every libavformat call.
#include "media/media_input.h"

#include <chrono>
#include <cstdint>

#include <gtest/gtest.h>

extern "C" {
#include <libavformat/avformat.h>
#include <libavutil/display.h>
}

namespace media {
namespace {

using namespace std::chrono_literals;

// A stream of a format context nobody opens, to carry side data.
class StreamWithMatrix : public ::testing::Test {
  protected:
    void SetUp() override {
        format.reset(avformat_alloc_context());
        ASSERT_TRUE(format);
        stream = avformat_new_stream(format.get(), nullptr);
        ASSERT_NE(stream, nullptr);
    }

    // FFmpeg's convention: av_display_rotation_set takes a clockwise angle.
    void set_clockwise(double degrees) {
        auto* matrix = reinterpret_cast<int32_t*>(
            av_stream_new_side_data(stream, AV_PKT_DATA_DISPLAYMATRIX, 9 * sizeof(int32_t)));
        ASSERT_NE(matrix, nullptr);
        av_display_rotation_set(matrix, degrees);
    }

    FormatContextPtr format;
    AVStream* stream = nullptr;
};

TEST_F(StreamWithMatrix, NoMatrixMeansNoRotation) {
    EXPECT_EQ(display_rotation_degrees(*stream), 0);
}

TEST_F(StreamWithMatrix, QuarterTurnClockwiseIs90) {
    set_clockwise(90);
    EXPECT_EQ(display_rotation_degrees(*stream), 90);
}

TEST_F(StreamWithMatrix, QuarterTurnCounterClockwiseIs270) {
    set_clockwise(-90);
    EXPECT_EQ(display_rotation_degrees(*stream), 270);
}

TEST_F(StreamWithMatrix, HalfTurnIs180) {
    set_clockwise(180);
    EXPECT_EQ(display_rotation_degrees(*stream), 180);
}

TEST_F(StreamWithMatrix, IdentityMatrixIsNoRotation) {
    set_clockwise(0);
    EXPECT_EQ(display_rotation_degrees(*stream), 0);
}

TEST_F(StreamWithMatrix, RoundingNoiseSnapsToTheNearestQuarterTurn) {
    set_clockwise(89.6);
    EXPECT_EQ(display_rotation_degrees(*stream), 90);
}

TEST_F(StreamWithMatrix, FullTurnsWrapAround) {
    set_clockwise(450);
    EXPECT_EQ(display_rotation_degrees(*stream), 90);
}

TEST(IoDeadline, IsNotExpiredBeforeItIsArmed) {
    const IoDeadline deadline;
    EXPECT_FALSE(deadline.expired());
    EXPECT_FALSE(deadline.aborted());
}

TEST(IoDeadline, ExpiresOnceItsBudgetIsSpent) {
    IoDeadline deadline;
    deadline.arm(1h);
    EXPECT_FALSE(deadline.expired());
    deadline.arm(-1ms);  // a budget already spent
    EXPECT_TRUE(deadline.expired());
    deadline.arm(1h);  // re-arming gives a fresh budget
    EXPECT_FALSE(deadline.expired());
}

TEST(IoDeadline, InterruptCallbackStopsLibavformatWhenExpiredOrAborted) {
    IoDeadline deadline;
    deadline.arm(1h);
    EXPECT_EQ(IoDeadline::interrupt_callback(&deadline), 0);
    deadline.arm(-1ms);
    EXPECT_EQ(IoDeadline::interrupt_callback(&deadline), 1);

    IoDeadline aborted;
    aborted.arm(1h);
    aborted.abort();
    EXPECT_TRUE(aborted.aborted());
    EXPECT_EQ(IoDeadline::interrupt_callback(&aborted), 1);
}

TEST(AvErrorText, DescribesAnErrorCode) {
    EXPECT_FALSE(av_error_text(AVERROR(ENOENT)).empty());
    EXPECT_NE(av_error_text(AVERROR_EOF), av_error_text(AVERROR(ENOENT)));
}

}  // namespace
}  // namespace media

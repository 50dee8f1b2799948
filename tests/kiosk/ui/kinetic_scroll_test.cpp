// KineticScroll: 1:1 drags, a rubber band past the ends, flings with
// exponential friction that spring back, the same at any frame rate.
#include "ui/kinetic_scroll.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include <gtest/gtest.h>

namespace kiosk::ui {
namespace {

// A 5000 px list in a 1000 px viewport: offsets 0..4000, a 150 px band.
constexpr double kContent = 5000.0;
constexpr double kViewport = 1000.0;
constexpr double kEnd = 4000.0;
constexpr double kBand = 150.0;
constexpr double kTau = 0.325;

struct Settling {
    double rest_offset = 0.0;
    double rest_time = 0.0;
    double lowest = std::numeric_limits<double>::infinity();
    double highest = -std::numeric_limits<double>::infinity();
};

// Advances every `frame` seconds from `start` until the scroll rests.
Settling run_to_rest(KineticScroll& scroll, double start, double frame) {
    Settling run;
    double time = start;
    for (int frames = 0; frames < 100000; ++frames) {
        time += frame;
        const bool moving = scroll.advance(time);
        run.lowest = std::min(run.lowest, scroll.offset());
        run.highest = std::max(run.highest, scroll.offset());
        if (!moving) {
            break;
        }
    }
    run.rest_offset = scroll.offset();
    run.rest_time = time;
    return run;
}

// The same gesture played at several frame rates must come to rest at the
// same place.
void expect_same_rest_at_any_frame_rate(const std::function<void(KineticScroll&)>& gesture, double expected) {
    for (const double frame : {1.0 / 240.0, 1.0 / 60.0, 1.0 / 10.0, 1.0 / 3.0}) {
        SCOPED_TRACE(frame);
        KineticScroll scroll(kContent, kViewport);
        gesture(scroll);
        const Settling run = run_to_rest(scroll, 0.0, frame);
        EXPECT_NEAR(run.rest_offset, expected, 1e-9);
        EXPECT_FALSE(scroll.is_moving());
    }
}

// --- drag and rubber band --------------------------------------------------

TEST(KineticScroll, StartsAtTheStartAtRest) {
    KineticScroll scroll(kContent, kViewport);
    EXPECT_EQ(scroll.offset(), 0.0);
    EXPECT_EQ(scroll.max_offset(), kEnd);
    EXPECT_FALSE(scroll.is_moving());
    EXPECT_FALSE(scroll.advance(1.0));
}

TEST(KineticScroll, ContentShorterThanTheViewportHasNothingToScroll) {
    EXPECT_EQ(KineticScroll(500.0, kViewport).max_offset(), 0.0);
    EXPECT_EQ(KineticScroll(-5.0, -1.0).max_offset(), 0.0);  // negative lengths read as 0
}

TEST(KineticScroll, ADragMovesTheContentWithTheFingerOneToOne) {
    KineticScroll scroll(kContent, kViewport);
    scroll.drag(-100.0);  // finger moves up: the list scrolls on
    EXPECT_EQ(scroll.offset(), 100.0);
    scroll.drag(30.0);
    EXPECT_EQ(scroll.offset(), 70.0);
    EXPECT_TRUE(scroll.is_dragged());
    EXPECT_FALSE(scroll.is_moving());
    EXPECT_FALSE(scroll.advance(5.0));  // the finger drives it, not time
    EXPECT_EQ(scroll.offset(), 70.0);
}

TEST(KineticScroll, PullingPastTheStartResistsAtFirstByTheStiffness) {
    KineticScroll scroll(kContent, kViewport);
    scroll.drag(1.0);
    EXPECT_NEAR(scroll.offset(), -0.55, 0.005);
    scroll.drag(99.0);
    EXPECT_LT(scroll.offset(), -40.0);
    EXPECT_GT(scroll.offset(), -55.0);
}

TEST(KineticScroll, NoPullReachesTheRubberBandLimit) {
    KineticScroll scroll(kContent, kViewport);
    scroll.drag(-100000.0);
    EXPECT_GT(scroll.offset(), kEnd + kBand - 1.0);
    EXPECT_LT(scroll.offset(), kEnd + kBand);
    scroll.drag(200000.0);
    EXPECT_LT(scroll.offset(), -kBand + 1.0);
    EXPECT_GT(scroll.offset(), -kBand);
}

TEST(KineticScroll, DraggingBackOutOfTheBandRetracesIt) {
    KineticScroll scroll(kContent, kViewport);
    scroll.drag(-3990.0);
    scroll.drag(-60.0);  // 50 px past the end
    EXPECT_GT(scroll.offset(), kEnd);
    scroll.drag(60.0);
    EXPECT_NEAR(scroll.offset(), 3990.0, 1e-9);
}

TEST(KineticScroll, ABandSizedByTheViewport) {
    ScrollTuning tuning;
    tuning.rubber_band_limit_share = 0.3;
    KineticScroll scroll(kContent, 500.0, tuning);
    scroll.drag(1e6);
    EXPECT_NEAR(scroll.offset(), -150.0, 1.0);
}

// --- release and fling ---------------------------------------------------

TEST(KineticScroll, LettingGoStillInsideRestsAtOnceOnAWholePixel) {
    KineticScroll scroll(kContent, kViewport);
    scroll.drag(-100.3);
    scroll.release(0.0, 2.0);
    EXPECT_FALSE(scroll.is_moving());
    EXPECT_EQ(scroll.offset(), 100.0);
}

TEST(KineticScroll, AFlingCarriesItsSpeedTimesTheTimeConstant) {
    KineticScroll scroll(kContent, kViewport);
    scroll.scroll_to(1000.0);
    scroll.release(-2000.0, 10.0);  // finger flicked up at 2000 px/s
    EXPECT_TRUE(scroll.is_moving());
    ASSERT_TRUE(scroll.advance(10.0 + kTau));
    EXPECT_NEAR(scroll.offset(), 1000.0 + 650.0 * (1.0 - std::exp(-1.0)), 1e-6);
    const Settling run = run_to_rest(scroll, 10.0 + kTau, 1.0 / 60.0);
    EXPECT_EQ(run.rest_offset, 1650.0);
    EXPECT_LE(run.highest, 1650.0);  // friction never overshoots its stop
    // It rests when under half a pixel is left: τ ln(650 / 0.5) ≈ 2.33 s.
    EXPECT_NEAR(run.rest_time - 10.0, kTau * std::log(650.0 / 0.5), 1.0 / 60.0 + 1e-9);
}

TEST(KineticScroll, AFlingRestsOnAWholePixel) {
    KineticScroll scroll(kContent, kViewport);
    scroll.scroll_to(1000.25);
    scroll.release(-1234.5, 0.0);
    const Settling run = run_to_rest(scroll, 0.0, 1.0 / 60.0);
    EXPECT_EQ(run.rest_offset, std::round(1000.25 + 1234.5 * kTau));
}

TEST(KineticScroll, TooFastAReleaseIsCappedAtTheMaximumFlingSpeed) {
    KineticScroll scroll(1e7, kViewport);
    scroll.release(-1e9, 0.0);
    EXPECT_EQ(run_to_rest(scroll, 0.0, 1.0 / 60.0).rest_offset, 2600.0);  // 8000 px/s × 0.325 s
}

TEST(KineticScroll, ANonNumberVelocityIsNoFling) {
    KineticScroll scroll(kContent, kViewport);
    scroll.drag(-300.0);
    scroll.release(std::numeric_limits<double>::quiet_NaN(), 0.0);
    EXPECT_FALSE(scroll.is_moving());
    EXPECT_EQ(scroll.offset(), 300.0);
}

TEST(KineticScroll, AFlingIntoTheEndOvershootsWithinTheBandAndSpringsBack) {
    KineticScroll scroll(kContent, kViewport);
    scroll.scroll_to(3900.0);
    scroll.release(-5000.0, 0.0);
    const Settling run = run_to_rest(scroll, 0.0, 1.0 / 60.0);
    EXPECT_GT(run.highest, kEnd + 10.0);
    EXPECT_LE(run.highest, kEnd + kBand);
    EXPECT_EQ(run.rest_offset, kEnd);
    EXPECT_LT(run.rest_time, 2.0);
}

TEST(KineticScroll, NoFlingOvershootsPastTheBandAtAnyFrameRate) {
    for (const double frame : {1.0 / 120.0, 1.0 / 60.0, 1.0 / 10.0}) {
        SCOPED_TRACE(frame);
        KineticScroll to_end(kContent, kViewport);
        to_end.scroll_to(kEnd);
        to_end.release(-1e6, 0.0);
        const Settling forwards = run_to_rest(to_end, 0.0, frame);
        EXPECT_LE(forwards.highest, kEnd + kBand);
        EXPECT_EQ(forwards.rest_offset, kEnd);

        KineticScroll to_start(kContent, kViewport);
        to_start.scroll_to(50.0);
        to_start.release(1e6, 0.0);
        const Settling backwards = run_to_rest(to_start, 0.0, frame);
        EXPECT_GE(backwards.lowest, -kBand);
        EXPECT_EQ(backwards.rest_offset, 0.0);
    }
}

TEST(KineticScroll, LettingGoPastAnEndSpringsBackWithoutOvershootingInside) {
    KineticScroll scroll(kContent, kViewport);
    scroll.drag(120.0);
    const double pulled = scroll.offset();
    ASSERT_LT(pulled, 0.0);
    scroll.release(0.0, 0.0);
    EXPECT_TRUE(scroll.is_moving());
    double previous = pulled;
    double time = 0.0;
    while (scroll.advance(time += 1.0 / 60.0)) {
        EXPECT_GE(scroll.offset(), previous);  // straight back, no wobble
        EXPECT_LE(scroll.offset(), 0.0);
        previous = scroll.offset();
    }
    EXPECT_EQ(scroll.offset(), 0.0);
    EXPECT_LT(time, 1.0);
}

TEST(KineticScroll, LettingGoWhileStillPullingOutwardsOnlySpringsBack) {
    KineticScroll scroll(kContent, kViewport);
    scroll.drag(120.0);
    const double pulled = scroll.offset();
    scroll.release(3000.0, 0.0);  // still moving away from the content
    const Settling run = run_to_rest(scroll, 0.0, 1.0 / 60.0);
    EXPECT_GE(run.lowest, pulled);
    EXPECT_EQ(run.rest_offset, 0.0);
}

TEST(KineticScroll, AThrowBackInwardsFromTheBandCoastsIntoTheContent) {
    // Pulled 40-odd px before the start, then flicked up hard: it crosses
    // the start and coasts on like any fling, whatever the frame rate.
    const auto gesture = [](KineticScroll& scroll) {
        scroll.drag(100.0);
        scroll.release(-3000.0, 0.0);
    };
    KineticScroll probe(kContent, kViewport);
    gesture(probe);
    const double rest = run_to_rest(probe, 0.0, 1.0 / 60.0).rest_offset;
    EXPECT_GT(rest, 500.0);
    EXPECT_EQ(rest, std::round(rest));
    expect_same_rest_at_any_frame_rate(gesture, rest);
}

TEST(KineticScroll, ShortContentSpringsBackToTheStartFromEitherSide) {
    for (const double pull : {-200.0, 200.0}) {
        SCOPED_TRACE(pull);
        KineticScroll scroll(500.0, kViewport);
        scroll.drag(pull);
        EXPECT_NE(scroll.offset(), 0.0);
        scroll.release(-pull * 10.0, 0.0);
        const Settling run = run_to_rest(scroll, 0.0, 1.0 / 60.0);
        EXPECT_EQ(run.rest_offset, 0.0);
        EXPECT_GE(run.lowest, -kBand);
        EXPECT_LE(run.highest, kBand);
    }
}

// --- frame-rate independence ------------------------------------------------

TEST(KineticScroll, EveryFlingRestsAtTheSamePlaceAt240_60_10And3Hz) {
    expect_same_rest_at_any_frame_rate(
        [](KineticScroll& scroll) {
            scroll.drag(-1500.0);
            scroll.release(-1800.0, 0.0);
        },
        2085.0);
    expect_same_rest_at_any_frame_rate(
        [](KineticScroll& scroll) {
            scroll.drag(-3800.0);
            scroll.release(-4000.0, 0.0);
        },
        kEnd);
    expect_same_rest_at_any_frame_rate(
        [](KineticScroll& scroll) {
            scroll.drag(-200.0);
            scroll.release(3000.0, 0.0);
        },
        0.0);
}

TEST(KineticScroll, TheFlingIsTheSameCurveAtAnyFrameRate) {
    KineticScroll smooth(kContent, kViewport);
    KineticScroll choppy(kContent, kViewport);
    for (KineticScroll* scroll : {&smooth, &choppy}) {
        scroll->scroll_to(3000.0);
        scroll->release(-6000.0, 0.0);  // into the end and back
    }
    for (int frame = 1; frame <= 120; ++frame) {
        const double time = frame / 60.0;
        smooth.advance(time);
        if (frame % 6 == 0) {
            choppy.advance(time);
            EXPECT_NEAR(smooth.offset(), choppy.offset(), 1e-6) << "at " << time << " s";
        }
    }
}

// --- control -------------------------------------------------------------

TEST(KineticScroll, TimeGoingBackwardsMovesNothing) {
    KineticScroll scroll(kContent, kViewport);
    scroll.release(-2000.0, 10.0);
    scroll.advance(10.2);
    const double at = scroll.offset();
    EXPECT_TRUE(scroll.advance(10.1));
    EXPECT_EQ(scroll.offset(), at);
}

TEST(KineticScroll, GrabbingAFlingHoldsItWhereItIs) {
    KineticScroll scroll(kContent, kViewport);
    scroll.release(-2000.0, 0.0);
    scroll.advance(0.1);
    const double caught = scroll.offset();
    scroll.grab();
    EXPECT_FALSE(scroll.is_moving());
    EXPECT_FALSE(scroll.advance(1.0));
    EXPECT_EQ(scroll.offset(), caught);
    scroll.drag(-10.0);
    EXPECT_NEAR(scroll.offset(), caught + 10.0, 1e-9);
}

TEST(KineticScroll, GrabbingInTheBandHoldsItThereToo) {
    KineticScroll scroll(kContent, kViewport);
    scroll.scroll_to(kEnd);
    scroll.release(-3000.0, 0.0);
    scroll.advance(0.05);
    const double caught = scroll.offset();
    ASSERT_GT(caught, kEnd);
    scroll.drag(0.0);
    EXPECT_NEAR(scroll.offset(), caught, 1e-9);
    scroll.release(0.0, 1.0);
    EXPECT_EQ(run_to_rest(scroll, 1.0, 1.0 / 60.0).rest_offset, kEnd);
}

TEST(KineticScroll, StopRestsAtOnceInsideTheEnds) {
    KineticScroll scroll(kContent, kViewport);
    scroll.scroll_to(kEnd);
    scroll.release(-3000.0, 0.0);
    scroll.advance(0.05);
    ASSERT_GT(scroll.offset(), kEnd);
    scroll.stop();
    EXPECT_FALSE(scroll.is_moving());
    EXPECT_EQ(scroll.offset(), kEnd);
}

TEST(KineticScroll, ScrollToJumpsWithinTheEnds) {
    KineticScroll scroll(kContent, kViewport);
    scroll.release(-2000.0, 0.0);
    scroll.scroll_to(1234.5);
    EXPECT_FALSE(scroll.is_moving());
    EXPECT_EQ(scroll.offset(), 1234.5);
    scroll.scroll_to(-50.0);
    EXPECT_EQ(scroll.offset(), 0.0);
    scroll.scroll_to(1e9);
    EXPECT_EQ(scroll.offset(), kEnd);
    scroll.scroll_to(std::numeric_limits<double>::quiet_NaN());
    EXPECT_EQ(scroll.offset(), kEnd);
}

TEST(KineticScroll, ShorterContentClampsTheOffset) {
    KineticScroll scroll(kContent, kViewport);
    scroll.scroll_to(kEnd);
    scroll.set_lengths(3000.0, kViewport);
    EXPECT_EQ(scroll.max_offset(), 2000.0);
    EXPECT_EQ(scroll.offset(), 2000.0);
    scroll.set_lengths(3000.0, 4000.0);
    EXPECT_EQ(scroll.offset(), 0.0);
}

TEST(KineticScroll, NewLengthsDuringAFlingKeepItGoingInsideTheNewEnds) {
    KineticScroll scroll(kContent, kViewport);
    scroll.scroll_to(1000.0);
    scroll.release(-3000.0, 0.0);
    scroll.advance(0.1);
    scroll.set_lengths(2500.0, kViewport);
    EXPECT_TRUE(scroll.is_moving());
    const Settling run = run_to_rest(scroll, 0.1, 1.0 / 60.0);
    EXPECT_EQ(run.rest_offset, 1500.0);
    EXPECT_LE(run.highest, 1500.0 + kBand);
}

TEST(KineticScroll, NewLengthsDuringADragKeepTheFingerInControl) {
    KineticScroll scroll(kContent, kViewport);
    scroll.drag(-500.0);
    scroll.set_lengths(1200.0, kViewport);
    EXPECT_EQ(scroll.offset(), 200.0);
    EXPECT_TRUE(scroll.is_dragged());
    scroll.drag(50.0);
    EXPECT_EQ(scroll.offset(), 150.0);
}

TEST(KineticScroll, ALongerTimeConstantCarriesFarther) {
    ScrollTuning tuning;
    tuning.friction_time_constant = 0.5;
    KineticScroll scroll(kContent, kViewport, tuning);
    scroll.release(-1000.0, 0.0);
    EXPECT_EQ(run_to_rest(scroll, 0.0, 1.0 / 60.0).rest_offset, 500.0);
}

}  // namespace
}  // namespace kiosk::ui

// GestureRecognizer: pointer events in, press / tap / double tap / drag /
// swipe / pinch out, with thresholds from the screen's density.
#include "ui/gestures.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <ostream>

#include <gtest/gtest.h>

namespace kiosk::ui {

// Failures name kinds and directions instead of printing their bytes.
void PrintTo(Gesture::Kind kind, std::ostream* out) {
    *out << to_string(kind);
}
void PrintTo(SwipeDirection direction, std::ostream* out) {
    *out << to_string(direction);
}

namespace {

using Kind = Gesture::Kind;
using Kinds = std::vector<Kind>;
using Gestures = std::vector<Gesture>;
using Event = PointerEvent::Kind;

// 4 px/mm keeps the numbers round: slop 12 px, double-tap distance 40 px,
// swipe speed 1200 px/s, pinch span floor 4 px.
constexpr double kPixelsPerMm = 4.0;
constexpr std::int64_t kFinger = 7;
constexpr std::int64_t kOtherFinger = 8;

Kinds kinds(const Gestures& gestures) {
    Kinds result;
    for (const Gesture& gesture : gestures) {
        result.push_back(gesture.kind);
    }
    return result;
}

class Touches {
  public:
    explicit Touches(GestureTuning tuning = GestureTuning::for_screen(kPixelsPerMm)) : m_recognizer(tuning) {}

    Gestures down(double x, double y, double t, std::int64_t id = kFinger) {
        return feed(Event::down, x, y, t, id);
    }
    Gestures move(double x, double y, double t, std::int64_t id = kFinger) {
        return feed(Event::move, x, y, t, id);
    }
    Gestures up(double x, double y, double t, std::int64_t id = kFinger) {
        return feed(Event::up, x, y, t, id);
    }
    Gestures cancel(double t, std::int64_t id = kFinger) { return feed(Event::cancel, 0.0, 0.0, t, id); }
    // A tap's down and up at (x, y), `duration` apart; returns the up's gestures.
    Gestures tap(double x, double y, double time, double duration = 0.1) {
        down(x, y, time);
        return up(x, y, time + duration);
    }
    // A straight slide at constant speed with a move every 10 ms, then the
    // release; returns every gesture after the press.
    Gestures slide(double x1, double y1, double x2, double y2, double time, double duration) {
        down(x1, y1, time);
        Gestures all;
        const int steps = static_cast<int>(std::round(duration / 0.01));
        for (int step = 1; step < steps; ++step) {
            const double share = static_cast<double>(step) / steps;
            append(all, move(x1 + (x2 - x1) * share, y1 + (y2 - y1) * share, time + duration * share));
        }
        append(all, up(x2, y2, time + duration));
        return all;
    }

    GestureRecognizer& recognizer() { return m_recognizer; }

    static void append(Gestures& to, const Gestures& more) { to.insert(to.end(), more.begin(), more.end()); }

  private:
    Gestures feed(PointerEvent::Kind kind, double x, double y, double time, std::int64_t pointer) {
        return m_recognizer.feed(
            PointerEvent{.kind = kind, .pointer = pointer, .x = x, .y = y, .time = time});
    }

    GestureRecognizer m_recognizer;
};

const Gesture* find(const Gestures& gestures, Kind kind) {
    const auto found =
        std::find_if(gestures.begin(), gestures.end(), [&](const Gesture& g) { return g.kind == kind; });
    return found == gestures.end() ? nullptr : &*found;
}

// --- tuning ---------------------------------------------------------------

TEST(GestureTuning, ForScreenTurnsMillimetresIntoPixels) {
    const GestureTuning tuning = GestureTuning::for_screen(kPixelsPerMm);
    EXPECT_DOUBLE_EQ(tuning.tap_slop_px, 12.0);
    EXPECT_DOUBLE_EQ(tuning.double_tap_distance_px, 40.0);
    EXPECT_DOUBLE_EQ(tuning.swipe_min_speed_px_per_second, 1200.0);
    EXPECT_DOUBLE_EQ(tuning.min_pinch_span_px, 4.0);
    EXPECT_DOUBLE_EQ(tuning.tap_max_seconds, 0.35);
    EXPECT_DOUBLE_EQ(tuning.double_tap_max_gap_seconds, 0.30);
    EXPECT_DOUBLE_EQ(tuning.release_velocity_window_seconds, 0.08);
    EXPECT_DOUBLE_EQ(tuning.swipe_axis_ratio, 2.0);
}

TEST(GestureTuning, AFourKScreenNeedsTwiceThePixelsOfTheSameSizeInFullHd) {
    const GestureTuning full_hd = GestureTuning::for_screen(1.6);
    const GestureTuning four_k = GestureTuning::for_screen(3.2);
    EXPECT_DOUBLE_EQ(four_k.tap_slop_px, 2.0 * full_hd.tap_slop_px);
    EXPECT_DOUBLE_EQ(four_k.swipe_min_speed_px_per_second, 2.0 * full_hd.swipe_min_speed_px_per_second);
}

TEST(GestureTuning, AnUnknownDensityMeansTheReferenceDensity) {
    const GestureTuning reference;
    for (const double density :
         {0.0, -2.0, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
        SCOPED_TRACE(density);
        EXPECT_DOUBLE_EQ(GestureTuning::for_screen(density).tap_slop_px, reference.tap_slop_px);
    }
    EXPECT_DOUBLE_EQ(reference.tap_slop_px, 3.0 * 96.0 / 25.4);
}

TEST(Gesture, KindsAndDirectionsHaveTheirNamesForLogs) {
    EXPECT_EQ(to_string(Kind::double_tap), "double_tap");
    EXPECT_EQ(to_string(Kind::pinch_end), "pinch_end");
    EXPECT_EQ(to_string(SwipeDirection::left), "left");
}

// --- press and tap --------------------------------------------------------

TEST(GestureRecognizer, PressComesAtTheFirstDownWhereTheFingerLands) {
    Touches touches;
    const auto gestures = touches.down(120.0, 340.0, 5.0);
    ASSERT_EQ(kinds(gestures), Kinds{Kind::press});
    EXPECT_EQ(gestures[0].x, 120.0);
    EXPECT_EQ(gestures[0].y, 340.0);
}

TEST(GestureRecognizer, AShortStillTouchIsATapAtItsRelease) {
    Touches touches;
    touches.down(100.0, 100.0, 1.0);
    EXPECT_TRUE(touches.move(105.0, 104.0, 1.1).empty());  // 6.4 px: within the 12 px slop
    const auto gestures = touches.up(106.0, 104.0, 1.2);
    // Out at the release itself, never held back for a possible second tap.
    ASSERT_EQ(kinds(gestures), Kinds{Kind::tap});
    EXPECT_EQ(gestures[0].x, 100.0);  // where it touched down, which is what was highlighted
    EXPECT_EQ(gestures[0].y, 100.0);
}

TEST(GestureRecognizer, ATouchUpToTheTapDurationIsATapAndLongerIsNot) {
    EXPECT_EQ(kinds(Touches().tap(10.0, 10.0, 0.0, 0.35)), Kinds{Kind::tap});
    EXPECT_TRUE(Touches().tap(10.0, 10.0, 0.0, 0.36).empty());
}

TEST(GestureRecognizer, TheSlopIsInclusiveAndMeasuredAsADistance) {
    Touches touches;
    touches.down(0.0, 0.0, 0.0);
    EXPECT_TRUE(touches.move(12.0, 0.0, 0.05).empty());
    EXPECT_TRUE(touches.move(7.2, 9.6, 0.06).empty());  // 12 px diagonally
    EXPECT_EQ(kinds(touches.up(7.2, 9.6, 0.1)), Kinds{Kind::tap});
}

TEST(GestureRecognizer, LeavingTheSlopAndComingBackIsNoTap) {
    Touches touches;
    touches.down(0.0, 0.0, 0.0);
    touches.move(20.0, 0.0, 0.05);
    touches.move(0.0, 0.0, 0.10);
    const auto gestures = touches.up(0.0, 0.0, 0.3);
    EXPECT_EQ(find(gestures, Kind::tap), nullptr);
    EXPECT_NE(find(gestures, Kind::drag_end), nullptr);
}

TEST(GestureRecognizer, TheMouseIsOneFinger) {
    Touches touches;
    EXPECT_EQ(kinds(touches.down(30.0, 40.0, 0.0, kMousePointer)), Kinds{Kind::press});
    EXPECT_EQ(kinds(touches.up(30.0, 40.0, 0.1, kMousePointer)), Kinds{Kind::tap});
    touches.down(0.0, 0.0, 1.0, kMousePointer);
    EXPECT_EQ(kinds(touches.move(50.0, 0.0, 1.05, kMousePointer)), (Kinds{Kind::drag_start, Kind::drag}));
    EXPECT_EQ(kinds(touches.up(50.0, 0.0, 1.5, kMousePointer)), Kinds{Kind::drag_end});
}

// --- double tap -----------------------------------------------------------

TEST(GestureRecognizer, ASecondTapSoonAndNearAlsoMakesADoubleTap) {
    Touches touches;
    EXPECT_EQ(kinds(touches.tap(200.0, 200.0, 0.0)), Kinds{Kind::tap});
    // Second touch 0.29 s after the first release, 30 px away.
    const auto gestures = touches.tap(224.0, 218.0, 0.39);
    ASSERT_EQ(kinds(gestures), (Kinds{Kind::tap, Kind::double_tap}));
    EXPECT_EQ(gestures[1].x, 224.0);
    EXPECT_EQ(gestures[1].y, 218.0);
}

TEST(GestureRecognizer, ASecondTapTooLateOrTooFarIsOnlyATap) {
    Touches late;
    late.tap(200.0, 200.0, 0.0);
    EXPECT_EQ(kinds(late.tap(200.0, 200.0, 0.41)), Kinds{Kind::tap});

    Touches touches;
    touches.tap(200.0, 200.0, 0.0);
    EXPECT_EQ(kinds(touches.tap(241.0, 200.0, 0.2)), Kinds{Kind::tap});
    // ... but it pairs with a third tap near it.
    EXPECT_EQ(kinds(touches.tap(241.0, 200.0, 0.4)), (Kinds{Kind::tap, Kind::double_tap}));
}

TEST(GestureRecognizer, AThirdTapStartsANewPair) {
    // Quick enough that the third tap is within reach of the first and the
    // second alike: it still pairs with neither.
    Touches touches;
    EXPECT_EQ(kinds(touches.tap(10.0, 10.0, 0.0, 0.05)), Kinds{Kind::tap});
    EXPECT_EQ(kinds(touches.tap(10.0, 10.0, 0.1, 0.05)), (Kinds{Kind::tap, Kind::double_tap}));
    EXPECT_EQ(kinds(touches.tap(10.0, 10.0, 0.2, 0.05)), Kinds{Kind::tap});
    EXPECT_EQ(kinds(touches.tap(10.0, 10.0, 0.3, 0.05)), (Kinds{Kind::tap, Kind::double_tap}));
}

TEST(GestureRecognizer, ADragOrALongPressBetweenTapsBreaksThePair) {
    {
        Touches touches;
        touches.tap(10.0, 10.0, 0.0);
        touches.down(10.0, 10.0, 0.15);
        touches.move(60.0, 10.0, 0.2);
        touches.up(10.0, 10.0, 0.25);
        EXPECT_EQ(kinds(touches.tap(10.0, 10.0, 0.3)), Kinds{Kind::tap});
    }
    {
        Touches touches;
        touches.tap(10.0, 10.0, 0.0);
        EXPECT_TRUE(touches.tap(10.0, 10.0, 0.15, 0.5).empty());
        EXPECT_EQ(kinds(touches.tap(10.0, 10.0, 0.7)), Kinds{Kind::tap});
    }
}

TEST(GestureRecognizer, ResetForgetsTheLastTap) {
    Touches touches;
    touches.tap(10.0, 10.0, 0.0);
    touches.recognizer().reset();
    EXPECT_EQ(kinds(touches.tap(10.0, 10.0, 0.2)), Kinds{Kind::tap});
}

// --- drag -----------------------------------------------------------------

TEST(GestureRecognizer, ADragStartsBeyondTheSlopAndKeepsTheTravelThroughIt) {
    Touches touches;
    touches.down(100.0, 100.0, 0.0);
    EXPECT_TRUE(touches.move(105.0, 100.0, 0.02).empty());
    const auto started = touches.move(115.0, 100.0, 0.04);
    ASSERT_EQ(kinds(started), (Kinds{Kind::drag_start, Kind::drag}));
    EXPECT_EQ(started[0].x, 100.0);  // drag_start: where it touched down
    EXPECT_EQ(started[0].y, 100.0);
    EXPECT_EQ(started[1].x, 115.0);
    EXPECT_EQ(started[1].dx, 15.0);  // from the touch-down point: the content never lags the finger
    EXPECT_EQ(started[1].dy, 0.0);

    const auto moved = touches.move(130.0, 110.0, 0.06);
    ASSERT_EQ(kinds(moved), Kinds{Kind::drag});
    EXPECT_EQ(moved[0].x, 130.0);
    EXPECT_EQ(moved[0].y, 110.0);
    EXPECT_EQ(moved[0].dx, 15.0);
    EXPECT_EQ(moved[0].dy, 10.0);

    EXPECT_TRUE(touches.move(130.0, 110.0, 0.07).empty());  // a repeat without movement is no drag
}

TEST(GestureRecognizer, TheDragStepsAddUpToTheWholeMovement) {
    Touches touches;
    const auto gestures = touches.slide(40.0, 300.0, 640.0, 120.0, 0.0, 1.0);
    double dx = 0.0;
    double dy = 0.0;
    for (const Gesture& gesture : gestures) {
        if (gesture.kind == Kind::drag || gesture.kind == Kind::drag_end) {
            dx += gesture.dx;
            dy += gesture.dy;
        }
    }
    EXPECT_NEAR(dx, 600.0, 1e-9);
    EXPECT_NEAR(dy, -180.0, 1e-9);
    const Gesture* end = find(gestures, Kind::drag_end);
    ASSERT_NE(end, nullptr);
    EXPECT_EQ(end->x, 640.0);
    EXPECT_EQ(end->y, 120.0);
}

TEST(GestureRecognizer, TheReleaseVelocityComesFromTheLastEightyMilliseconds) {
    Touches touches;
    touches.down(0.0, 0.0, 0.0);
    // One second at 100 px/s, then 100 ms at 1000 px/s.
    double x = 0.0;
    double time = 0.0;
    for (int step = 0; step < 109; ++step) {
        x += step < 100 ? 1.0 : 10.0;
        time += 0.01;
        touches.move(x, 0.0, time);
    }
    const auto gestures = touches.up(x + 10.0, 0.0, time + 0.01);
    const Gesture* end = find(gestures, Kind::drag_end);
    ASSERT_NE(end, nullptr);
    EXPECT_NEAR(end->vx, 1000.0, 1e-6);
    EXPECT_NEAR(end->vy, 0.0, 1e-9);
}

TEST(GestureRecognizer, AFingerThatStopsBeforeLettingGoHasNoVelocity) {
    Touches touches;
    touches.down(0.0, 0.0, 0.0);
    touches.move(100.0, 0.0, 0.05);
    touches.move(200.0, 0.0, 0.10);
    const auto gestures = touches.up(200.0, 0.0, 0.40);  // held still for 0.3 s
    ASSERT_EQ(kinds(gestures), Kinds{Kind::drag_end});
    EXPECT_EQ(gestures[0].vx, 0.0);
    EXPECT_EQ(gestures[0].vy, 0.0);
}

TEST(GestureRecognizer, SparseEventsMeasureFromTheSampleBeforeTheWindow) {
    Touches touches;
    touches.down(0.0, 0.0, 0.0);
    touches.move(100.0, 0.0, 0.1);
    // Only the release lies within 80 ms of itself: 100 px in 0.2 s.
    const auto gestures = touches.up(0.0, 100.0, 0.3);
    const Gesture* end = find(gestures, Kind::drag_end);
    ASSERT_NE(end, nullptr);
    EXPECT_NEAR(end->vx, -500.0, 1e-9);
    EXPECT_NEAR(end->vy, 500.0, 1e-9);
}

TEST(GestureRecognizer, DownAndUpFarApartWithNoMoveBetweenIsAQuickDrag) {
    Touches touches;
    touches.down(100.0, 100.0, 0.0);
    const auto gestures = touches.up(20.0, 100.0, 0.05);
    ASSERT_EQ(kinds(gestures), (Kinds{Kind::drag_start, Kind::drag, Kind::drag_end, Kind::swipe}));
    EXPECT_EQ(gestures[1].dx, -80.0);
    EXPECT_EQ(gestures[2].dx, 0.0);
    EXPECT_NEAR(gestures[2].vx, -1600.0, 1e-9);
    EXPECT_EQ(gestures[3].direction, SwipeDirection::left);
}

TEST(GestureRecognizer, EventsWithOneTimestampGiveNoVelocityRatherThanInfinity) {
    Touches touches;
    touches.down(0.0, 0.0, 1.0);
    touches.move(50.0, 0.0, 1.0);
    const auto gestures = touches.up(100.0, 0.0, 1.0);
    ASSERT_EQ(kinds(gestures), Kinds{Kind::drag_end});
    EXPECT_EQ(gestures[0].vx, 0.0);
}

// --- swipe ----------------------------------------------------------------

struct SwipeCase {
    double dx;
    double dy;
    SwipeDirection direction;
};

class SwipeDirections : public ::testing::TestWithParam<SwipeCase> {};

TEST_P(SwipeDirections, AFastStraightDragEndsInASwipeThatWay) {
    const SwipeCase swipe = GetParam();
    Touches touches;
    // About 300 px in 0.2 s: 1500 px/s, above 1200.
    const auto gestures = touches.slide(500.0, 500.0, 500.0 + swipe.dx, 500.0 + swipe.dy, 0.0, 0.2);
    ASSERT_GE(gestures.size(), 2u);
    const Gesture& end = gestures[gestures.size() - 2];
    const Gesture& swiped = gestures.back();
    EXPECT_EQ(end.kind, Kind::drag_end);
    ASSERT_EQ(swiped.kind, Kind::swipe);
    EXPECT_EQ(swiped.direction, swipe.direction);
    EXPECT_NEAR(std::hypot(swiped.vx, swiped.vy), std::hypot(swipe.dx, swipe.dy) / 0.2, 1e-6);
    EXPECT_NEAR(swiped.dx, swipe.dx, 1e-9);  // the whole movement
    EXPECT_NEAR(swiped.dy, swipe.dy, 1e-9);
    EXPECT_EQ(swiped.x, 500.0 + swipe.dx);  // the release point
}

INSTANTIATE_TEST_SUITE_P(GestureRecognizer, SwipeDirections,
                         ::testing::Values(SwipeCase{-300.0, 0.0, SwipeDirection::left},
                                           SwipeCase{300.0, 0.0, SwipeDirection::right},
                                           SwipeCase{0.0, -300.0, SwipeDirection::up},
                                           SwipeCase{0.0, 300.0, SwipeDirection::down},
                                           // Just over twice as wide as high: still horizontal.
                                           SwipeCase{-270.0, 134.0, SwipeDirection::left}));

TEST(GestureRecognizer, ASlowDragOrADiagonalFlickIsNoSwipe) {
    const auto slow = Touches().slide(0.0, 0.0, 200.0, 0.0, 0.0, 0.2);  // 1000 px/s
    EXPECT_EQ(find(slow, Kind::swipe), nullptr);
    ASSERT_NE(find(slow, Kind::drag_end), nullptr);
    EXPECT_NEAR(find(slow, Kind::drag_end)->vx, 1000.0, 1e-6);
    EXPECT_EQ(find(Touches().slide(0.0, 0.0, 300.0, 300.0, 0.0, 0.2), Kind::swipe), nullptr);
}

TEST(GestureRecognizer, TheMainAxisMustBeTwiceTheOther) {
    const auto steep = Touches().slide(0.0, 0.0, 400.0, 180.0, 0.0, 0.2);  // ratio 2.2
    ASSERT_NE(find(steep, Kind::swipe), nullptr);
    EXPECT_EQ(find(steep, Kind::swipe)->direction, SwipeDirection::right);
    EXPECT_EQ(find(Touches().slide(0.0, 0.0, 400.0, 220.0, 0.0, 0.2), Kind::swipe), nullptr);  // ratio 1.8
}

TEST(GestureRecognizer, TheSwipeSpeedIsPhysicalSoItHoldsOnAnyScreen) {
    // 40 mm in 0.1 s (0.4 m/s) is a swipe on either screen; 20 mm (0.2 m/s) on neither.
    for (const double density : {1.6, 3.2}) {
        SCOPED_TRACE(density);
        const GestureTuning tuning = GestureTuning::for_screen(density);
        EXPECT_NE(find(Touches(tuning).slide(0.0, 0.0, 40.0 * density, 0.0, 0.0, 0.1), Kind::swipe), nullptr);
        EXPECT_EQ(find(Touches(tuning).slide(0.0, 0.0, 20.0 * density, 0.0, 0.0, 0.1), Kind::swipe), nullptr);
    }
}

// --- pinch ----------------------------------------------------------------

TEST(GestureRecognizer, TwoFingersPinchAboutTheirMidpoint) {
    Touches touches;
    EXPECT_EQ(kinds(touches.down(100.0, 100.0, 0.0)), Kinds{Kind::press});
    const auto started = touches.down(200.0, 100.0, 0.02, kOtherFinger);
    ASSERT_EQ(kinds(started), Kinds{Kind::pinch_start});
    EXPECT_EQ(started[0].x, 150.0);
    EXPECT_EQ(started[0].y, 100.0);
    EXPECT_EQ(started[0].scale, 1.0);

    const auto spread = touches.move(300.0, 100.0, 0.1, kOtherFinger);
    ASSERT_EQ(kinds(spread), Kinds{Kind::pinch});
    EXPECT_DOUBLE_EQ(spread[0].scale, 2.0);  // total since pinch_start
    EXPECT_EQ(spread[0].x, 200.0);
    EXPECT_EQ(spread[0].dx, 50.0);

    const auto closed = touches.move(250.0, 100.0, 0.2, kFinger);
    ASSERT_EQ(kinds(closed), Kinds{Kind::pinch});
    EXPECT_DOUBLE_EQ(closed[0].scale, 0.5);
    EXPECT_EQ(closed[0].x, 275.0);
    EXPECT_EQ(closed[0].dx, 75.0);

    const auto ended = touches.up(250.0, 100.0, 0.3, kFinger);
    ASSERT_EQ(kinds(ended), Kinds{Kind::pinch_end});
    EXPECT_DOUBLE_EQ(ended[0].scale, 0.5);
}

TEST(GestureRecognizer, AfterAPinchTheRemainingFingerIsSpentUntilItLifts) {
    Touches touches;
    touches.down(100.0, 100.0, 0.0);
    touches.down(200.0, 100.0, 0.02, kOtherFinger);
    touches.up(100.0, 100.0, 0.3);
    EXPECT_TRUE(touches.move(400.0, 100.0, 0.4, kOtherFinger).empty());  // no drag
    EXPECT_TRUE(touches.up(400.0, 100.0, 0.5, kOtherFinger).empty());    // no tap, no swipe
    EXPECT_EQ(kinds(touches.down(10.0, 10.0, 0.6)), Kinds{Kind::press});
}

TEST(GestureRecognizer, ASecondFingerEndsADragWithoutAFling) {
    Touches touches;
    touches.down(0.0, 0.0, 0.0);
    touches.move(100.0, 0.0, 0.05);
    const auto gestures = touches.down(300.0, 300.0, 0.06, kOtherFinger);
    ASSERT_EQ(kinds(gestures), (Kinds{Kind::drag_end, Kind::pinch_start}));
    EXPECT_EQ(gestures[0].vx, 0.0);  // a fast drag, cut short: no fling, no swipe
    EXPECT_EQ(gestures[0].vy, 0.0);
    EXPECT_EQ(gestures[1].x, 200.0);
    EXPECT_EQ(gestures[1].y, 150.0);
    EXPECT_EQ(kinds(touches.up(100.0, 0.0, 0.2)), Kinds{Kind::pinch_end});
}

TEST(GestureRecognizer, TwoFingersTouchingBrieflyAreNoTap) {
    Touches touches;
    touches.down(100.0, 100.0, 0.0);
    touches.down(150.0, 100.0, 0.01, kOtherFinger);
    EXPECT_EQ(kinds(touches.up(150.0, 100.0, 0.05, kOtherFinger)), Kinds{Kind::pinch_end});
    EXPECT_TRUE(touches.up(100.0, 100.0, 0.06).empty());
}

TEST(GestureRecognizer, AThirdFingerIsIgnored) {
    Touches touches;
    touches.down(100.0, 100.0, 0.0);
    touches.down(200.0, 100.0, 0.01, kOtherFinger);
    EXPECT_TRUE(touches.down(500.0, 500.0, 0.02, 9).empty());
    EXPECT_TRUE(touches.move(600.0, 600.0, 0.03, 9).empty());
    EXPECT_TRUE(touches.up(600.0, 600.0, 0.04, 9).empty());
    EXPECT_EQ(kinds(touches.move(300.0, 100.0, 0.05, kOtherFinger)), Kinds{Kind::pinch});
}

TEST(GestureRecognizer, FingersLandingOnOneSpotStillScaleByFiniteNumbers) {
    Touches touches;
    touches.down(100.0, 100.0, 0.0);
    touches.down(100.0, 100.0, 0.01, kOtherFinger);
    const auto gestures = touches.move(108.0, 100.0, 0.05, kOtherFinger);
    ASSERT_EQ(kinds(gestures), Kinds{Kind::pinch});
    EXPECT_DOUBLE_EQ(gestures[0].scale, 2.0);  // 8 px over the 4 px floor
}

// --- cancel and stray events ---------------------------------------------

TEST(GestureRecognizer, CancelEndsADragAndForgetsTheFinger) {
    Touches touches;
    touches.down(0.0, 0.0, 0.0);
    touches.move(100.0, 0.0, 0.05);
    const auto gestures = touches.cancel(0.06);
    ASSERT_EQ(kinds(gestures), Kinds{Kind::drag_end});
    EXPECT_EQ(gestures[0].vx, 0.0);
    EXPECT_TRUE(touches.move(200.0, 0.0, 0.07).empty());
    EXPECT_TRUE(touches.up(200.0, 0.0, 0.08).empty());
    EXPECT_EQ(kinds(touches.down(5.0, 5.0, 0.1)), Kinds{Kind::press});
}

TEST(GestureRecognizer, CancelEndsAPinch) {
    Touches touches;
    touches.down(100.0, 100.0, 0.0);
    touches.down(200.0, 100.0, 0.01, kOtherFinger);
    EXPECT_EQ(kinds(touches.cancel(0.1, kOtherFinger)), Kinds{Kind::pinch_end});
    EXPECT_TRUE(touches.up(100.0, 100.0, 0.2).empty());
}

TEST(GestureRecognizer, CancelDuringAPressMeansNoTap) {
    Touches touches;
    touches.down(100.0, 100.0, 0.0);
    EXPECT_TRUE(touches.cancel(0.05).empty());
    EXPECT_TRUE(touches.up(100.0, 100.0, 0.1).empty());
}

TEST(GestureRecognizer, PointersThatAreNotDownAreIgnored) {
    Touches touches;
    EXPECT_TRUE(touches.move(10.0, 10.0, 0.0, kMousePointer).empty());  // a hovering mouse
    EXPECT_TRUE(touches.up(10.0, 10.0, 0.1, kMousePointer).empty());
    EXPECT_TRUE(touches.cancel(0.2).empty());
}

TEST(GestureRecognizer, ARepeatedDownOfTheSamePointerIsIgnored) {
    Touches touches;
    touches.down(10.0, 10.0, 0.0);
    EXPECT_TRUE(touches.down(10.0, 10.0, 0.01).empty());  // not a second finger, not a pinch
    EXPECT_EQ(kinds(touches.up(10.0, 10.0, 0.1)), Kinds{Kind::tap});
}

}  // namespace
}  // namespace kiosk::ui

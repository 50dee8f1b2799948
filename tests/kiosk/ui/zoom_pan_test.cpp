// ZoomPan: fit, pinch about the fingers, double tap between fit and 2.5×,
// pans that never open a gap, zoom within [fit, 4× fit].
#include "ui/zoom_pan.h"

#include <cmath>
#include <limits>

#include <gtest/gtest.h>

namespace kiosk::ui {
namespace {

// A 4000×3000 photo on a 1920×1080 screen: fit is 0.36, drawn 1440×1080 at x 240.
constexpr double kPictureWidth = 4000.0;
constexpr double kPictureHeight = 3000.0;
constexpr double kViewWidth = 1920.0;
constexpr double kViewHeight = 1080.0;
constexpr double kFit = 0.36;
constexpr double kTolerance = 1e-9;

ZoomPan photo_on_screen() {
    return ZoomPan(kPictureWidth, kPictureHeight, kViewWidth, kViewHeight);
}

void expect_rect(const PictureRect& actual, double x, double y, double width, double height) {
    EXPECT_NEAR(actual.x, x, kTolerance);
    EXPECT_NEAR(actual.y, y, kTolerance);
    EXPECT_NEAR(actual.width, width, kTolerance);
    EXPECT_NEAR(actual.height, height, kTolerance);
}

struct PicturePoint {
    double x;
    double y;
};

// Which picture pixel is drawn at view point (x, y).
PicturePoint picture_point_at(const PictureRect& rect, double x, double y) {
    const double scale = rect.width / kPictureWidth;
    return PicturePoint{(x - rect.x) / scale, (y - rect.y) / scale};
}

// Whether the picture covers the view along every axis it is longer in, and
// is centred along every axis it is shorter in.
void expect_no_gap(const PictureRect& rect) {
    if (rect.width >= kViewWidth) {
        EXPECT_LE(rect.x, kTolerance);
        EXPECT_GE(rect.x + rect.width, kViewWidth - kTolerance);
    } else {
        EXPECT_NEAR(rect.x, (kViewWidth - rect.width) / 2.0, kTolerance);
    }
    if (rect.height >= kViewHeight) {
        EXPECT_LE(rect.y, kTolerance);
        EXPECT_GE(rect.y + rect.height, kViewHeight - kTolerance);
    } else {
        EXPECT_NEAR(rect.y, (kViewHeight - rect.height) / 2.0, kTolerance);
    }
}

TEST(ZoomPan, OpensFittedAndCentred) {
    const ZoomPan view = photo_on_screen();
    EXPECT_DOUBLE_EQ(view.fit_scale(), kFit);
    EXPECT_DOUBLE_EQ(view.scale(), kFit);
    EXPECT_DOUBLE_EQ(view.zoom(), 1.0);
    EXPECT_FALSE(view.is_zoomed());
    expect_rect(view.rect(), 240.0, 0.0, 1440.0, 1080.0);
}

TEST(ZoomPan, AWidePictureFitsTheWidthWithBarsAboveAndBelow) {
    const ZoomPan view(2000.0, 500.0, 1000.0, 1000.0);
    EXPECT_DOUBLE_EQ(view.fit_scale(), 0.5);
    expect_rect(view.rect(), 0.0, 375.0, 1000.0, 250.0);
}

TEST(ZoomPan, ASmallPictureIsScaledUpToFit) {
    const ZoomPan view(400.0, 300.0, kViewWidth, kViewHeight);
    EXPECT_DOUBLE_EQ(view.fit_scale(), 3.6);
    expect_rect(view.rect(), 240.0, 0.0, 1440.0, 1080.0);
}

TEST(ZoomPan, SizesUnderAPixelCountAsOnePixel) {
    const ZoomPan view(0.0, -3.0, std::numeric_limits<double>::quiet_NaN(), 0.5);
    expect_rect(view.rect(), 0.0, 0.0, 1.0, 1.0);
}

// --- pinch ----------------------------------------------------------------

TEST(ZoomPan, APinchZoomsAboutThePointUnderTheFingers) {
    ZoomPan view = photo_on_screen();
    view.pinch_start(500.0, 300.0);
    const PicturePoint under = picture_point_at(view.rect(), 500.0, 300.0);
    view.pinch(1.5, 500.0, 300.0);
    view.pinch(2.0, 500.0, 300.0);  // the scale is since pinch_start, not since the last pinch
    EXPECT_NEAR(view.zoom(), 2.0, kTolerance);
    const PicturePoint after = picture_point_at(view.rect(), 500.0, 300.0);
    EXPECT_NEAR(after.x, under.x, 1e-6);
    EXPECT_NEAR(after.y, under.y, 1e-6);
    expect_rect(view.rect(), -20.0, -300.0, 2880.0, 2160.0);
}

TEST(ZoomPan, ThePictureFollowsFingersMovingTogether) {
    ZoomPan view = photo_on_screen();
    view.pinch_start(960.0, 540.0);
    view.pinch(2.0, 1000.0, 560.0);
    const PicturePoint under = picture_point_at(view.rect(), 1000.0, 560.0);
    EXPECT_NEAR(under.x, 2000.0, 1e-6);  // the photo's centre, which was under the fingers
    EXPECT_NEAR(under.y, 1500.0, 1e-6);
}

TEST(ZoomPan, ASecondPinchStartsFromTheZoomTheFirstLeft) {
    ZoomPan view = photo_on_screen();
    view.pinch_start(960.0, 540.0);
    view.pinch(2.0, 960.0, 540.0);
    view.pinch_start(960.0, 540.0);
    view.pinch(1.5, 960.0, 540.0);
    EXPECT_NEAR(view.zoom(), 3.0, kTolerance);
}

TEST(ZoomPan, ZoomStaysBetweenFitAndFourTimesFit) {
    ZoomPan view = photo_on_screen();
    view.pinch_start(960.0, 540.0);
    view.pinch(10.0, 960.0, 540.0);
    EXPECT_NEAR(view.zoom(), 4.0, kTolerance);
    EXPECT_NEAR(view.scale(), 4.0 * kFit, kTolerance);
    const PicturePoint under = picture_point_at(view.rect(), 960.0, 540.0);
    EXPECT_NEAR(under.x, 2000.0, 1e-6);  // still about the fingers at the limit
    EXPECT_NEAR(under.y, 1500.0, 1e-6);

    view.pinch(0.1, 960.0, 540.0);
    EXPECT_DOUBLE_EQ(view.zoom(), 1.0);
    expect_rect(view.rect(), 240.0, 0.0, 1440.0, 1080.0);
}

TEST(ZoomPan, APinchWithoutAStartStartsOne) {
    ZoomPan view = photo_on_screen();
    view.pinch(2.0, 960.0, 540.0);
    EXPECT_NEAR(view.zoom(), 2.0, kTolerance);
}

TEST(ZoomPan, AMeaninglessPinchScaleChangesNothing) {
    ZoomPan view = photo_on_screen();
    view.pinch_start(960.0, 540.0);
    view.pinch(2.0, 960.0, 540.0);
    const PictureRect before = view.rect();
    view.pinch(0.0, 960.0, 540.0);
    view.pinch(-1.0, 960.0, 540.0);
    view.pinch(std::numeric_limits<double>::quiet_NaN(), 960.0, 540.0);
    EXPECT_EQ(view.rect(), before);
}

TEST(ZoomPan, APinchNearACornerNeverOpensAGap) {
    ZoomPan view = photo_on_screen();
    view.pinch_start(250.0, 10.0);
    view.pinch(3.0, 250.0, 10.0);
    expect_no_gap(view.rect());
    view.pinch(1.2, 1900.0, 1070.0);
    expect_no_gap(view.rect());
}

// --- double tap ------------------------------------------------------------

TEST(ZoomPan, ADoubleTapAtFitZoomsTwoAndAHalfTimesAboutThePoint) {
    ZoomPan view = photo_on_screen();
    view.double_tap(960.0, 540.0);
    EXPECT_TRUE(view.is_zoomed());
    EXPECT_NEAR(view.zoom(), 2.5, kTolerance);
    expect_rect(view.rect(), -840.0, -810.0, 3600.0, 2700.0);

    ZoomPan off_centre = photo_on_screen();
    off_centre.double_tap(700.0, 400.0);
    const PicturePoint under = picture_point_at(off_centre.rect(), 700.0, 400.0);
    EXPECT_NEAR(under.x, (700.0 - 240.0) / kFit, 1e-6);
    EXPECT_NEAR(under.y, 400.0 / kFit, 1e-6);
}

TEST(ZoomPan, ADoubleTapWhenZoomedGoesBackToFit) {
    ZoomPan view = photo_on_screen();
    view.double_tap(960.0, 540.0);
    view.double_tap(100.0, 100.0);
    EXPECT_FALSE(view.is_zoomed());
    expect_rect(view.rect(), 240.0, 0.0, 1440.0, 1080.0);
    // Any zoom counts, not only the double tap's own.
    view.pinch_start(960.0, 540.0);
    view.pinch(1.1, 960.0, 540.0);
    view.double_tap(960.0, 540.0);
    EXPECT_DOUBLE_EQ(view.zoom(), 1.0);
}

TEST(ZoomPan, ADoubleTapByAnEdgeZoomsAsFarAsTheEdgeAllows) {
    ZoomPan view = photo_on_screen();
    view.double_tap(250.0, 10.0);
    EXPECT_NEAR(view.zoom(), 2.5, kTolerance);
    expect_rect(view.rect(), 0.0, -15.0, 3600.0, 2700.0);
    expect_no_gap(view.rect());
}

// --- pan ------------------------------------------------------------------

TEST(ZoomPan, PanningMovesAZoomedPicture) {
    ZoomPan view = photo_on_screen();
    view.double_tap(960.0, 540.0);
    view.pan(100.0, -50.0);
    expect_rect(view.rect(), -740.0, -860.0, 3600.0, 2700.0);
}

TEST(ZoomPan, PanningStopsAtTheEdges) {
    ZoomPan view = photo_on_screen();
    view.double_tap(960.0, 540.0);
    view.pan(10000.0, 10000.0);
    expect_rect(view.rect(), 0.0, 0.0, 3600.0, 2700.0);
    view.pan(-1e5, -1e5);
    expect_rect(view.rect(), kViewWidth - 3600.0, kViewHeight - 2700.0, 3600.0, 2700.0);
}

TEST(ZoomPan, PanningAtFitChangesNothing) {
    ZoomPan view = photo_on_screen();
    view.pan(300.0, -200.0);
    expect_rect(view.rect(), 240.0, 0.0, 1440.0, 1080.0);
}

TEST(ZoomPan, AnAxisStillShorterThanTheViewStaysCentred) {
    // A tall 1000×4000 picture: fit 0.27 (270×1080); at 2× it is 540 wide.
    ZoomPan view(1000.0, 4000.0, kViewWidth, kViewHeight);
    view.pinch_start(960.0, 540.0);
    view.pinch(2.0, 960.0, 540.0);
    view.pan(400.0, -300.0);
    const PictureRect rect = view.rect();
    EXPECT_NEAR(rect.x, (kViewWidth - 540.0) / 2.0, kTolerance);
    EXPECT_NEAR(rect.y, -540.0 - 300.0, kTolerance);
}

TEST(ZoomPan, FitUndoesEverything) {
    ZoomPan view = photo_on_screen();
    view.double_tap(300.0, 300.0);
    view.pan(-200.0, -100.0);
    view.fit();
    EXPECT_FALSE(view.is_zoomed());
    expect_rect(view.rect(), 240.0, 0.0, 1440.0, 1080.0);
}

// --- view size ------------------------------------------------------------

TEST(ZoomPan, ANewViewSizeKeepsTheZoomAndTheCentre) {
    ZoomPan view = photo_on_screen();
    view.double_tap(960.0, 540.0);  // the photo's centre at the view's centre
    view.set_view_size(1080.0, 1920.0);
    EXPECT_DOUBLE_EQ(view.fit_scale(), 0.27);
    EXPECT_NEAR(view.zoom(), 2.5, kTolerance);
    expect_rect(view.rect(), 540.0 - 1350.0, 960.0 - 1012.5, 2700.0, 2025.0);
}

TEST(ZoomPan, ANewViewSizeAtFitStaysFitted) {
    ZoomPan view = photo_on_screen();
    view.set_view_size(1000.0, 1000.0);
    EXPECT_FALSE(view.is_zoomed());
    expect_rect(view.rect(), 0.0, 125.0, 1000.0, 750.0);
}

}  // namespace
}  // namespace kiosk::ui

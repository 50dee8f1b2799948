// fit_picture: where a picture goes on a screen, turned upright, as large as fits, centred.
#include "render/picture_fit.h"

#include <gtest/gtest.h>

namespace kiosk::render {
namespace {

// The upright rectangle a placement covers once turned about its centre.
struct Area {
    double left;
    double top;
    double width;
    double height;
};

Area upright_area(const Placement& placement, int rotation_degrees) {
    const bool quarter_turn = rotation_degrees == 90 || rotation_degrees == 270;
    const double width = quarter_turn ? placement.height : placement.width;
    const double height = quarter_turn ? placement.width : placement.height;
    const double centre_x = placement.x + placement.width / 2.0;
    const double centre_y = placement.y + placement.height / 2.0;
    return Area{centre_x - width / 2.0, centre_y - height / 2.0, width, height};
}

void expect_placement(const Placement& actual, int x, int y, int width, int height) {
    EXPECT_EQ(actual.x, x);
    EXPECT_EQ(actual.y, y);
    EXPECT_EQ(actual.width, width);
    EXPECT_EQ(actual.height, height);
}

TEST(FitPicture, SameAspectRatioFillsTheScreen) {
    expect_placement(fit_picture(1920, 1080, 0, 1920, 1080), 0, 0, 1920, 1080);
    {
        SCOPED_TRACE("scaled up");
        expect_placement(fit_picture(1280, 720, 0, 1920, 1080), 0, 0, 1920, 1080);
    }
    {
        SCOPED_TRACE("scaled down");
        expect_placement(fit_picture(3840, 2160, 0, 1920, 1080), 0, 0, 1920, 1080);
    }
}

TEST(FitPicture, WidePictureOnANarrowerScreenGetsBarsTopAndBottom) {
    // 16:9 on 4:3: full width, 1440 / (16/9) = 810 high, centred in 1080.
    expect_placement(fit_picture(1920, 1080, 0, 1440, 1080), 0, 135, 1440, 810);
}

TEST(FitPicture, NarrowPictureOnAWiderScreenGetsBarsLeftAndRight) {
    // 4:3 on 16:9: full height, 1080 * 4/3 = 1440 wide, centred in 1920.
    expect_placement(fit_picture(640, 480, 0, 1920, 1080), 240, 0, 1440, 1080);
}

TEST(FitPicture, HalfTurnKeepsTheLandscapeFit) {
    expect_placement(fit_picture(1920, 1080, 180, 1440, 1080), 0, 135, 1440, 810);
}

TEST(FitPicture, QuarterTurnFitsTheUprightPicture) {
    // 320x240 turned is 240x320 upright; on 320x240 it is scaled by 0.75 to 180x240.
    const Placement placement = fit_picture(320, 240, 90, 320, 240);
    // The placement is of the unturned picture: 240x180, centred on the screen.
    expect_placement(placement, 40, 30, 240, 180);

    const Area area = upright_area(placement, 90);
    EXPECT_DOUBLE_EQ(area.width, 180.0);
    EXPECT_DOUBLE_EQ(area.height, 240.0);
    EXPECT_DOUBLE_EQ(area.left, 70.0) << "centred: (320 - 180) / 2";
    EXPECT_DOUBLE_EQ(area.top, 0.0);
}

TEST(FitPicture, ThreeQuarterTurnFitsLikeAQuarterTurn) {
    expect_placement(fit_picture(320, 240, 270, 320, 240), 40, 30, 240, 180);
}

TEST(FitPicture, PortraitFilmOnAPortraitScreenFillsIt) {
    // A landscape-coded phone film meant upright, on a screen mounted portrait.
    const Placement placement = fit_picture(1920, 1080, 90, 1080, 1920);
    const Area area = upright_area(placement, 90);
    EXPECT_DOUBLE_EQ(area.width, 1080.0);
    EXPECT_DOUBLE_EQ(area.height, 1920.0);
    EXPECT_DOUBLE_EQ(area.left, 0.0);
    EXPECT_DOUBLE_EQ(area.top, 0.0);
}

TEST(FitPicture, DegenerateSizesGiveAnEmptyPlacement) {
    for (const Placement& placement :
         {fit_picture(0, 240, 0, 1920, 1080), fit_picture(320, 0, 0, 1920, 1080),
          fit_picture(320, 240, 0, 0, 1080), fit_picture(320, 240, 0, 1920, 0),
          fit_picture(-320, 240, 90, 1920, 1080), fit_picture(320, 240, 0, 1920, -5)}) {
        expect_placement(placement, 0, 0, 0, 0);
    }
}

}  // namespace
}  // namespace kiosk::render

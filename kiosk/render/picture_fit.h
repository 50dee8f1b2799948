#pragma once
// Where a picture goes on a screen: as large as fits, centred, black bars on
// the remaining sides, after turning it upright.

namespace kiosk::render {

struct Placement {
    // Destination of the unturned picture; turning it by the rotation about
    // its centre gives the fitted, upright picture.
    int x = 0;
    int y = 0;
    int width = 0;
    int height = 0;
};

Placement fit_picture(int picture_width, int picture_height, int rotation_degrees, int screen_width,
                      int screen_height);

}  // namespace kiosk::render

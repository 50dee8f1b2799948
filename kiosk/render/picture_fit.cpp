#include "picture_fit.h"

#include <algorithm>
#include <cmath>

namespace kiosk::render {

Placement fit_picture(int picture_width, int picture_height, int rotation_degrees, int screen_width,
                      int screen_height) {
    if (picture_width <= 0 || picture_height <= 0 || screen_width <= 0 || screen_height <= 0) {
        return {};
    }
    const bool quarter_turn = rotation_degrees == 90 || rotation_degrees == 270;
    const double upright_width = quarter_turn ? picture_height : picture_width;
    const double upright_height = quarter_turn ? picture_width : picture_height;
    const double scale = std::min(screen_width / upright_width, screen_height / upright_height);
    Placement placement;
    placement.width = static_cast<int>(std::lround(picture_width * scale));
    placement.height = static_cast<int>(std::lround(picture_height * scale));
    placement.x = (screen_width - placement.width) / 2;
    placement.y = (screen_height - placement.height) / 2;
    return placement;
}

}  // namespace kiosk::render

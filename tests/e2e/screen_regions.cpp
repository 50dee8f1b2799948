#include "screen_regions.h"

#include <algorithm>
#include <cstdlib>
#include <stdexcept>
#include <string>

namespace kiosk::test {
namespace {

void require_inside(const Image& image, const Region& region) {
    if (region.w <= 0 || region.h <= 0 || region.x < 0 || region.y < 0 ||
        region.x + region.w > image.width() || region.y + region.h > image.height()) {
        throw std::out_of_range("region outside a " + std::to_string(image.width()) + "x" +
                                std::to_string(image.height()) + " image");
    }
}

int channel_distance(Rgb a, Rgb b) {
    return std::max({std::abs(a.r - b.r), std::abs(a.g - b.g), std::abs(a.b - b.b)});
}

}  // namespace

std::ostream& operator<<(std::ostream& os, const Region& region) {
    return os << "region (" << region.x << ", " << region.y << ", " << region.w << "x" << region.h << ")";
}

bool near(Rgb colour, Rgb wanted, int tolerance) {
    return channel_distance(colour, wanted) <= tolerance;
}

double share_of(const Image& image, const Region& region, const std::function<bool(Rgb)>& predicate) {
    require_inside(image, region);
    long matching = 0;
    for (int y = region.y; y < region.y + region.h; ++y) {
        for (int x = region.x; x < region.x + region.w; ++x) {
            matching += predicate(image.at(x, y)) ? 1 : 0;
        }
    }
    return static_cast<double>(matching) / (static_cast<double>(region.w) * region.h);
}

int rows_with(const Image& image, const Region& region, const std::function<bool(Rgb)>& predicate,
              int min_pixels) {
    require_inside(image, region);
    int rows = 0;
    for (int y = region.y; y < region.y + region.h; ++y) {
        int matching = 0;
        for (int x = region.x; x < region.x + region.w && matching < min_pixels; ++x) {
            matching += predicate(image.at(x, y)) ? 1 : 0;
        }
        rows += matching >= min_pixels ? 1 : 0;
    }
    return rows;
}

double changed_share(const Image& a, const Image& b, const Region& region, int tolerance) {
    require_inside(a, region);
    require_inside(b, region);
    long changed = 0;
    for (int y = region.y; y < region.y + region.h; ++y) {
        for (int x = region.x; x < region.x + region.w; ++x) {
            changed += channel_distance(a.at(x, y), b.at(x, y)) > tolerance ? 1 : 0;
        }
    }
    return static_cast<double>(changed) / (static_cast<double>(region.w) * region.h);
}

}  // namespace kiosk::test

#pragma once
// Measures of a region of a screenshot, for judging what a screen shows
// without a reference picture: how much of it has a colour, how many of its
// rows hold text, and how much of it changed between two shots.

#include <functional>
#include <ostream>

#include "png_pixels.h"

namespace kiosk::test {

struct Region {
    int x = 0;
    int y = 0;
    int w = 0;
    int h = 0;
};

std::ostream& operator<<(std::ostream& os, const Region& region);

// Each channel within `tolerance` of `wanted`'s.
bool near(Rgb colour, Rgb wanted, int tolerance = 12);

// The share (0..1) of the region's pixels for which `predicate` holds.
double share_of(const Image& image, const Region& region, const std::function<bool(Rgb)>& predicate);

// How many of the region's rows hold at least `min_pixels` pixels for which
// `predicate` holds: the height of the text in it, roughly.
int rows_with(const Image& image, const Region& region, const std::function<bool(Rgb)>& predicate,
              int min_pixels = 2);

// The share of the region's pixels that differ between `a` and `b` by more
// than `tolerance` in some channel. The images must be the same size.
double changed_share(const Image& a, const Image& b, const Region& region, int tolerance = 32);

}  // namespace kiosk::test

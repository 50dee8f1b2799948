#include "shapes.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::ui {
namespace {

// Curves are cut into straight pieces about this long (pixels): too short
// to see at a visitor's distance.
constexpr double kPieceLength = 4.0;
// Fewest and most pieces of a full circle: round when small, cheap when large.
constexpr int kMinPieces = 16;
constexpr int kMaxPieces = 180;

int pieces(double radius, double angle) {
    const int full =
        std::clamp(static_cast<int>(2 * std::numbers::pi * radius / kPieceLength), kMinPieces, kMaxPieces);
    return std::max(2, static_cast<int>(std::ceil(full * std::abs(angle) / (2 * std::numbers::pi))));
}

ShapePoint point(double x, double y) {
    return ShapePoint{static_cast<float>(x), static_cast<float>(y)};
}

}  // namespace

ShapeOp shape_of(std::vector<ShapePoint> triangles, Colour colour) {
    return ShapeOp{colour, std::make_shared<const std::vector<ShapePoint>>(std::move(triangles))};
}

ShapeOp disc(double cx, double cy, double radius, Colour colour) {
    std::vector<ShapePoint> triangles;
    const int count = pieces(radius, 2 * std::numbers::pi);
    for (int i = 0; i < count; ++i) {
        const double a = 2 * std::numbers::pi * i / count;
        const double b = 2 * std::numbers::pi * (i + 1) / count;
        triangles.push_back(point(cx, cy));
        triangles.push_back(point(cx + radius * std::cos(a), cy + radius * std::sin(a)));
        triangles.push_back(point(cx + radius * std::cos(b), cy + radius * std::sin(b)));
    }
    return shape_of(std::move(triangles), colour);
}

ShapeOp arc(double cx, double cy, double radius, double thickness, double from, double to, Colour colour) {
    std::vector<ShapePoint> triangles;
    const double inner = std::max(0.0, radius - thickness / 2);
    const double outer = radius + thickness / 2;
    const int count = pieces(outer, to - from);
    for (int i = 0; i < count; ++i) {
        const double a = from + (to - from) * i / count;
        const double b = from + (to - from) * (i + 1) / count;
        const ShapePoint inner_a = point(cx + inner * std::cos(a), cy + inner * std::sin(a));
        const ShapePoint outer_a = point(cx + outer * std::cos(a), cy + outer * std::sin(a));
        const ShapePoint inner_b = point(cx + inner * std::cos(b), cy + inner * std::sin(b));
        const ShapePoint outer_b = point(cx + outer * std::cos(b), cy + outer * std::sin(b));
        triangles.insert(triangles.end(), {inner_a, outer_a, outer_b, inner_a, outer_b, inner_b});
    }
    return shape_of(std::move(triangles), colour);
}

ShapeOp stroke(double x1, double y1, double x2, double y2, double thickness, Colour colour) {
    const double length = std::hypot(x2 - x1, y2 - y1);
    if (length <= 0) {
        return shape_of({}, colour);
    }
    // Half the thickness across the stroke, and half along it for the square ends.
    const double ux = (x2 - x1) / length * thickness / 2;
    const double uy = (y2 - y1) / length * thickness / 2;
    const ShapePoint a = point(x1 - ux - uy, y1 - uy + ux);
    const ShapePoint b = point(x1 - ux + uy, y1 - uy - ux);
    const ShapePoint c = point(x2 + ux + uy, y2 + uy - ux);
    const ShapePoint d = point(x2 + ux - uy, y2 + uy + ux);
    return shape_of({a, b, c, a, c, d}, colour);
}

}  // namespace kiosk::ui

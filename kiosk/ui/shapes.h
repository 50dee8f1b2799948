#pragma once
// Shapes beyond rectangles, as the triangles of a ShapeOp: discs, arcs and
// strokes, for the rating's faces and a tick. Coordinates are screen pixels.

#include <vector>

#include "scene.h"

namespace kiosk::ui {

// A shape of these triangles (every three points one).
ShapeOp shape_of(std::vector<ShapePoint> triangles, Colour colour);

// A filled circle.
ShapeOp disc(double cx, double cy, double radius, Colour colour);
// A band `thickness` wide whose middle follows the circle of `radius` from
// angle `from` to `to` (radians; 0 points right and, as y grows downwards,
// π/2 points down).
ShapeOp arc(double cx, double cy, double radius, double thickness, double from, double to, Colour colour);
// A straight stroke `thickness` wide from one point to the other, with square ends.
ShapeOp stroke(double x1, double y1, double x2, double y2, double thickness, Colour colour);

}  // namespace kiosk::ui

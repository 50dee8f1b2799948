#include "ui/zoom_pan.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

// Zooms within this share of fit count as fit, so rounding never leaves a
// picture "zoomed" by a hair and a double tap then zooming out instead of in.
constexpr double kFitTolerance = 1e-6;

double at_least_one_pixel(double length) {
    return std::isfinite(length) && length >= 1.0 ? length : 1.0;
}

// Per axis: a picture longer than the view covers it (no gap at either
// edge); a shorter one is centred.
double keep_edge(double position, double drawn_length, double view_length) {
    if (drawn_length <= view_length) {
        return (view_length - drawn_length) / 2.0;
    }
    return std::clamp(position, view_length - drawn_length, 0.0);
}

}  // namespace

ZoomPan::ZoomPan(double picture_width, double picture_height, double view_width, double view_height)
    : m_picture_width(at_least_one_pixel(picture_width)),
      m_picture_height(at_least_one_pixel(picture_height)),
      m_view_width(at_least_one_pixel(view_width)),
      m_view_height(at_least_one_pixel(view_height)) {
    fit();
}

void ZoomPan::set_view_size(double view_width, double view_height) {
    const double zoom_now = zoom();
    const double centre_x = (m_view_width / 2.0 - m_left) / m_scale;
    const double centre_y = (m_view_height / 2.0 - m_top) / m_scale;
    m_view_width = at_least_one_pixel(view_width);
    m_view_height = at_least_one_pixel(view_height);
    m_fit_scale = std::min(m_view_width / m_picture_width, m_view_height / m_picture_height);
    m_pinching = false;
    zoom_about(m_fit_scale * zoom_now, centre_x, centre_y, m_view_width / 2.0, m_view_height / 2.0);
}

bool ZoomPan::is_zoomed() const {
    return m_scale > m_fit_scale * (1.0 + kFitTolerance);
}

void ZoomPan::fit() {
    m_fit_scale = std::min(m_view_width / m_picture_width, m_view_height / m_picture_height);
    m_scale = m_fit_scale;
    m_pinching = false;
    keep_edges();
}

void ZoomPan::pinch_start(double centre_x, double centre_y) {
    m_pinching = true;
    m_pinch_start_scale = m_scale;
    m_pinch_picture_x = (centre_x - m_left) / m_scale;
    m_pinch_picture_y = (centre_y - m_top) / m_scale;
}

void ZoomPan::pinch(double scale_since_start, double centre_x, double centre_y) {
    if (!m_pinching) {
        pinch_start(centre_x, centre_y);
    }
    if (!std::isfinite(scale_since_start) || scale_since_start <= 0.0) {
        return;
    }
    zoom_about(m_pinch_start_scale * scale_since_start, m_pinch_picture_x, m_pinch_picture_y, centre_x,
               centre_y);
}

void ZoomPan::double_tap(double x, double y) {
    m_pinching = false;
    if (is_zoomed()) {
        fit();
        return;
    }
    zoom_about(m_fit_scale * kDoubleTapZoom, (x - m_left) / m_scale, (y - m_top) / m_scale, x, y);
}

void ZoomPan::pan(double dx, double dy) {
    if (std::isfinite(dx) && std::isfinite(dy)) {
        m_left += dx;
        m_top += dy;
    }
    m_pinching = false;
    keep_edges();
}

PictureRect ZoomPan::rect() const {
    return PictureRect{m_left, m_top, m_picture_width * m_scale, m_picture_height * m_scale};
}

// Sets the scale (within the zoom limits) and puts picture point
// (picture_x, picture_y) at view point (view_x, view_y), then keeps the edges.
void ZoomPan::zoom_about(double scale, double picture_x, double picture_y, double view_x, double view_y) {
    m_scale = std::clamp(scale, m_fit_scale, m_fit_scale * kMaxZoom);
    m_left = view_x - picture_x * m_scale;
    m_top = view_y - picture_y * m_scale;
    keep_edges();
}

void ZoomPan::keep_edges() {
    m_left = keep_edge(m_left, m_picture_width * m_scale, m_view_width);
    m_top = keep_edge(m_top, m_picture_height * m_scale, m_view_height);
}

}  // namespace kiosk::ui

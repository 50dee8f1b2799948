#pragma once
// Zooming and panning one picture in a view, for the picture viewer: it
// opens fitted (whole, centred), zooms with a pinch about the point under
// the fingers or with a double tap, and pans without ever leaving a gap at an
// edge that is larger than the view. Pure logic: no SDL.

namespace kiosk::ui {

// Zoom a double tap gives, relative to fit: details of a label or a face
// become readable without losing one's place.
inline constexpr double kDoubleTapZoom = 2.5;
// Closest zoom, relative to fit: beyond it a typical exhibit photo shows its
// pixels more than its subject.
inline constexpr double kMaxZoom = 4.0;

// Where the picture is drawn, in view pixels (may reach outside the view).
struct PictureRect {
    double x = 0.0;
    double y = 0.0;
    double width = 0.0;
    double height = 0.0;

    friend bool operator==(const PictureRect&, const PictureRect&) = default;
};

// Scale is view pixels per picture pixel; the zoom is the scale relative to
// fit_scale(), limited to [1, kMaxZoom]. Sizes under one pixel (or not
// numbers) count as one pixel, so no input divides by zero.
class ZoomPan {
  public:
    ZoomPan(double picture_width, double picture_height, double view_width, double view_height);

    // A new view size (the screen turned, a panel resized): keeps the zoom
    // relative to fit and the picture point at the view's centre.
    void set_view_size(double view_width, double view_height);

    double fit_scale() const { return m_fit_scale; }
    double scale() const { return m_scale; }
    double zoom() const { return m_scale / m_fit_scale; }
    bool is_zoomed() const;

    // Back to fit, centred.
    void fit();
    // Two fingers touched at (centre_x, centre_y), view pixels.
    void pinch_start(double centre_x, double centre_y);
    // The pinch now: `scale_since_start` times the scale at pinch_start (a
    // gesture's scale), its centre at (centre_x, centre_y). The picture point
    // that was under the centre at pinch_start is under it again, so the
    // picture zooms about the fingers and follows them when they move
    // together. Without pinch_start the first pinch starts one.
    void pinch(double scale_since_start, double centre_x, double centre_y);
    // Zoomed in: back to fit. At fit: kDoubleTapZoom about (x, y), the
    // picture point there staying there (as far as the edges allow).
    void double_tap(double x, double y);
    // Moves the picture by (dx, dy) view pixels, as far as the edges allow.
    void pan(double dx, double dy);

    PictureRect rect() const;

  private:
    void zoom_about(double scale, double picture_x, double picture_y, double view_x, double view_y);
    void keep_edges();

    double m_picture_width;
    double m_picture_height;
    double m_view_width;
    double m_view_height;
    double m_fit_scale = 1.0;
    double m_scale = 1.0;
    double m_left = 0.0;  // view position of the picture's top-left corner
    double m_top = 0.0;

    bool m_pinching = false;
    double m_pinch_start_scale = 1.0;
    double m_pinch_picture_x = 0.0;  // the picture point under the fingers at pinch_start
    double m_pinch_picture_y = 0.0;
};

}  // namespace kiosk::ui

#pragma once
// Turning raw pointer events (touchscreen fingers, the mouse) into the
// gestures the screens act on: press, tap, double tap, drag, swipe, pinch.
// Pure logic: no SDL, no clock. Every event carries its own time in seconds
// from the caller's clock, so tests run a day of touches in a millisecond.

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace kiosk::ui {

// The mouse's pointer id; it behaves exactly like a single finger.
inline constexpr std::int64_t kMousePointer = -1;

struct PointerEvent {
    enum class Kind { down, move, up, cancel };
    Kind kind = Kind::move;
    std::int64_t pointer = 0;  // finger id; the mouse is kMousePointer
    double x = 0.0;            // screen pixels
    double y = 0.0;
    double time = 0.0;  // seconds, from the caller's clock

    friend bool operator==(const PointerEvent&, const PointerEvent&) = default;
};

enum class SwipeDirection { none, left, right, up, down };

struct Gesture {
    enum class Kind {
        press,
        tap,
        double_tap,
        drag_start,
        drag,
        drag_end,
        swipe,
        pinch_start,
        pinch,
        pinch_end
    };
    Kind kind = Kind::press;
    // Where: press and tap the touch-down point, double_tap the second tap's
    // point, drag_start the touch-down point, drag and drag_end the finger's
    // current point, swipe the release point, pinch_* the fingers' midpoint.
    double x = 0.0;
    double y = 0.0;
    // drag, drag_end: movement since the previous drag gesture (so the dx of
    // one drag add up to the whole movement); pinch: the midpoint's movement
    // since the previous pinch gesture; swipe: the whole movement from the
    // touch-down point.
    double dx = 0.0;
    double dy = 0.0;
    // drag_end, swipe: release velocity in px/s over the last moments of
    // motion; zero when the drag was cut short (a second finger, a cancel).
    double vx = 0.0;
    double vy = 0.0;
    double scale = 1.0;                               // pinch_*: finger distance now / at pinch_start
    SwipeDirection direction = SwipeDirection::none;  // swipe only

    friend bool operator==(const Gesture&, const Gesture&) = default;
};

// "double_tap", "pinch_end", ...: the kind's name as written above, for logs.
std::string_view to_string(Gesture::Kind kind);
std::string_view to_string(SwipeDirection direction);

// Physical thresholds, in millimetres on the glass and seconds. A finger is
// the same size on every screen, so the pixel thresholds come from these and
// the screen's density (GestureTuning::for_screen).
// Finger travel that still counts as holding still.
inline constexpr double kTapSlopMm = 3.0;
// Farthest apart two taps may land and still make a double tap.
inline constexpr double kDoubleTapDistanceMm = 10.0;
// Release speed (0.3 m/s) that turns the end of a drag into a swipe.
inline constexpr double kSwipeMinSpeedMmPerSecond = 300.0;
// Floor of a pinch's start distance, so touches on one spot scale sanely.
inline constexpr double kMinPinchSpanMm = 1.0;
// Longest touch that is still a tap rather than a long press.
inline constexpr double kTapMaxSeconds = 0.35;
// Longest gap from the first tap's release to the second touch of a double tap.
inline constexpr double kDoubleTapMaxGapSeconds = 0.30;
// The latest stretch of motion a release velocity is averaged over.
inline constexpr double kReleaseVelocityWindowSeconds = 0.08;
// A swipe's main axis is at least this many times the other: within ~27° of straight.
inline constexpr double kSwipeAxisRatio = 2.0;
// Density assumed when none is known: 96 dpi, the desktop convention.
inline constexpr double kReferencePixelsPerMm = 96.0 / 25.4;

// Thresholds in screen pixels and seconds. Plain data: a screen may
// override any field after for_screen().
struct GestureTuning {
    double tap_slop_px = kTapSlopMm * kReferencePixelsPerMm;
    double double_tap_distance_px = kDoubleTapDistanceMm * kReferencePixelsPerMm;
    double swipe_min_speed_px_per_second = kSwipeMinSpeedMmPerSecond * kReferencePixelsPerMm;
    double min_pinch_span_px = kMinPinchSpanMm * kReferencePixelsPerMm;
    double tap_max_seconds = kTapMaxSeconds;
    double double_tap_max_gap_seconds = kDoubleTapMaxGapSeconds;
    double release_velocity_window_seconds = kReleaseVelocityWindowSeconds;
    double swipe_axis_ratio = kSwipeAxisRatio;

    // The millimetre thresholds above at `pixels_per_mm` (a 55" 1080p panel
    // is about 1.6, the same panel in 4K about 3.2; SDL_GetDisplayDPI / 25.4).
    // A density that is not a positive number means kReferencePixelsPerMm.
    static GestureTuning for_screen(double pixels_per_mm);
};

// Feeds on every pointer event of one screen, in order, and answers the
// gestures each completes. The rules:
// - press at the first touch-down, so the screen can highlight at once;
// - tap at the release of a touch shorter than tap_max_seconds that never
//   strayed beyond tap_slop_px, emitted immediately (never held back for a
//   possible second tap); a tap whose touch began within
//   double_tap_max_gap_seconds of the previous tap's release and landed within
//   double_tap_distance_px of it is followed by double_tap (a third tap starts
//   a new pair);
// - leaving the slop starts a drag: drag_start, a drag per movement,
//   drag_end at release with the release velocity, then swipe when that
//   velocity is fast and mostly along one axis;
// - a second finger ends any drag (drag_end with zero velocity: no fling, no
//   swipe) and starts a pinch; lifting either pinch finger ends it, and the
//   touch is spent until every finger is up. Further fingers are ignored;
// - a cancel (from any pointer) ends the drag or pinch under way with
//   drag_end / pinch_end at zero velocity and forgets every pointer;
// - moves and releases of pointers that are not down (a hovering mouse) are
//   ignored, as is a second down of a pointer that is already down.
class GestureRecognizer {
  public:
    explicit GestureRecognizer(GestureTuning tuning = {});

    std::vector<Gesture> feed(const PointerEvent& event);

    // Forgets every pointer and the last tap, emitting nothing (for a screen
    // change, where nobody is listening for the end of a gesture).
    void reset();

    const GestureTuning& tuning() const { return m_tuning; }

  private:
    enum class Phase {
        idle,       // no pointer down
        pressed,    // one pointer down, still within the slop
        dragging,   // one pointer down and moving
        pinching,   // two pointers down
        finishing,  // a pinch ended; waiting for the remaining fingers to lift
    };
    struct Point {
        double x = 0.0;
        double y = 0.0;
    };
    struct Sample {
        double time = 0.0;
        Point at;
    };
    struct TouchingPointer {
        std::int64_t id = 0;
        Point at;
    };
    struct Tap {
        Point at;
        double release_time = 0.0;
    };

    void on_down(const PointerEvent& event, std::vector<Gesture>& out);
    void on_move(const PointerEvent& event, std::vector<Gesture>& out);
    void on_up(const PointerEvent& event, std::vector<Gesture>& out);
    void on_cancel(std::vector<Gesture>& out);

    void begin_press(const PointerEvent& event, std::vector<Gesture>& out);
    void begin_drag(std::vector<Gesture>& out);
    void end_drag(std::vector<Gesture>& out, bool with_velocity);
    void end_tap(const PointerEvent& event, std::vector<Gesture>& out);
    void begin_pinch(std::int64_t second_pointer, std::vector<Gesture>& out);
    // Also remembers the centre, which the next pinch's dx is measured from.
    Gesture pinch_gesture(Gesture::Kind kind);

    void record_sample(double time, Point at);
    Point release_velocity() const;
    TouchingPointer* find_touching(std::int64_t id);
    Point position_of(std::int64_t id) const;
    bool moved_beyond_slop(Point at) const;

    GestureTuning m_tuning;
    Phase m_phase = Phase::idle;
    std::vector<TouchingPointer> m_touching;  // every pointer now down, earliest first

    // The single pointer of pressed / dragging.
    std::int64_t m_primary = 0;
    Point m_down_at;
    double m_down_time = 0.0;
    Point m_last_drag_at;          // where the previous drag gesture left the finger
    std::vector<Sample> m_recent;  // the window of motion a release velocity is measured over

    // The two pointers of a pinch.
    std::int64_t m_pinch_pointers[2] = {0, 0};
    double m_pinch_start_span = 1.0;
    Point m_last_pinch_centre;

    std::optional<Tap> m_last_tap;  // the tap a next one may pair with into a double tap
};

}  // namespace kiosk::ui

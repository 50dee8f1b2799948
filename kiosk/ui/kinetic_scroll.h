#pragma once
// Touch scrolling along one axis: the content follows the finger 1:1, resists
// with a rubber band past either end, and when let go coasts to a stop under
// exponential friction and springs back inside its ends.
//
// Every motion after a release is a closed-form function of the time since
// the release (a coast, then possibly a critically damped spring, then
// possibly a coast again), so where it comes to rest does not depend on how
// often advance() is called: 10 Hz and 60 Hz end at the same offset.
// Pure logic: no SDL, no clock, no threads.

namespace kiosk::ui {

struct ScrollTuning {
    // Seconds for a coasting speed to fall to 1/e; a flick at v px/s carries
    // v × this many pixels (the feel of a phone list).
    double friction_time_constant = 0.325;
    // Share of a finger's movement past an end that shows at first; the
    // band stiffens from there towards its limit.
    double rubber_band_stiffness = 0.55;
    // Farthest the content can be pulled or flung past an end, as a share of
    // the viewport: enough to be seen, not enough to lose one's place.
    double rubber_band_limit_share = 0.15;
    // Rate (1/s) of the critically damped spring that pulls an end back; at
    // 12 a 100 px pull settles in about 0.6 s.
    double spring_rate = 12.0;
    // Fastest release speed in px/s taken from the finger; touch panels
    // sometimes report a spike at lift-off.
    double max_fling_speed = 8000.0;
    // Motion closer than this (px) to where it will rest snaps there and stops.
    double rest_distance = 0.5;
};

// Offsets are in pixels of content scrolled past the viewport's leading edge:
// 0 shows the start, max_offset() the end. Draw the content at -offset().
class KineticScroll {
  public:
    KineticScroll(double content_length, double viewport_length, ScrollTuning tuning = {});

    // New lengths (negative ones read as 0); the offset is clamped into the
    // new ends at once. A drag goes on; a fling goes on from where it is.
    void set_lengths(double content_length, double viewport_length);

    // A finger touched the content: any motion stops where it is, even in
    // the rubber band, and drags follow from there. drag() grabs by itself.
    void grab();
    // The finger moved by `finger_delta` pixels along the axis (a gesture's
    // dy for a vertical list). The content moves with it, so a finger moving
    // towards the start (negative) scrolls towards the end (offset grows).
    void drag(double finger_delta);
    // The finger let go at `time` moving at `finger_velocity` px/s (the
    // gesture's vy): the content flings on and settles inside its ends, on a
    // whole pixel when it comes to rest within them.
    void release(double finger_velocity, double time);

    // Moves the fling or spring on to `time` (times earlier than the last
    // one are taken as the last). True while it is still moving and the
    // caller should keep drawing frames; false at rest and while dragged.
    bool advance(double time);

    double offset() const { return m_offset; }
    double max_offset() const;
    bool is_moving() const { return m_motion == Motion::coasting || m_motion == Motion::springing; }
    bool is_dragged() const { return m_motion == Motion::dragged; }

    // Jumps to `offset`, clamped into the ends, and rests there.
    void scroll_to(double offset);
    // Rests where it is at once, clamped into the ends.
    void stop();

  private:
    enum class Motion { resting, dragged, coasting, springing };

    double rubber_band_limit() const;
    double clamp_into_ends(double offset) const;
    double banded(double unresisted) const;
    double unresisted(double offset) const;

    void plan_motion(double offset, double velocity, double time);
    void plan_coast(double offset, double velocity, double time);
    void plan_spring(double anchor, double offset, double velocity, double time);
    void come_to_rest(double offset);

    ScrollTuning m_tuning;
    double m_content_length = 0.0;
    double m_viewport_length = 0.0;

    Motion m_motion = Motion::resting;
    double m_offset = 0.0;
    double m_velocity = 0.0;    // offset px/s at m_last_time
    double m_last_time = 0.0;   // of the latest release or advance
    double m_unresisted = 0.0;  // dragged: where the finger would have put the offset without the band

    // The current closed-form motion, started at m_phase_time.
    double m_phase_time = 0.0;
    double m_phase_offset = 0.0;    // coasting: where it started
    double m_phase_velocity = 0.0;  // coasting: the starting speed
    double m_phase_end = 0.0;       // seconds after m_phase_time when the coast ends (rest or an end reached)
    bool m_coast_reaches_end = false;  // whether the coast ends by crossing an end rather than resting
    double m_coast_target = 0.0;       // where the coast rests, or the end it crosses
    double m_spring_anchor = 0.0;      // springing: the end it returns to
    double m_spring_start = 0.0;       // springing: offset minus anchor at the start
    double m_spring_slope = 0.0;       // springing: the B of (A + B s) e^(-rate s)
    double m_spring_settle = 0.0;      // springing: seconds after which it only approaches the anchor
};

}  // namespace kiosk::ui

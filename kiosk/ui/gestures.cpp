#include "ui/gestures.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

double distance(double ax, double ay, double bx, double by) {
    return std::hypot(bx - ax, by - ay);
}

SwipeDirection swipe_direction(double vx, double vy, const GestureTuning& tuning) {
    if (std::hypot(vx, vy) < tuning.swipe_min_speed_px_per_second) {
        return SwipeDirection::none;
    }
    if (std::abs(vx) >= tuning.swipe_axis_ratio * std::abs(vy)) {
        return vx < 0.0 ? SwipeDirection::left : SwipeDirection::right;
    }
    if (std::abs(vy) >= tuning.swipe_axis_ratio * std::abs(vx)) {
        // Screen y grows downwards.
        return vy < 0.0 ? SwipeDirection::up : SwipeDirection::down;
    }
    return SwipeDirection::none;  // diagonal: neither a horizontal nor a vertical swipe
}

}  // namespace

std::string_view to_string(Gesture::Kind kind) {
    switch (kind) {
        case Gesture::Kind::press:
            return "press";
        case Gesture::Kind::tap:
            return "tap";
        case Gesture::Kind::double_tap:
            return "double_tap";
        case Gesture::Kind::drag_start:
            return "drag_start";
        case Gesture::Kind::drag:
            return "drag";
        case Gesture::Kind::drag_end:
            return "drag_end";
        case Gesture::Kind::swipe:
            return "swipe";
        case Gesture::Kind::pinch_start:
            return "pinch_start";
        case Gesture::Kind::pinch:
            return "pinch";
        case Gesture::Kind::pinch_end:
            return "pinch_end";
    }
    return "unknown";
}

std::string_view to_string(SwipeDirection direction) {
    switch (direction) {
        case SwipeDirection::none:
            return "none";
        case SwipeDirection::left:
            return "left";
        case SwipeDirection::right:
            return "right";
        case SwipeDirection::up:
            return "up";
        case SwipeDirection::down:
            return "down";
    }
    return "unknown";
}

GestureTuning GestureTuning::for_screen(double pixels_per_mm) {
    const double density =
        pixels_per_mm > 0.0 && std::isfinite(pixels_per_mm) ? pixels_per_mm : kReferencePixelsPerMm;
    GestureTuning tuning;
    tuning.tap_slop_px = kTapSlopMm * density;
    tuning.double_tap_distance_px = kDoubleTapDistanceMm * density;
    tuning.swipe_min_speed_px_per_second = kSwipeMinSpeedMmPerSecond * density;
    tuning.min_pinch_span_px = kMinPinchSpanMm * density;
    return tuning;
}

GestureRecognizer::GestureRecognizer(GestureTuning tuning) : m_tuning(tuning) {}

std::vector<Gesture> GestureRecognizer::feed(const PointerEvent& event) {
    std::vector<Gesture> out;
    switch (event.kind) {
        case PointerEvent::Kind::down:
            on_down(event, out);
            break;
        case PointerEvent::Kind::move:
            on_move(event, out);
            break;
        case PointerEvent::Kind::up:
            on_up(event, out);
            break;
        case PointerEvent::Kind::cancel:
            on_cancel(out);
            break;
    }
    return out;
}

void GestureRecognizer::reset() {
    m_phase = Phase::idle;
    m_touching.clear();
    m_recent.clear();
    m_last_tap.reset();
}

void GestureRecognizer::on_down(const PointerEvent& event, std::vector<Gesture>& out) {
    if (find_touching(event.pointer) != nullptr) {
        return;  // already down: a duplicate from the platform
    }
    m_touching.push_back(TouchingPointer{event.pointer, Point{event.x, event.y}});
    switch (m_phase) {
        case Phase::idle:
            begin_press(event, out);
            break;
        case Phase::pressed:
            begin_pinch(event.pointer, out);
            break;
        case Phase::dragging:
            end_drag(out, /*with_velocity=*/false);
            begin_pinch(event.pointer, out);
            break;
        case Phase::pinching:
        case Phase::finishing:
            break;  // a third finger, or a new one while the spent touch lifts
    }
}

void GestureRecognizer::on_move(const PointerEvent& event, std::vector<Gesture>& out) {
    TouchingPointer* pointer = find_touching(event.pointer);
    if (pointer == nullptr) {
        return;  // hovering mouse, or a finger we were told to forget
    }
    pointer->at = Point{event.x, event.y};
    switch (m_phase) {
        case Phase::pressed:
            record_sample(event.time, pointer->at);
            if (moved_beyond_slop(pointer->at)) {
                begin_drag(out);
            }
            break;
        case Phase::dragging: {
            record_sample(event.time, pointer->at);
            const double dx = event.x - m_last_drag_at.x;
            const double dy = event.y - m_last_drag_at.y;
            if (dx != 0.0 || dy != 0.0) {
                out.push_back(
                    Gesture{.kind = Gesture::Kind::drag, .x = event.x, .y = event.y, .dx = dx, .dy = dy});
                m_last_drag_at = pointer->at;
            }
            break;
        }
        case Phase::pinching:
            if (event.pointer == m_pinch_pointers[0] || event.pointer == m_pinch_pointers[1]) {
                out.push_back(pinch_gesture(Gesture::Kind::pinch));
            }
            break;
        case Phase::idle:
        case Phase::finishing:
            break;
    }
}

void GestureRecognizer::on_up(const PointerEvent& event, std::vector<Gesture>& out) {
    TouchingPointer* pointer = find_touching(event.pointer);
    if (pointer == nullptr) {
        return;
    }
    pointer->at = Point{event.x, event.y};
    switch (m_phase) {
        case Phase::pressed:
            record_sample(event.time, pointer->at);
            if (moved_beyond_slop(pointer->at)) {
                // Down and up far apart with no move between: a drag too
                // quick for the platform to report its motion.
                begin_drag(out);
                end_drag(out, /*with_velocity=*/true);
            } else {
                end_tap(event, out);
            }
            m_phase = Phase::idle;
            break;
        case Phase::dragging:
            record_sample(event.time, pointer->at);
            end_drag(out, /*with_velocity=*/true);
            m_phase = Phase::idle;
            break;
        case Phase::pinching:
            if (event.pointer == m_pinch_pointers[0] || event.pointer == m_pinch_pointers[1]) {
                out.push_back(pinch_gesture(Gesture::Kind::pinch_end));
                m_phase = Phase::finishing;
            }
            break;
        case Phase::idle:
        case Phase::finishing:
            break;
    }
    std::erase_if(m_touching, [&](const TouchingPointer& touching) { return touching.id == event.pointer; });
    if (m_touching.empty()) {
        m_phase = Phase::idle;
    }
}

void GestureRecognizer::on_cancel(std::vector<Gesture>& out) {
    if (m_phase == Phase::dragging) {
        end_drag(out, /*with_velocity=*/false);
    } else if (m_phase == Phase::pinching) {
        out.push_back(pinch_gesture(Gesture::Kind::pinch_end));
    }
    reset();
}

void GestureRecognizer::begin_press(const PointerEvent& event, std::vector<Gesture>& out) {
    m_phase = Phase::pressed;
    m_primary = event.pointer;
    m_down_at = Point{event.x, event.y};
    m_down_time = event.time;
    m_last_drag_at = m_down_at;
    m_recent.clear();
    record_sample(event.time, m_down_at);
    out.push_back(Gesture{.kind = Gesture::Kind::press, .x = event.x, .y = event.y});
}

void GestureRecognizer::begin_drag(std::vector<Gesture>& out) {
    m_phase = Phase::dragging;
    m_last_tap.reset();
    out.push_back(Gesture{.kind = Gesture::Kind::drag_start, .x = m_down_at.x, .y = m_down_at.y});
    // The travel through the slop is not lost: the content stays under the
    // finger from where it touched down.
    const Point now = position_of(m_primary);
    out.push_back(Gesture{.kind = Gesture::Kind::drag,
                          .x = now.x,
                          .y = now.y,
                          .dx = now.x - m_down_at.x,
                          .dy = now.y - m_down_at.y});
    m_last_drag_at = now;
}

void GestureRecognizer::end_drag(std::vector<Gesture>& out, bool with_velocity) {
    const Point now = position_of(m_primary);
    const Point velocity = with_velocity ? release_velocity() : Point{};
    out.push_back(Gesture{.kind = Gesture::Kind::drag_end,
                          .x = now.x,
                          .y = now.y,
                          .dx = now.x - m_last_drag_at.x,
                          .dy = now.y - m_last_drag_at.y,
                          .vx = velocity.x,
                          .vy = velocity.y});
    m_last_drag_at = now;
    if (with_velocity) {
        const SwipeDirection direction = swipe_direction(velocity.x, velocity.y, m_tuning);
        if (direction != SwipeDirection::none) {
            out.push_back(Gesture{.kind = Gesture::Kind::swipe,
                                  .x = now.x,
                                  .y = now.y,
                                  .dx = now.x - m_down_at.x,
                                  .dy = now.y - m_down_at.y,
                                  .vx = velocity.x,
                                  .vy = velocity.y,
                                  .direction = direction});
        }
    }
    m_phase = Phase::idle;
}

void GestureRecognizer::end_tap(const PointerEvent& event, std::vector<Gesture>& out) {
    if (event.time - m_down_time > m_tuning.tap_max_seconds) {
        m_last_tap.reset();  // a long press: no tap, and it breaks any pair
        return;
    }
    out.push_back(Gesture{.kind = Gesture::Kind::tap, .x = m_down_at.x, .y = m_down_at.y});
    const bool pairs_with_last =
        m_last_tap.has_value() &&
        m_down_time - m_last_tap->release_time <= m_tuning.double_tap_max_gap_seconds &&
        distance(m_last_tap->at.x, m_last_tap->at.y, m_down_at.x, m_down_at.y) <=
            m_tuning.double_tap_distance_px;
    if (pairs_with_last) {
        out.push_back(Gesture{.kind = Gesture::Kind::double_tap, .x = m_down_at.x, .y = m_down_at.y});
        m_last_tap.reset();
    } else {
        m_last_tap = Tap{m_down_at, event.time};
    }
}

void GestureRecognizer::begin_pinch(std::int64_t second_pointer, std::vector<Gesture>& out) {
    m_phase = Phase::pinching;
    m_last_tap.reset();
    m_pinch_pointers[0] = m_primary;
    m_pinch_pointers[1] = second_pointer;
    const Point first = position_of(m_pinch_pointers[0]);
    const Point second = position_of(m_pinch_pointers[1]);
    m_pinch_start_span = std::max(distance(first.x, first.y, second.x, second.y), m_tuning.min_pinch_span_px);
    m_last_pinch_centre = Point{(first.x + second.x) / 2.0, (first.y + second.y) / 2.0};
    out.push_back(pinch_gesture(Gesture::Kind::pinch_start));
}

Gesture GestureRecognizer::pinch_gesture(Gesture::Kind kind) {
    const Point first = position_of(m_pinch_pointers[0]);
    const Point second = position_of(m_pinch_pointers[1]);
    const Point centre{(first.x + second.x) / 2.0, (first.y + second.y) / 2.0};
    const double scale = kind == Gesture::Kind::pinch_start
                             ? 1.0
                             : distance(first.x, first.y, second.x, second.y) / m_pinch_start_span;
    const Gesture gesture{.kind = kind,
                          .x = centre.x,
                          .y = centre.y,
                          .dx = centre.x - m_last_pinch_centre.x,
                          .dy = centre.y - m_last_pinch_centre.y,
                          .scale = scale};
    m_last_pinch_centre = centre;
    return gesture;
}

void GestureRecognizer::record_sample(double time, Point at) {
    m_recent.push_back(Sample{time, at});
    // Keep the window plus the one sample just before it: when the finger
    // rested and then let go, that older sample shows it was still.
    const double window_start = time - m_tuning.release_velocity_window_seconds;
    while (m_recent.size() >= 2 && m_recent[1].time < window_start) {
        m_recent.erase(m_recent.begin());
    }
}

GestureRecognizer::Point GestureRecognizer::release_velocity() const {
    if (m_recent.size() < 2) {
        return {};
    }
    const Sample& last = m_recent.back();
    const double window_start = last.time - m_tuning.release_velocity_window_seconds;
    std::size_t first = 0;
    while (first + 1 < m_recent.size() && m_recent[first].time < window_start) {
        ++first;
    }
    if (first + 1 == m_recent.size()) {
        --first;  // only the release is inside the window: measure from the sample before it
    }
    const Sample& from = m_recent[first];
    const double elapsed = last.time - from.time;
    if (!(elapsed > 0.0)) {
        return {};  // events with one timestamp: no measurable speed
    }
    return Point{(last.at.x - from.at.x) / elapsed, (last.at.y - from.at.y) / elapsed};
}

GestureRecognizer::TouchingPointer* GestureRecognizer::find_touching(std::int64_t id) {
    const auto found = std::find_if(m_touching.begin(), m_touching.end(),
                                    [&](const TouchingPointer& t) { return t.id == id; });
    return found == m_touching.end() ? nullptr : &*found;
}

GestureRecognizer::Point GestureRecognizer::position_of(std::int64_t id) const {
    for (const TouchingPointer& touching : m_touching) {
        if (touching.id == id) {
            return touching.at;
        }
    }
    return {};
}

bool GestureRecognizer::moved_beyond_slop(Point at) const {
    return distance(m_down_at.x, m_down_at.y, at.x, at.y) > m_tuning.tap_slop_px;
}

}  // namespace kiosk::ui

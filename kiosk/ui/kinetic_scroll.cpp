#include "ui/kinetic_scroll.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::ui {
namespace {

// Smallest rubber band, so a viewport of no length still has a finite band.
constexpr double kMinRubberBandLimit = 1.0;
// A motion that has not settled after this many closed-form pieces is
// numerically off; it rests where it is rather than loop.
constexpr int kMaxMotionPieces = 8;

double non_negative(double length) {
    return std::isfinite(length) && length > 0.0 ? length : 0.0;
}

double sign_of(double value) {
    return value < 0.0 ? -1.0 : 1.0;
}

}  // namespace

KineticScroll::KineticScroll(double content_length, double viewport_length, ScrollTuning tuning)
    : m_tuning(tuning),
      m_content_length(non_negative(content_length)),
      m_viewport_length(non_negative(viewport_length)) {}

void KineticScroll::set_lengths(double content_length, double viewport_length) {
    m_content_length = non_negative(content_length);
    m_viewport_length = non_negative(viewport_length);
    const double clamped = clamp_into_ends(m_offset);
    switch (m_motion) {
        case Motion::resting:
            m_offset = clamped;
            break;
        case Motion::dragged:
            m_offset = clamped;
            m_unresisted = unresisted(clamped);
            break;
        case Motion::coasting:
        case Motion::springing:
            m_offset = clamped;
            plan_motion(clamped, m_velocity, m_last_time);
            break;
    }
}

void KineticScroll::grab() {
    m_motion = Motion::dragged;
    m_velocity = 0.0;
    m_unresisted = unresisted(m_offset);
}

void KineticScroll::drag(double finger_delta) {
    if (m_motion != Motion::dragged) {
        grab();
    }
    if (!std::isfinite(finger_delta)) {
        return;
    }
    m_unresisted -= finger_delta;
    m_offset = banded(m_unresisted);
}

void KineticScroll::release(double finger_velocity, double time) {
    const double velocity =
        std::isfinite(finger_velocity)
            ? std::clamp(-finger_velocity, -m_tuning.max_fling_speed, m_tuning.max_fling_speed)
            : 0.0;
    m_last_time = time;
    plan_motion(m_offset, velocity, time);
    advance(time);
}

bool KineticScroll::advance(double time) {
    if (!is_moving()) {
        return false;
    }
    time = std::max(time, m_last_time);
    m_last_time = time;
    const double tau = m_tuning.friction_time_constant;
    const double rate = m_tuning.spring_rate;
    for (int piece = 0; piece < kMaxMotionPieces; ++piece) {
        const double elapsed = time - m_phase_time;
        if (m_motion == Motion::coasting) {
            if (elapsed >= m_phase_end) {
                if (!m_coast_reaches_end) {
                    come_to_rest(m_coast_target);
                    return false;
                }
                const double velocity_at_end = m_phase_velocity * std::exp(-m_phase_end / tau);
                plan_spring(m_coast_target, m_coast_target, velocity_at_end, m_phase_time + m_phase_end);
                continue;
            }
            const double decay = std::exp(-elapsed / tau);
            m_offset = m_phase_offset + m_phase_velocity * tau * (1.0 - decay);
            m_velocity = m_phase_velocity * decay;
            return true;
        }
        // Springing: offset - anchor = (A + B s) e^(-rate s).
        const double start = m_spring_start;
        const double slope = m_spring_slope;
        // Thrown back inwards faster than the spring pulls: it crosses the
        // end once, and from there coasts inside like any fling.
        const bool crosses_the_end = start * slope < 0.0;
        if (crosses_the_end) {
            const double crossing = -start / slope;
            if (elapsed >= crossing) {
                plan_coast(m_spring_anchor, slope * std::exp(-rate * crossing), m_phase_time + crossing);
                continue;
            }
        }
        const double decay = std::exp(-rate * elapsed);
        const double displacement = (start + slope * elapsed) * decay;
        if (!crosses_the_end && elapsed >= m_spring_settle &&
            std::abs(displacement) <= m_tuning.rest_distance) {
            come_to_rest(m_spring_anchor);
            return false;
        }
        m_offset = m_spring_anchor + displacement;
        m_velocity = (slope - rate * (start + slope * elapsed)) * decay;
        return true;
    }
    come_to_rest(clamp_into_ends(m_offset));
    return false;
}

double KineticScroll::max_offset() const {
    return std::max(0.0, m_content_length - m_viewport_length);
}

void KineticScroll::scroll_to(double offset) {
    come_to_rest(clamp_into_ends(std::isfinite(offset) ? offset : m_offset));
}

void KineticScroll::stop() {
    come_to_rest(clamp_into_ends(m_offset));
}

double KineticScroll::rubber_band_limit() const {
    return std::max(kMinRubberBandLimit, m_viewport_length * m_tuning.rubber_band_limit_share);
}

double KineticScroll::clamp_into_ends(double offset) const {
    return std::clamp(offset, 0.0, max_offset());
}

// Pulling `excess` px past an end shows limit × (1 - 1 / (1 + k × excess / limit)):
// a k-to-1 gearing at first, never reaching the limit.
double KineticScroll::banded(double unresisted) const {
    const double limit = rubber_band_limit();
    const double stiffness = m_tuning.rubber_band_stiffness;
    const auto band = [&](double excess) { return limit * (1.0 - 1.0 / (1.0 + stiffness * excess / limit)); };
    if (unresisted < 0.0) {
        return -band(-unresisted);
    }
    const double end = max_offset();
    if (unresisted > end) {
        return end + band(unresisted - end);
    }
    return unresisted;
}

double KineticScroll::unresisted(double offset) const {
    const double limit = rubber_band_limit();
    const double stiffness = m_tuning.rubber_band_stiffness;
    const auto unband = [&](double shown) {
        shown = std::min(shown, limit * 0.999);
        return (limit / stiffness) * shown / (limit - shown);
    };
    if (offset < 0.0) {
        return -unband(-offset);
    }
    const double end = max_offset();
    if (offset > end) {
        return end + unband(offset - end);
    }
    return offset;
}

void KineticScroll::plan_motion(double offset, double velocity, double time) {
    if (offset < 0.0) {
        plan_spring(0.0, offset, velocity, time);
    } else if (offset > max_offset()) {
        plan_spring(max_offset(), offset, velocity, time);
    } else {
        plan_coast(offset, velocity, time);
    }
}

// Friction: offset(s) = x0 + v0 τ (1 - e^(-s/τ)), which would stop at x0 + v0 τ.
void KineticScroll::plan_coast(double offset, double velocity, double time) {
    const double tau = m_tuning.friction_time_constant;
    m_motion = Motion::coasting;
    m_phase_time = time;
    m_phase_offset = offset;
    const double natural_stop = offset + velocity * tau;
    const double end = max_offset();
    if ((natural_stop > end || natural_stop < 0.0) && velocity != 0.0) {
        const double edge = natural_stop > end ? end : 0.0;
        const double share_of_travel = (edge - offset) / (velocity * tau);
        m_phase_velocity = velocity;
        m_phase_end = -tau * std::log1p(-share_of_travel);
        m_coast_reaches_end = true;
        m_coast_target = edge;
        return;
    }
    // Rest on a whole pixel: nudge the start speed so friction ends exactly
    // there (a fraction of a pixel, invisible, and text stays crisp).
    m_coast_target = std::clamp(std::round(natural_stop), 0.0, end);
    m_phase_velocity = (m_coast_target - offset) / tau;
    const double travel = std::abs(m_coast_target - offset);
    m_phase_end = travel > m_tuning.rest_distance ? tau * std::log(travel / m_tuning.rest_distance) : 0.0;
    m_coast_reaches_end = false;
}

// Critically damped: offset(s) - anchor = (A + B s) e^(-rate s), never
// oscillating about the end.
void KineticScroll::plan_spring(double anchor, double offset, double velocity, double time) {
    const double rate = m_tuning.spring_rate;
    m_motion = Motion::springing;
    m_phase_time = time;
    m_spring_anchor = anchor;
    const double start = offset - anchor;
    m_spring_start = start;
    if (start == 0.0) {
        // Arriving at an end with speed: unchecked, the content would peak at
        // v / (rate e) past it; the rubber band maps that peak below its limit.
        const double unchecked_peak = std::abs(velocity) / (rate * std::numbers::e);
        const double shown_peak = banded(max_offset() + unchecked_peak) - max_offset();
        m_spring_slope = sign_of(velocity) * shown_peak * rate * std::numbers::e;
        m_spring_settle = 1.0 / rate;
        return;
    }
    if (velocity * start > 0.0) {
        velocity = 0.0;  // let go while still pulling outwards: only the spring back is left
    }
    m_spring_slope = velocity + rate * start;
    m_spring_settle = start * m_spring_slope > 0.0 ? std::max(0.0, 1.0 / rate - start / m_spring_slope) : 0.0;
}

void KineticScroll::come_to_rest(double offset) {
    m_motion = Motion::resting;
    m_offset = offset;
    m_velocity = 0.0;
}

}  // namespace kiosk::ui

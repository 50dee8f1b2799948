// Resolution works on compiled windows in local wall seconds and converts
// only the boundaries it compares. The state at `at` is found layer by layer
// (closed, interrupt, rule, default); `until` is the earliest boundary after
// `at` that can change it and `since` the latest before, both exact.

#include <algorithm>
#include <cstdint>

#include "resolving/local_clock.h"
#include "scheduler/resolver.h"

namespace scheduler {
namespace {

using detail::day_of;
using detail::kSecondsPerDay;
using detail::next_day;
using detail::occurs_on;
using detail::previous_day;
using detail::WallSeconds;
using Window = ZoneSchedule::Window;

constexpr std::chrono::milliseconds kOneTick{1};
constexpr std::int64_t kHorizonDays = kResolveHorizon.count();
// Runs of back-to-back occurrences are followed at most this many days.
constexpr int kLongestRunDays = static_cast<int>(kHorizonDays) + 2;

struct Occurrence {
    Instant start;
    Instant end;
    std::int64_t day = 0;
};

class Query {
  public:
    Query(const ZoneSchedule& schedule, Instant at, const date::time_zone& tz)
        : m_schedule(schedule),
          m_clock(tz, at),
          m_at(at),
          m_wall(m_clock.wall_at(at)),
          m_day(day_of(m_wall)),
          m_first_day(m_day - kHorizonDays - 2),
          m_last_day(m_day + kHorizonDays + 2),
          m_earliest(at - kResolveHorizon),
          m_latest(at + kResolveHorizon),
          // Only where the clocks go back across midnight can the next day have begun.
          m_next_day_begun(m_clock.instant_of((m_day + 1) * kSecondsPerDay) <= at) {}

    ZoneResolution resolve() const;

  private:
    struct RuleLayer {
        std::size_t winner;  // rules().size() when none
        Instant since;
        Instant until;
    };
    struct InterruptLayer {
        const ZoneSchedule::Interrupt* interrupt = nullptr;  // active at `at`
        Instant since;
        Instant until;
        std::optional<Instant> last_end;  // when none is active: when the last one ended
    };

    Instant start_on(const Window& window, std::int64_t day) const {
        return m_clock.instant_of(day * kSecondsPerDay + window.start_seconds);
    }
    Instant end_on(const Window& window, std::int64_t day) const {
        return m_clock.instant_of(day * kSecondsPerDay + window.end_seconds);
    }
    std::int64_t day_at(Instant x) const { return day_of(m_clock.wall_at(x)); }

    std::optional<Occurrence> occurrence_on(const Window& window, std::int64_t day, Instant x) const {
        if (!occurs_on(window, day)) {
            return std::nullopt;
        }
        const Instant start = start_on(window, day);
        if (x < start) {
            return std::nullopt;
        }
        const Instant end = end_on(window, day);
        return x < end ? std::optional<Occurrence>(Occurrence{start, end, day}) : std::nullopt;
    }

    // The occurrence of `window` that contains `at`.
    std::optional<Occurrence> active_at_query(const Window& window) const {
        if (auto occurrence = occurrence_on(window, m_day, m_at)) {
            return occurrence;
        }
        if (window.end_seconds >= kSecondsPerDay) {
            if (auto occurrence = occurrence_on(window, m_day - 1, m_at)) {
                return occurrence;
            }
        }
        return m_next_day_begun ? occurrence_on(window, m_day + 1, m_at) : std::nullopt;
    }

    // The occurrence of `window` that contains `x` (any instant).
    std::optional<Occurrence> containing(const Window& window, Instant x) const {
        const std::int64_t day = day_at(x);
        for (std::int64_t d = day + 1; d >= day - 1; --d) {
            if (auto occurrence = occurrence_on(window, d, x)) {
                return occurrence;
            }
        }
        return std::nullopt;
    }

    // The first start of `window` after `x`.
    std::optional<Instant> next_start_after(const Window& window, Instant x, std::int64_t x_day) const {
        for (auto day = next_day(window, x_day, m_last_day); day;
             day = next_day(window, *day + 1, m_last_day)) {
            const Instant start = start_on(window, *day);
            if (start > x) {
                return start;
            }
        }
        return std::nullopt;
    }

    // The last end of `window` at or before `x`.
    std::optional<Instant> last_end_until(const Window& window, Instant x, std::int64_t x_day) const {
        for (auto day = previous_day(window, x_day, m_first_day); day;
             day = previous_day(window, *day - 1, m_first_day)) {
            const Instant end = end_on(window, *day);
            if (end <= x) {
                return end;
            }
        }
        return std::nullopt;
    }

    static bool whole_days_every_day(const Window& window) {
        return window.start_seconds == 0 && window.end_seconds == kSecondsPerDay &&
               (window.weekdays & 0x7f) == 0x7f;
    }

    // Where a run of back-to-back occurrences of `window` through `occurrence` ends.
    Instant run_end(const Window& window, Occurrence occurrence) const {
        if (whole_days_every_day(window)) {
            const std::int64_t last = std::min(window.last_day, m_last_day);
            return std::min(m_latest, m_clock.instant_of((last + 1) * kSecondsPerDay));
        }
        Instant end = occurrence.end;
        for (int step = 0; step < kLongestRunDays && end < m_latest; ++step) {
            const std::int64_t day = occurrence.day + step + 1;
            if (!occurs_on(window, day) || start_on(window, day) > end) {
                break;
            }
            end = std::max(end, end_on(window, day));
        }
        return std::min(end, m_latest);
    }

    // Where a run of back-to-back occurrences of `window` through `occurrence` began.
    Instant run_start(const Window& window, Occurrence occurrence) const {
        if (whole_days_every_day(window)) {
            const std::int64_t first = std::max(window.first_day, m_first_day);
            return std::max(m_earliest, m_clock.instant_of(first * kSecondsPerDay));
        }
        Instant start = occurrence.start;
        for (int step = 0; step < kLongestRunDays && start > m_earliest; ++step) {
            const std::int64_t day = occurrence.day - step - 1;
            if (!occurs_on(window, day) || end_on(window, day) < start) {
                break;
            }
            start = std::min(start, start_on(window, day));
        }
        return std::max(start, m_earliest);
    }

    bool closed_at(Instant x) const {
        return std::any_of(m_schedule.closed().begin(), m_schedule.closed().end(),
                           [&](const Window& window) { return containing(window, x).has_value(); });
    }

    // The end of the union of closed windows that contains `at`.
    Instant closed_run_end() const {
        Instant end = m_at;
        for (int step = 0; step < kLongestRunDays * 2 && end < m_latest; ++step) {
            Instant further = end;
            for (const Window& window : m_schedule.closed()) {
                if (auto occurrence = containing(window, end)) {
                    further = std::max(further, occurrence->end);
                }
            }
            if (further == end) {
                break;
            }
            end = further;
        }
        return std::min(end, m_latest);
    }

    // The start of the union of closed windows that contains `at`.
    Instant closed_run_start() const {
        Instant start = m_at + kOneTick;  // so the first probe is `at` itself
        for (int step = 0; step < kLongestRunDays * 2 && start > m_earliest; ++step) {
            Instant earlier = start;
            for (const Window& window : m_schedule.closed()) {
                if (auto occurrence = containing(window, start - kOneTick)) {
                    earlier = std::min(earlier, occurrence->start);
                }
            }
            if (earlier == start) {
                break;
            }
            start = earlier;
        }
        return std::max(start, m_earliest);
    }

    Instant next_closed_start(Instant x) const {
        Instant next = m_latest;
        const std::int64_t x_day = day_at(x);
        for (const Window& window : m_schedule.closed()) {
            if (auto start = next_start_after(window, x, x_day)) {
                next = std::min(next, *start);
            }
        }
        return next;
    }

    Instant last_closed_end() const {
        Instant last = m_earliest;
        for (const Window& window : m_schedule.closed()) {
            if (auto end = last_end_until(window, m_at, m_day)) {
                last = std::max(last, *end);
            }
        }
        return last;
    }

    InterruptLayer interrupt_layer() const;
    RuleLayer rule_layer() const;

    const ZoneSchedule& m_schedule;
    detail::LocalClock m_clock;
    Instant m_at;
    WallSeconds m_wall;  // `at` on the wall clock, to the second
    std::int64_t m_day;
    std::int64_t m_first_day;
    std::int64_t m_last_day;
    Instant m_earliest;
    Instant m_latest;
    bool m_next_day_begun;
};

Query::InterruptLayer Query::interrupt_layer() const {
    InterruptLayer layer{nullptr, m_earliest, m_latest, std::nullopt};
    // The latest interrupt to start at or before `at`: a later start cuts an earlier one short.
    const ZoneSchedule::Interrupt* latest = nullptr;
    Instant latest_start = m_earliest;
    for (const ZoneSchedule::Interrupt& interrupt : m_schedule.interrupts()) {
        for (auto day = previous_day(interrupt.window, m_day, m_first_day); day;
             day = previous_day(interrupt.window, *day - 1, m_first_day)) {
            const Instant start = start_on(interrupt.window, *day);
            if (start <= m_at) {
                if (latest == nullptr || start > latest_start ||
                    (start == latest_start && interrupt.id > latest->id)) {
                    latest = &interrupt;
                    latest_start = start;
                }
                break;
            }
        }
    }
    Instant next_interrupt = m_latest;
    for (const ZoneSchedule::Interrupt& interrupt : m_schedule.interrupts()) {
        if (auto start = next_start_after(interrupt.window, m_at, m_day)) {
            next_interrupt = std::min(next_interrupt, *start);
        }
    }
    layer.until = next_interrupt;
    // One that starts while the zone is closed does not play; closed hours cut one short.
    if (latest != nullptr && !closed_at(latest_start)) {
        const Instant end = std::min(latest_start + latest->length, next_closed_start(latest_start));
        if (m_at < end) {
            layer.interrupt = latest;
            layer.since = latest_start;
            layer.until = std::min(end, next_interrupt);
        } else {
            layer.last_end = end;
        }
    }
    return layer;
}

Query::RuleLayer Query::rule_layer() const {
    const auto& rules = m_schedule.rules();
    RuleLayer layer{rules.size(), m_earliest, m_latest};
    // One pass in order of precedence. The rules before the winner (all of
    // them when none is active) are the ones that can end its reign by
    // starting, or have begun it by ending: their next start and last end are
    // gathered on the way. Boundaries more than a day from `at` are compared
    // as wall times (the conversion keeps their order) and converted once.
    const WallSeconds near_after = m_wall + kSecondsPerDay;
    const WallSeconds near_before = m_wall - kSecondsPerDay;
    WallSeconds far_next = INT64_MAX;
    WallSeconds far_last = INT64_MIN;
    Instant next = m_latest;
    Instant last = m_earliest;
    for (std::size_t i = 0; i < rules.size(); ++i) {
        const Window& window = rules[i].window;
        if (auto occurrence = active_at_query(window)) {
            layer.winner = i;
            layer.since = run_start(window, *occurrence);
            layer.until = run_end(window, *occurrence);
            break;
        }
        for (auto day = next_day(window, m_day, m_last_day); day;
             day = next_day(window, *day + 1, m_last_day)) {
            const WallSeconds start = *day * kSecondsPerDay + window.start_seconds;
            if (start > near_after) {
                far_next = std::min(far_next, start);
                break;
            }
            if (const Instant exact = m_clock.instant_of(start); exact > m_at) {
                next = std::min(next, exact);
                break;
            }
        }
        for (auto day = previous_day(window, m_day, m_first_day); day;
             day = previous_day(window, *day - 1, m_first_day)) {
            const WallSeconds end = *day * kSecondsPerDay + window.end_seconds;
            if (end < near_before) {
                far_last = std::max(far_last, end);
                break;
            }
            if (const Instant exact = m_clock.instant_of(end); exact <= m_at) {
                last = std::max(last, exact);
                break;
            }
        }
    }
    if (far_next != INT64_MAX) {
        next = std::min(next, m_clock.instant_of(far_next));
    }
    if (far_last != INT64_MIN) {
        last = std::max(last, m_clock.instant_of(far_last));
    }
    layer.until = std::min(layer.until, next);
    layer.since = std::max(layer.since, last);
    return layer;
}

ZoneResolution Query::resolve() const {
    ZoneResolution resolution;
    if (closed_at(m_at)) {
        resolution.state.kind = StateKind::closed;
        resolution.state.closed_mode = m_schedule.closed_mode();
        resolution.since = closed_run_start();
        resolution.until = closed_run_end();
        resolution.until_is_horizon = resolution.until >= m_latest;
        return resolution;
    }
    const Instant next_closed = next_closed_start(m_at);
    const InterruptLayer interrupts = interrupt_layer();
    if (interrupts.interrupt != nullptr) {
        resolution.state = {StateKind::playing, interrupts.interrupt->playlist, PlaySource::interrupt,
                            interrupts.interrupt->id, ClosedMode::slate};
        resolution.since = interrupts.since;
        resolution.until = std::min(interrupts.until, next_closed);
        resolution.until_is_horizon = resolution.until >= m_latest;
        return resolution;
    }
    const RuleLayer rules = rule_layer();
    if (rules.winner < m_schedule.rules().size()) {
        const ZoneSchedule::Rule& rule = m_schedule.rules()[rules.winner];
        resolution.state = {StateKind::playing, rule.playlist, PlaySource::rule, rule.id, ClosedMode::slate};
    } else if (m_schedule.default_playlist()) {
        resolution.state = {StateKind::playing, *m_schedule.default_playlist(), PlaySource::default_playlist,
                            0, ClosedMode::slate};
    }
    resolution.since = std::max({rules.since, last_closed_end(), interrupts.last_end.value_or(m_earliest)});
    resolution.until = std::min({rules.until, interrupts.until, next_closed});
    resolution.until_is_horizon = resolution.until >= m_latest;
    return resolution;
}

}  // namespace

ZoneResolution resolve(const ZoneSchedule& schedule, Instant at, const date::time_zone& tz) {
    return Query(schedule, at, tz).resolve();
}

ZoneResolution resolve(const Programme& programme, std::string_view zone, Instant at,
                       const date::time_zone& tz, const ResolveOptions& options) {
    return resolve(ZoneSchedule::compile(programme, zone, options), at, tz);
}

}  // namespace scheduler

#pragma once
// What plays in a zone at an instant, and when that next changes. Pure
// functions of the programme, the instant and the time zone: no clock is
// read, nothing is stored, so the kiosk can sleep until `until` and tests can
// run a year in a second.
//
// A zone's state at an instant, first match wins:
//   1. closed      - inside one of the zone's closed-hours windows;
//   2. interrupt   - inside an interrupt that started while the zone was open
//                    (it ends early when closed hours or a later interrupt begin);
//   3. rule        - the rule that takes precedence (programme.h) among those
//                    active now;
//   4. default     - the zone's default playlist;
//   5. unscheduled - none of these: the kiosk shows its "programme
//                    unavailable" slate (validation warns before this happens).

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "scheduler/calendar.h"
#include "scheduler/programme.h"
#include "scheduler/repeating_window.h"

namespace scheduler {

enum class StateKind { playing, closed, unscheduled };
enum class PlaySource { rule, interrupt, default_playlist };

struct ZoneState {
    StateKind kind = StateKind::unscheduled;
    PlaylistId playlist = 0;                           // when playing
    PlaySource source = PlaySource::default_playlist;  // when playing
    std::int64_t source_id = 0;                        // the rule's or interrupt's id; 0 for the default
    ClosedMode closed_mode = ClosedMode::slate;        // when closed

    bool operator==(const ZoneState&) const = default;
};

// How far resolution looks forward and back for a change.
inline constexpr std::chrono::days kResolveHorizon{400};

struct ZoneResolution {
    ZoneState state;
    Instant since;  // when this state began (no earlier than at - kResolveHorizon)
    Instant until;  // the next instant the state differs: the kiosk wakes exactly then
    // True when nothing changes within kResolveHorizon: `until` is then
    // at + kResolveHorizon, a moment to resolve again, not a change.
    bool until_is_horizon = false;
};

struct ResolveOptions {
    // Display time of stills without their own, for the length of interrupts
    // (the kiosk passes its configured image_seconds).
    std::chrono::milliseconds still_time = kDefaultStillTime;
};

// One zone's part of a programme, indexed for fast resolution. Building it
// sorts the zone's rules by precedence and works out interrupt lengths;
// build it once per programme version and resolve with it many times. It
// keeps no reference to `programme`.
class ZoneSchedule {
  public:
    static ZoneSchedule compile(const Programme& programme, std::string_view zone,
                                const ResolveOptions& options = {});

    const std::string& zone() const { return m_zone; }

    // A rule's daypart, an interrupt's start or closed hours, on the days they apply to.
    using Window = RepeatingWindow;
    struct Rule {
        Window window;
        RuleId id = 0;
        PlaylistId playlist = 0;
    };
    struct Interrupt {
        Window window;  // start_seconds: the time it cuts in
        std::chrono::milliseconds length{0};
        InterruptId id = 0;
        PlaylistId playlist = 0;
    };

    const std::vector<Rule>& rules() const { return m_rules; }  // in order of precedence
    const std::vector<Interrupt>& interrupts() const { return m_interrupts; }
    const std::vector<Window>& closed() const { return m_closed; }
    std::optional<PlaylistId> default_playlist() const { return m_default; }
    ClosedMode closed_mode() const { return m_closed_mode; }

  private:
    std::string m_zone;
    std::vector<Rule> m_rules;
    std::vector<Interrupt> m_interrupts;
    std::vector<Window> m_closed;
    std::optional<PlaylistId> m_default;
    ClosedMode m_closed_mode = ClosedMode::slate;
};

// What plays in the schedule's zone at `at`, since when, and until when.
ZoneResolution resolve(const ZoneSchedule& schedule, Instant at, const date::time_zone& tz);

// The same, compiling the zone's schedule first (for one-off questions).
ZoneResolution resolve(const Programme& programme, std::string_view zone, Instant at,
                       const date::time_zone& tz, const ResolveOptions& options = {});

// One stretch of a timeline: `state` holds from `from` until `to`.
struct TimelineEntry {
    ZoneState state;
    Instant from;
    Instant to;
};

// Every state of the zone between `from` and `to`, in order, each clipped to
// that span; consecutive entries always differ.
std::vector<TimelineEntry> timeline(const ZoneSchedule& schedule, Instant from, Instant to,
                                    const date::time_zone& tz);

// The timeline of one local calendar day (from its midnight to the next).
std::vector<TimelineEntry> day_timeline(const ZoneSchedule& schedule, Date day, const date::time_zone& tz);

const char* to_string(PlaySource source);

}  // namespace scheduler

#pragma once
// Keeps one screen on its zone's scheduled programme. It resolves what plays
// now and when that next changes, tells the screen's player a few seconds
// before each change so the new programme is prepared and cuts in on the
// dot, and adopts staff edits at the next item boundary (an interrupt cuts in
// at its time). Main thread only; pure apart from the player it drives,
// which it meets through ZonePlayer.

#include <chrono>
#include <optional>
#include <string>

#include <date/tz.h>

#include "playback/screen_player.h"
#include "scheduler/play_record.h"
#include "scheduler/programme.h"
#include "scheduler/resolver.h"
#include "zone_player.h"

namespace kiosk::app {

class ZoneDirector {
  public:
    // `unscheduled` plays while nothing is scheduled for the zone (the
    // configured folder programme); when it is empty a slate shows.
    ZoneDirector(std::string zone, const date::time_zone& tz, std::chrono::milliseconds still_time,
                 playback::ScreenProgramme unscheduled);

    const std::string& zone() const { return m_zone; }

    // Takes `programme` as the one in force and returns what the screen
    // plays at `now`. For the start, before the player exists.
    playback::ScreenProgramme start(const scheduler::Programme& programme, scheduler::Instant now);

    // A new version of the programme: whatever it changes for this zone
    // reaches `player` at the next item boundary, or at once for an interrupt.
    void adopt(const scheduler::Programme& programme, scheduler::Instant now, playback::SteadyTime steady_now,
               ZonePlayer& player);

    // A new programme for while nothing is scheduled (a newly published
    // content package's): when the zone is unscheduled now and the films
    // differ, it reaches `player` at the next item boundary.
    void set_unscheduled(playback::ScreenProgramme unscheduled, playback::SteadyTime steady_now,
                         ZonePlayer& player);

    // Announces the coming change to `player` when it is near.
    void step(scheduler::Instant now, playback::SteadyTime steady_now, ZonePlayer& player);

    // When step() next has something to do.
    playback::SteadyTime next_wake(scheduler::Instant now, playback::SteadyTime steady_now) const;

    // A player event as proof of play, with the zone and the library's ids.
    scheduler::PlayEvent to_record(const playback::PlayEvent& event, scheduler::Instant now) const;

  private:
    playback::ScreenProgramme programme_for(const scheduler::ZoneResolution& resolution) const;
    void plan_next(scheduler::Instant now);

    std::string m_zone;
    const date::time_zone& m_tz;
    std::chrono::milliseconds m_still_time;
    playback::ScreenProgramme m_unscheduled;
    scheduler::Programme m_programme;
    scheduler::ZoneSchedule m_schedule;
    scheduler::ZoneResolution m_current;
    // The state before the interrupt now playing: when the interrupt ends into
    // it, the player resumes by itself where it left off.
    std::optional<scheduler::ZoneState> m_before_interrupt;
    bool m_announced = false;  // the change at m_current.until is with the player
};

}  // namespace kiosk::app

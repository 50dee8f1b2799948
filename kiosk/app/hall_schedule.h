#pragma once
// The hall's schedule as the running kiosk follows it: the programme loaded
// from <data-dir>/kiosk.db (and reloaded when staff edit it), one director per
// screen, and proof of play written back.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "play_log_writer.h"
#include "playback/screen_player.h"
#include "programme_watcher.h"
#include "zone_director.h"

namespace kiosk::app {

class HallSchedule {
  public:
    // Opens (creating when missing) the schedule database in `data_dir` and
    // loads the programme. The message says what is wrong when it cannot.
    static tl::expected<std::unique_ptr<HallSchedule>, std::string> open(
        const std::filesystem::path& data_dir, const std::string& time_zone,
        std::chrono::milliseconds still_time);

    // What screen `zone` plays now; `unscheduled` while the zone has nothing
    // scheduled. Call once per screen, in screen order, before attach().
    playback::ScreenProgramme start_screen(const std::string& zone, playback::ScreenProgramme unscheduled);

    // Screen `index`'s programme for while nothing is scheduled, replaced
    // (see ZoneDirector::set_unscheduled).
    void set_unscheduled(std::size_t index, playback::ScreenProgramme unscheduled,
                         playback::SteadyTime steady_now, playback::ScreenPlayer& player);

    // Records the screen's plays (screen `index`, as started).
    void attach(std::size_t index, playback::ScreenPlayer& player);

    // Adopts edits and announces coming changes to the players (by index).
    void step(playback::SteadyTime steady_now, const std::vector<playback::ScreenPlayer*>& players);

    playback::SteadyTime next_wake(playback::SteadyTime steady_now) const;

  private:
    HallSchedule(const std::filesystem::path& database_file, const date::time_zone& tz,
                 std::chrono::milliseconds still_time);

    const date::time_zone& m_tz;
    std::chrono::milliseconds m_still_time;
    ProgrammeWatcher m_watcher;
    PlayLogWriter m_play_log;
    scheduler::Programme m_programme;
    std::vector<std::unique_ptr<ZoneDirector>> m_directors;
};

}  // namespace kiosk::app

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

#include "main_loop_inbox.h"
#include "play_log_writer.h"
#include "playback/screen_player.h"
#include "programme_watcher.h"
#include "zone_director.h"

namespace kiosk::app {

// Why the schedule could not be opened; the kiosk cannot start either way,
// the kind says what the installer must fix.
struct HallScheduleError {
    enum class Kind {
        bad_time_zone,     // the configuration's time_zone is not in the tz database
        database_refused,  // the database cannot be created, opened or migrated
        database_stalled,  // it opened, but the first read did not finish in time
    };
    Kind kind;
    std::string message;  // for the log: the file and what went wrong
};

class HallSchedule {
  public:
    // Opens (creating when missing) the schedule database in `data_dir` and
    // loads the programme.
    static tl::expected<std::unique_ptr<HallSchedule>, HallScheduleError> open(
        const std::filesystem::path& data_dir, const std::string& time_zone,
        std::chrono::milliseconds still_time);

    // What screen `zone` plays now; `unscheduled` while the zone has nothing
    // scheduled. Call once per screen, in screen order, before attach().
    playback::ScreenProgramme start_screen(const std::string& zone, playback::ScreenProgramme unscheduled);

    // Screen `index`'s programme for while nothing is scheduled, replaced
    // (see ZoneDirector::set_unscheduled).
    void set_unscheduled(std::size_t index, playback::ScreenProgramme unscheduled,
                         playback::SteadyTime steady_now, ZonePlayer& player);

    // Records the screen's plays (screen `index`, as started).
    void attach(std::size_t index, playback::ScreenPlayer& player);

    // From now on staff edits arrive as messages through `inbox` (which
    // must outlive the schedule) and are adopted at the next step().
    void take_edits_through(MainLoopInbox& inbox);

    // Adopts edits and announces coming changes to the players (by index).
    void step(playback::SteadyTime steady_now, const std::vector<ZonePlayer*>& players);

    playback::SteadyTime next_wake(playback::SteadyTime steady_now) const;

  private:
    HallSchedule(const std::filesystem::path& database_file, const date::time_zone& tz,
                 std::chrono::milliseconds still_time);

    const date::time_zone& m_tz;
    std::chrono::milliseconds m_still_time;
    ProgrammeWatcher m_watcher;
    PlayLogWriter m_play_log;
    scheduler::Programme m_programme;
    std::optional<scheduler::Programme> m_edited;  // delivered, to adopt at the next step
    std::vector<std::unique_ptr<ZoneDirector>> m_directors;
};

}  // namespace kiosk::app

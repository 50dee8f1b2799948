#pragma once
// Everything a running kiosk is made of, set up from its options and
// configuration: SDL, the screens with their sound and players, the hall's
// schedule, the touch exhibits, the main loop's inbox and event reader.
// set_up_kiosk() does all the blocking work of a start (reading and checking
// the package, opening the database and the screens); the main loop
// (main_loop.h) only runs what it made.

#include <memory>
#include <optional>
#include <vector>

#include <tl/expected.hpp>

#include "hall_schedule.h"
#include "kiosk_config.h"
#include "kiosk_options.h"
#include "main_loop_inbox.h"
#include "playback/audio_output.h"
#include "playback/clock.h"
#include "playback/screen_player.h"
#include "record_load.h"
#include "records/record_writer.h"
#include "render/sdl_screen.h"
#include "touch_exhibits.h"
#include "window_events.h"
#include "zone_player.h"

namespace kiosk::app {

// SDL owned for the life of the process; quitting it closes every window.
class SdlSession {
  public:
    explicit SdlSession(bool with_sound);
    ~SdlSession();
    SdlSession(const SdlSession&) = delete;
    SdlSession& operator=(const SdlSession&) = delete;
    bool ok() const { return m_ok; }

  private:
    bool m_ok = false;
};

struct KioskScreen {
    std::unique_ptr<render::SdlScreen> output;
    std::unique_ptr<playback::AudioOutput> sound;
    std::unique_ptr<playback::ScreenPlayer> player;
};

// Declared in the order made; going, the players stop first (their threads
// write to the screens and sound), then the exhibits let go of the screens.
struct Kiosk {
    explicit Kiosk(playback::SteadyTime started) : started_at(started) {}
    ~Kiosk();
    Kiosk(const Kiosk&) = delete;
    Kiosk& operator=(const Kiosk&) = delete;

    playback::SteadyTime started_at;
    MainLoopInbox inbox;  // first made, last gone: workers post here until they stop
    std::unique_ptr<SdlSession> sdl;
    std::unique_ptr<ContentSource> content_source;
    std::unique_ptr<WindowEvents> events;
    std::unique_ptr<HallSchedule> schedule;  // none with --play
    std::vector<ScreenConfig> screen_configs;
    std::vector<KioskScreen> screens;
    std::vector<std::unique_ptr<ScreenZonePlayer>> zone_players;
    std::vector<ZonePlayer*> players;  // the zones' directors drive the players through these
    // The hall's records (DATA_DIR/records.db) from the exhibits: requests for
    // help, ratings, visits, boards read. Goes after the exhibits, writing what is queued.
    std::unique_ptr<records::RecordWriter> records;
    std::unique_ptr<RecordLoad> record_load;  // --record-load only
    std::unique_ptr<TouchExhibits> exhibits;  // none without a package or with --play
};

// The kiosk ready to run, or the exit status of a start that failed (the
// reason is logged).
tl::expected<std::unique_ptr<Kiosk>, int> set_up_kiosk(const KioskOptions& options, const KioskConfig& config,
                                                       const playback::Clock& clock);

}  // namespace kiosk::app

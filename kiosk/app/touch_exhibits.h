#pragma once
// The touch exhibits of every screen: the content package they show (read,
// checked, and reloaded when the district office publishes a new one), one
// Exhibit per screen whose zone the package has, the window system's touch,
// mouse and key events routed to them, and scripted input for tests and
// demos. Main thread only.

#include <SDL.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <tl/expected.hpp>

#include "content/package_check.h"
#include "exhibit.h"
#include "main_loop_inbox.h"
#include "playback/clock.h"
#include "playback/screen_player.h"
#include "render/sdl_screen.h"
#include "render/text_engine.h"
#include "ui/input_script.h"
#include "ui/theme.h"
#include "window_events.h"

namespace kiosk::app {

// The package and where it came from, watched for a newer version.
class ContentSource {
  public:
    // Reads and checks the package in `directory`. Problems are logged; the
    // result holds no package then. Checks of newer versions report through
    // `inbox`, which must outlive the source.
    ContentSource(std::filesystem::path directory, MainLoopInbox& inbox);

    const std::shared_ptr<const content::Package>& package() const { return m_package; }
    const std::vector<content::PackageProblem>& problems() const { return m_problems; }

    // Looks for a changed manifest (cheap: one stat) and checks a changed
    // package on a thread of its own, which posts the result to the main
    // loop. Returns a newer good package once its check is in; a bad one is
    // refused with its problems logged, and the current one stays.
    std::shared_ptr<const content::Package> poll(playback::SteadyTime now);
    // When poll() next looks at the manifest (never while a check is under way).
    playback::SteadyTime next_look() const { return m_next_look; }

    // From now on texts are checked too, against the exhibits' own boxes on
    // `screens`: the package in hand at once, measured with `fonts` (the
    // caller's thread's), and every newer one off the main thread with faces
    // of its own opened from the same files. Returns false when a text of the
    // package in hand overflows: the package is dropped, problems() says why.
    bool measure_texts(const render::TextEngine& fonts, std::vector<ui::ScreenMetrics> screens);

  private:
    struct TextMeasuring {
        render::FontFiles fonts;
        std::vector<ui::ScreenMetrics> screens;
    };

    std::filesystem::path m_directory;
    std::shared_ptr<const content::Package> m_package;
    std::vector<content::PackageProblem> m_problems;
    std::optional<std::filesystem::file_time_type> m_manifest_time;
    playback::SteadyTime m_next_look{};
    using CheckResult = tl::expected<content::Package, std::vector<content::PackageProblem>>;

    MainLoopInbox& m_inbox;
    std::optional<TextMeasuring> m_text_measuring;
    std::shared_ptr<CheckResult> m_checked;  // a newer version's check, delivered through the inbox
    std::jthread m_checker;                  // last: checks a newer version
};

struct ExhibitScreen {
    render::SdlScreen* screen = nullptr;
    std::string zone;
    playback::ScreenPlayer* player = nullptr;  // plays the boards' films
    bool at_desk = false;                      // asks for a rating when the desk closes a consultation
};

class TouchExhibits {
  public:
    // Exhibits for the screens whose zone `source`'s package has. Without a
    // good package the screens show films only until one is published;
    // without a CJK font they always do.
    // `events`: where scripted input is read back (the loop's own reader).
    // `records`: where every exhibit's records go (its writer and inbox
    // outlive the exhibits).
    TouchExhibits(ContentSource& source, std::vector<ExhibitScreen> screens, double pixels_per_mm,
                  std::chrono::milliseconds idle_timeout, WindowEvents& events, const playback::Clock& clock,
                  playback::SteadyTime started_at, ExhibitRecords records = {});
    ~TouchExhibits();

    bool empty() const { return m_exhibits.empty(); }

    // Called from step() with every newer good package once the exhibits have it.
    void on_new_package(std::function<void(const content::Package&, playback::SteadyTime)> handler) {
        m_on_new_package = std::move(handler);
    }
    // False without a CJK font: no exhibit can ever be made.
    bool can_show_text() const { return m_fonts != nullptr; }
    // A script's `shot` could not be written: the scripted run has failed.
    bool shot_failed() const { return m_shot_failed; }
    // A script's tap-text found nothing to tap: the scripted run has failed.
    bool script_failed() const { return m_script && m_script->failed(); }

    // Plays `script` from `now`: its touches and keys go through SDL's event
    // queue like a visitor's, read back at once through the loop's WindowEvents.
    void play_script(ui::InputScript script, playback::SteadyTime now);

    // Handles one window-system event (touch, mouse, key).
    void handle(const SDL_Event& event, playback::SteadyTime now);

    // Injects due script input, reloads a new package, steps every exhibit.
    // Returns false when the script says quit.
    bool step(playback::SteadyTime now);
    playback::SteadyTime next_wake() const;

    // Figures of every exhibit (the first screen's first), for --stats-json.
    std::vector<const ExhibitFigures*> figures() const;
    bool script_finished() const;

  private:
    void make_exhibits(const std::shared_ptr<const content::Package>& package);
    // Offers the desk's exhibit a rating each time the desk closes a consultation.
    void watch_the_desk();
    // Hands out the script's due input; a tap-text step looks for its text.
    void play_script_due(playback::SteadyTime now);
    void inject(const ui::ScriptAction& action);
    Exhibit* exhibit_for_window(Uint32 window_id);
    void take_shot(const std::filesystem::path& path);
    // Handles every queued event; `happened`: when the events took place,
    // if earlier than now.
    void drain_events(std::optional<playback::SteadyTime> happened = std::nullopt);

    ContentSource& m_source;
    WindowEvents& m_events;
    std::vector<ExhibitScreen> m_screen_setups;
    double m_pixels_per_mm;
    std::chrono::milliseconds m_idle_timeout;
    const playback::Clock& m_clock;
    playback::SteadyTime m_started_at;
    std::unique_ptr<render::TextEngine> m_fonts;
    bool m_shot_failed = false;
    std::vector<std::unique_ptr<Exhibit>> m_exhibits;
    std::vector<render::SdlScreen*> m_screens;  // of each exhibit
    std::function<void(const content::Package&, playback::SteadyTime)> m_on_new_package;
    std::optional<ui::ScriptPlayer> m_script;
    bool m_quit = false;
    ExhibitRecords m_records;
    Exhibit* m_desk = nullptr;  // the exhibit at the desk, if any
};

}  // namespace kiosk::app

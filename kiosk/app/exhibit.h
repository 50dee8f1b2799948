#pragma once
// One zone's touch exhibit on one screen: the SDL side of the screen policy
// in ui::ExhibitController. It hands the controller touches, clicks and keys,
// lays each place out once (ui::lay_out, or a flow's screen), draws it around
// and over the zone's film (render::ScreenLayer), prepares the pages a touch
// away while nobody touches, carries out the controller's requests (a
// board's film on the zone's player, a visitor's request for help to the
// records writer), records visits and the boards read, and keeps the
// exhibit's figures. Main thread only; driven by the kiosk's loop like a
// ScreenPlayer.

#include <chrono>
#include <functional>
#include <list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "content/package.h"
#include "main_loop_inbox.h"
#include "playback/clock.h"
#include "records/record_writer.h"
#include "render/picture_cache.h"
#include "render/scene_painter.h"
#include "render/screen_layer.h"
#include "render/sdl_screen.h"
#include "render/text_engine.h"
#include "render/text_texture_cache.h"
#include "ui/consult_flow.h"
#include "ui/exhibit_controller.h"
#include "ui/gestures.h"
#include "ui/screen_layout.h"
#include "ui/visit_log.h"

namespace kiosk::app {

struct ExhibitFigures {
    std::vector<double> touch_latency_ms;  // input → first frame showing its effect
    std::vector<double> board_open_ms;     // touch on a board → the board on screen
    std::vector<double> scroll_frame_ms;   // drawing and presenting one frame while scrolling
    std::optional<double> home_ready_ms;   // start → home screen laid out and rendered
    int touches = 0;
    int idle_returns = 0;
};

// How an exhibit plays a board's film on its screen's player (an interrupt
// of the zone's programme, which resumes when the film ends or is closed).
struct FilmControl {
    std::function<void(const std::filesystem::path& film, playback::SteadyTime now)> play;
    std::function<void(playback::SteadyTime now)> stop;
};

// Where an exhibit's records go: visitors' requests for help and ratings,
// their visits and the boards they read.
struct ExhibitRecords {
    // None: asking for help sends visitors to the desk, and nothing is recorded.
    records::RecordWriter* writer = nullptr;
    // The writer's answers come back to the main loop through it.
    MainLoopInbox* inbox = nullptr;
    ui::ConsultSettings consultation;
};

class Exhibit final : public render::ScreenLayer {
  public:
    // `package` is shared with the kiosk's content holder; `screen`, `fonts`
    // and the records' writer and inbox must outlive the exhibit.
    // `started_at` is the process start.
    Exhibit(std::shared_ptr<const content::Package> package, std::string zone_id, render::SdlScreen& screen,
            render::TextEngine& fonts, double pixels_per_mm, std::chrono::milliseconds idle_timeout,
            const playback::Clock& clock, playback::SteadyTime started_at, FilmControl films = {},
            ExhibitRecords records = {});
    ~Exhibit() override;

    // Input, in this screen's pixels, seen at `now`.
    void on_pointer(ui::PointerEvent::Kind kind, std::int64_t pointer, double x, double y,
                    playback::SteadyTime now);
    void on_key(const std::string& name, playback::SteadyTime now);

    // Moves scrolling on, returns to the attract loop when idle, and draws a
    // new frame when the page changed.
    void step(playback::SteadyTime now);
    playback::SteadyTime next_wake() const;
    // Draws now what has changed and is not on screen yet (before a screenshot).
    void flush();

    // A newer package (already checked).
    void set_package(std::shared_ptr<const content::Package> package);

    // The desk's screen: a consultation was just closed at the desk; its
    // visitor is asked to rate it, over whatever is on screen.
    void offer_rating(records::ConsultationId consultation, playback::SteadyTime now);
    // Where a script's tap-text touches for `text` on the screen now.
    std::optional<ui::Scene::Point> find_text(std::string_view text) const;

    const std::string& zone() const { return m_zone_id; }
    const ui::ExhibitView& view() const { return m_controller->view(); }
    const ExhibitFigures& figures() const { return m_figures; }

    // ScreenLayer
    std::optional<SDL_Rect> film_area() const override;
    void draw_under(SDL_Renderer* renderer) override;
    void draw_over(SDL_Renderer* renderer) override;
    void presented() override;

  private:
    // Carries out what the controller decided at `now`.
    void react(ui::ExhibitReaction reaction, playback::SteadyTime now);
    void rebuild_scene();
    // The page changed: a frame must show it, drawn whole.
    void mark_dirty();
    // The page scrolled: a frame must show it; only its scrolling part moved.
    void mark_scrolled();
    // One step of work done while idle: a texture of the page's scrolled-away
    // part, or of a page a touch away, or laying such a page out. False when
    // nothing is left to do.
    bool prepare_ahead();
    const ui::Scene* warm_scene(const ui::ExhibitView& view) const;
    void draw_now();
    double seconds(playback::SteadyTime time) const;
    // The records' side of a reaction: requests for help and ratings sent,
    // a visit begun or ended, the board on screen changed.
    void record(const ui::ExhibitReaction& reaction);
    void submit(const ui::ConsultationRequest& request);
    void submit(const ui::RatingRequest& request);
    // The writer's answer to the request `serial`, on the main thread.
    void answered(int serial, const tl::expected<records::Committed, records::RecordError>& result);
    // Ends the board view under way when another board, or none, shows.
    // Records the visit and the board read that ended with `reaction`.
    void note_visits(const ui::ExhibitReaction& reaction, playback::SteadyTime now);

    std::shared_ptr<const content::Package> m_package;
    const content::Zone* m_zone;
    std::string m_zone_id;
    render::SdlScreen& m_screen;
    render::TextEngine& m_fonts;
    ui::ScreenMetrics m_metrics;
    const playback::Clock& m_clock;
    playback::SteadyTime m_started_at;

    std::unique_ptr<ui::ExhibitController> m_controller;
    ui::Theme m_theme;
    ui::Scene m_scene;
    std::unique_ptr<render::TextTextureCache> m_texts;
    std::unique_ptr<render::PictureCache> m_pictures;
    std::unique_ptr<render::ScenePainter> m_painter;
    // Pages a touch away, laid out ahead with the first frame's textures
    // made, so opening them costs a frame only. Newest first.
    struct WarmScene {
        ui::ExhibitView view;
        ui::Scene scene;
    };
    std::list<WarmScene> m_warm_scenes;
    std::unique_ptr<render::ScenePainter> m_warm_painter;  // works on m_warm_scenes.front()
    std::vector<ui::Action> m_onward;                      // still to lay out ahead, the next last
    FilmControl m_films;

    bool m_dirty = false;  // the page changed and is not on screen yet
    playback::SteadyTime m_last_frame;
    std::optional<playback::SteadyTime> m_waiting_since;  // oldest input not yet on screen
    bool m_waiting_for_board = false;
    ExhibitFigures m_figures;

    ExhibitRecords m_records;
    ui::ConsultFlow* m_consult = nullptr;  // owned by the controller
    ui::VisitLog m_visits;
};

}  // namespace kiosk::app

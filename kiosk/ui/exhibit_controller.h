#pragma once
// The screen policy of one zone's touch exhibit: what a visitor's gesture or
// key means (a tap on a target, a swipe to the next board, a drag of the
// page, a pinch of a picture), how the page scrolls and where it starts, and
// the return to the attract loop when the visitor walks away. Pure logic: it
// is told the time with every input and step, lays nothing out itself and
// draws nothing; the exhibit's adapter lays out, paints and carries out the
// requests each reaction holds. Main thread only.

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "content/package.h"
#include "exhibit_flow.h"
#include "gestures.h"
#include "kinetic_scroll.h"
#include "navigator.h"
#include "scene.h"
#include "screen_layout.h"
#include "theme.h"
#include "zoom_pan.h"

namespace kiosk::ui {

// What the adapter must do after one input or step.
struct ExhibitReaction {
    bool relayout = false;       // the place or a flow changed: lay the screen out again, draw it whole
    bool scrolled = false;       // only the page's scrolling part moved
    bool for_visitor = false;    // the change answers the visitor's input (for the touch → frame figure)
    bool opened_board = false;   // a board came up (for the board-open figure)
    bool started_visit = false;  // a touch left the attract loop
    bool walked_away = false;    // back to the attract loop after the idle timeout
    std::vector<ExhibitRequest> requests;
};

class ExhibitController {
  public:
    // `zone` must outlive the controller or be replaced with set_zone().
    // Times are seconds on the caller's clock.
    ExhibitController(const content::Zone& zone, ScreenMetrics metrics, double idle_timeout_seconds,
                      double now);

    // A flow over the pages (a board's film, asking for help, ...), offered
    // actions in the order added.
    void add_flow(std::unique_ptr<ExhibitFlow> flow);

    // Input, in the screen's pixels; the event carries its time.
    ExhibitReaction on_pointer(const PointerEvent& event);
    // A key by SDL's name ("Escape", "Left", "PageDown", ...).
    ExhibitReaction on_key(std::string_view name, double now);
    // A place to go, as if its target were touched (the home screen at start).
    ExhibitReaction apply(const Action& action, double now);
    // Time passes: the page coasts, and an idle visitor is let go.
    ExhibitReaction step(double now);
    // When step() next has something to do (seconds; infinity: nothing).
    double next_step_due() const;

    // The visitor left (or the kiosk starts): the attract loop, afresh.
    ExhibitReaction walk_away();
    // A newer package's zone; the visitor stays where the place still exists.
    void set_zone(const content::Zone& zone);

    // Before laying out: the zoomed picture's place when a picture is open
    // (its zoom starts fitted when the picture's size is known); nothing otherwise.
    std::optional<Rect> zoomed_picture(const PictureSizes& pictures);
    // The flow whose scene shows instead of the page, if any.
    const ExhibitFlow* flow_on_screen() const;
    // The scene now on screen, laid out by the adapter: touches hit its
    // targets and its scroll area scrolls. Must stay alive until the next call.
    void show(const Scene& scene);

    const Navigator& pages() const { return m_pages; }
    const ExhibitView& view() const { return m_pages.view(); }
    double scroll_offset() const { return m_scroll.offset(); }
    // When the visitor last touched the screen (or a place was set), on the caller's clock.
    double last_input() const { return m_last_input; }
    // The page moves under a finger or coasts.
    bool scrolling() const { return m_scroll.is_moving() || m_scroll.is_dragged(); }
    bool coasting() const { return m_scroll.is_moving(); }

  private:
    void on_gesture(const Gesture& gesture, ExhibitReaction& reaction);
    void take(const Action& action, ExhibitReaction& reaction);
    void scroll_by(double pixels, ExhibitReaction& reaction);
    int offset() const;
    // Off the attract loop, or a flow over it: the idle timeout runs.
    bool visitor_present() const;

    Navigator m_pages;
    ScreenMetrics m_metrics;
    double m_idle_timeout;
    GestureRecognizer m_gestures;
    KineticScroll m_scroll;
    std::optional<ZoomPan> m_zoom;
    std::vector<std::unique_ptr<ExhibitFlow>> m_flows;
    const Scene* m_scene = nullptr;
    bool m_dragging_page = false;
    double m_page_offset = 0.0;       // where the page under an open picture or chooser was scrolled to
    double m_flow_page_offset = 0.0;  // where the page under a flow's screen was scrolled to
    std::optional<double> m_restore_offset;  // where the next scene shown starts (once its length is known)
    double m_last_input;
};

}  // namespace kiosk::ui

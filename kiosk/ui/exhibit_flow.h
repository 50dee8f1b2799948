#pragma once
// A flow is one kind of visit laid over an exhibit's pages: watching a
// board's film today, asking for help or checking in next. Each flow is one
// file: the actions it takes, the state it keeps and the screen it shows.
// Its screen's targets carry Action::flow_step(its name, step), so a new
// flow adds no action kind of its own.
// The controller (ExhibitController) offers every action to the flow on
// screen first, then to the other flows, then to the pages (Navigator).
// Pure logic: no SDL, no clock, no player.

#include <filesystem>
#include <vector>

#include "navigator.h"
#include "scene.h"
#include "screen_layout.h"

namespace kiosk::ui {

// What a flow asks of the world outside the screen; the exhibit's adapter
// carries it out after the input that caused it.
struct ExhibitRequest {
    enum class Kind {
        play_film,  // the zone's player cuts in with `film`
        stop_film,  // the zone's programme resumes
    };
    Kind kind;
    std::filesystem::path film;
};

enum class FlowOutcome {
    not_mine,   // the flow does not take this action here: offer it on
    unchanged,  // taken, nothing to show
    changed,    // taken, and the screen must be laid out again
};

class ExhibitFlow {
  public:
    virtual ~ExhibitFlow() = default;

    // The flow has the screen: its scene shows instead of the page.
    virtual bool on_screen() const = 0;

    // Takes `action` if it is the flow's. `pages`: where the visitor is
    // among the exhibit's pages. Requests for the outside go to `requests`.
    virtual FlowOutcome apply(const Action& action, const Navigator& pages,
                              std::vector<ExhibitRequest>& requests) = 0;

    // The visitor walked away mid-flow: nothing of it may stay on screen or
    // be recorded.
    virtual void walk_away(std::vector<ExhibitRequest>& requests) = 0;

    // The flow's screen, while on_screen().
    virtual Scene lay_out(const LayoutInput& input) const = 0;
};

}  // namespace kiosk::ui

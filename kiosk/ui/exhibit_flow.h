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
#include <optional>
#include <string>
#include <vector>

#include "navigator.h"
#include "records/consultation.h"
#include "scene.h"
#include "screen_layout.h"

namespace kiosk::ui {

// What a visitor asked for at the screen, for the hall's records. When,
// where and through which channel are the adapter's to add.
struct ConsultationRequest {
    int serial = 0;        // handed back with the answer, so a late one for an abandoned request is known
    std::string category;  // a records::Categories id
    std::string topic;     // the topic's Chinese label (the hall's language of record); empty: none
    std::string phone;     // a mainland mobile number given with consent; empty: no call-back
};

// A visitor's rating of a consultation.
struct RatingRequest {
    records::ConsultationId consultation = 0;
    records::Rating rating = records::Rating::satisfied;
    std::string reason;  // a low rating's reason, in Chinese; may be empty
};

// What a flow asks of the world outside the screen; the exhibit's adapter
// carries it out after the input that caused it.
struct ExhibitRequest {
    enum class Kind {
        play_film,            // the zone's player cuts in with `film`
        stop_film,            // the zone's programme resumes
        submit_consultation,  // `consultation` to the records; the answer comes back to the flow
        submit_rating,        // `rating` to the records
    };
    ExhibitRequest(Kind kind_, std::filesystem::path film_ = {}) : kind(kind_), film(std::move(film_)) {}
    explicit ExhibitRequest(ConsultationRequest request)
        : kind(Kind::submit_consultation), consultation(std::move(request)) {}
    explicit ExhibitRequest(RatingRequest request) : kind(Kind::submit_rating), rating(std::move(request)) {}

    Kind kind;
    std::filesystem::path film;
    std::optional<ConsultationRequest> consultation;
    std::optional<RatingRequest> rating;
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

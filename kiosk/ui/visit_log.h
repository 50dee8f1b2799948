#pragma once
// What a zone's screen notes of its visitors, with no personal data: a visit
// runs from the first touch after the attract loop to the visitor's last
// touch before the idle return (not to the moment the timeout noticed they
// had gone), and a board is read while it or its pictures are on screen,
// until the visitor moves on or leaves. Pure: times are seconds on the
// caller's clock; the exhibit's adapter turns them into records.

#include <optional>
#include <string>

#include "exhibit_controller.h"

namespace kiosk::ui {

struct VisitEnded {
    double started = 0;
    double ended = 0;
};

struct BoardRead {
    std::string board;
    double opened = 0;
    double closed = 0;
};

// What ended with one reaction.
struct VisitNotes {
    std::optional<VisitEnded> visit;
    std::optional<BoardRead> board;
};

class VisitLog {
  public:
    // After each reaction (and after a new package moved the visitor):
    // `view` is where the visitor is now, `last_input` when they last touched.
    VisitNotes after(const ExhibitReaction& reaction, const ExhibitView& view, double now, double last_input);

  private:
    std::optional<double> m_visit_started;
    std::string m_board;  // on screen now; empty: none
    double m_board_since = 0;
};

}  // namespace kiosk::ui

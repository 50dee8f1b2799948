#include "visit_log.h"

#include <algorithm>

namespace kiosk::ui {

VisitNotes VisitLog::after(const ExhibitReaction& reaction, const ExhibitView& view, double now,
                           double last_input) {
    VisitNotes notes;
    // Whoever walked away left at their last touch.
    const double left = reaction.walked_away ? std::min(now, last_input) : now;
    if (reaction.started_visit) {
        m_visit_started = now;
    }
    if (reaction.walked_away && m_visit_started) {
        notes.visit = VisitEnded{*m_visit_started, std::max(*m_visit_started, left)};
        m_visit_started.reset();
    }
    const bool reading = view.view == View::board || view.view == View::picture;
    const std::string board = reading ? view.board : std::string();
    if (board != m_board) {
        if (!m_board.empty()) {
            notes.board = BoardRead{m_board, m_board_since, std::max(m_board_since, left)};
        }
        m_board = board;
        m_board_since = now;
    }
    return notes;
}

}  // namespace kiosk::ui

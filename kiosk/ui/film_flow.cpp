#include "film_flow.h"

namespace kiosk::ui {

FlowOutcome FilmFlow::apply(const Action& action, const Navigator& pages,
                            std::vector<ExhibitRequest>& requests) {
    if (action.kind == Action::Kind::play_film) {
        const content::Board* board = pages.current_board();
        if (board == nullptr || !board->video) {
            return FlowOutcome::unchanged;
        }
        m_film = *board->video;
        requests.push_back(ExhibitRequest{ExhibitRequest::Kind::play_film, m_film->file});
        return FlowOutcome::changed;
    }
    if (m_film && (action.kind == Action::Kind::close_overlay || action.kind == Action::Kind::back)) {
        // Closing the film is the way back to its board.
        m_film.reset();
        requests.push_back(ExhibitRequest{ExhibitRequest::Kind::stop_film, {}});
        return FlowOutcome::changed;
    }
    // Everything else on the film's screen (its close button is the only
    // target) belongs to the pages under it.
    return FlowOutcome::not_mine;
}

void FilmFlow::walk_away(std::vector<ExhibitRequest>& requests) {
    if (m_film) {
        m_film.reset();
        requests.push_back(ExhibitRequest{ExhibitRequest::Kind::stop_film, {}});
    }
}

Scene FilmFlow::lay_out(const LayoutInput& input) const {
    return lay_out_film(input, *m_film);
}

}  // namespace kiosk::ui

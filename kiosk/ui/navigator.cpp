#include "navigator.h"

#include <algorithm>

namespace kiosk::ui {
namespace {

// Where a board lives in the zone: its section index, or -1.
int section_of(const content::Zone& zone, const std::string& board_id) {
    for (std::size_t index = 0; index < zone.sections.size(); ++index) {
        const auto& boards = zone.sections[index].boards;
        if (std::any_of(boards.begin(), boards.end(), [&](const auto& b) { return b.id == board_id; })) {
            return static_cast<int>(index);
        }
    }
    return -1;
}

const content::Board* find_board(const content::Zone& zone, int section, const std::string& board_id) {
    if (section < 0 || section >= static_cast<int>(zone.sections.size())) {
        return nullptr;
    }
    for (const content::Board& board : zone.sections[section].boards) {
        if (board.id == board_id) {
            return &board;
        }
    }
    return nullptr;
}

bool is_overlay(View view) {
    return view == View::picture || view == View::filter_chooser;
}

}  // namespace

Navigator::Navigator(const content::Zone& zone) : m_zone(&zone) {}

void Navigator::go(ExhibitView next) {
    if (next == m_view) {
        return;
    }
    // The chooser and the picture viewer sit over a page: back closes them,
    // and another overlay replaces, rather than stacks on, the open one.
    if (!is_overlay(m_view.view) || !is_overlay(next.view)) {
        m_history.push_back(m_view);
    }
    m_view = std::move(next);
}

bool Navigator::apply(const Action& action) {
    const ExhibitView before = m_view;
    ExhibitView next = m_view;
    switch (action.kind) {
        case Action::Kind::start:
        case Action::Kind::home:
            if (m_view.view == View::home) {
                return false;
            }
            m_history.clear();
            next = ExhibitView{View::home, -1, {}, -1, -1, m_view.language, m_view.large_text, m_view.filter};
            m_view = next;
            return true;
        case Action::Kind::back:
        case Action::Kind::close_overlay:
            if (m_history.empty()) {
                return false;
            }
            m_view.view = m_history.back().view;
            m_view.section = m_history.back().section;
            m_view.board = m_history.back().board;
            m_view.model = m_history.back().model;
            m_view.picture = m_history.back().picture;
            m_history.pop_back();
            // A board that the filter now hides is no place to come back to.
            while (m_view.view == View::board && !m_history.empty() && current_board() != nullptr &&
                   !current_board()->is_for(m_view.filter)) {
                m_view = ExhibitView{m_history.back().view,    m_history.back().section,
                                     m_history.back().board,   m_history.back().model,
                                     m_history.back().picture, m_view.language,
                                     m_view.large_text,        m_view.filter};
                m_history.pop_back();
            }
            return !(m_view == before);
        case Action::Kind::open_section:
            if (action.index < 0 || action.index >= static_cast<int>(m_zone->sections.size())) {
                return false;
            }
            next.view = View::section;
            next.section = action.index;
            next.board.clear();
            break;
        case Action::Kind::open_board: {
            const int section = section_of(*m_zone, action.board);
            if (section < 0) {
                return false;
            }
            next.view = View::board;
            next.section = section;
            next.board = action.board;
            next.picture = -1;
            break;
        }
        case Action::Kind::open_model:
            if (action.index < 0 || action.index >= static_cast<int>(m_zone->models.size())) {
                return false;
            }
            next.view = View::model;
            next.model = action.index;
            break;
        case Action::Kind::open_picture: {
            const content::Board* board = current_board();
            if (board == nullptr || action.index < 0 ||
                action.index >= static_cast<int>(board->images.size())) {
                return false;
            }
            next.view = View::picture;
            next.picture = action.index;
            break;
        }
        case Action::Kind::next_board:
            return step_board(+1);
        case Action::Kind::previous_board:
            return step_board(-1);
        case Action::Kind::toggle_language:
            m_view.language =
                m_view.language == content::Language::zh ? content::Language::en : content::Language::zh;
            return true;
        case Action::Kind::toggle_large_text:
            m_view.large_text = !m_view.large_text;
            return true;
        case Action::Kind::choose_filter:
            next.view = View::filter_chooser;
            break;
        case Action::Kind::set_filter: {
            m_view.filter = action.stage;
            if (m_view.view == View::filter_chooser && !m_history.empty()) {
                const ExhibitView under = m_history.back();
                m_history.pop_back();
                m_view.view = under.view;
                m_view.section = under.section;
                m_view.board = under.board;
                m_view.model = under.model;
                m_view.picture = under.picture;
            }
            // Reading a board the new filter hides: back to its section's list.
            if (m_view.view == View::board && current_board() != nullptr &&
                !current_board()->is_for(m_view.filter)) {
                m_view.view = View::section;
                m_view.board.clear();
                // The list the board was opened from is now the page itself, not a step back.
                if (!m_history.empty() && m_history.back().view == View::section &&
                    m_history.back().section == m_view.section) {
                    m_history.pop_back();
                }
            }
            return true;
        }
        case Action::Kind::play_film:
        case Action::Kind::flow_step:
            return false;  // a flow's business (ExhibitFlow), not a change of place
    }
    go(std::move(next));
    return !(m_view == before);
}

bool Navigator::step_board(int direction) {
    if (m_view.view != View::board) {
        return false;
    }
    const auto boards = visible_boards(m_view.section);
    const auto [position, count] = board_position();
    const int target = position + direction;
    if (position < 0 || target < 0 || target >= count) {
        return false;
    }
    // Turning pages replaces the page: back still goes to the section list.
    m_view.board = boards[static_cast<std::size_t>(target)]->id;
    return true;
}

void Navigator::walk_away() {
    m_history.clear();
    m_view = ExhibitView{};
}

bool Navigator::place_exists(const ExhibitView& view) const {
    switch (view.view) {
        case View::attract:
        case View::home:
        case View::filter_chooser:
            return true;
        case View::section:
            return view.section >= 0 && view.section < static_cast<int>(m_zone->sections.size());
        case View::board:
            return find_board(*m_zone, view.section, view.board) != nullptr;
        case View::picture: {
            const content::Board* board = find_board(*m_zone, view.section, view.board);
            return board != nullptr && view.picture >= 0 &&
                   view.picture < static_cast<int>(board->images.size());
        }
        case View::model:
            return view.model >= 0 && view.model < static_cast<int>(m_zone->models.size());
    }
    return false;
}

void Navigator::set_zone(const content::Zone& zone) {
    m_zone = &zone;
    // Ids are stable across versions of a package; indices may not be.
    if (!m_view.board.empty()) {
        m_view.section = section_of(zone, m_view.board);
    }
    const bool history_valid = std::all_of(m_history.begin(), m_history.end(),
                                           [this](const ExhibitView& v) { return place_exists(v); });
    if (!place_exists(m_view) || !history_valid) {
        if (m_view.view != View::attract) {
            m_history.clear();
            m_view.view = View::home;
            m_view.section = -1;
            m_view.board.clear();
            m_view.model = -1;
            m_view.picture = -1;
        }
    }
}

std::vector<const content::Board*> Navigator::visible_boards(int section) const {
    std::vector<const content::Board*> boards;
    if (section < 0 || section >= static_cast<int>(m_zone->sections.size())) {
        return boards;
    }
    for (const content::Board& board : m_zone->sections[section].boards) {
        if (board.is_for(m_view.filter)) {
            boards.push_back(&board);
        }
    }
    return boards;
}

const content::Board* Navigator::current_board() const {
    if (m_view.board.empty()) {
        return nullptr;
    }
    return find_board(*m_zone, m_view.section, m_view.board);
}

std::pair<int, int> Navigator::board_position() const {
    const auto boards = visible_boards(m_view.section);
    for (std::size_t index = 0; index < boards.size(); ++index) {
        if (boards[index]->id == m_view.board) {
            return {static_cast<int>(index), static_cast<int>(boards.size())};
        }
    }
    return {-1, static_cast<int>(boards.size())};
}

}  // namespace kiosk::ui

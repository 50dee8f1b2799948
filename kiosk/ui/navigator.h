#pragma once
// Where a visitor is in a zone's exhibit, and how each touch moves them:
// attract loop → home → section → board → picture, with back and home
// always available, the language, large text and the life-stage filter.
// Pure state: no screen, no clock (the caller decides when a visitor has
// walked away and calls walk_away()).

#include <optional>
#include <string>
#include <vector>

#include "content/package.h"
#include "scene.h"

namespace kiosk::ui {

enum class View { attract, home, section, board, model, picture, filter_chooser };

struct ExhibitView {
    View view = View::attract;
    int section = -1;   // index in the zone's sections (section, board views)
    std::string board;  // board id (board, picture views)
    int model = -1;     // index in the zone's models (model view)
    int picture = -1;   // index in the board's images (picture view)
    content::Language language = content::Language::zh;
    bool large_text = false;
    std::optional<content::LifeStage> filter;

    friend bool operator==(const ExhibitView&, const ExhibitView&) = default;
};

class Navigator {
  public:
    // `zone` must outlive the navigator (or be replaced with set_zone()).
    explicit Navigator(const content::Zone& zone);

    const ExhibitView& view() const { return m_view; }
    const content::Zone& zone() const { return *m_zone; }

    // Does what touching `action` means. Returns whether the view changed.
    bool apply(const Action& action);

    // The visitor left: back to the attract loop, and the next visitor starts
    // afresh (Chinese, normal text, no filter).
    void walk_away();

    // A new package: the visitor stays where they were when the place still
    // exists, else goes home.
    void set_zone(const content::Zone& zone);

    // The boards of a section a visitor sees under the current filter, in order.
    std::vector<const content::Board*> visible_boards(int section) const;
    // The board being read, when the view has one.
    const content::Board* current_board() const;
    // Position of the current board among its section's visible boards, and their count.
    std::pair<int, int> board_position() const;

  private:
    void go(ExhibitView next);
    bool step_board(int direction);
    bool place_exists(const ExhibitView& view) const;

    const content::Zone* m_zone;
    ExhibitView m_view;
    std::vector<ExhibitView> m_history;  // where back goes
};

}  // namespace kiosk::ui

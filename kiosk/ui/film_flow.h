#pragma once
// A board's film, asked for by the visitor: it plays full screen on the
// zone's player (an interrupt of the zone's programme) until the visitor
// closes it, goes back, or walks away.

#include <optional>

#include "content/package.h"
#include "exhibit_flow.h"

namespace kiosk::ui {

class FilmFlow final : public ExhibitFlow {
  public:
    bool on_screen() const override { return m_film.has_value(); }
    FlowOutcome apply(const Action& action, const Navigator& pages,
                      std::vector<ExhibitRequest>& requests) override;
    void walk_away(std::vector<ExhibitRequest>& requests) override;
    Scene lay_out(const LayoutInput& input) const override;

  private:
    std::optional<content::Picture> m_film;  // the film on screen
};

}  // namespace kiosk::ui

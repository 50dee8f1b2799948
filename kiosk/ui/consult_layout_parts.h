#pragma once
// Internal to the consultation screens' layout (consult_layout.cpp,
// consult_rating_layout.cpp): the page they are built on and the parts
// they share.

#include <optional>
#include <string>

#include "consult_flow.h"
#include "layout_parts.h"

namespace kiosk::ui::detail {

// One flow screen's page, filled from the top: a scroll area over the page
// between the title bar and the flow's bar, content x as on screen.
class FlowPage {
  public:
    explicit FlowPage(const LayoutInput& input);

    const LayoutInput& input;
    const Theme& theme;
    content::Language language;
    ScrollArea area;
    int y = 0;  // the next free row, in content coordinates

    int width() const { return area.viewport.w; }
    // The height left below `y` before the page would scroll.
    int room() const;
    // A centred column of at most `widest` pixels (less the margins).
    Rect column(int widest) const;
    const std::string& in(const content::Bilingual& text) const { return text.in(language); }

    // The screen's title in the visitor's language, the other language under it.
    void heading(const content::Bilingual& title);
    // A centred paragraph from `top`; returns its height.
    int paragraph(const std::string& text, const TextStyle& style, Colour colour, int x, int top, int width);
    // A card under the ops placed from `first_op` on.
    void card_under(std::size_t first_op, const Rect& card);
    // A button, `action` and `label` its target's.
    void button(const Rect& rect, const std::string& label, const TextStyle& style, Colour fill,
                const Action& action);
    // The whole screen; a page shorter than the screen is centred in it
    // when `centre` is set, else starts at its top.
    Scene finish(bool centre);
};

// Whether `text` sets in `width` in at most `max_lines` lines, no word broken.
bool fits(const std::string& text, const TextStyle& style, int width, int max_lines,
          const TextMeasure& measure);

// Words that say something is wrong (a number refused, a tick missing).
inline constexpr Colour kWarning{190, 30, 30};

// The filled colour of the category at `index` in the tiles.
Colour category_colour(int index);
// The category's badge (its character in a coloured square, or its picture) in `square`.
void add_badge(std::vector<DrawOp>& ops, const Rect& square, const records::Category& category, int index,
               const LayoutInput& input);

// The five faces in a row across `column` from very satisfied to very
// dissatisfied, each a target of ConsultStep::face; `chosen` ringed.
void add_faces(FlowPage& page, const Rect& column, std::optional<records::Rating> chosen);

// The categories (consult_layout.cpp).
void lay_out_categories(FlowPage& page, const ConsultSettings& settings);
// The request's screens (consult_request_layout.cpp).
void lay_out_topics(FlowPage& page, const ConsultSettings& settings, const ConsultState& state);
void lay_out_summary(FlowPage& page, const ConsultSettings& settings, const ConsultState& state);
void lay_out_consent(FlowPage& page, const ConsultSettings& settings, const ConsultState& state);
void lay_out_keypad(FlowPage& page, const ConsultState& state);

// The screens of the rating and the answers (consult_rating_layout.cpp).
void lay_out_saving(FlowPage& page);
void lay_out_confirmed(FlowPage& page, const ConsultSettings& settings, const ConsultState& state);
void lay_out_desk_rating(FlowPage& page, const ConsultState& state);
void lay_out_reason(FlowPage& page);
void lay_out_thanks(FlowPage& page, const ConsultSettings& settings, const ConsultState& state);
void lay_out_unavailable(FlowPage& page, const ConsultSettings& settings);

}  // namespace kiosk::ui::detail

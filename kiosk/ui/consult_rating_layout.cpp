// Asking for help, the answer's screens: saving, the queue number with the
// rating's faces, the desk's rating, thanks, and "please see the desk".

#include <algorithm>
#include <cmath>
#include <numbers>

#include "consult_layout_parts.h"
#include "consult_text.h"
#include "shapes.h"

namespace kiosk::ui::detail {
namespace {

// Design pixels.
constexpr int kFaceCell = 230;     // widest share of the row a face has
constexpr int kFaceRadius = 62;    // largest face
constexpr int kNumberSize = 150;   // the queue number's type
constexpr int kNumberCard = 900;   // widest the queue number's card is
constexpr int kButtonWidth = 420;  // the screens' buttons (skip, home)
constexpr int kButtonHeight = 96;  //

constexpr double kPi = std::numbers::pi;

Colour face_colour(records::Rating rating) {
    switch (rating) {
        case records::Rating::very_satisfied:
            return {46, 160, 67};
        case records::Rating::satisfied:
            return {130, 190, 60};
        case records::Rating::basically_satisfied:
            return {240, 190, 40};
        case records::Rating::dissatisfied:
            return {240, 130, 40};
        case records::Rating::very_dissatisfied:
            return {214, 60, 50};
    }
    return {240, 190, 40};
}

// A face: its colour, two eyes, and a mouth from a broad smile to a deep frown.
void add_face(std::vector<DrawOp>& ops, double cx, double cy, double r, records::Rating rating) {
    const Colour feature{70, 45, 20};
    ops.push_back(disc(cx, cy, r, face_colour(rating)));
    ops.push_back(disc(cx - 0.34 * r, cy - 0.22 * r, 0.11 * r, feature));
    ops.push_back(disc(cx + 0.34 * r, cy - 0.22 * r, 0.11 * r, feature));
    switch (rating) {
        case records::Rating::very_satisfied:
            ops.push_back(arc(cx, cy + 0.02 * r, 0.5 * r, 0.12 * r, 0.15 * kPi, 0.85 * kPi, feature));
            break;
        case records::Rating::satisfied:
            ops.push_back(arc(cx, cy - 0.05 * r, 0.5 * r, 0.11 * r, 0.3 * kPi, 0.7 * kPi, feature));
            break;
        case records::Rating::basically_satisfied:
            ops.push_back(stroke(cx - 0.3 * r, cy + 0.4 * r, cx + 0.3 * r, cy + 0.4 * r, 0.11 * r, feature));
            break;
        case records::Rating::dissatisfied:
            ops.push_back(arc(cx, cy + 0.95 * r, 0.5 * r, 0.11 * r, 1.3 * kPi, 1.7 * kPi, feature));
            break;
        case records::Rating::very_dissatisfied:
            ops.push_back(arc(cx, cy + 1.0 * r, 0.55 * r, 0.12 * r, 1.15 * kPi, 1.85 * kPi, feature));
            break;
    }
}

std::string face_label(const FlowPage& page, records::Rating rating) {
    return page.language == content::Language::zh ? records::rating_zh(rating) : records::rating_en(rating);
}

// The largest of the page's styles in which every face's label fits under
// it in two lines, no word broken: large text enlarges them only as far as
// the row has room.
TextStyle face_label_style(const FlowPage& page, int width) {
    const Theme& theme = page.theme;
    const auto all_fit = [&](const TextStyle& style) {
        for (int value = 1; value <= records::kRatingCount; ++value) {
            if (!fits(face_label(page, static_cast<records::Rating>(value)), style, width, 2,
                      page.input.measure)) {
                return false;
            }
        }
        return true;
    };
    for (const TextStyle& style : {theme.body, TextStyle{theme.px(30), false}, theme.small}) {
        if (all_fit(style)) {
            return style;
        }
    }
    return TextStyle{theme.px(22), false};
}

// A button centred in `column` on the page's next row.
void add_centred_button(FlowPage& page, const Rect& column, const std::string& label, Colour fill,
                        const Action& action) {
    const Theme& theme = page.theme;
    const int width = std::min(
        column.w,
        std::max(theme.px(kButtonWidth), page.input.measure.width(label, theme.body_bold) + theme.px(64)));
    const int height = std::max(theme.min_target, theme.px(kButtonHeight));
    page.button({column.x + (column.w - width) / 2, page.y, width, height}, label, theme.body_bold, fill,
                action);
    page.y += height + theme.gap;
}

void add_centred_button(FlowPage& page, const std::string& label, Colour fill, const Action& action) {
    add_centred_button(page, page.column(page.width()), label, fill, action);
}

int add_line(FlowPage& page, const Rect& column, const std::string& text, const TextStyle& style,
             Colour colour) {
    const int height = page.paragraph(text, style, colour, column.x, page.y, column.w);
    page.y += height;
    return height;
}

int add_line(FlowPage& page, const std::string& text, const TextStyle& style, Colour colour) {
    return add_line(page, page.column(page.theme.reading_width), text, style, colour);
}

// The rating: its question, the faces and skip, in `column`.
void add_rating(FlowPage& page, const Rect& column, const content::Bilingual& question,
                const ConsultState& state) {
    add_line(page, column, page.in(question), page.theme.heading, page.theme.ink);
    page.y += page.theme.px(16);
    add_faces(page, column, state.rating);
    add_centred_button(page, column, page.in(consult_words::skip), page.theme.button_fill,
                       ConsultFlow::action(ConsultStep::skip_rating));
}

}  // namespace

void add_faces(FlowPage& page, const Rect& column, std::optional<records::Rating> chosen) {
    const Theme& theme = page.theme;
    const int row_width = std::min(column.w, 5 * theme.px(kFaceCell));
    const Rect row{column.x + (column.w - row_width) / 2, page.y, row_width, 0};
    const int cell = row.w / records::kRatingCount;
    const double radius = std::min<double>(theme.px(kFaceRadius), cell * 0.36);
    const TextStyle style = face_label_style(page, cell - theme.px(12));
    const int label_height = 2 * page.input.measure.line_height(style);
    const int top = page.y;
    for (int index = 0; index < records::kRatingCount; ++index) {
        const auto rating = static_cast<records::Rating>(records::kRatingCount - index);  // the best first
        const Rect target{row.x + index * cell, top, cell,
                          static_cast<int>(2 * radius) + theme.px(28) + label_height};
        const double cx = target.x + cell / 2.0;
        const double cy = top + theme.px(8) + radius;
        if (chosen == rating) {
            page.area.ops.push_back(arc(cx, cy, radius + theme.px(9), theme.px(6), 0, 2 * kPi, theme.ink));
        }
        add_face(page.area.ops, cx, cy, radius, rating);
        const std::string label = face_label(page, rating);
        place_text(page.area.ops, label, style,
                   {target.x + theme.px(6), static_cast<int>(cy + radius) + theme.px(12), cell - theme.px(12),
                    theme.ink, Align::centre, 2},
                   page.input.measure);
        page.area.targets.push_back(
            HitTarget{target, ConsultFlow::action(ConsultStep::face, static_cast<int>(rating)), label});
    }
    page.y = top + static_cast<int>(2 * radius) + theme.px(28) + label_height + theme.gap;
}

void lay_out_saving(FlowPage& page) {
    page.heading(consult_words::saving);
}

void lay_out_confirmed(FlowPage& page, const ConsultSettings& settings, const ConsultState& state) {
    const Theme& theme = page.theme;
    page.heading(consult_words::registered);
    // Landscape: the number on the left, the rating on the right; portrait: one under the other.
    const bool beside = !theme.screen.portrait();
    const Rect whole = page.column(page.width());
    const int half = (whole.w - 2 * theme.gap) / 2;
    const Rect left = beside ? Rect{whole.x, page.y, half, 0} : page.column(theme.px(kNumberCard));
    const Rect right = beside ? Rect{whole.right() - half, page.y, half, 0} : whole;
    // The number, large, on a card of its own.
    const int top = page.y;
    const Rect card{left.x + (left.w - std::min(left.w, theme.px(kNumberCard))) / 2, top,
                    std::min(left.w, theme.px(kNumberCard)), 0};
    const std::size_t first_op = page.area.ops.size();
    page.y += theme.px(20);
    page.y += page.paragraph(page.in(consult_words::your_number), theme.body, theme.ink_soft, card.x, page.y,
                             card.w);
    const TextStyle number{theme.px(kNumberSize), true};
    page.y += page.paragraph(state.queue_number, number, theme.accent, card.x, page.y, card.w);
    page.y += theme.px(12);
    page.card_under(first_op, {card.x, top, card.w, page.y - top});
    page.y += theme.px(20);
    add_line(page, left, consult_words::fill_in(page.in(consult_words::go_to), page.in(settings.where)),
             theme.body_bold, theme.ink);
    if (state.callback) {
        add_line(page, left, page.in(consult_words::will_call), theme.body, theme.ink_soft);
    }
    if (beside) {
        const int left_bottom = page.y;
        page.y = top;
        add_rating(page, right, consult_words::rate_service, state);
        page.y = std::max(page.y, left_bottom);
    } else {
        page.y += theme.px(36);
        add_rating(page, right, consult_words::rate_service, state);
    }
}

void lay_out_desk_rating(FlowPage& page, const ConsultState& state) {
    page.heading(consult_words::rate_desk);
    page.y += page.theme.px(16);
    add_faces(page, page.column(page.width()), state.rating);
    add_centred_button(page, page.in(consult_words::skip), page.theme.button_fill,
                       ConsultFlow::action(ConsultStep::skip_rating));
}

void lay_out_thanks(FlowPage& page, const ConsultSettings& settings, const ConsultState& state) {
    const Theme& theme = page.theme;
    page.heading(state.rating ? consult_words::thanks_rated : consult_words::thanks);
    if (!state.queue_number.empty()) {
        add_line(page, consult_words::fill_in(page.in(consult_words::number_reminder), state.queue_number),
                 theme.heading, theme.accent);
        add_line(page, consult_words::fill_in(page.in(consult_words::go_to), page.in(settings.where)),
                 theme.body_bold, theme.ink);
    }
    page.y += theme.px(40);
    if (state.at_desk) {
        add_centred_button(page, page.in(consult_words::done), theme.accent,
                           ConsultFlow::action(ConsultStep::close));
    } else {
        add_centred_button(page, page.in(consult_words::back_home), theme.accent, Action{Action::Kind::home});
    }
}

void lay_out_unavailable(FlowPage& page, const ConsultSettings& settings) {
    const Theme& theme = page.theme;
    page.heading(consult_words::unavailable);
    add_line(page,
             consult_words::fill_in(page.in(consult_words::unavailable_detail), page.in(settings.where)),
             theme.body, theme.ink);
    page.y += theme.px(40);
    add_centred_button(page, page.in(consult_words::back_home), theme.accent, Action{Action::Kind::home});
}

}  // namespace kiosk::ui::detail

// Asking for help, the request's screens laid out: a category's topics,
// the summary with the call-back offer, the consent, the keypad, and a low
// rating's reasons.

#include <algorithm>

#include "consult_layout_parts.h"
#include "consult_text.h"
#include "shapes.h"

namespace kiosk::ui::detail {
namespace {

// Design pixels of the request's screens.
constexpr int kTilePad = 24;         // inside a button of text
constexpr int kChoiceHeight = 110;   // a topic's or a reason's button
constexpr int kPrimaryWidth = 520;   // submit, continue
constexpr int kPrimaryHeight = 110;  //
constexpr int kKeyWidth = 180;       // a keypad key
constexpr int kKeyHeight = 100;      //
constexpr int kKeyGap = 16;          //
constexpr int kTickBox = 60;         // the consent's box

// "138****5678": enough for the visitor to know the number, not for a
// passer-by to read it; one word, so it is never broken across lines.
std::string masked(const std::string& digits) {
    if (digits.size() != 11) {
        return digits;
    }
    return digits.substr(0, 3) + "****" + digits.substr(7);
}

// "138 1234 5678" as it is typed.
std::string grouped(const std::string& digits) {
    std::string text;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i == 3 || i == 7) {
            text += ' ';
        }
        text += digits[i];
    }
    return text;
}

const records::Category& chosen_category(const ConsultSettings& settings, const ConsultState& state) {
    return settings.categories.list()[static_cast<std::size_t>(std::max(0, state.category))];
}

// Choices in rows of `columns`: a topic's or a reason's buttons.
void add_choices(FlowPage& page, const std::vector<std::pair<std::string, Action>>& choices, Colour fill,
                 Colour text) {
    const Theme& theme = page.theme;
    const Rect column = page.column(theme.px(1320));
    const int columns = theme.screen.portrait() ? 1 : 2;
    const int width = (column.w - (columns - 1) * theme.gap) / columns;
    const TextStyle& style = theme.body_bold;
    int height = theme.px(kChoiceHeight);
    for (const auto& [label, action] : choices) {
        const int lines = count_lines(label, style, width - 2 * theme.px(kTilePad), page.input.measure);
        height = std::max(height, lines * page.input.measure.line_height(style) + 2 * theme.px(kTilePad));
    }
    for (std::size_t index = 0; index < choices.size(); ++index) {
        const int row = static_cast<int>(index) / columns;
        const int at = static_cast<int>(index) % columns;
        const Rect rect{column.x + at * (width + theme.gap), page.y + row * (height + theme.gap), width,
                        height};
        page.area.ops.push_back(FillOp{rect, fill});
        page.area.ops.push_back(OutlineOp{rect, theme.card_edge, std::max(1, theme.px(2))});
        const std::string& label = choices[index].first;
        const int text_height =
            count_lines(label, style, width - 2 * theme.px(kTilePad), page.input.measure) *
            page.input.measure.line_height(style);
        place_text(page.area.ops, label, style,
                   {rect.x + theme.px(kTilePad), rect.y + (rect.h - text_height) / 2,
                    rect.w - 2 * theme.px(kTilePad), text, Align::centre, 2},
                   page.input.measure);
        page.area.targets.push_back(HitTarget{rect, choices[index].second, label});
    }
    const int rows = (static_cast<int>(choices.size()) + columns - 1) / columns;
    page.y += rows * (height + theme.gap);
}

// One line of the summary's card: what, then its value, at `y`, or the
// value under it where the two do not fit side by side; returns the height.
int add_summary_row(FlowPage& page, const Rect& card, int y, const std::string& what,
                    const std::string& value) {
    const Theme& theme = page.theme;
    const TextMeasure& measure = page.input.measure;
    const int pad = theme.px(32);
    const int label_width = std::max(theme.px(220), measure.width(what, theme.body) + theme.px(24));
    const int value_x = card.x + pad + label_width;
    if (fits(value, theme.heading, card.right() - pad - value_x, 2, measure)) {
        // The label sits on the value's first line.
        const int drop = measure.line_height(theme.heading) - measure.line_height(theme.body);
        place_text(page.area.ops, what, theme.body,
                   {card.x + pad, y + drop * 2 / 3, label_width, theme.ink_soft, Align::left, 1}, measure);
        return place_text(page.area.ops, value, theme.heading,
                          {value_x, y, card.right() - pad - value_x, theme.ink, Align::left, 2}, measure);
    }
    const int width = card.w - 2 * pad;
    const int label_height = place_text(page.area.ops, what, theme.body,
                                        {card.x + pad, y, width, theme.ink_soft, Align::left, 1}, measure);
    return label_height + place_text(page.area.ops, value, theme.heading,
                                     {card.x + pad, y + label_height, width, theme.ink, Align::left, 2},
                                     measure);
}

}  // namespace

void lay_out_topics(FlowPage& page, const ConsultSettings& settings, const ConsultState& state) {
    const records::Category& category = chosen_category(settings, state);
    page.heading({category.zh, category.en});
    const Rect column = page.column(page.theme.reading_width);
    page.y += page.paragraph(page.in(consult_words::choose_topic), page.theme.body, page.theme.ink_soft,
                             column.x, page.y, column.w);
    page.y += page.theme.gap;
    std::vector<std::pair<std::string, Action>> choices;
    for (std::size_t index = 0; index < category.topics.size(); ++index) {
        const records::Topic& topic = category.topics[index];
        choices.emplace_back(page.in({topic.zh, topic.en}),
                             ConsultFlow::action(ConsultStep::topic, static_cast<int>(index)));
    }
    choices.emplace_back(page.in(consult_words::other_topic), ConsultFlow::action(ConsultStep::other_topic));
    add_choices(page, choices, page.theme.card, page.theme.ink);
}

void lay_out_summary(FlowPage& page, const ConsultSettings& settings, const ConsultState& state) {
    const Theme& theme = page.theme;
    const records::Category& category = chosen_category(settings, state);
    page.heading(consult_words::check_request);
    const Rect column = page.column(theme.reading_width);
    const int pad = theme.px(32);
    const std::size_t first_op = page.area.ops.size();
    const int top = page.y;
    int y = top + pad;
    y += add_summary_row(page, column, y, page.in(consult_words::subject),
                         page.in({category.zh, category.en}));
    y += theme.gap;
    std::string topic = page.in(consult_words::other_topic);
    if (state.topic >= 0) {
        const records::Topic& chosen = category.topics[static_cast<std::size_t>(state.topic)];
        topic = page.in({chosen.zh, chosen.en});
    }
    y += add_summary_row(page, column, y, page.in(consult_words::topic), topic);
    y += theme.gap;
    // The call-back: the number kept (masked), or the offer of one.
    const std::string label =
        page.in(state.callback ? consult_words::no_call_back : consult_words::call_me_back);
    const int button_width = page.input.measure.width(label, theme.body_bold) + theme.px(64);
    const int button_height = std::max(theme.min_target, theme.px(96));
    // Its text level with the button's middle, and the row as tall as both need.
    const int down = std::max(0, (button_height - page.input.measure.line_height(theme.heading)) / 2);
    const int value_height = add_summary_row(
        page, {column.x, column.y, column.w - button_width - pad, column.h}, y + down,
        page.in(consult_words::call_back_number), state.callback ? masked(state.digits) : "—");
    page.button({column.right() - pad - button_width, y, button_width, button_height}, label, theme.body_bold,
                theme.button_fill,
                ConsultFlow::action(state.callback ? ConsultStep::remove_call_back : ConsultStep::call_back));
    y += std::max(button_height, down + value_height) + pad;
    page.card_under(first_op, {column.x, top, column.w, y - top});
    page.y = y + theme.px(40);
    const int width = std::min(column.w, theme.px(kPrimaryWidth));
    page.button({column.x + (column.w - width) / 2, page.y, width, theme.px(kPrimaryHeight)},
                page.in(consult_words::submit), theme.heading, theme.accent,
                ConsultFlow::action(ConsultStep::submit));
    page.y += theme.px(kPrimaryHeight) + theme.gap;
}

void lay_out_consent(FlowPage& page, const ConsultSettings& settings, const ConsultState& state) {
    const Theme& theme = page.theme;
    page.heading(consult_words::consent_title);
    const Rect column = page.column(theme.reading_width);
    const int pad = theme.px(32);
    const std::size_t first_op = page.area.ops.size();
    const int top = page.y;
    std::vector<DrawOp>& on_card = page.area.ops;
    int y = top + pad;
    y += place_text(on_card,
                    consult_words::fill_in(page.in(consult_words::consent_text),
                                           std::to_string(settings.callback_retention_days)),
                    theme.body, {column.x + pad, y, column.w - 2 * pad, theme.ink, Align::left, 0},
                    page.input.measure);
    y += theme.px(28);
    // The tick: a box and its words, one target.
    const int box = std::max(theme.min_target, theme.px(kTickBox));
    const int label_x = column.x + pad + box + theme.px(24);
    const int label_width = column.right() - pad - label_x;
    const std::string tick_label = page.in(consult_words::consent_tick);
    const int label_height = count_lines(tick_label, theme.body_bold, label_width, page.input.measure) *
                             page.input.measure.line_height(theme.body_bold);
    const int row_height = std::max(box, label_height);
    const Rect row{column.x + pad / 2, y - theme.px(12), column.w - pad, row_height + theme.px(24)};
    const Rect square{column.x + pad, y + (row_height - box) / 2, box, box};
    on_card.push_back(FillOp{square, state.consent ? theme.accent : theme.card});
    on_card.push_back(
        OutlineOp{square, state.consent ? theme.accent : theme.ink_soft, std::max(2, theme.px(4))});
    if (state.consent) {
        const double s = box / 100.0;
        const double thick = std::max(3.0, 12 * s);
        on_card.push_back(stroke(square.x + 22 * s, square.y + 52 * s, square.x + 42 * s, square.y + 72 * s,
                                 thick, theme.on_dark));
        on_card.push_back(stroke(square.x + 42 * s, square.y + 72 * s, square.x + 80 * s, square.y + 30 * s,
                                 thick, theme.on_dark));
    }
    place_text(on_card, tick_label, theme.body_bold,
               {label_x, y + (row_height - label_height) / 2, label_width, theme.ink, Align::left, 0},
               page.input.measure);
    y += row_height + pad;
    page.card_under(first_op, {column.x, top, column.w, y - top});
    page.area.targets.push_back(HitTarget{row, ConsultFlow::action(ConsultStep::tick_consent), tick_label});
    page.y = y + theme.px(24);
    if (state.consent_missing) {
        page.y += page.paragraph(page.in(consult_words::consent_needed), theme.body_bold, kWarning, column.x,
                                 page.y, column.w);
        page.y += theme.px(16);
    }
    const int width = std::min(column.w, theme.px(kPrimaryWidth));
    page.button({column.x + (column.w - width) / 2, page.y, width, theme.px(kPrimaryHeight)},
                page.in(consult_words::go_on), theme.heading,
                state.consent ? theme.accent : theme.button_fill,
                ConsultFlow::action(ConsultStep::consent_given));
    page.y += theme.px(kPrimaryHeight) + theme.gap;
}

void lay_out_keypad(FlowPage& page, const ConsultState& state) {
    const Theme& theme = page.theme;
    page.heading(consult_words::enter_number);
    const int key_width = std::max(theme.min_target, theme.px(kKeyWidth));
    const int key_height = std::max(theme.min_target, theme.px(kKeyHeight));
    const int gap = theme.px(kKeyGap);
    const int pad_width = 3 * key_width + 2 * gap;
    const int pad_height = 4 * key_height + 3 * gap;
    // Landscape: the number beside the keys; portrait: above them.
    const bool beside = !theme.screen.portrait();
    const Rect content = page.column(theme.px(1400));
    const int field_width =
        beside ? content.w - pad_width - theme.px(80) : std::min(content.w, theme.px(760));
    const int field_x = beside ? content.x : content.x + (content.w - field_width) / 2;
    const int top = page.y;
    // The number typed, or what to type, in a field.
    const TextStyle number_style{theme.px(theme.large_text ? 72 : 60), true};
    const int field_height = page.input.measure.line_height(number_style) + theme.px(40);
    const int field_y = beside ? top + (pad_height - field_height) / 2 - theme.px(40) : top;
    const Rect field{field_x, std::max(top, field_y), field_width, field_height};
    page.area.ops.push_back(FillOp{field, theme.card});
    page.area.ops.push_back(OutlineOp{field, theme.accent, std::max(2, theme.px(4))});
    if (state.digits.empty()) {
        place_text(page.area.ops, page.in(consult_words::number_hint), theme.body,
                   {field.x, field.y + (field.h - page.input.measure.line_height(theme.body)) / 2, field.w,
                    theme.ink_soft, Align::centre, 1},
                   page.input.measure);
    } else {
        place_text(page.area.ops, grouped(state.digits), number_style,
                   {field.x, field.y + theme.px(20), field.w, theme.ink, Align::centre, 1},
                   page.input.measure);
    }
    int below = field.bottom() + theme.px(20);
    if (state.number_refused) {
        below += page.paragraph(page.in(consult_words::not_mobile), theme.body_bold, kWarning, field.x, below,
                                field.w);
    }
    const int keys_x = beside ? content.right() - pad_width : content.x + (content.w - pad_width) / 2;
    const int keys_y = beside ? top : below + theme.px(24);
    for (int index = 0; index < 12; ++index) {
        const Rect key{keys_x + (index % 3) * (key_width + gap), keys_y + (index / 3) * (key_height + gap),
                       key_width, key_height};
        if (index < 9 || index == 10) {
            const int digit = index < 9 ? index + 1 : 0;
            page.button(key, std::to_string(digit), TextStyle{theme.px(48), true}, theme.button_fill,
                        ConsultFlow::action(ConsultStep::digit, digit));
        } else if (index == 9) {
            page.button(key, page.in(consult_words::delete_digit), theme.body_bold, theme.ink_soft,
                        ConsultFlow::action(ConsultStep::delete_digit));
        } else {
            page.button(key, page.in(consult_words::done), theme.body_bold, theme.accent,
                        ConsultFlow::action(ConsultStep::number_done));
        }
    }
    page.y = std::max(below, keys_y + pad_height) + theme.gap;
}

void lay_out_reason(FlowPage& page) {
    page.heading(consult_words::reason_title);
    std::vector<std::pair<std::string, Action>> choices;
    for (std::size_t index = 0; index < consult_words::reasons.size(); ++index) {
        choices.emplace_back(page.in(consult_words::reasons[index]),
                             ConsultFlow::action(ConsultStep::reason, static_cast<int>(index)));
    }
    add_choices(page, choices, page.theme.card, page.theme.ink);
    page.y += page.theme.px(16);
    const Rect column = page.column(page.theme.px(1320));
    const std::string label = page.in(consult_words::no_reason);
    const int width = std::min(
        column.w, std::max(page.theme.px(kPrimaryWidth),
                           page.input.measure.width(label, page.theme.body_bold) + page.theme.px(64)));
    page.button({column.x + (column.w - width) / 2, page.y, width,
                 std::max(page.theme.min_target, page.theme.px(96))},
                label, page.theme.body_bold, page.theme.button_fill,
                ConsultFlow::action(ConsultStep::no_reason));
    page.y += page.theme.px(96) + page.theme.gap;
}

}  // namespace kiosk::ui::detail

// A board: its title, rich text, steps, pictures and film in one scrolling
// column, with arrows to the section's previous and next boards.

#include <algorithm>
#include <string>

#include "layout_parts.h"
#include "ui_text.h"

namespace kiosk::ui::detail {
namespace {

std::string replace_number(const std::string& pattern, int number) {
    std::string text = pattern;
    const auto at = text.find("{}");
    if (at != std::string::npos) {
        text.replace(at, 2, std::to_string(number));
    }
    return text;
}

// The rich text of a body, block after block; returns the new y.
int add_body(ScrollArea& area, const content::RichText& body, int x, int y, int width,
             const LayoutInput& input) {
    const Theme& theme = input.theme;
    const int indent = theme.px(44);
    for (const content::TextBlock& block : body) {
        switch (block.kind) {
            case content::TextBlock::Kind::heading:
                y += theme.px(12);
                y += place_text(area.ops, spans_of(block, theme.heading, theme.heading),
                                {x, y, width, theme.accent}, input.measure);
                break;
            case content::TextBlock::Kind::paragraph:
                y += place_text(area.ops, spans_of(block, theme.body, theme.body_bold),
                                {x, y, width, theme.ink}, input.measure);
                break;
            case content::TextBlock::Kind::bullet:
            case content::TextBlock::Kind::numbered: {
                const std::string mark =
                    block.kind == content::TextBlock::Kind::bullet ? "•" : std::to_string(block.number) + ".";
                place_text(area.ops, mark, theme.body_bold, {x, y, indent, theme.accent}, input.measure);
                y += place_text(area.ops, spans_of(block, theme.body, theme.body_bold),
                                {x + indent, y, width - indent, theme.ink}, input.measure);
                break;
            }
        }
        y += theme.px(18);
    }
    return y;
}

int add_steps(ScrollArea& area, const content::Board& board, int x, int y, int width,
              const LayoutInput& input) {
    const Theme& theme = input.theme;
    const content::Language language = input.navigator.view().language;
    const int badge = theme.px(72);
    const int text_x = x + badge + theme.px(24);
    const int text_width = width - badge - theme.px(24);
    int number = 1;
    for (const content::ProcedureStep& step : board.steps) {
        const int top = y;
        area.ops.push_back(FillOp{{x, y, badge, badge}, theme.accent});
        place_text(area.ops, std::to_string(number), theme.heading,
                   {x, y + (badge - input.measure.line_height(theme.heading)) / 2, badge, theme.on_dark,
                    Align::centre},
                   input.measure);
        y += place_text(area.ops, replace_number(words::step.in(language), number), theme.small,
                        {text_x, y, text_width, theme.ink_soft}, input.measure);
        y += place_text(area.ops, step.title.in(language), theme.heading, {text_x, y, text_width, theme.ink},
                        input.measure);
        if (step.detail) {
            y += theme.px(6);
            y += place_text(area.ops, step.detail->in(language), theme.body,
                            {text_x, y, text_width, theme.ink}, input.measure);
        }
        if (!step.bring.empty()) {
            y += theme.px(10);
            y += place_text(area.ops, words::what_to_bring.in(language), theme.body_bold,
                            {text_x, y, text_width, theme.accent}, input.measure);
            for (const content::Bilingual& item : step.bring) {
                place_text(area.ops, "•", theme.body, {text_x, y, theme.px(36), theme.ink}, input.measure);
                y += place_text(area.ops, item.in(language), theme.body,
                                {text_x + theme.px(36), y, text_width - theme.px(36), theme.ink},
                                input.measure);
            }
        }
        if (step.where) {
            y += theme.px(10);
            y += place_text(area.ops,
                            std::vector<StyledText>{{words::where_to_go.in(language) +
                                                         (language == content::Language::zh ? "：" : ": "),
                                                     theme.body_bold},
                                                    {step.where->in(language), theme.body}},
                            {text_x, y, text_width, theme.ink}, input.measure);
        }
        y = std::max(y, top + badge) + theme.px(36);
        ++number;
    }
    return y;
}

}  // namespace

void lay_out_board(Scene& scene, const LayoutInput& input) {
    const Theme& theme = input.theme;
    const content::Board* board = input.navigator.current_board();
    if (board == nullptr) {
        return;
    }
    const ExhibitView& view = input.navigator.view();
    const content::Language language = view.language;
    const Rect page = page_area(theme);
    const int arrow = std::max(theme.min_target, theme.px(88));
    const int column = std::min(theme.reading_width, page.w - 2 * (arrow + 2 * theme.gap));
    const int left = (page.w - column) / 2;

    ScrollArea area;
    area.viewport = {left, page.y, column, page.h};
    int y = theme.margin;
    const bool question = input.navigator.zone().sections[static_cast<std::size_t>(view.section)].kind ==
                          content::SectionKind::hot_topics;
    if (question) {
        y += place_text(area.ops, words::question.in(language), theme.small, {0, y, column, theme.accent},
                        input.measure);
    }
    y += place_text(area.ops, board->title.in(language), theme.page_title,
                    {0, y, column, theme.ink, Align::left, 2}, input.measure);
    if (!board->audiences.empty()) {
        std::string stages = words::for_whom.in(language);
        for (std::size_t index = 0; index < board->audiences.size(); ++index) {
            stages += (index > 0 ? (language == content::Language::zh ? "、" : ", ") : "") +
                      words::stage_name(board->audiences[index]).in(language);
        }
        y += theme.px(8);
        y += place_text(area.ops, stages, theme.small, {0, y, column, theme.ink_soft}, input.measure);
    }
    area.ops.push_back(FillOp{{0, y + theme.px(16), column, std::max(2, theme.px(4))}, theme.accent});
    y += theme.px(40);
    if (question) {
        y += place_text(area.ops, words::answer.in(language), theme.small, {0, y, column, theme.accent},
                        input.measure);
    }
    y = add_body(area, board->body(language), 0, y, column, input);
    if (!board->steps.empty()) {
        y += theme.px(16);
        y = add_steps(area, *board, 0, y, column, input);
    }
    if (board->video) {
        const int height = column * 9 / 16;
        const Rect poster{0, y, column, height};
        area.ops.push_back(FillOp{poster, Colour{20, 22, 28}});
        const std::string label = "▶  " + words::play_film.in(language);
        place_text(area.ops, label, theme.tile_title,
                   {0, y + (height - input.measure.line_height(theme.tile_title)) / 2, column, theme.on_dark,
                    Align::centre, 1},
                   input.measure);
        area.targets.push_back(HitTarget{poster, Action{Action::Kind::play_film}});
        y += height + theme.px(10);
        y += place_text(area.ops, board->video->caption.in(language), theme.caption,
                        {0, y, column, theme.ink_soft, Align::left, 3}, input.measure);
        y += theme.px(32);
    }
    for (std::size_t index = 0; index < board->images.size(); ++index) {
        const content::Picture& picture = board->images[index];
        const auto size = input.pictures.size_of(picture.file);
        const int height = size ? std::min(column * size->height / std::max(1, size->width), page.h * 3 / 4)
                                : column * 10 / 16;
        const Rect box{0, y, column, height};
        const Rect drawn = size ? fit_within(*size, box) : box;
        area.ops.push_back(PictureOp{picture.file, drawn});
        area.targets.push_back(HitTarget{drawn, Action{Action::Kind::open_picture, static_cast<int>(index)}});
        y += height + theme.px(10);
        y += place_text(area.ops, picture.caption.in(language), theme.caption,
                        {0, y, column, theme.ink_soft, Align::left, 3}, input.measure);
        y += theme.px(32);
    }
    area.content_height = y + theme.margin;
    scene.scroll = std::move(area);

    // Arrows to the neighbouring boards, and where this one stands among them.
    const auto [position, count] = input.navigator.board_position();
    const int arrow_y = page.y + (page.h - arrow) / 2;
    if (position > 0) {
        add_button(scene.over, scene.targets, {theme.gap, arrow_y, arrow, arrow}, "‹", theme.page_title,
                   theme.button_fill, theme.on_dark, Action{Action::Kind::previous_board}, input);
    }
    if (position >= 0 && position + 1 < count) {
        add_button(scene.over, scene.targets, {page.w - theme.gap - arrow, arrow_y, arrow, arrow}, "›",
                   theme.page_title, theme.button_fill, theme.on_dark, Action{Action::Kind::next_board},
                   input);
    }
    if (position >= 0) {
        const std::string where = std::to_string(position + 1) + " / " + std::to_string(count);
        place_text(scene.over, where, theme.small,
                   {page.w - theme.gap - arrow - theme.px(40), page.bottom() - theme.px(48),
                    arrow + theme.px(40), theme.ink_soft, Align::right, 1},
                   input.measure);
    }
}

}  // namespace kiosk::ui::detail

// The zone's home screen (its sections and models as tiles, and the film
// now showing) and a section's list of boards.

#include <algorithm>
#include <string>

#include "layout_parts.h"
#include "ui_text.h"

namespace kiosk::ui::detail {
namespace {

content::Language other(content::Language language) {
    return language == content::Language::zh ? content::Language::en : content::Language::zh;
}

std::string count_label(int count, content::Language language) {
    const std::string& noun = words::boards_count.in(language);
    return std::to_string(count) + (language == content::Language::zh ? " " : " ") + noun;
}

// One tile: a card with the zone's colour down its side, the title in the
// visitor's language, the other language under it, and a small note.
int add_tile(ScrollArea& area, const Rect& rect, const content::Bilingual& title, const std::string& note,
             const Action& action, const LayoutInput& input) {
    const Theme& theme = input.theme;
    const content::Language language = input.navigator.view().language;
    area.ops.push_back(FillOp{rect, theme.card});
    area.ops.push_back(OutlineOp{rect, theme.card_edge, std::max(1, theme.px(2))});
    area.ops.push_back(FillOp{{rect.x, rect.y, theme.px(12), rect.h}, theme.accent});
    const int pad = theme.px(28);
    int y = rect.y + pad;
    y += place_text(area.ops, title.in(language), theme.tile_title,
                    {rect.x + pad, y, rect.w - 2 * pad, theme.ink, Align::left, 2}, input.measure);
    y += place_text(area.ops, title.in(other(language)), theme.tile_subtitle,
                    {rect.x + pad, y, rect.w - 2 * pad, theme.ink_soft, Align::left, 1}, input.measure);
    if (!note.empty()) {
        place_text(area.ops, note, theme.small,
                   {rect.x + pad, rect.bottom() - pad - input.measure.line_height(theme.small),
                    rect.w - 2 * pad, theme.accent, Align::left, 1},
                   input.measure);
    }
    area.targets.push_back(HitTarget{rect, action});
    return rect.h;
}

}  // namespace

void lay_out_home(Scene& scene, const LayoutInput& input) {
    const Theme& theme = input.theme;
    const content::Zone& zone = input.navigator.zone();
    const content::Language language = input.navigator.view().language;
    const Rect page = page_area(theme);
    int top = page.y + theme.margin;
    if (zone.welcome) {
        top += place_text(scene.under, zone.welcome->in(language), theme.body,
                          {theme.margin, top, page.w - 2 * theme.margin, theme.ink_soft, Align::left, 2},
                          input.measure);
        top += theme.gap;
    }

    // The film keeps playing on the home screen: the zone's programme is
    // never interrupted by a visitor, only made smaller.
    const int film_width = home_film_width(theme);
    const int film_height = film_width * 9 / 16;
    Rect film{theme.margin, top, film_width, film_height};
    Rect grid{theme.margin, top, page.w - 2 * theme.margin, page.bottom() - top};
    if (!theme.screen.portrait()) {
        film.x = page.w - theme.margin - film_width;
        grid.w = film.x - theme.gap - theme.margin;
    }
    const int label_height = input.measure.line_height(theme.small) + theme.px(12);
    if (theme.screen.portrait()) {
        grid.y = film.y + label_height + film_height + theme.gap;
        grid.h = page.bottom() - grid.y;
    }
    scene.under.push_back(FillOp{{film.x, film.y, film.w, label_height}, theme.accent});
    place_text(
        scene.under, words::now_showing.in(language), theme.small,
        {film.x + theme.px(16), film.y + theme.px(6), film.w - theme.px(32), theme.on_dark, Align::left, 1},
        input.measure);
    const Rect picture{film.x, film.y + label_height, film.w, film_height};
    scene.under.push_back(FillOp{picture, Colour{0, 0, 0}});
    scene.under.push_back(FilmOp{picture});
    scene.shows_film = true;

    ScrollArea area;
    area.viewport = {grid.x, grid.y, grid.w, grid.h};
    const int tile_width = home_tile_width(theme);
    const int tile_height =
        std::max(theme.min_target, theme.px(56) + 2 * input.measure.line_height(theme.tile_title) +
                                       input.measure.line_height(theme.tile_subtitle) +
                                       input.measure.line_height(theme.small) + theme.px(8));
    int index = 0;
    auto next_rect = [&]() {
        const int column = index % 2;
        const int row = index / 2;
        ++index;
        return Rect{column * (tile_width + theme.gap), row * (tile_height + theme.gap), tile_width,
                    tile_height};
    };
    for (std::size_t section = 0; section < zone.sections.size(); ++section) {
        const int count = static_cast<int>(input.navigator.visible_boards(static_cast<int>(section)).size());
        add_tile(area, next_rect(), zone.sections[section].title, count_label(count, language),
                 Action{Action::Kind::open_section, static_cast<int>(section)}, input);
    }
    for (std::size_t model = 0; model < zone.models.size(); ++model) {
        add_tile(area, next_rect(), zone.models[model].title, words::touch_a_marker.in(language),
                 Action{Action::Kind::open_model, static_cast<int>(model)}, input);
    }
    area.content_height = ((index + 1) / 2) * (tile_height + theme.gap);
    scene.scroll = std::move(area);
}

void lay_out_section(Scene& scene, const LayoutInput& input) {
    const Theme& theme = input.theme;
    const content::Zone& zone = input.navigator.zone();
    const ExhibitView& view = input.navigator.view();
    const content::Section& section = zone.sections[static_cast<std::size_t>(view.section)];
    const Rect page = page_area(theme);
    const int column = std::min(page.w - 2 * theme.margin, theme.reading_width + theme.px(200));
    const int left = (page.w - column) / 2;
    int top = page.y + theme.margin;
    top += place_text(scene.under, section.title.in(view.language), theme.page_title,
                      {left, top, column, theme.ink, Align::left, 1}, input.measure);
    top += theme.gap;

    ScrollArea area;
    area.viewport = {left, top, column, page.bottom() - top};
    const auto boards = input.navigator.visible_boards(view.section);
    const int pad = theme.px(24);
    const int thumb_width = theme.px(240);
    const int thumb_height = thumb_width * 5 / 8;
    int y = 0;
    for (const content::Board* board : boards) {
        std::vector<DrawOp> text;
        const int text_left = pad + thumb_width + pad;
        const int text_width = column - text_left - pad;
        int text_height =
            place_text(text, board->title.in(view.language), theme.tile_title,
                       {text_left, y + pad, text_width, theme.ink, Align::left, 2}, input.measure);
        if (board->summary) {
            text_height += theme.px(8);
            text_height +=
                place_text(text, board->summary->in(view.language), theme.small,
                           {text_left, y + pad + text_height, text_width, theme.ink_soft, Align::left, 2},
                           input.measure);
        }
        const int height = std::max({text_height, thumb_height, theme.min_target}) + 2 * pad;
        const Rect card{0, y, column, height};
        area.ops.push_back(FillOp{card, theme.card});
        area.ops.push_back(OutlineOp{card, theme.card_edge, std::max(1, theme.px(2))});
        const Rect thumb{pad, y + (height - thumb_height) / 2, thumb_width, thumb_height};
        if (!board->images.empty()) {
            const auto size = input.pictures.size_of(board->images.front().file);
            area.ops.push_back(FillOp{thumb, theme.page});
            area.ops.push_back(
                PictureOp{board->images.front().file, size ? fit_within(*size, thumb) : thumb});
        } else {
            area.ops.push_back(FillOp{thumb, theme.accent});
        }
        area.ops.insert(area.ops.end(), text.begin(), text.end());
        area.targets.push_back(HitTarget{card, Action{Action::Kind::open_board, -1, board->id}});
        y += height + theme.gap;
    }
    if (boards.empty()) {
        y += place_text(area.ops, words::nothing_for_stage.in(view.language), theme.body,
                        {0, y, column, theme.ink_soft, Align::left, 0}, input.measure);
        y += theme.gap;
        const int width =
            input.measure.width(words::show_everything.in(view.language), theme.button) + theme.px(64);
        add_button(area.ops, area.targets, {0, y, width, theme.px(96)},
                   words::show_everything.in(view.language), theme.button, theme.accent, theme.on_dark,
                   Action{Action::Kind::set_filter}, input);
        y += theme.px(96) + theme.gap;
    }
    area.content_height = y;
    scene.scroll = std::move(area);
}

}  // namespace kiosk::ui::detail

// Asking for help laid out: the categories as tiles, and each of the
// flow's screens to its layout (the request's in consult_request_layout.cpp,
// the answer's in consult_rating_layout.cpp).

#include "consult_layout.h"

#include <algorithm>
#include <optional>

#include "consult_layout_parts.h"
#include "consult_text.h"

namespace kiosk::ui::detail {
namespace {

// Design pixels of the category tiles.
constexpr int kBadge = 88;          // a category's badge on its tile
constexpr int kPortraitBadge = 96;  // beside the labels, on a portrait screen's wider tiles
constexpr int kTilePad = 24;        // inside a tile
constexpr int kMaxColumns = 5;      // of category tiles on a landscape screen
constexpr int kSubtitleSize = 24;   // a tile's other-language label
constexpr int kRowBadge = 72;       // a category's badge in rows (large text: the most fit)
constexpr int kRowPad = 14;         // above and below it
constexpr int kRowGap = 16;         // between rows

// How the category tiles are set: in columns, the badge over the labels
// (landscape) or beside them (portrait), and in a single column with both
// labels on one line when large text leaves no room for more.
struct CategoryGrid {
    enum class Tile { stacked, beside, row };
    Tile tile = Tile::stacked;
    int columns = kMaxColumns;
    int width = 0;       // a tile's
    int height = 0;      // a tile's
    int badge = 0;       // its side
    int text_width = 0;  // of the labels
    int lines = 1;       // of the visitor's language's label
    int second_lines = 1;
    int gap = 0;         // between tiles
    TextStyle subtitle;  // the other language's label
};

// The grid of `tile` tiles in `columns` across `width`, if every label sets whole in it.
std::optional<CategoryGrid> try_grid(const FlowPage& page, const std::vector<records::Category>& list,
                                     int width, CategoryGrid::Tile tile, int columns) {
    const Theme& theme = page.theme;
    const TextMeasure& measure = page.input.measure;
    const content::Language second =
        page.language == content::Language::zh ? content::Language::en : content::Language::zh;
    const int pad = theme.px(kTilePad);
    CategoryGrid grid;
    grid.tile = tile;
    grid.columns = columns;
    grid.gap = tile == CategoryGrid::Tile::row ? theme.px(kRowGap) : theme.gap;
    grid.width = (width - (columns - 1) * grid.gap) / columns;
    // The other language is for the other visitors: large text leaves it be,
    // so the tiles still fit the screen.
    grid.subtitle = TextStyle{theme.px(kSubtitleSize), false};
    grid.badge = theme.px(tile == CategoryGrid::Tile::stacked  ? kBadge
                          : tile == CategoryGrid::Tile::beside ? kPortraitBadge
                                                               : kRowBadge);
    grid.text_width =
        tile == CategoryGrid::Tile::stacked ? grid.width - 2 * pad : grid.width - grid.badge - 3 * pad;
    // Two lines a label; three beside the badge, on a portrait screen's height; one in a row.
    const int max_lines = tile == CategoryGrid::Tile::stacked  ? 2
                          : tile == CategoryGrid::Tile::beside ? 3
                                                               : 1;
    for (const records::Category& category : list) {
        if (!fits(page.in({category.zh, category.en}), theme.tile_title, grid.text_width, max_lines,
                  measure)) {
            return std::nullopt;
        }
    }
    if (tile == CategoryGrid::Tile::row) {
        grid.height = std::max(grid.badge, measure.line_height(theme.tile_title)) + 2 * theme.px(kRowPad);
        return grid;
    }
    // Every tile as tall as the tallest needs.
    for (const records::Category& category : list) {
        const content::Bilingual name{category.zh, category.en};
        grid.lines = std::max(
            grid.lines, count_lines(name.in(page.language), theme.tile_title, grid.text_width, measure));
        grid.second_lines =
            std::max(grid.second_lines,
                     std::min(2, count_lines(name.in(second), grid.subtitle, grid.text_width, measure)));
    }
    const int text_height = grid.lines * measure.line_height(theme.tile_title) +
                            grid.second_lines * measure.line_height(grid.subtitle);
    grid.height = tile == CategoryGrid::Tile::beside ? std::max(grid.badge, text_height) + 2 * pad
                                                     : pad + grid.badge + theme.px(16) + text_height + pad;
    return grid;
}

// The first of the screen's ways to set the tiles that shows them all in
// `height`, else the first that sets every label whole (and scrolls).
CategoryGrid category_grid(const FlowPage& page, const std::vector<records::Category>& list, int width,
                           int height) {
    using Tile = CategoryGrid::Tile;
    const std::vector<std::pair<Tile, int>> landscape{{Tile::stacked, kMaxColumns},
                                                      {Tile::stacked, kMaxColumns - 1},
                                                      {Tile::row, 2},
                                                      {Tile::stacked, 3},
                                                      {Tile::row, 1}};
    const std::vector<std::pair<Tile, int>> portrait{{Tile::beside, 2}, {Tile::row, 1}};
    std::optional<CategoryGrid> whole;
    for (const auto& [tile, columns] : page.theme.screen.portrait() ? portrait : landscape) {
        const auto grid = try_grid(page, list, width, tile, columns);
        if (!grid) {
            continue;
        }
        const int rows = (static_cast<int>(list.size()) + columns - 1) / columns;
        if (rows * (grid->height + grid->gap) - grid->gap <= height) {
            return *grid;
        }
        if (!whole) {
            whole = grid;
        }
    }
    if (whole) {
        return *whole;
    }
    // (Labels too long for any: cut with "…" in a single column.)
    CategoryGrid grid = *try_grid(page, {}, width, Tile::row, 1);
    return grid;
}

void add_category_tile(FlowPage& page, const CategoryGrid& grid, const Rect& tile,
                       const records::Category& category, int index) {
    const Theme& theme = page.theme;
    const TextMeasure& measure = page.input.measure;
    const content::Language second =
        page.language == content::Language::zh ? content::Language::en : content::Language::zh;
    const content::Bilingual name{category.zh, category.en};
    const int pad = theme.px(kTilePad);
    const int title_height = grid.lines * measure.line_height(theme.tile_title);
    const int text_height = title_height + grid.second_lines * measure.line_height(grid.subtitle);
    std::vector<DrawOp>& ops = page.area.ops;
    ops.push_back(FillOp{tile, theme.card});
    ops.push_back(OutlineOp{tile, theme.card_edge, std::max(1, theme.px(2))});
    switch (grid.tile) {
        case CategoryGrid::Tile::stacked: {
            add_badge(ops, {tile.x + (tile.w - grid.badge) / 2, tile.y + pad, grid.badge, grid.badge},
                      category, index, page.input);
            const int top = tile.y + pad + grid.badge + theme.px(16);
            place_text(ops, name.in(page.language), theme.tile_title,
                       {tile.x + pad, top, grid.text_width, theme.ink, Align::centre, grid.lines}, measure);
            place_text(ops, name.in(second), grid.subtitle,
                       {tile.x + pad, top + title_height, grid.text_width, theme.ink_soft, Align::centre, 2},
                       measure);
            break;
        }
        case CategoryGrid::Tile::beside: {
            add_badge(ops, {tile.x + pad, tile.y + (tile.h - grid.badge) / 2, grid.badge, grid.badge},
                      category, index, page.input);
            const int x = tile.x + 2 * pad + grid.badge;
            const int top = tile.y + (tile.h - text_height) / 2;
            place_text(ops, name.in(page.language), theme.tile_title,
                       {x, top, grid.text_width, theme.ink, Align::left, grid.lines}, measure);
            place_text(ops, name.in(second), grid.subtitle,
                       {x, top + title_height, grid.text_width, theme.ink_soft, Align::left, 2}, measure);
            break;
        }
        case CategoryGrid::Tile::row: {
            add_badge(ops, {tile.x + pad, tile.y + (tile.h - grid.badge) / 2, grid.badge, grid.badge},
                      category, index,
                      page.input);  // (the badge is as far in as the grid's, the rows less high)
            const int x = tile.x + 2 * pad + grid.badge;
            const int width = tile.right() - pad - x;
            place_text(ops, name.in(page.language), theme.tile_title,
                       {x, tile.y + (tile.h - measure.line_height(theme.tile_title)) / 2, width, theme.ink,
                        Align::left, 1},
                       measure);
            // The other language at the end of the row, where there is room for it.
            if (measure.width(name.in(page.language), theme.tile_title) + pad +
                    measure.width(name.in(second), grid.subtitle) <=
                width) {
                place_text(ops, name.in(second), grid.subtitle,
                           {x, tile.y + (tile.h - measure.line_height(grid.subtitle)) / 2, width,
                            theme.ink_soft, Align::right, 1},
                           measure);
            }
            break;
        }
    }
    page.area.targets.push_back(HitTarget{tile, ConsultFlow::action(ConsultStep::category, index),
                                          name.in(page.language) + " " + name.in(second)});
}

}  // namespace

void lay_out_categories(FlowPage& page, const ConsultSettings& settings) {
    const auto& list = settings.categories.list();
    page.heading(consult_words::choose_category);
    const Rect area = page.column(page.width());
    const CategoryGrid grid = category_grid(page, list, area.w, page.room());
    for (std::size_t index = 0; index < list.size(); ++index) {
        const int column = static_cast<int>(index) % grid.columns;
        const int row = static_cast<int>(index) / grid.columns;
        const Rect tile{area.x + column * (grid.width + grid.gap), page.y + row * (grid.height + grid.gap),
                        grid.width, grid.height};
        add_category_tile(page, grid, tile, list[index], static_cast<int>(index));
    }
    const int rows = (static_cast<int>(list.size()) + grid.columns - 1) / grid.columns;
    page.y += rows * (grid.height + grid.gap) - grid.gap;
}

}  // namespace kiosk::ui::detail

namespace kiosk::ui {

Scene lay_out_consultation(const LayoutInput& input, const ConsultSettings& settings,
                           const ConsultState& state) {
    detail::FlowPage page(input);
    switch (state.screen) {
        case ConsultScreen::closed:
        case ConsultScreen::categories:
            detail::lay_out_categories(page, settings);
            return page.finish(false);
        case ConsultScreen::topics:
            detail::lay_out_topics(page, settings, state);
            return page.finish(false);
        case ConsultScreen::summary:
            detail::lay_out_summary(page, settings, state);
            return page.finish(false);
        case ConsultScreen::consent:
            detail::lay_out_consent(page, settings, state);
            return page.finish(false);
        case ConsultScreen::keypad:
            detail::lay_out_keypad(page, state);
            return page.finish(false);
        case ConsultScreen::saving:
            detail::lay_out_saving(page);
            return page.finish(true);
        case ConsultScreen::confirmed:
            detail::lay_out_confirmed(page, settings, state);
            return page.finish(false);
        case ConsultScreen::desk_rating:
            detail::lay_out_desk_rating(page, state);
            return page.finish(true);
        case ConsultScreen::reason:
            detail::lay_out_reason(page);
            return page.finish(false);
        case ConsultScreen::thanks:
            detail::lay_out_thanks(page, settings, state);
            return page.finish(true);
        case ConsultScreen::unavailable:
            detail::lay_out_unavailable(page, settings);
            return page.finish(true);
    }
    return page.finish(false);
}

}  // namespace kiosk::ui

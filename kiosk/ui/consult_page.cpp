// The page the consultation screens are built on, and the categories' badges.

#include <algorithm>
#include <array>
#include <type_traits>

#include "consult_layout_parts.h"
#include "shapes.h"

namespace kiosk::ui::detail {
namespace {

// Design pixels: the page's margin above its heading and below its end.
constexpr int kPageTop = 32;

// The tiles' badge colours, one a category, in tile order.
constexpr std::array<Colour, 10> kBadgeColours{{{196, 48, 43},
                                                {31, 100, 170},
                                                {214, 120, 20},
                                                {60, 140, 70},
                                                {120, 80, 160},
                                                {0, 128, 128},
                                                {150, 90, 50},
                                                {200, 60, 120},
                                                {220, 70, 90},
                                                {40, 150, 110}}};

void shift(DrawOp& op, int dy) {
    std::visit(
        [dy](auto& drawn) {
            using T = std::decay_t<decltype(drawn)>;
            if constexpr (std::is_same_v<T, TextOp>) {
                drawn.y += dy;
            } else if constexpr (std::is_same_v<T, ShapeOp>) {
                std::vector<ShapePoint> moved =
                    drawn.triangles ? *drawn.triangles : std::vector<ShapePoint>{};
                for (ShapePoint& point : moved) {
                    point.y += static_cast<float>(dy);
                }
                drawn = shape_of(std::move(moved), drawn.colour);
            } else {
                drawn.rect.y += dy;
            }
        },
        op);
}

}  // namespace

bool fits(const std::string& text, const TextStyle& style, int width, int max_lines,
          const TextMeasure& measure) {
    if (count_lines(text, style, width, measure) > max_lines) {
        return false;
    }
    std::size_t start = 0;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        if (measure.width(std::string_view(text).substr(start, end - start), style) > width) {
            return false;
        }
        start = end + 1;
    }
    return true;
}

FlowPage::FlowPage(const LayoutInput& input_)
    : input(input_), theme(input_.theme), language(input_.navigator.view().language) {
    area.viewport = page_area(theme, BarFor::flow);
    y = theme.px(kPageTop);
}

int FlowPage::room() const {
    return area.viewport.h - y - theme.px(kPageTop);
}

Rect FlowPage::column(int widest) const {
    const int w = std::min(width() - 2 * theme.margin, widest);
    return {(width() - w) / 2, y, w, 0};
}

void FlowPage::heading(const content::Bilingual& title) {
    const content::Language second =
        language == content::Language::zh ? content::Language::en : content::Language::zh;
    const Rect text = column(width());
    y += place_text(area.ops, title.in(language), theme.page_title,
                    {text.x, y, text.w, theme.ink, Align::centre, 2}, input.measure);
    y += place_text(area.ops, title.in(second), theme.tile_subtitle,
                    {text.x, y, text.w, theme.ink_soft, Align::centre, 2}, input.measure);
    y += theme.px(28);
}

int FlowPage::paragraph(const std::string& text, const TextStyle& style, Colour colour, int x, int top,
                        int width) {
    return place_text(area.ops, text, style, {x, top, width, colour, Align::centre, 0}, input.measure);
}

void FlowPage::card_under(std::size_t first_op, const Rect& card) {
    const auto at = area.ops.begin() + static_cast<std::ptrdiff_t>(first_op);
    area.ops.insert(at,
                    {FillOp{card, theme.card}, OutlineOp{card, theme.card_edge, std::max(1, theme.px(2))}});
}

void FlowPage::button(const Rect& rect, const std::string& label, const TextStyle& style, Colour fill,
                      const Action& action) {
    add_button(area.ops, area.targets, rect, label, style, fill, theme.on_dark, action, input);
}

Scene FlowPage::finish(bool centre) {
    Scene scene;
    scene.under.push_back(FillOp{{0, 0, theme.screen.width, theme.screen.height}, theme.page});
    int length = y + theme.px(kPageTop);
    if (centre && length < area.viewport.h) {
        const int down = (area.viewport.h - length) / 2;
        for (DrawOp& op : area.ops) {
            shift(op, down);
        }
        for (HitTarget& target : area.targets) {
            target.rect.y += down;
        }
        length = area.viewport.h;
    }
    area.content_height = length;
    scene.scroll = std::move(area);
    add_title_bar(scene, input);
    add_button_bar(scene, input, BarFor::flow);
    return scene;
}

Colour category_colour(int index) {
    return kBadgeColours[static_cast<std::size_t>(index) % kBadgeColours.size()];
}

void add_badge(std::vector<DrawOp>& ops, const Rect& square, const records::Category& category, int index,
               const LayoutInput& input) {
    if (!category.picture.empty()) {
        std::filesystem::path file(category.picture);
        if (file.is_relative()) {
            file = input.package.directory / file;
        }
        Rect rect = square;
        if (const auto size = input.pictures.size_of(file)) {
            rect = fit_within(*size, square);
        }
        ops.push_back(PictureOp{file, rect});
        return;
    }
    ops.push_back(FillOp{square, category_colour(index)});
    const TextStyle style{std::max(8, square.h * 3 / 5), true};
    const int height = input.measure.line_height(style);
    place_text(
        ops, category.badge, style,
        {square.x, square.y + (square.h - height) / 2, square.w, input.theme.on_dark, Align::centre, 1},
        input.measure);
}

}  // namespace kiosk::ui::detail

#include "theme.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {
namespace {

// Large-text mode enlarges every text by this much; bars and buttons keep
// their size so the page does not jump about.
constexpr double kLargeTextFactor = 1.3;
// The smallest touch target, in millimetres: a fingertip with room to spare.
constexpr double kMinTargetMm = 9.0;

Colour zone_colour(std::string_view zone_id) {
    if (zone_id == "models") {
        return {0, 112, 122};
    }
    if (zone_id == "av") {
        return {44, 78, 160};
    }
    if (zone_id == "health") {
        return {40, 130, 84};
    }
    return {178, 34, 34};  // boards, and any other: the hall's red
}

}  // namespace

int Theme::px(double design_pixels) const {
    return static_cast<int>(std::lround(design_pixels * scale));
}

Theme Theme::make(const ScreenMetrics& screen, bool large_text, std::string_view zone_id) {
    Theme theme;
    theme.screen = screen;
    theme.scale = std::min(screen.width, screen.height) / 1080.0;
    theme.large_text = large_text;
    theme.accent = zone_colour(zone_id);
    const double text = large_text ? kLargeTextFactor : 1.0;
    auto style = [&](double design_size, bool bold, double factor) {
        return TextStyle{std::max(8, theme.px(design_size * factor)), bold};
    };
    theme.zone_title = style(46, true, 1.0);
    theme.zone_subtitle = style(24, false, 1.0);
    theme.page_title = style(44, true, text);
    theme.heading = style(36, true, text);
    theme.body = style(30, false, text);
    theme.body_bold = style(30, true, text);
    theme.small = style(22, false, text);
    theme.button = style(28, true, 1.0);
    theme.tile_title = style(38, true, text);
    theme.tile_subtitle = style(24, false, text);
    theme.caption = style(24, false, text);
    theme.prompt = style(52, true, 1.0);
    theme.margin = theme.px(40);
    theme.gap = theme.px(24);
    theme.top_bar = theme.px(124);
    // A screen narrower than 3:2 has no room for every button in one row.
    theme.toolbar_rows = 2 * screen.width >= 3 * screen.height ? 1 : 2;
    theme.toolbar = theme.px(theme.toolbar_rows == 1 ? 112 : 210);
    theme.min_target = static_cast<int>(std::ceil(kMinTargetMm * screen.pixels_per_mm));
    // Lines of more than about 40 Chinese characters tire the eye.
    theme.reading_width = std::min(screen.width - 2 * theme.margin, theme.px(1320));
    return theme;
}

int home_film_width(const Theme& theme) {
    const int content_width = theme.screen.width - 2 * theme.margin;
    return theme.screen.portrait() ? content_width : content_width * 34 / 100;
}

int home_tile_width(const Theme& theme) {
    const int content_width = theme.screen.width - 2 * theme.margin;
    const int grid =
        theme.screen.portrait() ? content_width : content_width - home_film_width(theme) - theme.gap;
    return (grid - theme.gap) / 2;
}

TextBoxSpec text_box(content::TextBox box, const Theme& theme) {
    const int content_width = theme.screen.width - 2 * theme.margin;
    const int tile_text = home_tile_width(theme) - 2 * theme.px(28);
    switch (box) {
        case content::TextBox::zone_title:
            return {content_width / 2, 1, theme.zone_title};
        case content::TextBox::section_title:
            return {tile_text, 2, theme.tile_title};
        case content::TextBox::board_title:
            return {theme.reading_width, 2, theme.page_title};
        case content::TextBox::board_summary:
            return {theme.reading_width - theme.px(260), 2, theme.small};
        case content::TextBox::model_title:
            return {tile_text, 2, theme.tile_title};
        case content::TextBox::caption:
            return {theme.reading_width, 3, theme.caption};
        case content::TextBox::hotspot_label:
            return {theme.px(320), 1, theme.button};
        case content::TextBox::step_title:
            return {theme.reading_width - theme.px(96), 2, theme.heading};
    }
    return {content_width, 1, theme.body};
}

}  // namespace kiosk::ui

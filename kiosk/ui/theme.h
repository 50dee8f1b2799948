#pragma once
// Sizes and colours of the exhibit screens, scaled to the screen: the same
// design at 1920x1080, 1080x1920 and 3840x2160, with a large-text mode for
// visitors with poor eyesight.

#include <string_view>

#include "content/package_check.h"
#include "scene.h"
#include "text_measure.h"

namespace kiosk::ui {

struct ScreenMetrics {
    int width = 1920;
    int height = 1080;
    // Physical pixel density, for the minimum size of a touch target. A 24"
    // 1080p panel, the hall's usual screen, has about 3.6 px/mm.
    double pixels_per_mm = 3.6;

    bool portrait() const { return height > width; }
};

struct Theme {
    ScreenMetrics screen;
    double scale = 1.0;  // design pixels (drawn for 1080 px of short side) to screen pixels
    bool large_text = false;

    TextStyle zone_title, zone_subtitle, page_title, heading, body, body_bold, small, button, tile_title,
        tile_subtitle, caption, prompt;
    int margin = 0;         // around the page
    int gap = 0;            // between cards
    int top_bar = 0;        // height of the title bar
    int toolbar = 0;        // height of the button bar at the bottom
    int toolbar_rows = 1;   // 2 on narrow screens, where "ask for help" has a row of its own
    int min_target = 0;     // smallest touch target: 9 mm in screen pixels
    int reading_width = 0;  // widest column of running text

    Colour page{250, 246, 238};
    Colour ink{34, 34, 34};
    Colour ink_soft{96, 92, 86};
    Colour card{255, 255, 255};
    Colour card_edge{222, 214, 200};
    Colour bar{38, 40, 48};
    Colour button_fill{66, 70, 84};
    Colour button_fill_on{214, 150, 40};
    Colour on_dark{255, 255, 255};
    Colour accent{178, 34, 34};  // the zone's colour
    Colour shade{0, 0, 0, 170};  // behind text over a film

    static Theme make(const ScreenMetrics& screen, bool large_text, std::string_view zone_id);

    int px(double design_pixels) const;
};

// The box each checked text must fit, and in how many lines.
struct TextBoxSpec {
    int width = 0;
    int max_lines = 1;
    TextStyle style;
};
TextBoxSpec text_box(content::TextBox box, const Theme& theme);

}  // namespace kiosk::ui

namespace kiosk::ui {
// The home screen's grid: tiles in two columns beside (landscape) or under
// (portrait) the "now showing" film.
int home_film_width(const Theme& theme);
int home_tile_width(const Theme& theme);
}  // namespace kiosk::ui

#pragma once
// Internal to the screen layout: the parts every page shares and one
// function per view (chrome_layout.cpp, home_layout.cpp, board_layout.cpp,
// model_layout.cpp).

#include <string>

#include "screen_layout.h"
#include "text_placement.h"

namespace kiosk::ui::detail {

// Which buttons the bar at the bottom holds: a page's all of them; a
// flow's (asking for help) home, back, language and large text, in one row.
enum class BarFor { pages, flow };

// The page between the title bar and the button bar.
Rect page_area(const Theme& theme, BarFor bar = BarFor::pages);

// A picture of `size` as large as fits in `box`, centred.
Rect fit_within(const PictureSize& size, const Rect& box);

// A filled button with a centred label that does `action`; never smaller
// than the theme's minimum touch target. The label is the target's too.
void add_button(std::vector<DrawOp>& ops, std::vector<HitTarget>& targets, Rect rect,
                const std::string& label, const TextStyle& style, Colour fill, Colour text,
                const Action& action, const LayoutInput& input);

// The caption of a full-screen picture or film: up to `lines` lines, centred
// on a shaded band along the bottom of the screen.
void add_caption_band(Scene& scene, const std::string& caption, int lines, const LayoutInput& input);
// "× 关闭" at the top right, closing the overlay; returns where it is.
Rect add_close_button(Scene& scene, const LayoutInput& input);

void add_title_bar(Scene& scene, const LayoutInput& input);
void add_button_bar(Scene& scene, const LayoutInput& input, BarFor bar = BarFor::pages);
void add_filter_chooser(Scene& scene, const LayoutInput& input);

void lay_out_attract(Scene& scene, const LayoutInput& input);
void lay_out_home(Scene& scene, const LayoutInput& input);
void lay_out_section(Scene& scene, const LayoutInput& input);
void lay_out_board(Scene& scene, const LayoutInput& input);
void lay_out_model(Scene& scene, const LayoutInput& input);
void lay_out_picture(Scene& scene, const LayoutInput& input);

}  // namespace kiosk::ui::detail

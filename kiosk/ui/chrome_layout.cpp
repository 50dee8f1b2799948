// The parts every exhibit page shares: the title bar, the button bar, the
// life-stage chooser, and the two full-screen views (attract loop, picture).

#include <algorithm>

#include "consult_flow.h"
#include "consult_text.h"
#include "layout_parts.h"
#include "shapes.h"
#include "ui_text.h"

namespace kiosk::ui::detail {
namespace {

// One row of the button bar (design pixels): buttons with a margin round them.
constexpr int kBarRowHeight = 112;
// "Ask for help" is never narrower than this (design pixels), so it reads as
// a button of its own, not a label.
constexpr int kAskMinWidth = 300;

const std::string& in(const content::Bilingual& text, const LayoutInput& input) {
    return text.in(input.navigator.view().language);
}

// The "示例内容 / Sample content" mark, right-aligned at `right`.
void add_sample_mark(std::vector<DrawOp>& ops, int right, int top, const LayoutInput& input) {
    if (!input.package.sample) {
        return;
    }
    const Theme& theme = input.theme;
    const std::string label = words::sample.zh + " · " + words::sample.en;
    const int width = input.measure.width(label, theme.small) + theme.px(32);
    const int height = input.measure.line_height(theme.small) + theme.px(12);
    const Rect chip{right - width, top, width, height};
    ops.push_back(FillOp{chip, Colour{255, 214, 90}});
    place_text(ops, label, theme.small,
               {chip.x, chip.y + theme.px(6), chip.w, Colour{60, 40, 0}, Align::centre}, input.measure);
}

// The button that starts asking for help (ConsultFlow), centred in
// `space`: both languages on it, the visitor's first, so anyone finds it;
// a question mark in the zone's colour before them.
void add_ask_for_help(Scene& scene, const Rect& space, const LayoutInput& input) {
    const Theme& theme = input.theme;
    const content::Language language = input.navigator.view().language;
    const content::Language second =
        language == content::Language::zh ? content::Language::en : content::Language::zh;
    const std::string label =
        consult_words::ask_for_help.in(language) + " · " + consult_words::ask_for_help.in(second);
    const int icon = space.h * 11 / 20;
    const int inner_gap = theme.px(14);
    // (A little over the measured width: the line breaker measures by pieces.)
    const int text_width = input.measure.width(label, theme.button) + theme.px(6);
    const int width =
        std::min(space.w, std::max(theme.px(kAskMinWidth), icon + inner_gap + text_width + theme.px(56)));
    const Rect rect{space.x + (space.w - width) / 2, space.y, width, std::max(space.h, theme.min_target)};
    scene.over.push_back(FillOp{rect, theme.button_fill});
    const int content_width = std::min(rect.w - theme.px(24), icon + inner_gap + text_width);
    const int left = rect.x + (rect.w - content_width) / 2;
    const double radius = icon / 2.0;
    scene.over.push_back(disc(left + radius, rect.y + rect.h / 2.0, radius, theme.accent));
    const TextStyle mark{std::max(8, icon * 3 / 4), true};
    place_text(scene.over, "?", mark,
               {left, rect.y + (rect.h - input.measure.line_height(mark)) / 2, icon, theme.on_dark,
                Align::centre, 1},
               input.measure);
    place_text(scene.over, label, theme.button,
               {left + icon + inner_gap, rect.y + (rect.h - input.measure.line_height(theme.button)) / 2,
                content_width - icon - inner_gap, theme.on_dark, Align::left, 1},
               input.measure);
    scene.targets.push_back(HitTarget{rect, ConsultFlow::action(ConsultStep::open), label});
}

}  // namespace

void add_caption_band(Scene& scene, const std::string& caption, int lines, const LayoutInput& input) {
    const Theme& theme = input.theme;
    const int height = input.measure.line_height(theme.caption) * lines + theme.px(32);
    const Rect band{0, theme.screen.height - height, theme.screen.width, height};
    scene.over.push_back(FillOp{band, theme.shade});
    place_text(scene.over, caption, theme.caption,
               {theme.margin, band.y + theme.px(16), theme.screen.width - 2 * theme.margin, theme.on_dark,
                Align::centre, lines},
               input.measure);
}

Rect add_close_button(Scene& scene, const LayoutInput& input) {
    const Theme& theme = input.theme;
    const std::string label = "× " + in(words::close, input);
    const int size = std::max(theme.min_target, theme.px(96));
    const int width = std::max(size, input.measure.width(label, theme.button) + theme.px(40));
    const Rect rect{theme.screen.width - theme.margin - width, theme.margin, width, size};
    add_button(scene.over, scene.targets, rect, label, theme.button, theme.button_fill, theme.on_dark,
               Action{Action::Kind::close_overlay}, input);
    return rect;
}

Rect page_area(const Theme& theme, BarFor bar) {
    const int toolbar = bar == BarFor::pages ? theme.toolbar : theme.px(kBarRowHeight);
    return {0, theme.top_bar, theme.screen.width, theme.screen.height - theme.top_bar - toolbar};
}

Rect fit_within(const PictureSize& size, const Rect& box) {
    if (size.width <= 0 || size.height <= 0 || box.w <= 0 || box.h <= 0) {
        return box;
    }
    const double scale =
        std::min(static_cast<double>(box.w) / size.width, static_cast<double>(box.h) / size.height);
    const int width = static_cast<int>(size.width * scale);
    const int height = static_cast<int>(size.height * scale);
    return {box.x + (box.w - width) / 2, box.y + (box.h - height) / 2, width, height};
}

void add_button(std::vector<DrawOp>& ops, std::vector<HitTarget>& targets, Rect rect,
                const std::string& label, const TextStyle& style, Colour fill, Colour text,
                const Action& action, const LayoutInput& input) {
    const int minimum = input.theme.min_target;
    rect.w = std::max(rect.w, minimum);
    rect.h = std::max(rect.h, minimum);
    ops.push_back(FillOp{rect, fill});
    const int text_height = input.measure.line_height(style);
    place_text(ops, label, style,
               {rect.x, rect.y + (rect.h - text_height) / 2, rect.w, text, Align::centre, 1}, input.measure);
    targets.push_back(HitTarget{rect, action, label});
}

void add_title_bar(Scene& scene, const LayoutInput& input) {
    const Theme& theme = input.theme;
    const content::Zone& zone = input.navigator.zone();
    const content::Language language = input.navigator.view().language;
    const content::Language second =
        language == content::Language::zh ? content::Language::en : content::Language::zh;
    scene.over.push_back(FillOp{{0, 0, theme.screen.width, theme.top_bar}, theme.accent});
    const int title_height = input.measure.line_height(theme.zone_title);
    const int subtitle_height = input.measure.line_height(theme.zone_subtitle);
    const int top = (theme.top_bar - title_height - subtitle_height) / 2;
    const int width = theme.screen.width / 2;
    place_text(scene.over, zone.title.in(language), theme.zone_title,
               {theme.margin, top, width, theme.on_dark, Align::left, 1}, input.measure);
    place_text(scene.over, zone.title.in(second), theme.zone_subtitle,
               {theme.margin, top + title_height, width, Colour{255, 255, 255, 210}, Align::left, 1},
               input.measure);
    add_sample_mark(scene.over, theme.screen.width - theme.margin, (theme.top_bar - theme.px(46)) / 2, input);
}

void add_button_bar(Scene& scene, const LayoutInput& input, BarFor bar) {
    const Theme& theme = input.theme;
    const ExhibitView& view = input.navigator.view();
    const int bar_height = bar == BarFor::pages ? theme.toolbar : theme.px(kBarRowHeight);
    scene.over.push_back(
        FillOp{{0, theme.screen.height - bar_height, theme.screen.width, bar_height}, theme.bar});
    // The row of home, back and the settings is the lowest; a second row
    // above it, on narrow screens, holds "ask for help".
    const int top = theme.screen.height - theme.px(kBarRowHeight);
    const int pad = theme.px(14);
    const int height = theme.px(kBarRowHeight) - 2 * pad;
    const int narrow = theme.screen.portrait() ? theme.px(150) : theme.px(190);
    int x = theme.margin;
    add_button(scene.over, scene.targets, {x, top + pad, narrow, height}, in(words::home, input),
               theme.button, theme.button_fill, theme.on_dark, Action{Action::Kind::home}, input);
    x += narrow + pad;
    add_button(scene.over, scene.targets, {x, top + pad, narrow, height}, in(words::back, input),
               theme.button, theme.button_fill, theme.on_dark, Action{Action::Kind::back}, input);

    // From the right: language, large text, the life-stage filter.
    int right = theme.screen.width - theme.margin;
    const int language_width = theme.screen.portrait() ? theme.px(150) : theme.px(180);
    right -= language_width;
    add_button(scene.over, scene.targets, {right, top + pad, language_width, height},
               words::other_language(view.language), theme.button, theme.button_fill, theme.on_dark,
               Action{Action::Kind::toggle_language}, input);
    right -= pad + narrow;
    add_button(scene.over, scene.targets, {right, top + pad, narrow, height}, in(words::large_text, input),
               theme.button, view.large_text ? theme.button_fill_on : theme.button_fill, theme.on_dark,
               Action{Action::Kind::toggle_large_text}, input);
    if (bar == BarFor::flow) {
        return;  // (the flow is asking for help already, and its pages have no filter)
    }
    std::string filter_label = in(words::i_am, input);
    if (view.filter) {
        filter_label = in(words::visitor_of(*view.filter), input);
    }
    const int filter_width =
        std::max(theme.px(220), std::min(right - pad - x - narrow - pad,
                                         input.measure.width(filter_label, theme.button) + theme.px(48)));
    right -= pad + filter_width;
    add_button(scene.over, scene.targets, {right, top + pad, filter_width, height}, filter_label,
               theme.button, view.filter ? theme.button_fill_on : theme.button_fill, theme.on_dark,
               Action{Action::Kind::choose_filter}, input);
    if (theme.toolbar_rows == 1) {
        // Between back and the filter, in the middle of the free space.
        add_ask_for_help(scene, {x + narrow + pad, top + pad, right - pad - (x + narrow + pad), height},
                         input);
    } else {
        const int width = theme.screen.width - 2 * theme.margin;
        add_ask_for_help(scene, {theme.margin, theme.screen.height - theme.toolbar + pad, width, height},
                         input);
    }
}

void add_filter_chooser(Scene& scene, const LayoutInput& input) {
    const Theme& theme = input.theme;
    scene.over.push_back(FillOp{{0, 0, theme.screen.width, theme.screen.height}, Colour{0, 0, 0, 140}});
    // Touching the dimmed page outside the panel closes the chooser.
    scene.targets.push_back(
        HitTarget{{0, 0, theme.screen.width, theme.screen.height}, Action{Action::Kind::close_overlay}});
    const int width = std::min(theme.screen.width - 2 * theme.margin, theme.px(1100));
    const int columns = 2;
    const int button_height = std::max(theme.min_target, theme.px(110));
    const int rows = 3;
    const int title_height = input.measure.line_height(theme.page_title);
    const int height = theme.px(48) + title_height + theme.px(32) + rows * button_height +
                       (rows - 1) * theme.gap + theme.px(48);
    const Rect panel{(theme.screen.width - width) / 2, (theme.screen.height - height) / 2, width, height};
    scene.over.push_back(FillOp{panel, theme.page});
    scene.targets.push_back(
        HitTarget{panel, Action{Action::Kind::choose_filter}});  // (a touch on the panel stays)
    place_text(scene.over, in(words::i_am, input), theme.page_title,
               {panel.x, panel.y + theme.px(48), panel.w, theme.ink, Align::centre, 1}, input.measure);
    const int inner = panel.w - 2 * theme.px(48);
    const int button_width = (inner - theme.gap) / columns;
    const int first_row = panel.y + theme.px(48) + title_height + theme.px(32);
    const ExhibitView& view = input.navigator.view();
    for (int index = 0; index <= static_cast<int>(content::kLifeStages.size()); ++index) {
        const int row = index / columns;
        const int column = index % columns;
        const Rect rect{panel.x + theme.px(48) + column * (button_width + theme.gap),
                        first_row + row * (button_height + theme.gap), button_width, button_height};
        Action action{Action::Kind::set_filter};
        std::string label = in(words::everyone, input);
        bool chosen = !view.filter;
        if (index < static_cast<int>(content::kLifeStages.size())) {
            const content::LifeStage stage = content::kLifeStages[static_cast<std::size_t>(index)];
            action.stage = stage;
            label = in(words::visitor_of(stage), input);
            chosen = view.filter == stage;
        }
        add_button(scene.over, scene.targets, rect, label, theme.tile_title,
                   chosen ? theme.button_fill_on : theme.accent, theme.on_dark, action, input);
    }
}

void lay_out_attract(Scene& scene, const LayoutInput& input) {
    const Theme& theme = input.theme;
    const Rect screen{0, 0, theme.screen.width, theme.screen.height};
    scene.under.push_back(FilmOp{screen});
    scene.shows_film = true;
    // The prompt sits low on a dark band, so any film reads under it.
    const int prompt_height = input.measure.line_height(theme.prompt);
    const int band_height = prompt_height + input.measure.line_height(theme.zone_subtitle) + theme.px(56);
    const Rect band{0, theme.screen.height - band_height, theme.screen.width, band_height};
    scene.over.push_back(FillOp{band, theme.shade});
    const std::string prompt = words::touch_to_start.zh + "  ·  " + words::touch_to_start.en;
    place_text(scene.over, prompt, theme.prompt,
               {0, band.y + theme.px(20), band.w, theme.on_dark, Align::centre, 1}, input.measure);
    const content::Zone& zone = input.navigator.zone();
    place_text(scene.over, zone.title.zh + "  " + zone.title.en, theme.zone_subtitle,
               {0, band.y + theme.px(20) + prompt_height + theme.px(8), band.w, Colour{255, 255, 255, 220},
                Align::centre, 1},
               input.measure);
    add_sample_mark(scene.over, theme.screen.width - theme.margin, theme.margin, input);
    // Anywhere on the screen starts.
    scene.targets.push_back(HitTarget{screen, Action{Action::Kind::start}});
}

void lay_out_picture(Scene& scene, const LayoutInput& input) {
    const Theme& theme = input.theme;
    const content::Board* board = input.navigator.current_board();
    const int index = input.navigator.view().picture;
    scene.under.push_back(FillOp{{0, 0, theme.screen.width, theme.screen.height}, Colour{0, 0, 0}});
    if (board == nullptr || index < 0 || index >= static_cast<int>(board->images.size())) {
        return;
    }
    const content::Picture& picture = board->images[static_cast<std::size_t>(index)];
    const Rect view{0, 0, theme.screen.width, theme.screen.height};
    Rect rect = view;
    if (input.zoomed_picture) {
        rect = *input.zoomed_picture;
    } else if (const auto size = input.pictures.size_of(picture.file)) {
        rect = fit_within(*size, view);
    }
    scene.under.push_back(PictureOp{picture.file, rect});
    add_caption_band(scene, in(picture.caption, input), 2, input);
    const Rect close = add_close_button(scene, input);
    add_sample_mark(scene.over, theme.screen.width - theme.margin, close.y + close.h + theme.gap, input);
}

}  // namespace kiosk::ui::detail

namespace kiosk::ui {

Scene lay_out_film(const LayoutInput& input, const content::Picture& film) {
    const Theme& theme = input.theme;
    Scene scene;
    const Rect screen{0, 0, theme.screen.width, theme.screen.height};
    scene.under.push_back(FillOp{screen, Colour{0, 0, 0}});
    scene.under.push_back(FilmOp{screen});
    scene.shows_film = true;
    detail::add_caption_band(scene, film.caption.in(input.navigator.view().language), 1, input);
    detail::add_close_button(scene, input);
    return scene;
}

}  // namespace kiosk::ui

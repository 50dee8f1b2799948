// A physical model's picture with its touchable hotspots.

#include <algorithm>

#include "layout_parts.h"
#include "ui_text.h"

namespace kiosk::ui::detail {

void lay_out_model(Scene& scene, const LayoutInput& input) {
    const Theme& theme = input.theme;
    const ExhibitView& view = input.navigator.view();
    const content::Model& model = input.navigator.zone().models[static_cast<std::size_t>(view.model)];
    const Rect page = page_area(theme);
    int top = page.y + theme.margin;
    top +=
        place_text(scene.under, model.title.in(view.language), theme.page_title,
                   {theme.margin, top, page.w - 2 * theme.margin, theme.ink, Align::left, 1}, input.measure);
    top += place_text(scene.under, words::touch_a_marker.in(view.language), theme.body,
                      {theme.margin, top, page.w - 2 * theme.margin, theme.ink_soft, Align::left, 1},
                      input.measure);
    top += theme.gap;
    const Rect box{theme.margin, top, page.w - 2 * theme.margin, page.bottom() - top - theme.margin};
    const auto size = input.pictures.size_of(model.picture);
    const Rect picture = size ? fit_within(*size, box) : box;
    scene.under.push_back(PictureOp{model.picture, picture});
    const int line = std::max(2, theme.px(5));
    for (const content::Hotspot& hotspot : model.hotspots) {
        Rect spot{picture.x + static_cast<int>(hotspot.x * picture.w),
                  picture.y + static_cast<int>(hotspot.y * picture.h),
                  static_cast<int>(hotspot.w * picture.w), static_cast<int>(hotspot.h * picture.h)};
        // A small spot on the picture still gets a fingertip-sized target.
        const int grow_w = std::max(0, theme.min_target - spot.w);
        const int grow_h = std::max(0, theme.min_target - spot.h);
        spot = {spot.x - grow_w / 2, spot.y - grow_h / 2, spot.w + grow_w, spot.h + grow_h};
        scene.under.push_back(OutlineOp{spot, theme.button_fill_on, line});
        const std::string& label = hotspot.label.in(view.language);
        const int label_width = input.measure.width(label, theme.button) + theme.px(24);
        const int label_height = input.measure.line_height(theme.button) + theme.px(12);
        // Near the picture's right edge the label moves left rather than off the screen.
        const Rect chip{std::max(picture.x, std::min(spot.x, picture.right() - label_width)),
                        std::max(picture.y, spot.y - label_height), label_width, label_height};
        scene.under.push_back(FillOp{chip, theme.button_fill_on});
        place_text(scene.under, label, theme.button,
                   {chip.x, chip.y + theme.px(6), chip.w, theme.on_dark, Align::centre, 1}, input.measure);
        const Rect target{std::min(spot.x, chip.x), chip.y,
                          std::max(spot.right(), chip.right()) - std::min(spot.x, chip.x),
                          spot.bottom() - chip.y};
        scene.targets.push_back(HitTarget{target, Action{Action::Kind::open_board, -1, hotspot.board}});
    }
}

}  // namespace kiosk::ui::detail

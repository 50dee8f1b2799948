#include "screen_layout.h"

#include "layout_parts.h"

namespace kiosk::ui {

std::optional<Action> Scene::hit(double x, double y, int scroll_offset) const {
    // Later targets lie on top (bars and overlays over the page).
    for (auto target = targets.rbegin(); target != targets.rend(); ++target) {
        if (target->rect.contains(x, y)) {
            return target->action;
        }
    }
    if (scroll && scroll->viewport.contains(x, y)) {
        const double content_y = y - scroll->viewport.y + scroll_offset;
        const double content_x = x - scroll->viewport.x;
        for (auto target = scroll->targets.rbegin(); target != scroll->targets.rend(); ++target) {
            if (target->rect.contains(content_x, content_y)) {
                return target->action;
            }
        }
    }
    return std::nullopt;
}

Scene lay_out(const LayoutInput& input) {
    Scene scene;
    const View view = input.navigator.view().view;
    scene.under.push_back(
        FillOp{{0, 0, input.theme.screen.width, input.theme.screen.height}, input.theme.page});
    switch (view) {
        case View::attract:
            scene.under.clear();
            detail::lay_out_attract(scene, input);
            return scene;
        case View::picture:
            scene.under.clear();
            detail::lay_out_picture(scene, input);
            return scene;
        case View::home:
            detail::lay_out_home(scene, input);
            break;
        case View::section:
            detail::lay_out_section(scene, input);
            break;
        case View::board:
            detail::lay_out_board(scene, input);
            break;
        case View::model:
            detail::lay_out_model(scene, input);
            break;
        case View::filter_chooser: {
            // The chooser opens over the page it was called from.
            Navigator under = input.navigator;
            under.apply(Action{Action::Kind::close_overlay});
            if (under.view().view == View::filter_chooser || under.view().view == View::attract ||
                under.view().view == View::picture) {
                under.apply(Action{Action::Kind::home});
            }
            const LayoutInput page{input.package, under,          input.theme,
                                   input.measure, input.pictures, input.zoomed_picture};
            Scene page_scene = lay_out(page);
            page_scene.targets.clear();  // only the chooser answers touches now
            if (page_scene.scroll) {
                page_scene.scroll->targets.clear();
            }
            detail::add_filter_chooser(page_scene, input);
            return page_scene;
        }
    }
    detail::add_title_bar(scene, input);
    detail::add_button_bar(scene, input);
    return scene;
}

}  // namespace kiosk::ui

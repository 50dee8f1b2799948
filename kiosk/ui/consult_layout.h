#pragma once
// The screens of asking for help (ConsultFlow), laid out: the title bar,
// the flow's page (scrolling when large text makes it longer than the
// screen) and a bar of home, back, language and large text.

#include "consult_flow.h"
#include "scene.h"
#include "screen_layout.h"

namespace kiosk::ui {

Scene lay_out_consultation(const LayoutInput& input, const ConsultSettings& settings,
                           const ConsultState& state);

}  // namespace kiosk::ui

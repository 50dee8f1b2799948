#pragma once
// A report's bar chart as a PNG file: laid out by ui::lay_out_chart and
// painted by the screens' own scene painter on an offscreen software
// renderer. Needs no display, only the kiosk's CJK font.

#include <filesystem>

#include "command_table.h"
#include "ui/chart_layout.h"

namespace kiosk::ctl {

// Written whole or not at all (beside `file`, then renamed over it).
Outcome write_chart_png(const ui::BarChart& chart, const std::filesystem::path& file);

}  // namespace kiosk::ctl

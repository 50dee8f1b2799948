#pragma once
// A bar chart of counts as a Scene: the figures staff print for the district
// office (kioskctl report consultations --chart). Drawn by the screens' own
// painter, so a staff screen can show the same picture. Pure layout: text is
// measured through TextMeasure.

#include <cstdint>
#include <string>
#include <vector>

#include "scene.h"
#include "text_measure.h"

namespace kiosk::ui {

struct ChartBar {
    std::string label;  // "法律援助", "12-07"
    std::int64_t count = 0;
};

enum class ChartShape {
    rows,     // a bar per row with its label beside it: categories, topics, zones, ratings
    columns,  // bars side by side along time, labels under them: days, weeks, months
};

struct BarChart {
    std::string title;   // "咨询统计 · Consultations"
    std::string period;  // "2026-10-01 至 2026-12-31"
    std::string total;   // "合计 Total: 1,234"
    std::string unit;    // under the chart: what is counted
    std::string empty;   // in place of the bars when every count is zero
    ChartShape shape = ChartShape::rows;
    std::vector<ChartBar> bars;
};

// The printed page: this wide, and this tall unless more rows need more
// room (each row keeps a height that reads on paper).
inline constexpr int kChartWidth = 1600;
inline constexpr int kChartHeight = 1000;

struct ChartPicture {
    Scene scene;  // everything in `under`
    int width = kChartWidth;
    int height = kChartHeight;
};

ChartPicture lay_out_chart(const BarChart& chart, const TextMeasure& measure);

// 1234567 as "1,234,567".
std::string grouped_number(std::int64_t value);

}  // namespace kiosk::ui

#include "chart_layout.h"

#include <algorithm>
#include <cmath>

#include "text_placement.h"
#include "theme.h"
#include "utf8.h"

namespace kiosk::ui {
namespace {

// Sizes in pixels of the printed page (kChartWidth wide).
constexpr int kMargin = 64;
constexpr int kRowHeight = 52;   // least height of a row of the rows shape: a 24 px label with air
constexpr int kTallestRow = 76;  // a few rows grow to fill the page, up to this
constexpr int kGap = 16;         // between a label and its bar, a bar and its count
constexpr double kBarShare = 0.62;
constexpr int kWidestColumn =
    150;  // a few columns stay bars, not blocks  // of a row's height, or of a column's slot, the bar fills
// A label is cut before it is measured: the widest column holds fewer characters.
constexpr std::size_t kMostLabelCharacters = 120;
constexpr int kTicks = 5;  // grid lines aimed for along the count axis

const TextStyle kTitle{44, true};
const TextStyle kSubtitle{26, false};
const TextStyle kTotal{26, true};
const TextStyle kLabel{24, false};
const TextStyle kCount{22, false};
const TextStyle kAxis{20, false};

struct Palette {
    Colour paper{255, 255, 255};
    Colour ink;
    Colour ink_soft;
    Colour grid;
    Colour stripe;
    Colour bar;
};

// The screens' colours, on white paper.
Palette palette() {
    const Theme theme;
    return Palette{{255, 255, 255}, theme.ink, theme.ink_soft, theme.card_edge, theme.page, theme.accent};
}

// At most kMostLabelCharacters of `text`, each run of spaces and control
// characters one space: a label stays one line of things to read.
std::string label_text(const std::string& text) {
    std::string out;
    std::size_t characters = 0;
    bool space = false;
    for (std::size_t at = 0; at < text.size() && characters < kMostLabelCharacters;) {
        const DecodedCodePoint point = decode_utf8(text, at);
        at += point.length;
        if (point.code_point <= 0x20 || point.code_point == 0x7F) {
            space = !out.empty();
            continue;
        }
        if (space) {
            out += ' ';
            space = false;
            ++characters;
        }
        append_utf8(out, point.code_point);
        if (++characters == kMostLabelCharacters && at < text.size()) {
            out += "…";
        }
    }
    return out;
}

// A step of 1, 2 or 5 times a power of ten giving about kTicks grid lines up to `most`.
std::int64_t tick_step(std::int64_t most) {
    const double rough = std::max(1.0, static_cast<double>(most) / kTicks);
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (const double factor : {1.0, 2.0, 5.0, 10.0}) {
        if (factor * power >= rough) {
            return std::max<std::int64_t>(1, static_cast<std::int64_t>(factor * power));
        }
    }
    return static_cast<std::int64_t>(10 * power);
}

struct Axis {
    std::int64_t step = 1;
    std::int64_t top = 1;  // the count at the far end of the axis
};

Axis count_axis(const std::vector<ChartBar>& bars) {
    std::int64_t most = 0;
    for (const ChartBar& bar : bars) {
        most = std::max(most, bar.count);
    }
    Axis axis;
    axis.step = tick_step(most);
    axis.top = std::max<std::int64_t>(axis.step, (most + axis.step - 1) / axis.step * axis.step);
    return axis;
}

// Length in pixels of `count` on an axis `length` long.
int scaled(std::int64_t count, const Axis& axis, int length) {
    return static_cast<int>(std::lround(static_cast<double>(count) / static_cast<double>(axis.top) * length));
}

std::string count_text(std::int64_t count, std::int64_t total) {
    std::string text = grouped_number(count);
    if (total > 0 && count > 0) {
        const long tenths = std::lround(1000.0 * static_cast<double>(count) / static_cast<double>(total));
        text += "  (" + std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%)";
    }
    return text;
}

// Built in place: GCC 12 mistakes moving a finished op into the list for a
// read of the other alternatives' members.
void fill(std::vector<DrawOp>& ops, const Rect& rect, const Colour& colour) {
    ops.emplace_back(std::in_place_type<FillOp>, FillOp{rect, colour});
}

struct Frame {
    int top = 0;     // of the plot, under the heading
    int bottom = 0;  // of the plot, over the footer
};

// Title, period and total at the top; what is counted at the bottom.
Frame add_frame(ChartPicture& picture, const BarChart& chart, const Palette& colours,
                const TextMeasure& measure) {
    std::vector<DrawOp>& ops = picture.scene.under;
    const int inner = picture.width - 2 * kMargin;
    fill(ops, {0, 0, picture.width, picture.height}, colours.paper);
    int y = kMargin - 16;
    y += place_text(ops, chart.title, kTitle, {kMargin, y, inner, colours.ink, Align::left, 1}, measure);
    y += 6;
    const int line = measure.line_height(kSubtitle);
    const int total_width = std::min(inner / 2, measure.width(chart.total, kTotal) + 4);
    place_text(ops, chart.period, kSubtitle,
               {kMargin, y, inner - total_width - kGap, colours.ink_soft, Align::left, 1}, measure);
    place_text(ops, chart.total, kTotal,
               {kMargin + inner - total_width, y, total_width, colours.ink, Align::right, 1}, measure);
    y += line + 14;
    fill(ops, {kMargin, y, inner, 3}, colours.bar);
    const int footer = measure.line_height(kAxis);
    const int bottom = picture.height - kMargin + 16 - footer;
    place_text(ops, chart.unit, kAxis, {kMargin, bottom, inner, colours.ink_soft, Align::left, 1}, measure);
    return {y + 3 + 36, bottom - 24};
}

bool all_zero(const std::vector<ChartBar>& bars) {
    return std::all_of(bars.begin(), bars.end(), [](const ChartBar& bar) { return bar.count == 0; });
}

void add_empty_note(ChartPicture& picture, const BarChart& chart, const Frame& frame, const Palette& colours,
                    const TextMeasure& measure) {
    const int y = (frame.top + frame.bottom - measure.line_height(kSubtitle)) / 2;
    place_text(picture.scene.under, chart.empty, kSubtitle,
               {kMargin, y, picture.width - 2 * kMargin, colours.ink_soft, Align::centre, 2}, measure);
}

// Heading height the rows shape needs above its first row, and below its last (axis labels).
int rows_height(std::size_t rows, const TextMeasure& measure) {
    const int heading =
        kMargin - 16 + measure.line_height(kTitle) + 6 + measure.line_height(kSubtitle) + 14 + 3 + 36;
    const int footer = 24 + measure.line_height(kAxis) + kMargin - 16;
    const int axis = measure.line_height(kAxis) + 12;
    return heading + static_cast<int>(rows) * kRowHeight + axis + footer;
}

// Rows: labels right-aligned against their bars, counts and shares after them.
void lay_out_rows(ChartPicture& picture, const BarChart& chart, const Palette& colours,
                  const TextMeasure& measure) {
    picture.height = std::max(kChartHeight, rows_height(chart.bars.size(), measure));
    const Frame frame = add_frame(picture, chart, colours, measure);
    if (chart.bars.empty() || all_zero(chart.bars)) {
        add_empty_note(picture, chart, frame, colours, measure);
        return;
    }
    std::vector<DrawOp>& ops = picture.scene.under;
    const int inner = picture.width - 2 * kMargin;
    std::int64_t total = 0;
    int label_width = 0;
    int count_width = 0;
    std::vector<std::string> labels;
    for (const ChartBar& bar : chart.bars) {
        total += bar.count;
        labels.push_back(label_text(bar.label));
        label_width = std::max(label_width, measure.width(labels.back(), kLabel));
    }
    for (const ChartBar& bar : chart.bars) {
        count_width = std::max(count_width, measure.width(count_text(bar.count, total), kCount));
    }
    // Long labels get at most two fifths of the width; the bars need the rest.
    label_width = std::clamp(label_width, 120, inner * 2 / 5);
    const int bars_left = kMargin + label_width + kGap;
    const int bars_length = std::max(100, kMargin + inner - count_width - kGap - bars_left);
    const Axis axis = count_axis(chart.bars);
    const int rows_top = frame.top;
    // A few rows share out the page; many keep their least height (the page grew for them).
    const int axis_room = measure.line_height(kAxis) + 12;
    const int row_height = std::clamp(
        (frame.bottom - axis_room - rows_top) / static_cast<int>(chart.bars.size()), kRowHeight, kTallestRow);
    const int rows_bottom = rows_top + static_cast<int>(chart.bars.size()) * row_height;
    // Grid lines and their counts under the last row.
    for (std::int64_t tick = 0; tick <= axis.top; tick += axis.step) {
        const int x = bars_left + scaled(tick, axis, bars_length);
        fill(ops, {x, rows_top, 1, rows_bottom - rows_top + 6}, colours.grid);
        const std::string text = grouped_number(tick);
        const int width = measure.width(text, kAxis);
        place_text(ops, text, kAxis,
                   {x - width / 2 - 2, rows_bottom + 10, width + 4, colours.ink_soft, Align::centre, 1},
                   measure);
    }
    const int label_line = measure.line_height(kLabel);
    const int count_line = measure.line_height(kCount);
    const int bar_height = static_cast<int>(row_height * kBarShare);
    for (std::size_t index = 0; index < chart.bars.size(); ++index) {
        const int y = rows_top + static_cast<int>(index) * row_height;
        if (index % 2 == 1) {
            fill(ops, {kMargin, y, inner, row_height}, colours.stripe);
        }
        place_text(ops, labels[index], kLabel,
                   {kMargin, y + (row_height - label_line) / 2, label_width, colours.ink, Align::right, 1},
                   measure);
        const int length = scaled(chart.bars[index].count, axis, bars_length);
        if (length > 0) {
            fill(ops, {bars_left, y + (row_height - bar_height) / 2, length, bar_height}, colours.bar);
        }
        place_text(ops, count_text(chart.bars[index].count, total), kCount,
                   {bars_left + length + kGap / 2, y + (row_height - count_line) / 2, count_width + kGap,
                    colours.ink, Align::left, 1},
                   measure);
    }
    // The axis the bars start from, over the stripes.
    fill(ops, {bars_left - 1, rows_top, 2, rows_bottom - rows_top}, colours.ink_soft);
}

// Columns: counts up the left, time along the bottom, every label that fits.
void lay_out_columns(ChartPicture& picture, const BarChart& chart, const Palette& colours,
                     const TextMeasure& measure) {
    const Frame frame = add_frame(picture, chart, colours, measure);
    if (chart.bars.empty() || all_zero(chart.bars)) {
        add_empty_note(picture, chart, frame, colours, measure);
        return;
    }
    std::vector<DrawOp>& ops = picture.scene.under;
    const Axis axis = count_axis(chart.bars);
    int tick_width = 0;
    for (std::int64_t tick = 0; tick <= axis.top; tick += axis.step) {
        tick_width = std::max(tick_width, measure.width(grouped_number(tick), kAxis));
    }
    const int axis_line = measure.line_height(kAxis);
    const int plot_left = kMargin + tick_width + kGap;
    const int plot_right = picture.width - kMargin;
    const int plot_bottom = frame.bottom - axis_line - 12;
    // Room over the tallest bar for its count.
    const int plot_top = frame.top + measure.line_height(kCount);
    const int plot_height = plot_bottom - plot_top;
    for (std::int64_t tick = 0; tick <= axis.top; tick += axis.step) {
        const int y = plot_bottom - scaled(tick, axis, plot_height);
        fill(ops, {plot_left, y, plot_right - plot_left, 1}, colours.grid);
        place_text(ops, grouped_number(tick), kAxis,
                   {kMargin, y - axis_line / 2, tick_width, colours.ink_soft, Align::right, 1}, measure);
    }
    const int count = static_cast<int>(chart.bars.size());
    const double slot = static_cast<double>(plot_right - plot_left) / count;
    const int bar_width = std::clamp(static_cast<int>(slot * kBarShare), 1, kWidestColumn);
    // Every n-th label, so that none overlaps the next.
    int widest_label = 0;
    int widest_count = 0;
    for (const ChartBar& bar : chart.bars) {
        widest_label = std::max(widest_label, measure.width(label_text(bar.label), kAxis));
        widest_count = std::max(widest_count, measure.width(grouped_number(bar.count), kCount));
    }
    const int label_every = std::max(1, static_cast<int>(std::ceil((widest_label + kGap) / slot)));
    const bool counts_fit = widest_count + 4 <= slot;
    const int count_line = measure.line_height(kCount);
    int labels_end = 0;  // right of the last label placed
    for (int index = 0; index < count; ++index) {
        const ChartBar& bar = chart.bars[static_cast<std::size_t>(index)];
        const int centre = plot_left + static_cast<int>(std::lround(slot * (index + 0.5)));
        const int height = scaled(bar.count, axis, plot_height);
        if (height > 0) {
            fill(ops, {centre - bar_width / 2, plot_bottom - height, bar_width, height}, colours.bar);
        }
        if (counts_fit && bar.count > 0) {
            const std::string text = grouped_number(bar.count);
            const int width = static_cast<int>(slot);
            place_text(
                ops, text, kCount,
                {centre - width / 2, plot_bottom - height - count_line, width, colours.ink, Align::centre, 1},
                measure);
        }
        if (index % label_every == 0) {
            const std::string text = label_text(bar.label);
            const int width = std::min(widest_label, measure.width(text, kAxis)) + 4;
            // Labels may reach into the page's margins, not past them.
            const int x = std::clamp(centre - width / 2, kMargin / 2, picture.width - kMargin / 2 - width);
            // The last label, pushed in from the page's edge, may meet the one before it.
            if (x >= labels_end + kGap / 2) {
                fill(ops, {centre, plot_bottom, 1, 6}, colours.ink_soft);
                place_text(ops, text, kAxis, {x, plot_bottom + 10, width, colours.ink_soft, Align::centre, 1},
                           measure);
                labels_end = x + width;
            }
        }
    }
    fill(ops, {plot_left, plot_bottom, plot_right - plot_left, 2}, colours.ink_soft);
}

}  // namespace

std::string grouped_number(std::int64_t value) {
    const bool negative = value < 0;
    const std::uint64_t magnitude =
        negative ? 0 - static_cast<std::uint64_t>(value) : static_cast<std::uint64_t>(value);
    std::string digits = std::to_string(magnitude);
    for (int at = static_cast<int>(digits.size()) - 3; at > 0; at -= 3) {
        digits.insert(static_cast<std::size_t>(at), ",");
    }
    return (negative ? "-" : "") + digits;
}

ChartPicture lay_out_chart(const BarChart& chart, const TextMeasure& measure) {
    ChartPicture picture;
    const Palette colours = palette();
    if (chart.shape == ChartShape::rows) {
        lay_out_rows(picture, chart, colours, measure);
    } else {
        lay_out_columns(picture, chart, colours, measure);
    }
    return picture;
}

}  // namespace kiosk::ui

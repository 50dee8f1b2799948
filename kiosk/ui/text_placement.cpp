#include "text_placement.h"

namespace kiosk::ui {
namespace {

constexpr const char* kEllipsis = "…";

// Ends a cut-off line in an ellipsis, dropping characters until it fits.
void end_with_ellipsis(TextLine& line, int width, const TextMeasure& measure) {
    if (line.runs.empty()) {
        return;
    }
    LineRun& last = line.runs.back();
    std::string text = last.text;
    while (!text.empty()) {
        const int run_width = measure.width(text + kEllipsis, last.style);
        if (last.x + run_width <= width) {
            break;
        }
        // Drop one UTF-8 character from the end.
        std::size_t cut = text.size() - 1;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) {
            --cut;
        }
        text.erase(cut);
    }
    last.text = text + kEllipsis;
    last.width = measure.width(last.text, last.style);
    line.width = last.x + last.width;
}

}  // namespace

int place_text(std::vector<DrawOp>& ops, const std::vector<StyledText>& spans, const TextPlacement& placement,
               const TextMeasure& measure) {
    std::vector<TextLine> lines = break_lines(spans, placement.width, measure);
    if (placement.max_lines > 0 && static_cast<int>(lines.size()) > placement.max_lines) {
        lines.resize(static_cast<std::size_t>(placement.max_lines));
        end_with_ellipsis(lines.back(), placement.width, measure);
    }
    int y = placement.y;
    for (const TextLine& line : lines) {
        int x = placement.x;
        if (placement.align == Align::centre) {
            x += (placement.width - line.width) / 2;
        } else if (placement.align == Align::right) {
            x += placement.width - line.width;
        }
        for (const LineRun& run : line.runs) {
            // Runs of different sizes on one line share its bottom.
            const int drop = line.height - measure.line_height(run.style);
            ops.push_back(TextOp{x + run.x, y + drop, run.text, run.style, placement.colour});
        }
        y += line.height;
    }
    return y - placement.y;
}

int place_text(std::vector<DrawOp>& ops, const std::string& text, const TextStyle& style,
               const TextPlacement& placement, const TextMeasure& measure) {
    return place_text(ops, std::vector<StyledText>{{text, style}}, placement, measure);
}

int count_lines(const std::string& text, const TextStyle& style, int width, const TextMeasure& measure) {
    return static_cast<int>(break_lines({{text, style}}, width, measure).size());
}

std::vector<StyledText> spans_of(const content::TextBlock& block, const TextStyle& normal,
                                 const TextStyle& bold) {
    std::vector<StyledText> spans;
    for (const content::TextSpan& span : block.spans) {
        spans.push_back(StyledText{span.text, span.emphasis ? bold : normal});
    }
    return spans;
}

}  // namespace kiosk::ui

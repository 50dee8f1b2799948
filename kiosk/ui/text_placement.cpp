#include "text_placement.h"

namespace kiosk::ui {
namespace {

constexpr const char* kEllipsis = "…";

// Ends a cut-off line in an ellipsis, dropping characters from its end until
// it fits: one, then twice as many each time, then a binary search between
// the two last tried, so a line that must lose many characters is measured a
// few times, not once per character.
void end_with_ellipsis(TextLine& line, int width, const TextMeasure& measure) {
    if (line.runs.empty()) {
        return;
    }
    LineRun& last = line.runs.back();
    // Where each character of the run starts, then where the run ends: the
    // first `kept` characters are ends[kept] bytes.
    std::vector<std::size_t> ends;
    for (std::size_t offset = 0; offset < last.text.size(); ++offset) {
        if ((static_cast<unsigned char>(last.text[offset]) & 0xC0) != 0x80) {
            ends.push_back(offset);
        }
    }
    ends.push_back(last.text.size());
    const auto fits = [&](std::size_t kept) {
        return last.x + measure.width(last.text.substr(0, ends[kept]) + kEllipsis, last.style) <= width;
    };
    // Every count of characters from `too_many` on is known not to fit.
    const std::size_t count = ends.size() - 1;
    std::size_t too_many = count + 1;
    std::size_t kept = count;
    for (std::size_t drop = 1; kept > 0 && !fits(kept); drop *= 2) {
        too_many = kept;
        kept = kept > drop ? kept - drop : 0;
    }
    while (too_many - kept > 1) {
        const std::size_t middle = kept + (too_many - kept) / 2;
        if (fits(middle)) {
            kept = middle;
        } else {
            too_many = middle;
        }
    }
    last.text = last.text.substr(0, ends[kept]) + kEllipsis;
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

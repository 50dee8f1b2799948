#pragma once
// Putting lines of text into a scene: break into lines, place each run.

#include <vector>

#include "content/package.h"
#include "line_breaking.h"
#include "scene.h"

namespace kiosk::ui {

enum class Align { left, centre, right };

struct TextPlacement {
    int x = 0, y = 0;  // top left of the box
    int width = 0;
    Colour colour;
    Align align = Align::left;
    int max_lines = 0;  // 0: as many as it takes; else the last line ends in "…"
};

// Adds the text's runs to `ops`; returns the height it took.
int place_text(std::vector<DrawOp>& ops, const std::vector<StyledText>& spans, const TextPlacement& placement,
               const TextMeasure& measure);
int place_text(std::vector<DrawOp>& ops, const std::string& text, const TextStyle& style,
               const TextPlacement& placement, const TextMeasure& measure);

// How many lines `text` takes in `width`.
int count_lines(const std::string& text, const TextStyle& style, int width, const TextMeasure& measure);

// A rich-text block's spans: emphasis in bold.
std::vector<StyledText> spans_of(const content::TextBlock& block, const TextStyle& normal,
                                 const TextStyle& bold);

}  // namespace kiosk::ui

#pragma once
// Breaking rich text into lines that fit a width, for Chinese, English and
// the two mixed: a line may break between any two CJK characters and at
// spaces in Latin text, never before closing punctuation (，。、）」 …) nor after
// opening punctuation (（「 …), and a word too long for a line is split.

#include <string>
#include <vector>

#include "text_measure.h"

namespace kiosk::ui {

// A stretch of text in one style.
struct StyledText {
    std::string text;  // UTF-8
    TextStyle style;
};

// A piece of a line, placed.
struct LineRun {
    std::string text;
    TextStyle style;
    int x = 0;      // from the line's start
    int width = 0;  // as measured
};

struct TextLine {
    std::vector<LineRun> runs;
    int width = 0;   // of the whole line, trailing spaces excluded
    int height = 0;  // the tallest style's line height
};

// Lays `spans` out in lines no wider than `max_width` (a single character
// wider than the line still gets a line of its own, and closing punctuation
// that nothing can go down with hangs past the end). "\n" forces a break: two
// in a row leave an empty line, one at the very end none; no text, no lines.
// Invalid UTF-8 comes out as U+FFFD, tabs as spaces; a run never ends inside
// a character. Calls `measure` once per distinct piece (a word, an ideograph,
// at most 64 characters of a longer word) and style, plus once per run
// placed: the work grows in proportion to the text, however long its words.
// Closing punctuation hangs past a line's end by three characters at most.
std::vector<TextLine> break_lines(const std::vector<StyledText>& spans, int max_width,
                                  const TextMeasure& measure);

}  // namespace kiosk::ui

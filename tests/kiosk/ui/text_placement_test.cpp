// place_text: lines placed in a box, and the last of too many cut with "…".
#include "ui/text_placement.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "fixed_width_measure.h"

namespace kiosk::ui {
namespace {

const TextStyle kStyle{10, false};

// FixedWidthMeasure, but "z" takes no room (like a character a font draws as
// nothing), and every call is counted.
class ZeroWidthZMeasure final : public TextMeasure {
  public:
    int width(std::string_view utf8, const TextStyle& style) const override {
        ++calls;
        int total = 0;
        for (const char byte : utf8) {
            if (byte != 'z') {
                total += m_widths.width(std::string_view(&byte, 1), style);
            }
        }
        return total;
    }
    int line_height(const TextStyle& style) const override { return m_widths.line_height(style); }

    mutable int calls = 0;

  private:
    FixedWidthMeasure m_widths;
};

std::vector<std::string> texts_of(const std::vector<DrawOp>& ops) {
    std::vector<std::string> texts;
    for (const DrawOp& op : ops) {
        if (const auto* text = std::get_if<TextOp>(&op)) {
            texts.push_back(text->text);
        }
    }
    return texts;
}

TEST(TextPlacementTest, TheLastLineOfTooManyEndsInAnEllipsisThatFits) {
    const FixedWidthMeasure measure;
    std::vector<DrawOp> ops;
    TextPlacement placement;
    placement.width = 50;
    placement.max_lines = 1;
    const int height = place_text(ops, "abcdefghij klm", kStyle, placement, measure);
    EXPECT_EQ(height, 15);
    // "…" is 10 px: two letters of 5 px make room for it.
    EXPECT_EQ(texts_of(ops), (std::vector<std::string>{"abcdefgh…"}));
}

// A line that must give up thousands of characters for its "…" is measured a
// few dozen times, not once per character given up.
TEST(TextPlacementTest, AnEllipsisIsFittedWithoutMeasuringOncePerCharacter) {
    const ZeroWidthZMeasure measure;
    const std::string text = "aaaaaaaaaa" + std::string(5000, 'z') + " b";
    std::vector<DrawOp> ops;
    TextPlacement placement;
    placement.width = 50;
    placement.max_lines = 1;
    measure.calls = 0;
    place_text(ops, text, kStyle, placement, measure);
    EXPECT_EQ(texts_of(ops), (std::vector<std::string>{"aaaaaaaa…"}));
    EXPECT_LE(measure.calls, 64);
}

}  // namespace
}  // namespace kiosk::ui

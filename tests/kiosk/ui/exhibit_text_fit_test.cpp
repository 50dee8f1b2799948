// ExhibitTextFit: the content check asks the exhibit's own layout whether a
// text fits its box, on each configured screen, in normal and large text.
// A stand-in font makes every Chinese character as wide as its size, so the
// capacity of each box follows from the theme:
//   board title (2 lines):  1920x1080: 30 characters a line, 23 in large text;
//                           1080x1920: 22, 17;  3840x2160: 30, 23.
//   hotspot label (1 line, never enlarged): 11 characters on every screen.
#include "ui/exhibit_text_fit.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "fixed_width_measure.h"

namespace kiosk::ui {
namespace {

using Configurations = std::vector<std::string>;

std::string repeat(std::string_view piece, int times) {
    std::string text;
    for (int index = 0; index < times; ++index) {
        text += piece;
    }
    return text;
}

class ExhibitTextFitTest : public ::testing::Test {
  protected:
    std::vector<std::string> overflows(content::TextBox box, const std::string& text,
                                       content::Language language = content::Language::zh) const {
        // Through the interface the content check holds.
        const content::TextFit& checked = fit;
        return checked.overflows(box, text, language);
    }

    const FixedWidthMeasure measure;
    const ExhibitTextFit fit{{{1920, 1080, 3.6}, {1080, 1920, 3.6}, {3840, 2160, 7.2}}, measure};
};

TEST_F(ExhibitTextFitTest, AShortTitleFitsEverywhere) {
    EXPECT_TRUE(overflows(content::TextBox::board_title, "婚姻登记").empty());
    EXPECT_TRUE(
        overflows(content::TextBox::board_title, "Marriage registration", content::Language::en).empty());
    EXPECT_TRUE(overflows(content::TextBox::section_title, "政策法规").empty());
    EXPECT_TRUE(overflows(content::TextBox::zone_title, "展板知识教育区").empty());
}

TEST_F(ExhibitTextFitTest, ATitleJustTooLongForTheNarrowScreenInLargeTextIsNamedThere) {
    // 40 characters: 2 lines of 17 hold 34.
    EXPECT_EQ(overflows(content::TextBox::board_title, repeat("人", 40)),
              (Configurations{"1080x1920, large text"}));
}

TEST_F(ExhibitTextFitTest, ALongerTitleOverflowsEveryNarrowOrLargeConfiguration) {
    // 50 characters: more than 2 x 23 and 2 x 22, less than 2 x 30.
    EXPECT_EQ(overflows(content::TextBox::board_title, repeat("人", 50)),
              (Configurations{"1920x1080, large text", "1080x1920", "1080x1920, large text",
                              "3840x2160, large text"}));
}

TEST_F(ExhibitTextFitTest, AVeryLongTitleOverflowsEverywhere) {
    EXPECT_EQ(overflows(content::TextBox::board_title, repeat("人", 61)).size(), 6u);
}

TEST_F(ExhibitTextFitTest, AnEnglishTitleIsMeasuredByItsWords) {
    // 20 words of 4 letters at half the size: 9 words fill a line of the
    // portrait screen, 12 one of the landscape ones.
    const auto overflowing =
        overflows(content::TextBox::board_title, repeat("word ", 19) + "end", content::Language::en);
    EXPECT_NE(std::find(overflowing.begin(), overflowing.end(), "1080x1920"), overflowing.end());
    EXPECT_EQ(std::find(overflowing.begin(), overflowing.end(), "3840x2160"), overflowing.end())
        << "the 4K screen's column is as wide in design pixels as 1920x1080's";
}

TEST_F(ExhibitTextFitTest, AHotspotLabelHasOneLineWhateverTheTextSize) {
    EXPECT_TRUE(overflows(content::TextBox::hotspot_label, repeat("人", 11)).empty());
    EXPECT_EQ(overflows(content::TextBox::hotspot_label, repeat("人", 12)).size(), 6u);
}

TEST_F(ExhibitTextFitTest, NoScreensConfiguredMeansNothingCanOverflow) {
    const ExhibitTextFit none{{}, measure};
    EXPECT_TRUE(
        none.overflows(content::TextBox::board_title, repeat("人", 500), content::Language::zh).empty());
}

}  // namespace
}  // namespace kiosk::ui

// break_lines: Chinese, English and mixed text in lines of a width, with the
// Chinese line-breaking rules, measured by a stand-in font of fixed widths.
#include "ui/line_breaking.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "ui/utf8.h"

namespace kiosk::ui {
namespace {

// A font where every ASCII character is half the size wide and every other
// character the size: at size 10, "人" is 10 px and "a" 5 px. Bold is as wide.
class FixedWidthMeasure final : public TextMeasure {
  public:
    int width(std::string_view utf8, const TextStyle& style) const override {
        ++calls;
        int total = 0;
        for (const char byte : utf8) {
            const auto value = static_cast<unsigned char>(byte);
            if (value < 0x80) {
                total += style.size_px / 2;
            } else if ((value & 0xC0) != 0x80) {  // the first byte of a multibyte character
                total += style.size_px;
            }
        }
        return total;
    }
    int line_height(const TextStyle& style) const override { return style.size_px + 4; }

    mutable int calls = 0;
};

const TextStyle kRegular{10, false};
const TextStyle kBold{10, true};

std::string line_text(const TextLine& line) {
    std::string text;
    for (const LineRun& run : line.runs) {
        text += run.text;
    }
    return text;
}

std::vector<std::string> texts_of(const std::vector<TextLine>& lines) {
    std::vector<std::string> texts;
    for (const TextLine& line : lines) {
        texts.push_back(line_text(line));
    }
    return texts;
}

std::vector<std::string> break_text(const std::string& text, int width) {
    const FixedWidthMeasure measure;
    return texts_of(break_lines({{text, kRegular}}, width, measure));
}

using Lines = std::vector<std::string>;

TEST(LineBreakingTest, WrapsChineseBetweenAnyTwoCharacters) {
    const FixedWidthMeasure measure;
    const auto lines = break_lines({{"人口文化窗口展览", kRegular}}, 50, measure);
    EXPECT_EQ(texts_of(lines), (Lines{"人口文化窗", "口展览"}));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].width, 50);
    EXPECT_EQ(lines[1].width, 30);
    EXPECT_EQ(lines[0].height, 14);
}

TEST(LineBreakingTest, ClosingPunctuationPullsThePreviousCharacterDown) {
    // "一二三四" would fill the line and leave "。" to start the next.
    EXPECT_EQ(break_text("一二三四。五六", 40), (Lines{"一二三", "四。五六"}));
    EXPECT_EQ(break_text("一二三四，五六", 40), (Lines{"一二三", "四，五六"}));
    EXPECT_EQ(break_text("一二三四）五六", 40), (Lines{"一二三", "四）五六"}));
}

TEST(LineBreakingTest, ClosingPunctuationInARowStaysTogether) {
    EXPECT_EQ(break_text("一二三四”。五", 40), (Lines{"一二三", "四”。五"}));
    EXPECT_EQ(break_text("一二三……五", 40), (Lines{"一二", "三……五"}));
}

TEST(LineBreakingTest, AsciiClosingPunctuationAfterChineseIsNotLeftAtALineStart) {
    EXPECT_EQ(break_text("一二三四,五", 40), (Lines{"一二三", "四,五"}));
    EXPECT_EQ(break_text("一二三四!五", 40), (Lines{"一二三", "四!五"}));
}

TEST(LineBreakingTest, OpeningPunctuationIsNotLeftAtALineEnd) {
    EXPECT_EQ(break_text("一二三《四五》", 40), (Lines{"一二三", "《四五》"}));
    EXPECT_EQ(break_text("一二三“四五”", 40), (Lines{"一二三", "“四五”"}));
    EXPECT_EQ(break_text("一二三(四五)", 35), (Lines{"一二三", "(四五)"}));
}

TEST(LineBreakingTest, ClosingPunctuationOverhangsWhenNothingCanGoDown) {
    const FixedWidthMeasure measure;
    const auto lines = break_lines({{"一。二", kRegular}}, 10, measure);
    EXPECT_EQ(texts_of(lines), (Lines{"一。", "二"}));
    EXPECT_EQ(lines[0].width, 20);  // past the line's end
}

TEST(LineBreakingTest, ChineseAndEnglishBreakBetweenEachOtherButWordsStayWhole) {
    // "Population" is 50 px: it moves down whole rather than split.
    EXPECT_EQ(break_text("人口Population窗口", 60), (Lines{"人口", "Population窗", "口"}));
    EXPECT_EQ(break_text("我们 love 中文", 45), (Lines{"我们 love", "中文"}));
}

TEST(LineBreakingTest, DigitsAndLettersStayTogetherBeforeChinese) {
    EXPECT_EQ(break_text("2024年人口", 30), (Lines{"2024年", "人口"}));
    EXPECT_EQ(break_text("共COVID19例", 40), (Lines{"共", "COVID19", "例"}));
}

TEST(LineBreakingTest, EnglishWrapsAtSpacesWhichAreNotCounted) {
    const FixedWidthMeasure measure;
    const auto lines = break_lines({{"the quick brown fox", kRegular}}, 50, measure);
    EXPECT_EQ(texts_of(lines), (Lines{"the quick", "brown fox"}));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].width, 45);
    EXPECT_EQ(lines[1].width, 45);
}

TEST(LineBreakingTest, AWordLongerThanTheLineIsSplitBetweenCharacters) {
    EXPECT_EQ(break_text("ab Pneumonoultramicroscopic cd", 50),
              (Lines{"ab", "Pneumonoul", "tramicrosc", "opic cd"}));
}

TEST(LineBreakingTest, ASplitWordDoesNotStartALineWithClosingPunctuation) {
    // "abcdefghij" fills the line exactly; "j" goes down with the comma.
    EXPECT_EQ(break_text("abcdefghij,k", 50), (Lines{"abcdefghi", "j,k"}));
}

TEST(LineBreakingTest, WrappedLinesDropTheirLeadingSpacesButParagraphsKeepTheirIndent) {
    EXPECT_EQ(break_text("ab    cd", 20), (Lines{"ab", "cd"}));
    EXPECT_EQ(break_text("  ab cd", 25), (Lines{"  ab", "cd"}));
}

TEST(LineBreakingTest, NewLineForcesABreak) {
    EXPECT_EQ(break_text("一二\n三", 100), (Lines{"一二", "三"}));
    EXPECT_EQ(break_text("a\r\nb", 100), (Lines{"a", "b"}));
}

TEST(LineBreakingTest, AnEmptyParagraphIsAnEmptyLineAndAFinalNewLineAddsNone) {
    const FixedWidthMeasure measure;
    const auto lines = break_lines({{"一\n\n二\n", kRegular}}, 100, measure);
    EXPECT_EQ(texts_of(lines), (Lines{"一", "", "二"}));
    ASSERT_EQ(lines.size(), 3u);
    EXPECT_TRUE(lines[1].runs.empty());
    EXPECT_EQ(lines[1].width, 0);
    EXPECT_EQ(lines[1].height, 14);
}

TEST(LineBreakingTest, RunsOfTheSameStyleMergeAcrossSpans) {
    const FixedWidthMeasure measure;
    const auto lines = break_lines({{"人口", kRegular}, {"文化", kRegular}, {"窗口", kBold}}, 100, measure);
    ASSERT_EQ(lines.size(), 1u);
    ASSERT_EQ(lines[0].runs.size(), 2u);
    EXPECT_EQ(lines[0].runs[0].text, "人口文化");
    EXPECT_EQ(lines[0].runs[0].style, kRegular);
    EXPECT_EQ(lines[0].runs[0].x, 0);
    EXPECT_EQ(lines[0].runs[0].width, 40);
    EXPECT_EQ(lines[0].runs[1].text, "窗口");
    EXPECT_EQ(lines[0].runs[1].style, kBold);
    EXPECT_EQ(lines[0].runs[1].x, 40);
    EXPECT_EQ(lines[0].runs[1].width, 20);
    EXPECT_EQ(lines[0].width, 60);
}

TEST(LineBreakingTest, AnEmphasisedSpanContinuesOnTheNextLine) {
    const FixedWidthMeasure measure;
    const auto lines = break_lines({{"一二", kRegular}, {"三四五六", kBold}, {"七", kRegular}}, 40, measure);
    ASSERT_EQ(lines.size(), 2u);
    ASSERT_EQ(lines[0].runs.size(), 2u);
    EXPECT_EQ(lines[0].runs[1].text, "三四");
    EXPECT_EQ(lines[0].runs[1].style, kBold);
    EXPECT_EQ(lines[0].runs[1].x, 20);
    ASSERT_EQ(lines[1].runs.size(), 2u);
    EXPECT_EQ(lines[1].runs[0].text, "五六");
    EXPECT_EQ(lines[1].runs[0].style, kBold);
    EXPECT_EQ(lines[1].runs[0].x, 0);
    EXPECT_EQ(lines[1].runs[1].text, "七");
    EXPECT_EQ(lines[1].runs[1].x, 20);
}

TEST(LineBreakingTest, AWordInTwoStylesIsStillOneWord) {
    const FixedWidthMeasure measure;
    const auto lines = break_lines({{"foo", kRegular}, {"bar", kBold}, {" baz", kRegular}}, 40, measure);
    EXPECT_EQ(texts_of(lines), (Lines{"foobar", "baz"}));
    ASSERT_EQ(lines[0].runs.size(), 2u);
    EXPECT_EQ(lines[0].runs[1].text, "bar");
}

TEST(LineBreakingTest, ALineIsAsTallAsItsTallestStyle) {
    const FixedWidthMeasure measure;
    const auto lines = break_lines({{"小", TextStyle{10, false}}, {"大", TextStyle{20, true}}}, 100, measure);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(lines[0].height, 24);
    EXPECT_EQ(lines[0].width, 30);
}

TEST(LineBreakingTest, EmptyInputHasNoLines) {
    const FixedWidthMeasure measure;
    EXPECT_TRUE(break_lines({}, 100, measure).empty());
    EXPECT_TRUE(break_lines({{"", kRegular}}, 100, measure).empty());
}

TEST(LineBreakingTest, ACharacterWiderThanTheLineGetsALineOfItsOwn) {
    EXPECT_EQ(break_text("一二", 5), (Lines{"一", "二"}));
    EXPECT_EQ(break_text("ab", 0), (Lines{"a", "b"}));
}

TEST(LineBreakingTest, MultibyteCharactersAreNeverCut) {
    // Four-byte ideographs (extension B) and invalid bytes, which become U+FFFD.
    const auto lines = break_text("𠀀𠀁𠀂\xff\xfe", 30);
    EXPECT_EQ(lines, (Lines{"𠀀𠀁𠀂", "\uFFFD\uFFFD"}));
    for (const std::string& line : lines) {
        for (std::size_t offset = 0; offset < line.size();) {
            const DecodedCodePoint decoded = decode_utf8(line, offset);
            ASSERT_TRUE(decoded.valid) << "at byte " << offset;
            offset += decoded.length;
        }
    }
}

TEST(LineBreakingTest, KanaAndHangulBreakPerCharacterButSmallKanaDoNotStartALine) {
    EXPECT_EQ(break_text("한국어문화", 30), (Lines{"한국어", "문화"}));
    EXPECT_EQ(break_text("あいうっえ", 30), (Lines{"あい", "うっえ"}));
}

TEST(LineBreakingTest, WidthsAreMeasuredOncePerPieceAndStyle) {
    std::string paragraph;
    for (int repeat = 0; repeat < 200; ++repeat) {
        paragraph += "人口普查显示，城镇化 ";
    }
    const FixedWidthMeasure measure;
    const auto lines = break_lines({{paragraph, kRegular}}, 300, measure);
    EXPECT_GT(lines.size(), 50u);
    // Ten characters and the space, then at most one measurement per line.
    EXPECT_LE(measure.calls, 11 + static_cast<int>(lines.size()));
}

std::size_t count_characters(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char byte) {
        return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
    }));
}

// Counts how much text is measured; widths as FixedWidthMeasure's.
class CountingMeasure final : public TextMeasure {
  public:
    int width(std::string_view utf8, const TextStyle& style) const override {
        bytes_measured += utf8.size();
        return m_widths.width(utf8, style);
    }
    int line_height(const TextStyle& style) const override { return m_widths.line_height(style); }

    mutable std::size_t bytes_measured = 0;

  private:
    FixedWidthMeasure m_widths;
};

// A board title of one word many lines long: every piece of it is measured
// once or twice, never the rest of the word again for each line (which made
// a title of 100,000 letters take a minute and gigabytes).
TEST(LineBreakingTest, AWordOfManyLinesIsMeasuredInProportionToItsLength) {
    constexpr std::size_t kLetters = 20000;
    std::mt19937 random(7);
    std::string word;  // random letters: no two parts alike, so nothing comes from a cache
    for (std::size_t index = 0; index < kLetters; ++index) {
        word.push_back(static_cast<char>('a' + random() % 26));
    }
    const CountingMeasure measure;
    const auto lines = break_lines({{word, kRegular}}, 50, measure);
    ASSERT_EQ(lines.size(), kLetters / 10);  // ten letters of 5 px a line
    std::string joined;
    for (const TextLine& line : lines) {
        EXPECT_LE(line.width, 50);
        joined += line_text(line);
    }
    EXPECT_EQ(joined, word);
    // A part of 64 letters tried and a line of 10 measured per line of 10.
    EXPECT_LE(measure.bytes_measured, 10 * kLetters);
}

// Closing punctuation hangs past the end of a line when nothing can go down
// with it, but a run of it longer than a line is broken all the same: one
// line as long as the run would be a texture as wide as the run.
TEST(LineBreakingTest, ALongRunOfClosingPunctuationHangsAtMostThreeCharacters) {
    const FixedWidthMeasure measure;
    std::string marks;
    for (int index = 0; index < 2000; ++index) {
        marks += "。";
    }
    const auto lines = break_lines({{marks, kRegular}}, 30, measure);
    ASSERT_EQ(lines.size(), 334u);  // three that fit and three hanging, a line
    for (const TextLine& line : lines) {
        EXPECT_LE(line.width, 30 + 3 * 10);
    }
    EXPECT_EQ(texts_of(break_lines({{"一。。。。。", kRegular}}, 10, measure)), (Lines{"一。。。", "。。"}));
}

// A font whose lines come out wider than their pieces (1 px between any two
// characters, like kerning gone wrong): a line that overflows once shaped
// gives back units by a binary search, not one at a time, each a new line
// measured whole.
class SpacedMeasure final : public TextMeasure {
  public:
    int width(std::string_view utf8, const TextStyle& style) const override {
        const auto characters = static_cast<int>(count_characters(utf8));
        if (characters > 1) {
            ++lines_measured;
        }
        return m_widths.width(utf8, style) + std::max(0, characters - 1);
    }
    int line_height(const TextStyle& style) const override { return m_widths.line_height(style); }

    mutable int lines_measured = 0;

  private:
    FixedWidthMeasure m_widths;
};

TEST(LineBreakingTest, ALineTooWideOnceShapedIsShortenedByBinarySearch) {
    std::string text;
    for (int index = 0; index < 1000; ++index) {
        text += "人";
    }
    const SpacedMeasure measure;
    const auto lines = break_lines({{text, kRegular}}, 10000, measure);
    // 909 characters are 9090 px and 908 px between them; 910 are too wide.
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(count_characters(line_text(lines[0])), 909u);
    EXPECT_EQ(lines[0].width, 9998);
    EXPECT_EQ(count_characters(line_text(lines[1])), 91u);
    EXPECT_LE(measure.lines_measured, 16);  // one at a time took 93
}

// Every rule at once, over a long mixed text at many widths.
TEST(LineBreakingTest, NoWidthBreaksTheRules) {
    const std::string text =
        "第七次全国人口普查（2020年）显示，全国人口共141178万人。“人口文化窗口”展示了"
        "Population Culture 的历史：从《人口论》到 modern demography, 再到今天的数据……"
        "【结语】人口发展——关系国计民生！";
    const FixedWidthMeasure measure;
    const std::vector<std::string_view> closing{"，", "。", "、", "：", "！", "）", "》", "」",
                                                "】", "”",  "…",  "—",  ",",  ".",  ")"};
    const std::vector<std::string_view> opening{"（", "《", "「", "【", "“", "("};
    auto without_spaces = [](std::string s) {
        s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
        return s;
    };
    for (int width = 30; width <= 300; width += 5) {
        const auto lines = break_lines({{text, kRegular}}, width, measure);
        std::string joined;
        for (std::size_t index = 0; index < lines.size(); ++index) {
            const std::string line = line_text(lines[index]);
            joined += line;
            SCOPED_TRACE("width " + std::to_string(width) + ", line " + line);
            EXPECT_LE(lines[index].width, width);
            if (index > 0) {
                for (const std::string_view mark : closing) {
                    EXPECT_FALSE(line.starts_with(mark));
                }
            }
            if (index + 1 < lines.size()) {
                for (const std::string_view mark : opening) {
                    EXPECT_FALSE(line.ends_with(mark));
                }
            }
        }
        EXPECT_EQ(without_spaces(joined), without_spaces(text));
    }
}

// Text of random pieces in random styles at random widths: every visible
// character comes out once, in order, in valid UTF-8, in lines that fit
// unless one unit alone cannot.
TEST(LineBreakingTest, RandomTextKeepsEveryCharacter) {
    const std::vector<std::string> pieces{"人", "口", "，",   "。", "“",  "”",       "（", "）", "《", "》",
                                          "……", "——", "a",    "Z",  "9",  " ",       "  ", ",",  ".",  "(",
                                          ")",  "\n", "\xff", "한", "っ", "e\u0301", "𠀀", "\t"};
    std::mt19937 random(20240601);
    const FixedWidthMeasure measure;
    auto visible = [](const std::string& text) {
        std::string kept;
        for (std::size_t offset = 0; offset < text.size();) {
            const DecodedCodePoint decoded = decode_utf8(text, offset);
            if (decoded.code_point != U' ' && decoded.code_point != U'\n' && decoded.code_point != U'\t') {
                append_utf8(kept, decoded.code_point);
            }
            offset += decoded.length;
        }
        return kept;
    };
    for (int round = 0; round < 300; ++round) {
        std::vector<StyledText> spans;
        std::string all;
        const int span_count = 1 + static_cast<int>(random() % 4);
        for (int span = 0; span < span_count; ++span) {
            StyledText styled{"", TextStyle{10 + 10 * static_cast<int>(random() % 2), random() % 2 == 0}};
            const int length = static_cast<int>(random() % 30);
            for (int index = 0; index < length; ++index) {
                styled.text += pieces[random() % pieces.size()];
            }
            all += styled.text;
            spans.push_back(std::move(styled));
        }
        const int width = static_cast<int>(random() % 120);
        const auto lines = break_lines(spans, width, measure);
        std::string joined;
        for (const TextLine& line : lines) {
            joined += line_text(line);
            int x = 0;
            for (const LineRun& run : line.runs) {
                EXPECT_EQ(run.x, x);
                EXPECT_FALSE(run.text.empty());
                x += run.width;
            }
            EXPECT_EQ(line.width, x);
        }
        SCOPED_TRACE("round " + std::to_string(round) + ", width " + std::to_string(width));
        EXPECT_EQ(visible(joined), visible(all));
    }
}

}  // namespace
}  // namespace kiosk::ui

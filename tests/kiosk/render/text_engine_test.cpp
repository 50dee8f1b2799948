// TextEngine and TextTextureCache with the installed CJK fonts: measuring,
// shaping mixed Chinese and English, rendering once into textures, and a
// broken paragraph drawn by SDL's software renderer. No display needed.
#include "render/text_engine.h"

#include <SDL_image.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include "render/font_lookup.h"
#include "render/text_texture_cache.h"
#include "ui/line_breaking.h"

namespace kiosk::render {
namespace {

constexpr SDL_Color kInk{20, 20, 20, 255};
constexpr Uint32 kPaper = 0xFFFFFFFF;  // ARGB white
constexpr const char* kMixedParagraph =
    "第七次全国人口普查（The Seventh National Population Census）于2020年11月1日零时开展。"
    "普查结果显示，全国人口共141178万人，与2010年相比增加7206万人，增长5.38%；"
    "年平均增长率为0.53%，比2000年到2010年的年平均增长率0.57%下降0.04个百分点。"
    "“人口文化窗口”展览用 Chinese and English 两种语言介绍人口发展的历史——从古代到今天……";

int count_characters(const std::string& utf8) {
    return static_cast<int>(std::count_if(utf8.begin(), utf8.end(), [](char byte) {
        return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
    }));
}

// Processor time of this thread: the figures hold on a machine busy with
// other work, where wall time would not.
double thread_milliseconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

class TextEngineTest : public ::testing::Test {
  protected:
    void SetUp() override {
        const std::optional<FontFiles> files = find_cjk_font_files();
        if (!files) {
            GTEST_SKIP() << "no CJK font installed (fonts-noto-cjk or fonts-wqy-zenhei)";
        }
        m_files = *files;
        auto created = TextEngine::create(*files);
        ASSERT_TRUE(created) << created.error().message;
        m_engine = std::move(*created);
    }

    FontFiles m_files;
    std::unique_ptr<TextEngine> m_engine;
};

// A canvas in memory and SDL's software renderer drawing into it.
struct Canvas {
    Canvas(int width, int height)
        : surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888)),
          renderer(SDL_CreateSoftwareRenderer(surface.get())) {
        SDL_FillRect(surface.get(), nullptr, kPaper);
    }

    Uint32 pixel(int x, int y) const {
        const auto* row =
            static_cast<const Uint8*>(surface->pixels) + static_cast<std::ptrdiff_t>(y) * surface->pitch;
        return reinterpret_cast<const Uint32*>(row)[x];
    }

    int inked_pixels(int top, int bottom) const {
        int inked = 0;
        for (int y = std::max(0, top); y < std::min(bottom, surface->h); ++y) {
            for (int x = 0; x < surface->w; ++x) {
                inked += pixel(x, y) != kPaper ? 1 : 0;
            }
        }
        return inked;
    }

    SurfacePtr surface;
    RendererPtr renderer;
};

TEST(FontLookupTest, FindsARegularFaceAndKeepsTheOldLookup) {
    const std::optional<FontFiles> files = find_cjk_font_files();
    if (!files) {
        GTEST_SKIP() << "no CJK font installed";
    }
    EXPECT_TRUE(std::filesystem::exists(files->regular.file));
    EXPECT_EQ(find_cjk_font(), files->regular.file);
    if (files->regular.file.filename().string().starts_with("NotoSansCJK")) {
        ASSERT_TRUE(files->bold.has_value()) << "Noto Sans CJK is installed with its Bold";
        EXPECT_NE(files->bold->file, files->regular.file);
        EXPECT_EQ(files->bold->index, files->regular.index);  // the same SC face of each collection
    }
}

TEST(TextEngineCreateTest, AMissingFontFileIsAnError) {
    const auto created = TextEngine::create(FontFiles{FontFace{"/nonexistent/font.ttc", 0}, std::nullopt});
    ASSERT_FALSE(created);
    EXPECT_EQ(created.error().kind, RenderErrorKind::no_fonts);
    EXPECT_NE(created.error().message.find("/nonexistent/font.ttc"), std::string::npos)
        << created.error().message;
    const auto nothing = TextEngine::create(FontFiles{});
    ASSERT_FALSE(nothing);
    EXPECT_EQ(nothing.error().kind, RenderErrorKind::no_fonts);
    EXPECT_NE(nothing.error().message.find("no font"), std::string::npos) << nothing.error().message;
}

TEST_F(TextEngineTest, ChineseCharactersMeasureAboutTheFontSize) {
    const ui::TextStyle style{36, false};
    const int one = m_engine->width("人", style);
    EXPECT_GE(one, 32);
    EXPECT_LE(one, 40);
    const int six = m_engine->width("人口文化窗口", style);
    EXPECT_NEAR(six, 6 * one, 6);
    EXPECT_GT(m_engine->line_height(style), 36);
    EXPECT_GT(m_engine->width("人", ui::TextStyle{72, false}), one);
}

TEST_F(TextEngineTest, WidthsArePositiveAndEmptyTextHasNone) {
    const ui::TextStyle style{24, false};
    EXPECT_GT(m_engine->width("Population", style), 0);
    EXPECT_GT(m_engine->width(" ", style), 0);
    EXPECT_GT(m_engine->width("，", style), 0);
    EXPECT_EQ(m_engine->width("", style), 0);
    // A string_view needs no terminating zero: only its own bytes count.
    const std::string text = "人口文化";
    EXPECT_EQ(m_engine->width(std::string_view(text).substr(0, 3), style), m_engine->width("人", style));
}

// A package check measures texts on its own thread with an engine of its
// own while the screens draw: both open and close faces at many sizes at
// once, and measure alike.
TEST_F(TextEngineTest, AnEngineOnAnotherThreadMeasuresAlikeWhileThisOneDraws) {
    constexpr int kSizes = 24;
    std::vector<int> theirs(kSizes);
    std::string error;
    std::thread checker([&] {
        for (int round = 0; round < 3; ++round) {
            auto other = TextEngine::create(m_files);
            if (!other) {
                error = other.error().message;
                return;
            }
            for (int size = 0; size < kSizes; ++size) {
                theirs[static_cast<std::size_t>(size)] =
                    (*other)->width(kMixedParagraph, ui::TextStyle{12 + size, size % 2 == 0});
            }
        }
    });
    std::vector<int> ours(kSizes);
    for (int size = 0; size < kSizes; ++size) {
        const ui::TextStyle style{12 + size, size % 2 == 0};
        ours[static_cast<std::size_t>(size)] = m_engine->width(kMixedParagraph, style);
        EXPECT_NE(m_engine->render("人口文化 Window", style, kInk), nullptr) << SDL_GetError();
    }
    checker.join();
    ASSERT_TRUE(error.empty()) << error;
    EXPECT_EQ(theirs, ours);
}

TEST_F(TextEngineTest, BoldIsAtLeastAsWide) {
    const ui::TextStyle regular{32, false};
    const ui::TextStyle bold{32, true};
    for (const char* text : {"Population Culture", "人口文化窗口", "人口 Population 2020"}) {
        EXPECT_GE(m_engine->width(text, bold), m_engine->width(text, regular)) << text;
    }
}

TEST_F(TextEngineTest, MixedTextMeasuresAboutItsParts) {
    const ui::TextStyle style{32, false};
    const int whole = m_engine->width("人口Population窗口", style);
    const int parts = m_engine->width("人口", style) + m_engine->width("Population", style) +
                      m_engine->width("窗口", style);
    EXPECT_NEAR(whole, parts, 3);
}

TEST_F(TextEngineTest, RendersASurfaceAsWideAsMeasured) {
    const ui::TextStyle style{36, false};
    const SurfacePtr surface = m_engine->render("人口 Population", style, kInk);
    ASSERT_TRUE(surface) << SDL_GetError();
    EXPECT_EQ(surface->w, m_engine->width("人口 Population", style));
    EXPECT_GE(surface->h, 36);
    EXPECT_FALSE(m_engine->render("", style, kInk));
}

TEST_F(TextEngineTest, TheTextureCacheRendersEachTextOnce) {
    Canvas canvas(200, 100);
    ASSERT_TRUE(canvas.renderer) << SDL_GetError();
    TextTextureCache cache(canvas.renderer.get(), *m_engine);
    const ui::TextStyle style{32, false};
    SDL_Texture* first = cache.get("人口文化", style, kInk);
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(cache.get("人口文化", style, kInk), first);
    EXPECT_EQ(cache.misses(), 1u);
    EXPECT_EQ(cache.hits(), 1u);
    // Another colour, style or text is another texture.
    EXPECT_NE(cache.get("人口文化", style, SDL_Color{200, 0, 0, 255}), first);
    EXPECT_NE(cache.get("人口文化", ui::TextStyle{32, true}, kInk), first);
    EXPECT_NE(cache.get("人口", style, kInk), first);
    EXPECT_EQ(cache.misses(), 4u);
    EXPECT_EQ(cache.get("", style, kInk), nullptr);
    int width = 0;
    int height = 0;
    SDL_QueryTexture(first, nullptr, nullptr, &width, &height);
    EXPECT_EQ(width, m_engine->width("人口文化", style));
}

TEST_F(TextEngineTest, TheTextureCacheDropsTheLeastRecentlyDrawnBeyondItsBudget) {
    Canvas canvas(200, 100);
    const ui::TextStyle style{32, false};
    const SurfacePtr sample = m_engine->render("一二", style, kInk);
    ASSERT_TRUE(sample);
    const auto one_texture = static_cast<std::size_t>(sample->w) * static_cast<std::size_t>(sample->h) * 4;
    TextTextureCache cache(canvas.renderer.get(), *m_engine, one_texture * 5 / 2);
    cache.get("一二", style, kInk);
    cache.get("三四", style, kInk);
    cache.get("一二", style, kInk);  // now "三四" is the least recently drawn
    cache.get("五六", style, kInk);
    EXPECT_EQ(cache.textures_kept(), 2u);
    EXPECT_LE(cache.bytes_used(), one_texture * 5 / 2);
    const std::size_t misses = cache.misses();
    cache.get("一二", style, kInk);
    EXPECT_EQ(cache.misses(), misses);
    cache.get("三四", style, kInk);
    EXPECT_EQ(cache.misses(), misses + 1);
    cache.clear();
    EXPECT_EQ(cache.textures_kept(), 0u);
    EXPECT_EQ(cache.bytes_used(), 0u);
}

// Breaks a paragraph of Chinese and English with the real font, draws it as
// the screens do, and saves the picture for a person to look at.
TEST_F(TextEngineTest, DrawsABrokenMixedParagraph) {
    constexpr int kMargin = 20;
    Canvas canvas(800, 600);
    ASSERT_TRUE(canvas.renderer) << SDL_GetError();
    TextTextureCache cache(canvas.renderer.get(), *m_engine);
    const ui::TextStyle body{30, false};
    const ui::TextStyle emphasis{30, true};
    const std::vector<ui::StyledText> spans{{"人口文化窗口：", emphasis}, {kMixedParagraph, body}};
    const int max_width = 800 - 2 * kMargin;
    const std::vector<ui::TextLine> lines = ui::break_lines(spans, max_width, *m_engine);
    ASSERT_GE(lines.size(), 5u);

    int top = kMargin;
    struct Band {
        int top;
        int bottom;
        int width;
    };
    std::vector<Band> bands;
    for (const ui::TextLine& line : lines) {
        EXPECT_LE(line.width, max_width);
        for (const ui::LineRun& run : line.runs) {
            SDL_Texture* texture = cache.get(run.text, run.style, kInk);
            ASSERT_NE(texture, nullptr) << run.text;
            int width = 0;
            int height = 0;
            SDL_QueryTexture(texture, nullptr, nullptr, &width, &height);
            EXPECT_EQ(width, run.width) << run.text;
            const SDL_Rect place{kMargin + run.x, top, width, height};
            SDL_RenderCopy(canvas.renderer.get(), texture, nullptr, &place);
        }
        bands.push_back(Band{top, top + line.height, line.width});
        top += line.height;
    }
    ASSERT_LE(top, 600) << "the paragraph should fit the canvas";
    SDL_RenderPresent(canvas.renderer.get());
    const char* picture = "/tmp/kiosk_text_engine_paragraph.png";
    EXPECT_EQ(IMG_SavePNG(canvas.surface.get(), picture), 0) << SDL_GetError();
    std::cout << "paragraph of " << lines.size() << " lines drawn to " << picture << "\n";
    for (std::size_t index = 0; index < bands.size(); ++index) {
        // Text 30 px tall inks several pixels per column it spans (so would
        // tofu boxes, which only looking at the picture rules out).
        EXPECT_GT(canvas.inked_pixels(bands[index].top, bands[index].bottom), 2 * bands[index].width)
            << "line " << index;
    }
    EXPECT_EQ(canvas.inked_pixels(top + 2, 600), 0) << "nothing below the last line";
    // Every text was rendered once, and drawing again renders nothing.
    const std::size_t rendered = cache.misses();
    for (const ui::TextLine& line : lines) {
        for (const ui::LineRun& run : line.runs) {
            cache.get(run.text, run.style, kInk);
        }
    }
    EXPECT_EQ(cache.misses(), rendered);
}

// Timings for the figures the layout plans with; the bounds only catch a
// gross slowdown (sanitized builds run several times slower).
TEST_F(TextEngineTest, BreaksTwoThousandCharactersAndRendersALineQuickly) {
    std::string paragraph;
    while (count_characters(paragraph) < 2000) {
        paragraph += kMixedParagraph;
    }
    const ui::TextStyle style{32, false};
    double start = thread_milliseconds();
    const auto lines = ui::break_lines({{paragraph, style}}, 1000, *m_engine);
    const double cold = thread_milliseconds() - start;
    start = thread_milliseconds();
    ui::break_lines({{paragraph, style}}, 1000, *m_engine);
    const double warm = thread_milliseconds() - start;

    const ui::TextStyle line_style{36, false};
    const std::string forty = "第七次人口普查 Population Census 2020 显示人口增长明显。";
    ASSERT_EQ(count_characters(forty), 40);
    start = thread_milliseconds();
    ASSERT_TRUE(m_engine->render(forty, line_style, kInk));
    const double first_render = thread_milliseconds() - start;  // opens the 36 px font, rasterises glyphs
    constexpr int kRenders = 20;
    start = thread_milliseconds();
    for (int index = 0; index < kRenders; ++index) {
        ASSERT_TRUE(m_engine->render(forty, line_style, kInk));
    }
    const double per_render = (thread_milliseconds() - start) / kRenders;
    std::cout << "break_lines, " << count_characters(paragraph) << " characters into " << lines.size()
              << " lines: " << cold << " ms of processor time with a fresh width cache, " << warm
              << " ms again; rendering 40 characters at 36 px: " << first_render << " ms the first time, "
              << per_render << " ms after\n";
    RecordProperty("break_lines_cold_ms", std::to_string(cold));
    RecordProperty("break_lines_warm_ms", std::to_string(warm));
    RecordProperty("render_line_first_ms", std::to_string(first_render));
    RecordProperty("render_line_ms", std::to_string(per_render));
    const double slack = KIOSK_SANITIZED_BUILD ? 10.0 : 1.0;
    EXPECT_LT(cold, 200.0 * slack);
    EXPECT_LT(first_render, 100.0 * slack);
    EXPECT_LT(per_render, 50.0 * slack);
}

}  // namespace
}  // namespace kiosk::render

// End-to-end tests of the touch exhibits: the kiosk binary on the sample
// content package, driven by input scripts and judged by regions of its
// screenshots, its log and the "exhibit" block of its stats. Each run is a
// few seconds of script; most of a run's time is the package's check at start.
#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "exhibit_session.h"

namespace kiosk::test {
namespace {

namespace at = at1080;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

struct ZoneTour {
    std::string zone;
    Rgb colour;
};

// How many sections the sample package gives `zone`, read from its manifest,
// so a section added there is toured too.
int section_count(const std::string& zone) {
    std::ifstream in(fs::path(KIOSK_SAMPLE_PACKAGE_DIR) / "manifest.json");
    const auto manifest = nlohmann::json::parse(in);
    for (const auto& entry : manifest.at("zones")) {
        if (entry.at("id") == zone) {
            return static_cast<int>(entry.at("sections").size());
        }
    }
    throw std::runtime_error("the sample package has no zone " + zone);
}

void PrintTo(const ZoneTour& tour, std::ostream* os) {
    *os << tour.zone;
}

class ZoneTourTest : public ExhibitSession, public ::testing::WithParamInterface<ZoneTour> {};

// The attract loop, a touch to home, then every section and back home again.
TEST_P(ZoneTourTest, EverySectionOpensFromHomeInTheZonesColours) {
    const ZoneTour& tour = GetParam();
    const int sections = section_count(tour.zone);
    ASSERT_LE(sections, 6) << "the tiles beyond the third row need scrolling";
    Script steps = script();
    steps.wait(300).shot("attract").tap({960, 540}).wait(200).shot("home");
    for (int section = 0; section < sections; ++section) {
        const std::string name = "section-" + std::to_string(section);
        steps.tap(at::home_tile(section)).wait(200).shot(name).tap(at::kBack).wait(200);
    }
    steps.shot("home-again").quit();
    const ProcessResult result = run(tour.zone, steps);
    ASSERT_EQ(result.exit_code, 0) << result;

    EXPECT_TRUE(is_attract(shot("attract"), tour.colour));
    const Image home = shot("home");
    EXPECT_TRUE(has_title_bar(home, tour.colour));
    EXPECT_TRUE(has_button_bar(home));
    EXPECT_TRUE(is_home(home, tour.colour));
    EXPECT_GT(white_text_rows(home, at::kTitleText), 30) << "the zone's name is in the title bar";
    std::optional<Image> previous;
    for (int section = 0; section < sections; ++section) {
        SCOPED_TRACE("section " + std::to_string(section));
        const Image page = shot("section-" + std::to_string(section));
        EXPECT_TRUE(has_title_bar(page, tour.colour));
        EXPECT_TRUE(has_button_bar(page));
        EXPECT_TRUE(is_section(page));
        EXPECT_GT(changed_share(home, page, {0, at::kTopBar, 1920, at::kButtonBarTop - at::kTopBar}), 0.2)
            << "the section list replaced the home screen";
        if (previous) {
            EXPECT_GT(changed_share(*previous, page, at::kSectionTitle), 0.01) << "another section's title";
        }
        previous = page;
    }
    EXPECT_TRUE(is_home(shot("home-again"), tour.colour)) << "back from a section goes home";
    const auto exhibit = stats().at("exhibit");
    EXPECT_EQ(exhibit.at("visitors"), 1);
    EXPECT_EQ(exhibit.at("idle_returns"), 0);
    // Touches that meet before a frame share it: at least one figure a section.
    EXPECT_GE(exhibit.at("touch_latency_ms").at("count").get<int>(), sections);
}

INSTANTIATE_TEST_SUITE_P(SamplePackage, ZoneTourTest,
                         ::testing::Values(ZoneTour{"boards", kBoardsRed}, ZoneTour{"models", kModelsTeal},
                                           ZoneTour{"av", kAvBlue}, ZoneTour{"health", kHealthGreen}),
                         [](const auto& info) { return info.param.zone; });

// The second board of the policies section has a picture under its text.
TEST_F(ExhibitSession, ABoardTurnsBySwipeAndItsPictureOpensFullScreenAndCloses) {
    Script steps = script();
    steps.tap({960, 540})
        .wait(200)
        .tap(at::home_tile(0))
        .wait(200)
        .tap(at::kFirstCard)
        .wait(200)
        .shot("first");
    steps.swipe({1600, 500}, {300, 520}, 200).wait(300).shot("second");
    steps.tap({960, 900}).wait(300).shot("picture");
    steps.tap(at::kPictureClose).wait(200).shot("closed").quit();
    const ProcessResult result = run("boards", steps);
    ASSERT_EQ(result.exit_code, 0) << result;

    const Image first = shot("first");
    const Image second = shot("second");
    EXPECT_TRUE(is_board(first, kBoardsRed));
    EXPECT_TRUE(is_board(second, kBoardsRed));
    EXPECT_GT(text_rows(first, at::kBoardCounter), 10) << "the board shows where it stands: 1 / 4";
    EXPECT_GT(changed_share(first, second, at::kBoardCounter), 0.01) << "the swipe turned to the next board";
    EXPECT_GT(changed_share(first, second, {300, 150, 1320, 80}), 0.05) << "the next board has another title";
    const Image picture = shot("picture");
    EXPECT_TRUE(is_picture_viewer(picture));
    EXPECT_FALSE(has_title_bar(picture, kBoardsRed));
    const Image closed = shot("closed");
    EXPECT_TRUE(is_board(closed, kBoardsRed)) << "× closed the viewer";
    EXPECT_LT(changed_share(second, closed, at::kBoardCounter), 0.001) << "back on the same board";
    EXPECT_GE(stats().at("exhibit").at("board_open_ms").at("count").get<int>(), 2);
}

TEST_F(ExhibitSession, AModelsHotspotOpensItsBoard) {
    // The fetal development model is the fifth tile; "week 16" is its third hotspot.
    Script steps = script();
    steps.tap({960, 540}).wait(200).tap(at::home_tile(4)).wait(200).shot("model");
    steps.tap({920, 640}).wait(300).shot("board").tap(at::kBack).wait(200).shot("back").quit();
    const ProcessResult result = run("models", steps);
    ASSERT_EQ(result.exit_code, 0) << result;

    const Image model = shot("model");
    const double markers = share_of(model, {40, 280, 1840, 680}, [](Rgb c) { return near(c, kButtonOn); });
    EXPECT_GT(markers, 0.01) << "the model's hotspots are marked";
    EXPECT_FALSE(is_board(model, kModelsTeal));
    EXPECT_TRUE(is_board(shot("board"), kModelsTeal));
    EXPECT_LT(changed_share(model, shot("back"), {0, 0, 1920, 1080}), 0.01) << "back returns to the model";
}

TEST_F(ExhibitSession, LanguageAndLargeTextChangeTheText) {
    Script steps = script();
    steps.tap({960, 540}).wait(200).shot("chinese").tap(at::kLanguage).wait(200).shot("english");
    steps.tap(at::kLanguage).wait(200).tap(at::kLargeText).wait(200).shot("large").quit();
    const ProcessResult result = run("boards", steps);
    ASSERT_EQ(result.exit_code, 0) << result;

    const Image chinese = shot("chinese");
    const Image english = shot("english");
    const Image large = shot("large");
    EXPECT_GT(changed_share(chinese, english, at::kTitleText), 0.02) << "the zone's English name comes first";
    const Region first_tile{60, 240, 540, 110};
    EXPECT_GT(changed_share(chinese, english, first_tile), 0.02) << "the tiles speak English";
    const int normal_rows = ink_rows(chinese, first_tile);
    EXPECT_GT(normal_rows, 20) << "the tile's title is there";
    EXPECT_GT(ink_rows(large, first_tile), normal_rows + 5) << "large text is taller";
    EXPECT_TRUE(has_title_bar(large, kBoardsRed)) << "the bars keep their size";
    EXPECT_GT(share_of(large, {1496, 982, 190, 84}, [](Rgb c) { return near(c, kButtonOn); }), 0.5)
        << "the 大字 button shows it is on";
}

TEST_F(ExhibitSession, ALifeStageListsFewerBoards) {
    // Of the four policies only the one for everyone is for a teenager.
    Script steps = script();
    steps.tap({960, 540}).wait(200).tap(at::home_tile(0)).wait(200).shot("everyone");
    steps.tap(at::kChooseStage).wait(200).shot("chooser").tap(at::stage_button(0)).wait(200).shot("teenager");
    steps.quit();
    const ProcessResult result = run("boards", steps);
    ASSERT_EQ(result.exit_code, 0) << result;

    const Image everyone = shot("everyone");
    const Image teenager = shot("teenager");
    EXPECT_GE(count_cards(everyone), 3);
    EXPECT_EQ(count_cards(teenager), 1);
    EXPECT_TRUE(is_section(teenager)) << "choosing closed the chooser";
    const Image chooser = shot("chooser");
    EXPECT_GT(share_of(chooser, {0, 0, 300, 1080}, [](Rgb c) { return c.r < 120 && c.g < 120 && c.b < 120; }),
              0.9)
        << "the page is dimmed under the chooser";
    EXPECT_GT(share_of(teenager, {1262, 982, 220, 84}, [](Rgb c) { return near(c, kButtonOn); }), 0.5)
        << "the 我是… button shows a stage is chosen";
}

TEST_F(ExhibitSession, AVisitorWhoWalksAwayLeavesTheAttractLoopBehind) {
    Script steps = script();
    steps.tap({960, 540}).wait(200).tap(at::home_tile(1)).wait(2500).shot("later").quit();
    const ProcessResult result = run("boards", steps, {"--idle-timeout", std::to_string(kSlowdown)});
    ASSERT_EQ(result.exit_code, 0) << result;

    EXPECT_TRUE(is_attract(shot("later"), kBoardsRed));
    const auto exhibit = stats().at("exhibit");
    EXPECT_EQ(exhibit.at("visitors"), 1);
    EXPECT_GE(exhibit.at("idle_returns"), 1);
}

// A screenshot that cannot be written fails the scripted run: a test that
// judges the picture would otherwise judge a stale one.
TEST_F(ExhibitSession, AScreenshotThatCannotBeWrittenFailsTheRun) {
    Script steps = script();
    std::filesystem::create_directories(steps.shot_path("home"));  // a folder where the picture would go
    steps.wait(1500).shot("home").quit();
    const ProcessResult result = run("boards", steps);
    EXPECT_EQ(result.exit_code, 2) << result;
    EXPECT_NE(log_of(result).find("cannot write screenshot"), std::string::npos) << result;
}

TEST_F(ExhibitSession, ABadScriptLineIsRefusedBeforeAnythingRuns) {
    Script steps = script();
    steps.wait(100).line("tap 10").quit();
    const ProcessResult result = run("boards", steps);
    EXPECT_EQ(result.exit_code, 2) << result;
    EXPECT_NE(log_of(result).find("line 2"), std::string::npos) << result;
    EXPECT_FALSE(std::filesystem::exists(data_dir())) << "nothing ran: not even the data directory was made";
    EXPECT_FALSE(std::filesystem::exists(stats_path()));
}

struct ScreenShape {
    std::string size;
    int width = 0;
    int height = 0;
    double scale = 1.0;  // min(width, height) / 1080
};

void PrintTo(const ScreenShape& shape, std::ostream* os) {
    *os << shape.size;
}

class ScreenShapeTest : public ExhibitSession, public ::testing::WithParamInterface<ScreenShape> {};

TEST_P(ScreenShapeTest, TheHomeScreenFitsTheScreen) {
    const ScreenShape& shape = GetParam();
    Script steps = script();
    steps.tap({shape.width / 2, shape.height / 2}).wait(300).shot("home").quit();
    const ProcessResult result = run("boards", steps, {}, shape.size);
    ASSERT_EQ(result.exit_code, 0) << result;

    const Image home = shot("home");
    ASSERT_EQ(home.width(), shape.width);
    ASSERT_EQ(home.height(), shape.height);
    const int top_bar = static_cast<int>(124 * shape.scale);
    const int button_bar = static_cast<int>(112 * shape.scale);
    EXPECT_TRUE(has_title_bar(home, kBoardsRed, top_bar));
    EXPECT_TRUE(has_button_bar(home, shape.height - button_bar));
    const Region page{0, top_bar, shape.width, shape.height - top_bar - button_bar};
    EXPECT_GT(share_of(home, page, [](Rgb c) { return near(c, kPage); }), 0.25)
        << "the page shows between the bars";
    // The tiles' left stripes run down x = 40..52 (scaled) below the film or beside it.
    const Region stripes{static_cast<int>(44 * shape.scale), top_bar, 4, page.h};
    EXPECT_GT(share_of(home, stripes, [](Rgb c) { return near(c, kBoardsRed); }), 0.2) << "tiles show";
}

INSTANTIATE_TEST_SUITE_P(HallScreens, ScreenShapeTest,
                         ::testing::Values(ScreenShape{"1080x1920", 1080, 1920, 1.0},
                                           ScreenShape{"3840x2160", 3840, 2160, 2.0}),
                         [](const auto& info) { return "size_" + info.param.size; });

// --- A broken content package ----------------------------------------------------------------------

// A copy of the sample package in `directory`, for breaking.
fs::path copy_sample_package(const fs::path& directory) {
    const fs::path copy = directory / "package";
    fs::copy(KIOSK_SAMPLE_PACKAGE_DIR, copy, fs::copy_options::recursive);
    return copy;
}

std::string read_manifest(const fs::path& package) {
    std::ifstream in(package / "manifest.json");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// The new manifest replaces the old one in one step, as a publisher's would.
void publish_manifest(const fs::path& package, const std::string& manifest) {
    const fs::path staged = package / "manifest.json.new";
    std::ofstream(staged) << manifest;
    fs::rename(staged, package / "manifest.json");
}

// The line of `manifest` that `at` is on, counted from 1.
int line_at(const std::string& manifest, std::size_t at) {
    return 1 + static_cast<int>(std::count(manifest.begin(), manifest.begin() + static_cast<long>(at), '\n'));
}

std::size_t find_in_manifest(const std::string& manifest, const std::string& text) {
    const auto at = manifest.find(text);
    if (at == std::string::npos) {
        throw std::runtime_error("the sample manifest has no " + text);
    }
    return at;
}

// Drops the comma after the first policies section's kind: the manifest is
// no longer JSON, and the parser stops on the next line. Returns that line.
int break_manifest(const fs::path& package) {
    std::string manifest = read_manifest(package);
    const std::string field = "\"kind\": \"policies\",";
    const auto at = find_in_manifest(manifest, field);
    manifest.erase(at + field.size() - 1, 1);
    publish_manifest(package, manifest);
    return line_at(manifest, at) + 1;
}

// Makes the first board's Chinese title far too long for any title box; the
// manifest stays valid, the title within its length limit (180 characters of
// at most 200). Returns the title's line.
int overflow_a_board_title(const fs::path& package) {
    std::string manifest = read_manifest(package);
    const std::string title = "三孩生育政策";
    const auto at = find_in_manifest(manifest, "\"" + title + "\"");
    std::string long_title;
    for (int repeat = 0; repeat < 30; ++repeat) {
        long_title += title;
    }
    manifest.replace(at + 1, title.size(), long_title);
    publish_manifest(package, manifest);
    return line_at(manifest, at);
}

TEST_F(ExhibitSession, ABrokenPackageAtStartIsRefusedAndTheScreenPlaysFilmsOnly) {
    const fs::path package = copy_sample_package(dir());
    const int line = break_manifest(package);
    // Without a package the screen plays its folder programme.
    fs::create_directories(fs::path(data_dir()) / "media" / "av");
    fs::copy(package / "films" / "life-cycle.mp4", fs::path(data_dir()) / "media" / "av" / "life-cycle.mp4");
    const ProcessResult result = run_kiosk({"--size", "640x360", "--content", package.string(), "--zone",
                                            "av", "--run-for", std::to_string(2 * kSlowdown)});
    ASSERT_EQ(result.exit_code, 0) << result;
    const std::string log = log_of(result);
    EXPECT_NE(log.find("refused"), std::string::npos) << log;
    EXPECT_NE(log.find("manifest.json:" + std::to_string(line) + ":"), std::string::npos)
        << "the refusal names the problem's place, line " << line << ": " << log;
    const auto report = stats();
    EXPECT_GT(report.at("frames_presented").get<int>(), 0) << "the film plays";
    EXPECT_EQ(report.at("exhibit").at("home_ready_ms"), nullptr) << "no touch exhibit was made";
}

TEST_F(ExhibitSession, APackageWhoseTextOverflowsTheScreenIsRefusedAtStart) {
    const fs::path package = copy_sample_package(dir());
    const int line = overflow_a_board_title(package);
    const ProcessResult result = run_kiosk({"--size", "640x360", "--content", package.string(), "--zone",
                                            "boards", "--run-for", std::to_string(2 * kSlowdown)});
    ASSERT_EQ(result.exit_code, 0) << result;
    const std::string log = log_of(result);
    EXPECT_NE(log.find("refused"), std::string::npos) << log;
    EXPECT_NE(log.find("manifest.json:" + std::to_string(line) + ":"), std::string::npos) << log;
    EXPECT_NE(log.find("does not fit its box at 640x360"), std::string::npos)
        << "measured at the screen's own size: " << log;
    EXPECT_GT(stats().at("frames_presented").get<int>(), 0) << "the zone's films play on";
    EXPECT_EQ(stats().at("exhibit").at("home_ready_ms"), nullptr) << "no touch exhibit was made";
}

TEST_F(ExhibitSession, AKioskStartedOnARefusedPackageTakesTheFirstGoodOnePublished) {
    const fs::path package = copy_sample_package(dir());
    const std::string good_manifest = read_manifest(package);
    break_manifest(package);
    Script steps = script();
    // The touch before the good package is there finds no exhibit; the one
    // after opens home. The manifest is looked at every 2 s and checked one
    // file at a time: 8 s leaves room on a busy machine.
    steps.wait(500).tap({960, 540}).shot("films").wait(8000).tap({960, 540}).wait(300).shot("home").quit();
    std::thread publisher([&] {
        const auto deadline = std::chrono::steady_clock::now() + 60s * kSlowdown;
        while (!fs::exists(steps.shot_path("films")) && std::chrono::steady_clock::now() < deadline) {
            std::this_thread::sleep_for(20ms);
        }
        publish_manifest(package, good_manifest);
    });
    const ProcessResult result = run("boards", steps, {}, "1920x1080", package);
    publisher.join();
    ASSERT_EQ(result.exit_code, 0) << result;
    const std::string log = log_of(result);
    EXPECT_NE(log.find("refused"), std::string::npos) << log;
    EXPECT_NE(log.find("now showing"), std::string::npos) << log;
    EXPECT_FALSE(is_home(shot("films"), kBoardsRed)) << "no exhibit before a good package";
    EXPECT_TRUE(is_home(shot("home"), kBoardsRed)) << "the exhibit is made from the good package";
    // The screen has no films of its own: it plays the zone's programme from the package once there is one.
    EXPECT_NE(log.find("zone boards: a new default programme"), std::string::npos) << log;
    EXPECT_GT(stats().at("frames_presented").get<int>(), 0) << "the package's films play";
}

// A new package published while a visitor reads a section.
class PublishedWhileShowing : public ExhibitSession {
  protected:
    // Publishes the sample package changed by `change` (which returns the
    // line of its problem) once the visitor is in a section, and expects it
    // refused for `reason` while the old one goes on.
    void expect_refused_and_old_one_kept(const std::function<int(const fs::path&)>& change,
                                         const std::string& reason) {
        const fs::path package = copy_sample_package(dir());
        Script steps = script();
        steps.tap({960, 540}).wait(200).tap(at::home_tile(0)).wait(200).shot("before");
        // The kiosk looks at the manifest every 2 s and checks a changed one
        // off the main thread, one file at a time: 7 s leaves room on a busy machine.
        steps.wait(7000).shot("after").tap(at::kBack).wait(200).shot("home").quit();
        int problem_line = 0;
        std::thread publisher([&] {
            const auto deadline = std::chrono::steady_clock::now() + 60s * kSlowdown;
            while (!fs::exists(steps.shot_path("before")) && std::chrono::steady_clock::now() < deadline) {
                std::this_thread::sleep_for(20ms);
            }
            problem_line = change(package);
        });
        const ProcessResult result = run("boards", steps, {}, "1920x1080", package);
        publisher.join();
        ASSERT_EQ(result.exit_code, 0) << result;

        const std::string log = log_of(result);
        EXPECT_NE(log.find("refused"), std::string::npos) << log;
        EXPECT_NE(log.find("manifest.json:" + std::to_string(problem_line) + ":"), std::string::npos) << log;
        EXPECT_NE(log.find(reason), std::string::npos) << log;
        EXPECT_NE(log.find("keep showing"), std::string::npos) << log;
        const Image after = shot("after");
        EXPECT_TRUE(is_section(after)) << "the visitor stays where they were";
        EXPECT_LT(changed_share(shot("before"), after, {0, 0, 1920, 1080}), 0.001);
        EXPECT_TRUE(is_home(shot("home"), kBoardsRed)) << "the old package goes on answering touches";
    }
};

TEST_F(PublishedWhileShowing, AManifestThatIsNotJsonIsRefused) {
    expect_refused_and_old_one_kept(break_manifest, "not JSON");
}

TEST_F(PublishedWhileShowing, ATextThatOverflowsTheScreenIsRefused) {
    expect_refused_and_old_one_kept(overflow_a_board_title, "does not fit its box at 1920x1080");
}

}  // namespace
}  // namespace kiosk::test

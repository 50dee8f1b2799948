// End-to-end: texts as long as a package may hold, and far longer. A board
// title of 100,000 letters without a space once took `kioskctl content check`
// a minute and the kiosk half a minute before its first picture; now the
// length is refused as the manifest is read. Texts at their limits are set
// in time proportional to their length: a board of them opens at once.
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "exhibit_session.h"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// The longest block of a board's body (content/PACKAGE_FORMAT.md, "Limits").
constexpr std::size_t kMaxBlockCharacters = 5000;

// `count` Latin letters without a space, in a pattern no shorter piece repeats.
std::string letters(std::size_t count) {
    std::string text;
    std::uint32_t state = 12345;
    for (std::size_t index = 0; index < count; ++index) {
        state = state * 1103515245U + 12345U;
        text.push_back(static_cast<char>('a' + (state >> 16) % 26));
    }
    return text;
}

std::string repeated(const std::string& unit, std::size_t count) {
    std::string text;
    for (std::size_t index = 0; index < count; ++index) {
        text += unit;
    }
    return text;
}

// A package of the boards zone with one section of one board and no files.
fs::path write_package(const fs::path& directory, const std::string& board_title,
                       const std::vector<std::string>& body_zh, const std::vector<std::string>& body_en) {
    const nlohmann::json board = {{"id", "limits"},
                                  {"title", {{"zh", "长文本"}, {"en", board_title}}},
                                  {"body", {{"zh", body_zh}, {"en", body_en}}}};
    const nlohmann::json section = {{"id", "policies"},
                                    {"kind", "policies"},
                                    {"title", {{"zh", "政策法规"}, {"en", "Policies"}}},
                                    {"boards", {board}}};
    const nlohmann::json zone = {{"id", "boards"},
                                 {"title", {{"zh", "展板区"}, {"en", "Boards"}}},
                                 {"programme", nlohmann::json::array()},
                                 {"sections", {section}}};
    const nlohmann::json manifest = {
        {"format", "pcw-content/1"},
        {"package", {{"id", "long-texts"}, {"version", "1"}, {"title", {{"zh", "长"}, {"en", "Long"}}}}},
        {"zones", {zone}}};
    fs::create_directories(directory);
    std::ofstream(directory / "manifest.json") << manifest.dump(2);
    return directory;
}

constexpr auto kTitleProblem =
    "/zones/0/sections/0/boards/0/title/en: English text of 100000 characters is too long (at most 200 "
    "characters)";

TEST_F(ExhibitSession, ContentCheckRefusesATitleOfAHundredThousandLettersAtOnce) {
    const fs::path package = write_package(dir() / "package", letters(100000), {"正文"}, {"Body"});
    const auto started = Clock::now();
    const ProcessResult result =
        run_process({KIOSKCTL_BINARY, "content", "check", package.string()}, 180s * kSlowdown);
    const auto took = Clock::now() - started;
    ASSERT_EQ(result.exit_code, 1) << result;
    EXPECT_NE(result.out.find(std::string("manifest.json:")), std::string::npos)
        << result.out.substr(0, 1000);
    EXPECT_NE(result.out.find(kTitleProblem), std::string::npos) << result.out.substr(0, 1000);
    EXPECT_NE(result.out.find("1 problem in"), std::string::npos) << "nothing else about the title";
    EXPECT_LT(took, 10s * kSlowdown) << "it took a minute while the title was measured";
}

TEST_F(ExhibitSession, AKioskRefusesATitleOfAHundredThousandLettersAtOnce) {
    const fs::path package = write_package(dir() / "package", letters(100000), {"正文"}, {"Body"});
    const auto started = Clock::now();
    const ProcessResult result =
        run_kiosk({"--content", package.string(), "--zone", "boards", "--run-for", "1"});
    const auto took = Clock::now() - started;
    ASSERT_EQ(result.exit_code, 0) << result;
    const std::string log = log_of(result);
    EXPECT_NE(log.find("refused"), std::string::npos) << log.substr(0, 2000);
    EXPECT_NE(log.find(kTitleProblem), std::string::npos) << log.substr(0, 2000);
    EXPECT_EQ(stats().at("exhibit").at("home_ready_ms"), nullptr) << "no touch exhibit was made";
    // One second of films after the start: the first picture came after 29 s.
    EXPECT_LT(took, 15s * kSlowdown);
}

// Blocks of a board's body as long as they may be, in Latin letters without
// a space and in Chinese: the package passes the check, the kiosk starts on
// it and the board opens within a second.
TEST_F(ExhibitSession, ABoardOfTextsAtTheirLimitsOpensPromptly) {
    const std::string latin = letters(kMaxBlockCharacters);
    const std::string chinese = repeated("人口", kMaxBlockCharacters / 2);
    const fs::path package =
        write_package(dir() / "package", "Limits", {chinese, latin, "结语"}, {latin, chinese, "The end"});
    const ProcessResult check =
        run_process({KIOSKCTL_BINARY, "content", "check", package.string()}, 120s * kSlowdown);
    ASSERT_EQ(check.exit_code, 0) << check.out << check;

    Script steps = script();
    steps.wait(300)
        .tap({960, 540})
        .wait(300)
        .tap(at1080::home_tile(0))
        .wait(300)
        .tap(at1080::kFirstCard)
        .wait(500)
        .shot("board")
        .quit();
    const ProcessResult result = run("boards", steps, {}, "1920x1080", package);
    ASSERT_EQ(result.exit_code, 0) << result;
    EXPECT_TRUE(is_board(shot("board"), kBoardsRed));
    const nlohmann::json exhibit = stats().at("exhibit");
    ASSERT_TRUE(exhibit.at("home_ready_ms").is_number()) << exhibit.dump();
    EXPECT_LT(exhibit.at("home_ready_ms").get<double>(), 5000.0 * kSlowdown);
    ASSERT_EQ(exhibit.at("board_open_ms").at("count").get<int>(), 1) << exhibit.dump();
    EXPECT_LT(exhibit.at("board_open_ms").at("max").get<double>(), 1000.0 * kSlowdown) << exhibit.dump();
}

}  // namespace
}  // namespace kiosk::test

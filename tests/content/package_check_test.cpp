// check_package: the files a manifest names, opened as the player opens
// them (the media library's FFmpeg prober, as the kiosk passes it), and its
// texts measured against their boxes. Uses the generated test media.
#include <algorithm>
#include <chrono>
#include <iostream>
#include <map>
#include <set>
#include <stop_token>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "content/package_check.h"
#include "media/media_probe.h"
#include "package_test_support.h"

namespace content {
namespace {

using test::expect_problem;
using test::kValidManifest;
using test::kValidMedia;
using test::listed;
using test::PackageDirectory;
using test::replace_once;

constexpr auto kBoardImage = "/zones/0/sections/0/boards/0/images/0/file";
constexpr auto kBoardVideo = "/zones/0/sections/0/boards/0/video/file";

// `options` with films and pictures opened the way the player opens them.
CheckOptions probing(CheckOptions options = {}) {
    static const media::FfmpegMediaProber films;
    options.media_prober = &films;
    return options;
}

// A valid package with its media; tests break one thing in it.
class CheckPackage : public ::testing::Test {
  protected:
    void SetUp() override {
        m_package.write_manifest(kValidManifest);
        for (const auto& [file, medium] : kValidMedia) {
            m_package.copy_media(file, medium);
        }
    }

    void write_manifest(std::string_view from, std::string_view to) const {
        m_package.write_manifest(replace_once(std::string(kValidManifest), from, to));
    }

    std::vector<PackageProblem> check(const CheckOptions& options = {}) const {
        return check_package(m_package.path(), probing(options));
    }

    PackageDirectory m_package;
};

TEST_F(CheckPackage, AValidPackageHasNoProblem) {
    const auto problems = check();
    EXPECT_TRUE(problems.empty()) << listed(problems);
    auto package = load_checked_package(m_package.path(), probing());
    ASSERT_TRUE(package) << listed(package.error());
    EXPECT_EQ(package->id, "district-sample");
    EXPECT_EQ(package->zones.size(), 2U);
}

TEST_F(CheckPackage, ReportsAMissingFile) {
    std::filesystem::remove(m_package.path() / "images/birth.png");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, kBoardImage, 27, "missing file \"images/birth.png\"");
    EXPECT_EQ(problems[0].column, 35);
    EXPECT_FALSE(load_checked_package(m_package.path(), probing()));
}

TEST_F(CheckPackage, ReportsAFolderWhereAFileBelongs) {
    std::filesystem::remove(m_package.path() / "films/loop.mp4");
    std::filesystem::create_directory(m_package.path() / "films/loop.mp4");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, "/zones/0/programme/0", 14, "\"films/loop.mp4\" is not a file");
}

TEST_F(CheckPackage, ReportsAFilmThatCannotPlay) {
    m_package.copy_media("films/birth.mp4", "not_media.mp4");  // a text file named .mp4
    const auto problems = check();
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, kBoardVideo, 28, "film \"films/birth.mp4\" cannot play: not media");
}

TEST_F(CheckPackage, ReportsADamagedFilmInTheProgramme) {
    m_package.copy_media("films/loop.mp4", "truncated.mp4");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, "/zones/0/programme/0", 14, "\"films/loop.mp4\" cannot play:");
}

TEST_F(CheckPackage, ReportsAPictureThatDoesNotDecode) {
    m_package.copy_media("images/model-fetal.png", "empty.mp4");
    m_package.copy_media("images/birth.png", "not_media.mp4");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 2U) << listed(problems);
    expect_problem(problems, kBoardImage, 27, "picture \"images/birth.png\" is not a PNG or JPEG picture");
    expect_problem(problems, "/zones/1/models/0/picture", 75,
                   "picture \"images/model-fetal.png\" is an empty file");
}

// Pictures are known by their content, whatever their name: a JPEG 2000
// file named .png is refused (the screens have no decoder for it), and so is
// one too large to decode, before anything decodes it.
TEST_F(CheckPackage, ReportsAPictureOfAnotherFormatOrTooLarge) {
    m_package.copy_media("images/birth.png", "still_jpeg2000.jp2");
    m_package.copy_media("images/model-fetal.png", "too_wide.png");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 2U) << listed(problems);
    expect_problem(problems, kBoardImage, 27, "picture \"images/birth.png\" is JPEG 2000, not PNG or JPEG");
    expect_problem(problems, "/zones/1/models/0/picture", 75,
                   "picture \"images/model-fetal.png\" is 5000×32 pixels, larger than a picture may be "
                   "(at most 4096×4096 pixels)");
}

// The check decodes pictures with the decoder it is given (the kiosk gives
// the screens' own), so what it refuses is exactly what the screens could
// not show. This one refuses one file by name.
class RefusingDecoder final : public PictureDecoder {
  public:
    explicit RefusingDecoder(std::string refused) : m_refused(std::move(refused)) {}
    tl::expected<void, std::string> decode(const std::filesystem::path& file) const override {
        if (file.filename() == m_refused) {
            return tl::unexpected(std::string("IDAT: CRC error"));
        }
        return {};
    }

  private:
    std::string m_refused;
};

TEST_F(CheckPackage, DecodesPicturesWithTheDecoderItIsGiven) {
    const RefusingDecoder decoder("birth.png");
    CheckOptions options;
    options.picture_decoder = &decoder;
    options.probe_threads = 2;
    const auto problems = check(options);
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, kBoardImage, 27,
                   "picture \"images/birth.png\" does not decode: IDAT: CRC error");
}

// A check given no way to open films refuses them rather than let them
// through unopened; pictures still go to the decoder it was given.
TEST_F(CheckPackage, WithoutAMediaProberFilmsAreReportedNotChecked) {
    const RefusingDecoder decoder("no such picture");
    CheckOptions options;
    options.picture_decoder = &decoder;
    for (const int threads : {1, 4}) {
        options.probe_threads = threads;
        const auto problems = check_package(m_package.path(), options);
        ASSERT_EQ(problems.size(), 3U) << listed(problems);
        expect_problem(problems, "/zones/0/programme/0", 14,
                       "\"films/loop.mp4\" is not checked: the check has no media prober");
        expect_problem(problems, "/zones/0/programme/1", 14, "\"images/poster.jpg\" is not checked");
        expect_problem(problems, kBoardVideo, 28, "film \"films/birth.mp4\" is not checked");
        EXPECT_FALSE(load_checked_package(m_package.path(), options));
    }
}

// A check asked to stop (the kiosk is going) ends before its next file and
// lets nothing through.
TEST_F(CheckPackage, AStoppedCheckEndsAtOnceAndRefusesThePackage) {
    std::stop_source stop;
    stop.request_stop();
    const RefusingDecoder decoder("not to be opened");
    CheckOptions options;
    options.picture_decoder = &decoder;
    options.stop = stop.get_token();
    const auto problems = check_package(m_package.path(), options);
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    EXPECT_EQ(problems.front().reason, "the check was stopped before its end: the package is not checked");
    EXPECT_FALSE(load_checked_package(m_package.path(), probing(options)));
}

TEST_F(CheckPackage, WithoutAnyDecoderPicturesAreReportedNotChecked) {
    const auto problems = check_package(m_package.path(), {});
    ASSERT_EQ(problems.size(), 5U) << listed(problems);
    expect_problem(problems, kBoardImage, 27,
                   "picture \"images/birth.png\" is not checked: the check has no picture decoder");
    expect_problem(problems, "/zones/1/models/0/picture", 75,
                   "picture \"images/model-fetal.png\" is not checked");
}

TEST_F(CheckPackage, ReportsAFilmWhereAStillPictureBelongs) {
    write_manifest(R"("file": "images/birth.png")", R"("file": "films/loop.mp4")");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, kBoardImage, 27, "\"films/loop.mp4\" is a film, not a still picture");
}

TEST_F(CheckPackage, ReportsAStillPictureWhereAFilmBelongs) {
    write_manifest(R"("file": "films/birth.mp4")", R"("file": "images/poster.jpg")");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, kBoardVideo, 28, "\"images/poster.jpg\" is a still picture, not a film");
}

TEST_F(CheckPackage, AProgrammeMayHoldStillsAndFilms) {
    write_manifest(R"("programme": [],)",
                   R"("programme": ["images/birth.png", "films/birth.mp4", "images/poster.jpg"],)");
    const auto problems = check();
    EXPECT_TRUE(problems.empty()) << listed(problems);
}

TEST_F(CheckPackage, ReportsALinkLeadingOutOfThePackage) {
    std::filesystem::remove(m_package.path() / "images/birth.png");
    std::filesystem::create_symlink(std::filesystem::path(KIOSK_TEST_MEDIA_DIR) / "still.png",
                                    m_package.path() / "images/birth.png");
    std::filesystem::create_symlink("../images/poster.jpg", m_package.path() / "films/poster-link.jpg");
    write_manifest(R"("images/poster.jpg"])", R"("films/poster-link.jpg"])");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 1U) << listed(problems) << "a link inside the package is fine";
    expect_problem(problems, kBoardImage, 27, "\"images/birth.png\" leads outside the package");
}

TEST_F(CheckPackage, APathLeavingThePackageIsReportedOnceAndNotOpened) {
    write_manifest(R"("file": "images/birth.png")", R"("file": "../birth.png")");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, kBoardImage, 27, "leaves the package");
}

TEST_F(CheckPackage, ReportsManifestAndFileProblemsTogetherInFileOrder) {
    write_manifest(R"("board": "fetal-week-12")", R"("board": "fetal-week-13")");
    std::filesystem::remove(m_package.path() / "films/birth.mp4");
    m_package.copy_media("images/model-fetal.png", "not_media.mp4");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 3U) << listed(problems);
    EXPECT_EQ(problems[0].pointer, kBoardVideo);
    EXPECT_EQ(problems[1].pointer, "/zones/1/models/0/picture");
    EXPECT_EQ(problems[2].pointer, "/zones/1/models/0/hotspots/0/board");
}

// Probing on several threads finds the same problems, in the same places, as
// probing one file after another.
TEST_F(CheckPackage, ProbingOnSeveralThreadsReportsTheSameProblems) {
    write_manifest(R"("file": "images/birth.png")", R"("file": "films/loop.mp4")");
    std::filesystem::remove(m_package.path() / "films/birth.mp4");
    m_package.copy_media("images/model-fetal.png", "not_media.mp4");
    CheckOptions parallel;
    parallel.probe_threads = 4;
    const auto one_by_one = check();
    const auto at_once = check(parallel);
    ASSERT_EQ(one_by_one.size(), 3U) << listed(one_by_one);
    ASSERT_EQ(at_once.size(), one_by_one.size()) << listed(at_once);
    for (std::size_t index = 0; index < at_once.size(); ++index) {
        EXPECT_EQ(to_string(at_once[index]), to_string(one_by_one[index]));
    }
}

TEST_F(CheckPackage, ASyntaxErrorStopsTheCheckAtTheManifest) {
    m_package.write_manifest(R"({"format": "pcw-content/1",)");
    std::filesystem::remove(m_package.path() / "films/birth.mp4");
    const auto problems = check();
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    EXPECT_EQ(problems[0].line, 1);
    EXPECT_NE(problems[0].reason.find("not JSON"), std::string::npos);
}

TEST_F(CheckPackage, WithoutProbingOnlyTheFilesPresenceIsChecked) {
    m_package.copy_media("films/birth.mp4", "not_media.mp4");
    std::filesystem::remove(m_package.path() / "images/birth.png");
    CheckOptions options;
    options.probe_media = false;
    const auto problems = check(options);
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, kBoardImage, 27, "missing file");
}

// Says every text longer than a limit overflows, and remembers what it was asked.
class TextFitDouble : public TextFit {
  public:
    std::vector<std::string> overflows(TextBox box, std::string_view text, Language language) const override {
        asked.insert({box, language});
        longest_asked = std::max(longest_asked, text.size());
        std::vector<std::string> configurations;
        if (text.size() > kLargeTextLimit) {
            configurations.emplace_back("1080x1920, large text");
        }
        if (text.size() > kNormalTextLimit) {
            configurations.emplace_back("1080x1920, normal text");
        }
        return configurations;
    }

    static constexpr std::size_t kLargeTextLimit = 40;   // bytes
    static constexpr std::size_t kNormalTextLimit = 80;  // bytes
    mutable std::set<std::pair<TextBox, Language>> asked;
    mutable std::size_t longest_asked = 0;  // bytes
};

TEST_F(CheckPackage, ReportsEachConfigurationATextOverflows) {
    const std::string long_title(50, 'x');
    const std::string longer_caption(90, 'y');
    std::string manifest = replace_once(std::string(kValidManifest), R"("en": "Policies and regulations")",
                                        R"("en": ")" + long_title + "\"");
    manifest = replace_once(manifest, R"("zh": "短片")", R"("zh": ")" + longer_caption + "\"");
    m_package.write_manifest(manifest);

    TextFitDouble text_fit;
    CheckOptions options;
    options.text_fit = &text_fit;
    const auto problems = check(options);
    ASSERT_EQ(problems.size(), 3U) << listed(problems);
    expect_problem(problems, "/zones/0/sections/0/title/en", 19,
                   "title does not fit its box at 1080x1920, large text");
    EXPECT_EQ(to_string(problems[0]),
              "manifest.json:19:41: /zones/0/sections/0/title/en: title does not fit its box at 1080x1920, "
              "large text");
    EXPECT_EQ(problems[1].pointer, "/zones/0/sections/0/boards/0/video/caption/zh");
    EXPECT_EQ(problems[1].reason, "caption does not fit its box at 1080x1920, large text");
    EXPECT_EQ(problems[2].pointer, "/zones/0/sections/0/boards/0/video/caption/zh");
    EXPECT_EQ(problems[2].reason, "caption does not fit its box at 1080x1920, normal text");
    EXPECT_FALSE(load_checked_package(m_package.path(), probing(options)));
}

TEST_F(CheckPackage, MeasuresEveryBoxedTextInBothLanguages) {
    TextFitDouble text_fit;
    CheckOptions options;
    options.text_fit = &text_fit;
    const auto problems = check(options);
    EXPECT_TRUE(problems.empty()) << listed(problems);
    for (TextBox box :
         {TextBox::zone_title, TextBox::section_title, TextBox::board_title, TextBox::board_summary,
          TextBox::model_title, TextBox::caption, TextBox::hotspot_label, TextBox::step_title}) {
        for (Language language : {Language::zh, Language::en}) {
            EXPECT_TRUE(text_fit.asked.contains({box, language}))
                << "box " << static_cast<int>(box) << " in " << (language == Language::zh ? "zh" : "en");
        }
    }
}

// A text longer than its limit is refused as the manifest is read, and never
// measured: a board title of 100,000 letters took the measuring a minute.
TEST_F(CheckPackage, ATextOverItsLimitIsRefusedWithoutBeingMeasured) {
    write_manifest(R"("en": "Birth registration")", R"("en": ")" + std::string(100000, 'a') + "\"");
    TextFitDouble text_fit;
    CheckOptions options;
    options.text_fit = &text_fit;
    const auto problems = check(options);
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, "/zones/0/sections/0/boards/0/title/en", 23,
                   "English text of 100000 characters is too long (at most 200 characters)");
    EXPECT_LE(text_fit.longest_asked, 3 * kMaxTitleCharacters);
    EXPECT_TRUE(text_fit.asked.contains({TextBox::section_title, Language::en}))
        << "the other texts are measured";
}

// A package of many boards, each with its own picture and film: probing is
// quick enough for staff to run the check after every edit.
TEST(CheckPackageSpeed, ChecksAHundredFilesInAFewSeconds) {
    constexpr int kBoards = 50;
    PackageDirectory package;
    std::string boards;
    for (int n = 0; n < kBoards; ++n) {
        const std::string id = "board-" + std::to_string(n);
        package.copy_media("images/" + id + ".png", "still.png");
        package.copy_media("films/" + id + ".mp4", "red.mp4");
        boards += std::string(n == 0 ? "" : ",\n") + R"({"id": ")" + id +
                  R"(", "title": {"zh": "展板", "en": "Board"}, "body": {"zh": ["正文"], "en": ["Text"]},
             "images": [{"file": "images/)" +
                  id + R"(.png", "caption": {"zh": "图", "en": "Picture"}}],
             "video": {"file": "films/)" +
                  id + R"(.mp4", "caption": {"zh": "片", "en": "Film"}}})";
    }
    package.write_manifest(R"({"format": "pcw-content/1",
 "package": {"id": "many", "version": "1", "title": {"zh": "多", "en": "Many"}},
 "zones": [{"id": "av", "title": {"zh": "影音区", "en": "Audio-visual zone"}, "programme": [],
            "sections": [{"id": "culture", "kind": "culture", "title": {"zh": "文化", "en": "Culture"},
                          "boards": [)" +
                           boards + "]}]}]}\n");

    const auto start = std::chrono::steady_clock::now();
    const auto problems = check_package(package.path(), probing());
    const auto took = std::chrono::steady_clock::now() - start;
    EXPECT_TRUE(problems.empty()) << listed(problems);
    // Sanitizers run the decoders' callers several times slower.
    const auto allowed = std::chrono::seconds(KIOSK_SANITIZED_BUILD ? 30 : 5);
    EXPECT_LT(took, allowed) << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms";
    std::cout << "checked " << 2 * kBoards << " files in "
              << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms\n";
}

}  // namespace
}  // namespace content

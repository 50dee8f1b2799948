// `kioskctl content check DIR`, run as staff run it: the real binary, a real
// package directory, and the exit status and lines they read.
#include <chrono>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "package_test_support.h"
#include "process.h"

namespace content {
namespace {

using kiosk::test::ProcessResult;
using kiosk::test::run_process;
using test::kValidManifest;
using test::kValidMedia;
using test::PackageDirectory;
using test::replace_once;

constexpr std::chrono::seconds kCommandTimeout{60};

class PackageCheckCommand : public ::testing::Test {
  protected:
    void SetUp() override {
        m_package.write_manifest(kValidManifest);
        for (const auto& [file, medium] : kValidMedia) {
            m_package.copy_media(file, medium);
        }
    }

    // kioskctl with a data directory of the test's own.
    ProcessResult kioskctl(std::vector<std::string> arguments) const {
        std::vector<std::string> argv{KIOSKCTL_BINARY, "--data-dir", m_data.path().string()};
        argv.insert(argv.end(), arguments.begin(), arguments.end());
        return run_process(argv, kCommandTimeout);
    }

    // The package with an unknown zone (line 54) and a board's film missing (line 28).
    void break_package() const {
        m_package.write_manifest(
            replace_once(std::string(kValidManifest), R"("id": "models")", R"("id": "lobby")"));
        std::filesystem::remove(m_package.path() / "films/birth.mp4");
    }

    PackageDirectory m_package;
    PackageDirectory m_data;
};

TEST_F(PackageCheckCommand, ACleanPackagePasses) {
    const ProcessResult result =
        kioskctl({"content", "check", "--size", "1920x1080", m_package.path().string()});
    ASSERT_EQ(result.exit_code, 0) << result << result.out;
    EXPECT_EQ(result.out, "package district-sample 2026.11.28: no problems (2 zones, 3 boards, 5 files)\n");
}

// Texts are measured with the kiosk's own fonts and layout: a board title of
// three long lines cannot fit the two lines its box has.
TEST_F(PackageCheckCommand, ATitleTooLongForItsBoxIsAProblemOnEveryScreenSize) {
    const std::string long_title(60, 'W');
    m_package.write_manifest(replace_once(std::string(kValidManifest), R"("en": "Birth registration")",
                                          "\"en\": \"" + long_title + " " + long_title + "\""));
    const ProcessResult result = kioskctl(
        {"content", "check", "--size", "1920x1080", "--size", "1080x1920", m_package.path().string()});
    EXPECT_EQ(result.exit_code, 1) << result;
    EXPECT_NE(result.out.find("/title/en: "), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("1920x1080"), std::string::npos) << result.out;
    EXPECT_NE(result.out.find("1080x1920, large text"), std::string::npos) << result.out;
}

TEST_F(PackageCheckCommand, ABrokenPackageIsRefusedWithEveryProblemOnItsLine) {
    break_package();
    const ProcessResult result = kioskctl({"content", "check", m_package.path().string()});
    EXPECT_EQ(result.exit_code, 1) << result;
    EXPECT_EQ(
        result.out,
        "manifest.json:28:33: /zones/0/sections/0/boards/0/video/file: missing file \"films/birth.mp4\"\n"
        "manifest.json:54:13: /zones/1/id: unknown zone \"lobby\" (expected boards, models, av or health)\n"
        "2 problems in " +
            m_package.path().string() + ": the package would be refused\n");
}

TEST_F(PackageCheckCommand, AFilmThatCannotPlayIsNamed) {
    m_package.copy_media("films/birth.mp4", "not_media.mp4");
    const ProcessResult result = kioskctl({"content", "check", m_package.path().string()});
    EXPECT_EQ(result.exit_code, 1) << result;
    EXPECT_NE(result.out.find("manifest.json:28:33: /zones/0/sections/0/boards/0/video/file: film "
                              "\"films/birth.mp4\" cannot play: not media"),
              std::string::npos)
        << result.out;
    EXPECT_EQ(result.err, "") << "FFmpeg's own messages stay out of the report";
}

TEST_F(PackageCheckCommand, PrintsJsonForTools) {
    break_package();
    const ProcessResult result = kioskctl({"content", "check", m_package.path().string(), "--json"});
    EXPECT_EQ(result.exit_code, 1) << result;
    const auto report = nlohmann::json::parse(result.out);
    EXPECT_EQ(report.at("ok"), false);
    EXPECT_EQ(report.at("texts_measured"), true);  // with the kiosk's fonts, installed with it
    ASSERT_EQ(report.at("problems").size(), 2U);
    const auto& unknown_zone = report.at("problems").at(1);
    EXPECT_EQ(unknown_zone.at("file"), "manifest.json");
    EXPECT_EQ(unknown_zone.at("line"), 54);
    EXPECT_EQ(unknown_zone.at("column"), 13);
    EXPECT_EQ(unknown_zone.at("pointer"), "/zones/1/id");
    EXPECT_EQ(unknown_zone.at("reason"), "unknown zone \"lobby\" (expected boards, models, av or health)");
}

TEST_F(PackageCheckCommand, ASyntaxErrorIsAProblemNotAFailure) {
    m_package.write_manifest("{\n  \"format\": \"pcw-content/1\"\n  \"package\": {}\n}\n");
    const ProcessResult result = kioskctl({"content", "check", m_package.path().string()});
    EXPECT_EQ(result.exit_code, 1) << result;
    EXPECT_EQ(result.out.rfind("manifest.json:3:", 0), 0U) << result.out;
    EXPECT_NE(result.out.find("not JSON: syntax error"), std::string::npos) << result.out;
}

TEST_F(PackageCheckCommand, ADirectoryThatCannotBeReadIsExitTwo) {
    const std::string nowhere = (m_package.path() / "nowhere").string();
    const ProcessResult result = kioskctl({"content", "check", nowhere});
    EXPECT_EQ(result.exit_code, 2) << result;
    EXPECT_EQ(result.out, "");
    EXPECT_EQ(result.err, "kioskctl: content check: " + nowhere + ": No such file or directory\n");

    const ProcessResult file = kioskctl({"content", "check", (m_package.path() / "manifest.json").string()});
    EXPECT_EQ(file.exit_code, 2) << file;
    EXPECT_NE(file.err.find("manifest.json: not a directory"), std::string::npos) << file;

    std::filesystem::remove_all(m_package.path() / "films");
    std::filesystem::remove(m_package.path() / "manifest.json");
    const ProcessResult empty = kioskctl({"content", "check", m_package.path().string()});
    EXPECT_EQ(empty.exit_code, 1) << "a directory without a manifest is a package with a problem";
    EXPECT_NE(empty.out.find("manifest.json: cannot read manifest.json"), std::string::npos) << empty.out;
}

TEST_F(PackageCheckCommand, TakesScreenSizes) {
    const ProcessResult result = kioskctl(
        {"content", "check", "--size", "1280x720", m_package.path().string(), "--size", "3840x2160"});
    EXPECT_EQ(result.exit_code, 0) << result << result.out;

    const ProcessResult bad =
        kioskctl({"content", "check", m_package.path().string(), "--size", "1280by800"});
    EXPECT_NE(bad.exit_code, 0) << bad;
    EXPECT_NE(bad.exit_code, 1) << "a usage error is not a problem of the package";
    EXPECT_NE(bad.err.find("1280by800"), std::string::npos) << bad;
}

// The check decodes pictures with the screens' own decoder: a PNG whose
// checksum is wrong (FFmpeg shows it, libpng does not) and a JPEG 2000 file
// named .png would both have been blank tiles on the screen.
TEST_F(PackageCheckCommand, APictureTheScreensCannotShowIsAProblem) {
    m_package.copy_media("images/birth.png", "bad_checksum.png");
    m_package.copy_media("images/model-fetal.png", "still_jpeg2000.jp2");
    const ProcessResult result =
        kioskctl({"content", "check", "--size", "1920x1080", m_package.path().string()});
    EXPECT_EQ(result.exit_code, 1) << result;
    EXPECT_NE(
        result.out.find("/zones/0/sections/0/boards/0/images/0/file: picture \"images/birth.png\" does not "
                        "decode: "),
        std::string::npos)
        << result.out;
    EXPECT_NE(
        result.out.find("/zones/1/models/0/picture: picture \"images/model-fetal.png\" is JPEG 2000, not "
                        "PNG or JPEG"),
        std::string::npos)
        << result.out;
}

}  // namespace
}  // namespace content

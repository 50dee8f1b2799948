// read_package: the manifest alone, every problem with its pointer and place.
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "content/package.h"
#include "content/package_check.h"
#include "package_test_support.h"

namespace content {
namespace {

using test::expect_problem;
using test::kValidManifest;
using test::listed;
using test::PackageDirectory;
using test::replace_once;

// What read_package finds wrong with `manifest`, read from a package of its own.
std::vector<PackageProblem> problems_of(const std::string& manifest) {
    PackageDirectory package;
    package.write_manifest(manifest);
    auto read = read_package(package.path());
    if (read) {
        ADD_FAILURE() << "the package was read without a problem";
        return {};
    }
    return read.error();
}

std::string edited(std::string_view from, std::string_view to) {
    return replace_once(std::string(kValidManifest), from, to);
}

TEST(ReadPackage, ReadsAValidPackage) {
    PackageDirectory directory;
    directory.write_manifest(kValidManifest);
    auto package = read_package(directory.path());
    ASSERT_TRUE(package) << listed(package.error());

    EXPECT_EQ(package->directory, directory.path());
    EXPECT_EQ(package->id, "district-sample");
    EXPECT_EQ(package->version, "2026.11.28");
    EXPECT_EQ(package->title.zh, "示例内容");
    EXPECT_TRUE(package->sample);
    ASSERT_EQ(package->zones.size(), 2U);

    const Zone& boards = package->zones[0];
    EXPECT_EQ(boards.id, "boards");
    ASSERT_TRUE(boards.welcome.has_value());
    EXPECT_EQ(boards.welcome->en, "Welcome");
    EXPECT_EQ(boards.programme, (std::vector<std::filesystem::path>{directory.path() / "films/loop.mp4",
                                                                    directory.path() / "images/poster.jpg"}));
    ASSERT_EQ(boards.sections.size(), 2U);
    EXPECT_EQ(boards.sections[0].kind, SectionKind::policies);
    EXPECT_EQ(boards.sections[1].kind, SectionKind::procedures);

    const Board& birth = boards.sections[0].boards.at(0);
    EXPECT_EQ(birth.id, "birth-registration");
    EXPECT_EQ(birth.title.in(Language::en), "Birth registration");
    ASSERT_TRUE(birth.summary.has_value());
    EXPECT_EQ(birth.summary->zh, "如何登记");
    ASSERT_EQ(birth.body_zh.size(), 2U);
    EXPECT_EQ(birth.body_zh[0].kind, TextBlock::Kind::heading);
    ASSERT_EQ(birth.body_zh[1].spans.size(), 3U);
    EXPECT_EQ(birth.body_zh[1].spans[1].text, "强调");
    EXPECT_TRUE(birth.body_zh[1].spans[1].emphasis);
    ASSERT_EQ(birth.body(Language::en).size(), 4U);
    EXPECT_EQ(birth.body_en[2].kind, TextBlock::Kind::bullet);
    EXPECT_EQ(birth.body_en[3].kind, TextBlock::Kind::numbered);
    EXPECT_EQ(birth.body_en[3].number, 2);
    ASSERT_EQ(birth.images.size(), 1U);
    EXPECT_EQ(birth.images[0].file, directory.path() / "images/birth.png");
    EXPECT_EQ(birth.images[0].caption.en, "The form");
    ASSERT_TRUE(birth.video.has_value());
    EXPECT_EQ(birth.video->file, directory.path() / "films/birth.mp4");
    EXPECT_EQ(birth.audiences, (std::vector{LifeStage::newly_wed, LifeStage::pregnancy}));

    const Board& marriage = boards.sections[1].boards.at(0);
    ASSERT_EQ(marriage.steps.size(), 1U);
    EXPECT_EQ(marriage.steps[0].title.zh, "取号");
    ASSERT_TRUE(marriage.steps[0].detail && marriage.steps[0].where);
    EXPECT_EQ(marriage.steps[0].where->en, "Ground floor, window 3");
    ASSERT_EQ(marriage.steps[0].bring.size(), 1U);
    EXPECT_EQ(marriage.steps[0].bring[0].en, "ID card");

    const Zone& models = package->zones[1];
    EXPECT_TRUE(models.programme.empty());
    ASSERT_EQ(models.models.size(), 1U);
    const Model& fetal = models.models[0];
    EXPECT_EQ(fetal.picture, directory.path() / "images/model-fetal.png");
    ASSERT_EQ(fetal.hotspots.size(), 1U);
    EXPECT_DOUBLE_EQ(fetal.hotspots[0].x, 0.18);
    EXPECT_DOUBLE_EQ(fetal.hotspots[0].h, 0.20);
    EXPECT_EQ(fetal.hotspots[0].board, "fetal-week-12");
    EXPECT_EQ(fetal.hotspots[0].label.zh, "第 12 周");

    EXPECT_EQ(package->zone("models"), &models);
    EXPECT_EQ(package->zone("av"), nullptr);
    auto place = package->find_board("fetal-week-12");
    ASSERT_TRUE(place.has_value());
    EXPECT_EQ(place->zone, &models);
    EXPECT_EQ(place->section, &models.sections[0]);
    EXPECT_EQ(place->board->title.en, "Week 12");
    EXPECT_FALSE(package->find_board("nowhere"));
}

TEST(ReadPackage, PathsAreMadeAbsoluteFromARelativeDirectory) {
    PackageDirectory directory;
    directory.write_manifest(kValidManifest);
    const std::filesystem::path here = std::filesystem::current_path();
    std::filesystem::current_path(directory.path().parent_path());
    auto package = read_package(directory.path().filename());
    std::filesystem::current_path(here);
    ASSERT_TRUE(package) << listed(package.error());
    EXPECT_EQ(package->directory, directory.path());
    EXPECT_EQ(package->zones[1].models[0].picture, directory.path() / "images/model-fetal.png");
}

TEST(ReadPackage, ReportsASyntaxErrorWithLineAndColumn) {
    // No comma after the version: the parser stops at the end of the next key, "title".
    const auto problems = problems_of(edited(R"("version": "2026.11.28",)", R"("version": "2026.11.28")"));
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    EXPECT_EQ(problems[0].line, 6);
    EXPECT_EQ(problems[0].column, 11);
    EXPECT_EQ(problems[0].pointer, "");
    EXPECT_NE(problems[0].reason.find("not JSON: syntax error"), std::string::npos) << problems[0].reason;
    EXPECT_EQ(problems[0].reason.find("column"), std::string::npos)
        << "the parser's byte column is not shown";
}

TEST(ReadPackage, SyntaxErrorColumnsCountCharactersNotBytes) {
    // The fault (a stray 'x') comes after four Chinese characters of three bytes each.
    const auto problems =
        problems_of(edited(R"("title": {"zh": "示例内容", "en")", R"("title": {"zh": "示例内容" x, "en")"));
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    EXPECT_EQ(problems[0].line, 6);
    EXPECT_EQ(problems[0].column, 28);
}

TEST(ReadPackage, ReportsAMisspeltFieldAndTheFieldItMissed) {
    const auto problems =
        problems_of(edited(R"("title": {"zh": "生育登记")", R"("titel": {"zh": "生育登记")"));
    ASSERT_EQ(problems.size(), 2U) << listed(problems);
    // The missing field has no place of its own: it is placed at its board.
    expect_problem(problems, "/zones/0/sections/0/boards/0/title", 21, "missing required field \"title\"");
    expect_problem(problems, "/zones/0/sections/0/boards/0/titel", 23,
                   "unknown field \"titel\" (did you mean \"title\"?)");
    EXPECT_EQ(problems[1].column, 24);
}

TEST(ReadPackage, ReportsAnUnknownFieldWithTheFieldsItMayBe) {
    const auto problems = problems_of(edited(R"("sample": true)", R"("sample": true, "colour": "red")"));
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, "/package/colour", 7,
                   "unknown field \"colour\" (expected id, version, title or sample)");
}

TEST(ReadPackage, ReportsAMissingRequiredField) {
    const auto problems = problems_of(edited(R"("kind": "policies",)", ""));
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, "/zones/0/sections/0/kind", 16, "missing required field \"kind\"");
    EXPECT_EQ(problems[0].column, 9);
}

TEST(ReadPackage, ReportsWrongTypes) {
    auto manifest = edited(R"("sample": true)", R"("sample": "yes")");
    manifest = replace_once(manifest, R"("x": 0.18)", R"("x": "0.18")");
    manifest =
        replace_once(manifest, R"("audiences": ["newly-wed", "pregnancy"])", R"("audiences": "newly-wed")");
    manifest =
        replace_once(manifest, R"("title": {"zh": "模型区", "en": "Models zone"})", R"("title": "Models")");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 4U) << listed(problems);
    expect_problem(problems, "/package/sample", 7, "must be true or false, not text");
    expect_problem(problems, "/zones/0/sections/0/boards/0/audiences", 29, "must be a list, not text");
    expect_problem(problems, "/zones/1/title", 55, "must be an object, not text");
    expect_problem(problems, "/zones/1/models/0/hotspots/0/x", 78, "must be a number, not text");
}

TEST(ReadPackage, ReportsEmptyTextInEitherLanguage) {
    auto manifest = edited(R"("en": "Policies and regulations")", R"("en": "")");
    manifest = replace_once(manifest, R"({"zh": "五期教育")", R"({"zh": "　 ")");  // an ideographic space
    manifest = replace_once(manifest, R"(["胎儿"])", R"([""])");
    manifest = replace_once(manifest, R"("en": ["Steps"])", R"("en": [])");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 4U) << listed(problems);
    expect_problem(problems, "/zones/0/sections/0/title/en", 19, "empty English text");
    expect_problem(problems, "/zones/0/sections/1/boards/0/body/en", 41, "empty English text");
    expect_problem(problems, "/zones/1/sections/0/title/zh", 61, "empty Chinese text");
    expect_problem(problems, "/zones/1/sections/0/boards/0/body/zh/0", 66, "empty text");
}

// `count` times `unit`: a text of `count` characters when `unit` is one.
std::string repeated(std::string_view unit, std::size_t count) {
    std::string text;
    for (std::size_t index = 0; index < count; ++index) {
        text += unit;
    }
    return text;
}

// Every text has a length in characters it may not pass, checked as the
// manifest is read; the reason gives the limit. Before, a board title of
// 100,000 letters went on to be measured (a minute, gigabytes).
TEST(ReadPackage, ReportsTextsLongerThanTheirLimitWithTheLimit) {
    auto manifest = edited(R"("en": "Birth registration")", R"("en": ")" + repeated("a", 100000) + "\"");
    manifest = replace_once(manifest, R"(["胎儿"])", "[\"" + repeated("胎", kMaxBlockCharacters + 1) + "\"]");
    manifest = replace_once(
        manifest, R"("label": {"zh": "第 12 周", "en": "Week 12"})",
        R"("label": {"zh": "第 12 周", "en": ")" + repeated("w", kMaxLabelCharacters + 1) + "\"}");
    manifest = replace_once(manifest, R"("where": {"zh": "一楼 3 号窗口")",
                            R"("where": {"zh": ")" + repeated("楼", kMaxNoteCharacters + 1) + "\"");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 4U) << listed(problems);
    expect_problem(problems, "/zones/0/sections/0/boards/0/title/en", 23,
                   "English text of 100000 characters is too long (at most 200 characters)");
    expect_problem(problems, "/zones/0/sections/1/boards/0/steps/0/where/zh", 46,
                   "Chinese text of 201 characters is too long (at most 200 characters)");
    expect_problem(problems, "/zones/1/sections/0/boards/0/body/zh/0", 66,
                   "text of 5001 characters is too long (at most 5000 characters)");
    expect_problem(problems, "/zones/1/models/0/hotspots/0/label/en", 77,
                   "English text of 101 characters is too long (at most 100 characters)");
}

// A limit counts characters, not bytes: 200 Chinese characters (600 bytes)
// make a title as long as it may be.
TEST(ReadPackage, ATextAtItsLimitIsRead) {
    PackageDirectory directory;
    directory.write_manifest(
        edited(R"("zh": "生育登记")", R"("zh": ")" + repeated("登", kMaxTitleCharacters) + "\""));
    const auto package = read_package(directory.path());
    ASSERT_TRUE(package) << listed(package.error());
    EXPECT_EQ(package->zones[0].sections[0].boards[0].title.zh.size(), 3 * kMaxTitleCharacters);
}

TEST(ReadPackage, ReportsIdsVersionsAndPathsLongerThanTheirLimit) {
    auto manifest = edited(R"("id": "birth-registration")", R"("id": ")" + repeated("b", 65) + "\"");
    manifest =
        replace_once(manifest, R"("version": "2026.11.28")", R"("version": ")" + repeated("9", 65) + "\"");
    manifest = replace_once(manifest, R"("file": "images/birth.png")",
                            R"("file": "images/)" + repeated("p", kMaxPathCharacters) + "\"");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 3U) << listed(problems);
    expect_problem(problems, "/package/version", 5,
                   "version of 65 characters is too long (at most 64 characters)");
    expect_problem(problems, "/zones/0/sections/0/boards/0/id", 22,
                   "id of 65 characters is too long (at most 64 characters)");
    expect_problem(problems, "/zones/0/sections/0/boards/0/images/0/file", 27,
                   "path of 1031 characters is too long (at most 1024 characters)");
}

// A reason quotes a long value by its start only: it stays a line a person reads.
TEST(ReadPackage, QuotesALongValueByItsStart) {
    const auto problems =
        problems_of(edited(R"("id": "models")", R"("id": ")" + repeated("z", 100000) + "\""));
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, "/zones/1/id", 54, "unknown zone \"zzzz");
    EXPECT_LT(problems[0].reason.size(), 300U) << problems[0].reason.substr(0, 300);
    EXPECT_NE(problems[0].reason.find("z…\" (100000 bytes) (expected boards, models, av or health)"),
              std::string::npos)
        << problems[0].reason.substr(0, 300);
}

TEST(ReadPackage, ReportsBadIds) {
    auto manifest = edited(R"("id": "birth-registration")", R"("id": "Birth_Registration")");
    manifest = replace_once(manifest, R"("id": "district-sample")", R"("id": "")");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 2U) << listed(problems);
    expect_problem(problems, "/package/id", 4, "bad id \"\"");
    expect_problem(problems, "/zones/0/sections/0/boards/0/id", 22,
                   "bad id \"Birth_Registration\": ids are lower-case letters a-z, digits and '-'");
}

TEST(ReadPackage, ReportsDuplicateIdsInTheirScopes) {
    auto manifest = edited(R"("id": "models")", R"("id": "boards")");                   // zones: once each
    manifest = replace_once(manifest, R"("id": "procedures")", R"("id": "policies")");  // sections: in a zone
    manifest =
        replace_once(manifest, R"("id": "marriage")", R"("id": "birth-registration")");  // boards: package
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 3U) << listed(problems);
    expect_problem(problems, "/zones/0/sections/1/id", 34,
                   "duplicate section id \"policies\" (first at /zones/0/sections/0/id)");
    expect_problem(problems, "/zones/0/sections/1/boards/0/id", 39,
                   "duplicate board id \"birth-registration\" (first at /zones/0/sections/0/boards/0/id)");
    expect_problem(problems, "/zones/1/id", 54, "duplicate zone id \"boards\" (first at /zones/0/id)");
}

TEST(ReadPackage, SectionAndModelIdsMayRepeatInAnotherZoneButBoardIdsMayNot) {
    auto manifest = edited(R"("id": "five-periods")", R"("id": "policies")");
    manifest = replace_once(manifest, R"("id": "fetal-week-12")", R"("id": "marriage")");
    manifest = replace_once(manifest, R"("board": "fetal-week-12")", R"("board": "marriage")");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, "/zones/1/sections/0/boards/0/id", 64, "duplicate board id \"marriage\"");
}

TEST(ReadPackage, ReportsADuplicateModelId) {
    // A second model with the same id, on a line of its own before the first.
    const auto problems = problems_of(edited(R"(      "models": [
        {)",
                                             R"(      "models": [
        {"id": "fetal-development", "title": {"zh": "模型", "en": "Model"}, "picture": "images/a.png", "hotspots": []},
        {)"));
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, "/zones/1/models/1/id", 74, "duplicate model id \"fetal-development\"");
}

TEST(ReadPackage, ReportsAnUnknownZoneInTheHallsWords) {
    const auto problems = problems_of(edited(R"("id": "models")", R"("id": "lobby")"));
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    EXPECT_EQ(
        to_string(problems[0]),
        R"(manifest.json:54:13: /zones/1/id: unknown zone "lobby" (expected boards, models, av or health))");
}

TEST(ReadPackage, ReportsUnknownSectionKindsAndAudiences) {
    auto manifest = edited(R"("kind": "five-periods")", R"("kind": "faq")");
    manifest = replace_once(manifest, R"(["newly-wed", "pregnancy"])", R"(["newly-wed", "teen"])");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 2U) << listed(problems);
    expect_problem(problems, "/zones/0/sections/0/boards/0/audiences/1", 29,
                   "unknown audience \"teen\" (expected adolescence, newly-wed, pregnancy, child-rearing or "
                   "later-life)");
    expect_problem(
        problems, "/zones/1/sections/0/kind", 60,
        "unknown section kind \"faq\" (expected policies, procedures, culture, five-periods or hot-topics)");
}

TEST(ReadPackage, RefusesALaterFormatWithoutReadingFurther) {
    auto manifest = edited(R"("format": "pcw-content/1")", R"("format": "pcw-content/2")");
    manifest = replace_once(manifest, R"("sample": true)", R"("sample": true, "signed-by": "district")");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, "/format", 2, "format \"pcw-content/2\" is not one this kiosk reads");
}

TEST(ReadPackage, ReportsAFormatThatIsNotOneAndReadsOn) {
    auto manifest = edited(R"("format": "pcw-content/1")", R"("format": "pcw-content")");
    manifest = replace_once(manifest, R"("id": "models")", R"("id": "lobby")");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 2U) << listed(problems);
    expect_problem(problems, "/format", 2, "format must be \"pcw-content/1\", not \"pcw-content\"");
    expect_problem(problems, "/zones/1/id", 54, "unknown zone \"lobby\"");
}

TEST(ReadPackage, ReportsPathsThatLeaveThePackage) {
    auto manifest = edited(R"("file": "images/birth.png")", R"("file": "../birth.png")");
    manifest = replace_once(manifest, R"("films/loop.mp4", )", R"("/srv/films/loop.mp4", )");
    manifest = replace_once(manifest, R"("images/model-fetal.png")", R"("images/../../model.png")");
    manifest = replace_once(manifest, R"("file": "films/birth.mp4")", R"("file": "films\\birth.mp4")");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 4U) << listed(problems);
    expect_problem(problems, "/zones/0/programme/0", 14, "absolute path \"/srv/films/loop.mp4\"");
    expect_problem(problems, "/zones/0/sections/0/boards/0/images/0/file", 27,
                   "path \"../birth.png\" leaves the package");
    expect_problem(problems, "/zones/0/sections/0/boards/0/video/file", 28, "folders are separated by '/'");
    expect_problem(problems, "/zones/1/models/0/picture", 75,
                   "path \"images/../../model.png\" leaves the package");
}

TEST(ReadPackage, ReportsAProceduresBoardWithoutSteps) {
    auto manifest = edited(R"("kind": "policies")", R"("kind": "procedures")");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    // No steps at all: placed at the board.
    expect_problem(problems, "/zones/0/sections/0/boards/0/steps", 21, "needs its steps");

    std::string empty_steps(kValidManifest);
    const std::size_t from = empty_steps.find(R"("steps": [)");
    const std::size_t to = empty_steps.find(']', empty_steps.find(R"("where")")) + 1;
    empty_steps.replace(from, to - from, R"("steps": [])");
    const auto empty = problems_of(empty_steps);
    ASSERT_EQ(empty.size(), 1U) << listed(empty);
    expect_problem(empty, "/zones/0/sections/1/boards/0/steps", 42, "needs its steps");
}

TEST(ReadPackage, ReportsAHotspotNamingNoBoard) {
    const auto problems = problems_of(edited(R"("board": "fetal-week-12")", R"("board": "fetal-week-13")"));
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, "/zones/1/models/0/hotspots/0/board", 79,
                   "no board \"fetal-week-13\" in the package");
}

TEST(ReadPackage, AHotspotMayNameABoardOfAnotherZone) {
    PackageDirectory directory;
    directory.write_manifest(edited(R"("board": "fetal-week-12")", R"("board": "marriage")"));
    const auto package = read_package(directory.path());
    EXPECT_TRUE(package) << listed(package.error());
}

TEST(ReadPackage, ReportsAHotspotOutsideItsPicture) {
    auto manifest =
        edited(R"("x": 0.18, "y": 0.40, "w": 0.14, "h": 0.20)", R"("x": 0.9, "y": -0.1, "w": 0.14, "h": 0)");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 3U) << listed(problems);
    expect_problem(problems, "/zones/1/models/0/hotspots/0/h", 78, "h must be more than 0, not 0");
    expect_problem(problems, "/zones/1/models/0/hotspots/0/w", 78,
                   "the hotspot reaches past the right edge of its picture (x + w = 1.04)");
    expect_problem(problems, "/zones/1/models/0/hotspots/0/y", 78,
                   "y -0.1 lies outside the picture (0 to 1)");

    const auto flat = problems_of(edited(R"("h": 0.20)", R"("h": 0)"));
    ASSERT_EQ(flat.size(), 1U) << listed(flat);
    expect_problem(flat, "/zones/1/models/0/hotspots/0/h", 78, "h must be more than 0");

    PackageDirectory directory;
    directory.write_manifest(
        edited(R"("x": 0.18, "y": 0.40, "w": 0.14, "h": 0.20)", R"("x": 0.7, "y": 0, "w": 0.3, "h": 1)"));
    EXPECT_TRUE(read_package(directory.path())) << "a hotspot may reach the picture's edges exactly";
}

// Fractions are printed as they are written, to ten digits: 1.0000001 is
// not "1", which would read as inside the picture.
TEST(ReadPackage, PrintsFractionsAsTheyAreWritten) {
    const auto problems = problems_of(edited(R"("x": 0.18, "y": 0.40, "w": 0.14, "h": 0.20)",
                                             R"("x": 1.0000001, "y": 0.4, "w": 0.5, "h": -2.5e-7)"));
    ASSERT_EQ(problems.size(), 2U) << listed(problems);
    expect_problem(problems, "/zones/1/models/0/hotspots/0/x", 78,
                   "x 1.0000001 lies outside the picture (0 to 1)");
    expect_problem(problems, "/zones/1/models/0/hotspots/0/h", 78, "h must be more than 0, not -2.5e-07");
}

TEST(ReadPackage, ReportsAZoneWithoutSections) {
    std::string manifest(kValidManifest);
    const std::size_t from = manifest.find(R"("sections": [)", manifest.find(R"("id": "models")"));
    const std::size_t to = manifest.find(R"("models": [)");
    manifest.replace(from, to - from, "\"sections\": [],\n      ");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 2U) << listed(problems);
    expect_problem(problems, "/zones/1/sections", 57, "a zone needs at least one section");
    expect_problem(problems, "/zones/1/models/0/hotspots/0/board", 66, "no board \"fetal-week-12\"");
}

TEST(ReadPackage, ReportsAFieldGivenTwice) {
    const auto problems =
        problems_of(edited(R"("version": "2026.11.28",)", R"("version": "1", "version": "2",)"));
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, "/package/version", 5, "field given twice");
    EXPECT_EQ(problems[0].column, 32);
}

TEST(ReadPackage, ReportsEveryProblemInFileOrder) {
    auto manifest = edited(R"("id": "models")", R"("id": "lobby")");
    manifest = replace_once(manifest, R"("sample": true)", R"("sample": 1)");
    manifest = replace_once(manifest, R"("board": "fetal-week-12")", R"("board": "nowhere")");
    manifest = replace_once(manifest, R"("en": "Procedures")", R"("en": "")");
    manifest = replace_once(manifest, R"("kind": "policies")", R"("kinds": "policies")");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 6U) << listed(problems);
    const std::vector<std::string> pointers = {"/package/sample",
                                               "/zones/0/sections/0/kind",
                                               "/zones/0/sections/0/kinds",
                                               "/zones/0/sections/1/title/en",
                                               "/zones/1/id",
                                               "/zones/1/models/0/hotspots/0/board"};
    for (std::size_t i = 0; i < pointers.size(); ++i) {
        EXPECT_EQ(problems[i].pointer, pointers[i]) << listed(problems);
    }
}

TEST(ReadPackage, ReportsAManifestThatIsNotAnObject) {
    const auto problems = problems_of("[1, 2]\n");
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    EXPECT_EQ(to_string(problems[0]), "manifest.json:1:1: must be an object, not a list");
}

TEST(ReadPackage, ReportsAMissingManifest) {
    PackageDirectory directory;
    auto read = read_package(directory.path());
    ASSERT_FALSE(read);
    ASSERT_EQ(read.error().size(), 1U);
    EXPECT_EQ(read.error()[0].line, 0);
    EXPECT_NE(to_string(read.error()[0]).find("manifest.json: cannot read manifest.json"), std::string::npos)
        << to_string(read.error()[0]);
}

TEST(PackageProblemText, NamesFilePlacePointerAndReason) {
    EXPECT_EQ(to_string(PackageProblem{"manifest.json", 12, 5, "/zones/0/id", "unknown zone"}),
              "manifest.json:12:5: /zones/0/id: unknown zone");
    EXPECT_EQ(to_string(PackageProblem{"manifest.json", 3, 1, "", "not JSON"}),
              "manifest.json:3:1: not JSON");
    EXPECT_EQ(to_string(PackageProblem{"manifest.json", 0, 0, "", "cannot read"}),
              "manifest.json: cannot read");
}

// --- The model --------------------------------------------------------------------------------------

std::vector<std::pair<std::string, bool>> spans_of(const TextBlock& block) {
    std::vector<std::pair<std::string, bool>> spans;
    for (const TextSpan& span : block.spans) {
        spans.emplace_back(span.text, span.emphasis);
    }
    return spans;
}

using Spans = std::vector<std::pair<std::string, bool>>;

TEST(PackageTextBlock, ReadsHeadingsListItemsAndParagraphs) {
    const TextBlock heading = parse_text_block("# 小标题");
    EXPECT_EQ(heading.kind, TextBlock::Kind::heading);
    EXPECT_EQ(spans_of(heading), (Spans{{"小标题", false}}));

    const TextBlock bullet = parse_text_block("- an item");
    EXPECT_EQ(bullet.kind, TextBlock::Kind::bullet);
    EXPECT_EQ(spans_of(bullet), (Spans{{"an item", false}}));

    const TextBlock numbered = parse_text_block("12. the twelfth");
    EXPECT_EQ(numbered.kind, TextBlock::Kind::numbered);
    EXPECT_EQ(numbered.number, 12);
    EXPECT_EQ(spans_of(numbered), (Spans{{"the twelfth", false}}));

    const TextBlock paragraph = parse_text_block("段落。");
    EXPECT_EQ(paragraph.kind, TextBlock::Kind::paragraph);
    EXPECT_EQ(spans_of(paragraph), (Spans{{"段落。", false}}));
}

TEST(PackageTextBlock, MarksWithoutTheirSpaceAreParagraphs) {
    for (const char* source :
         {"#hashtag", "-5 degrees", "1.5 litres", "3.", "-1. minus", "99999999999. too big"}) {
        const TextBlock block = parse_text_block(source);
        EXPECT_EQ(block.kind, TextBlock::Kind::paragraph) << source;
        EXPECT_EQ(spans_of(block), (Spans{{source, false}})) << source;
    }
}

TEST(PackageTextBlock, ReadsEmphasis) {
    EXPECT_EQ(spans_of(parse_text_block("段落，可含**强调**。")),
              (Spans{{"段落，可含", false}, {"强调", true}, {"。", false}}));
    EXPECT_EQ(spans_of(parse_text_block("- **bring** your ID and **photos**")),
              (Spans{{"bring", true}, {" your ID and ", false}, {"photos", true}}));
    EXPECT_EQ(spans_of(parse_text_block("1. **all**")), (Spans{{"all", true}}));
}

TEST(PackageTextBlock, KeepsAnUnmatchedMarkAsText) {
    EXPECT_EQ(spans_of(parse_text_block("2 ** 3 is eight")), (Spans{{"2 ** 3 is eight", false}}));
    EXPECT_EQ(spans_of(parse_text_block("**a** and **b")), (Spans{{"a", true}, {" and **b", false}}));
    EXPECT_EQ(spans_of(parse_text_block("**")), (Spans{{"**", false}}));
    EXPECT_TRUE(parse_text_block("****").spans.empty()) << "an empty emphasis shows nothing";
    EXPECT_TRUE(parse_text_block("").spans.empty());
}

TEST(PackageTags, LifeStagesAndSectionKindsGoBothWays) {
    for (LifeStage stage : kLifeStages) {
        EXPECT_EQ(life_stage_from_tag(tag_of(stage)), stage);
    }
    EXPECT_EQ(tag_of(LifeStage::newly_wed), "newly-wed");
    EXPECT_EQ(tag_of(LifeStage::later_life), "later-life");
    EXPECT_EQ(life_stage_from_tag("newly_wed"), std::nullopt);

    for (SectionKind kind : kSectionKinds) {
        EXPECT_EQ(section_kind_from_tag(tag_of(kind)), kind);
    }
    EXPECT_EQ(tag_of(SectionKind::hot_topics), "hot-topics");
    EXPECT_EQ(section_kind_from_tag("Policies"), std::nullopt);
}

TEST(PackageBoardAudiences, IsForItsStagesAndABoardForEveryoneIsForAll) {
    Board everyone;
    EXPECT_TRUE(everyone.is_for(std::nullopt));
    EXPECT_TRUE(everyone.is_for(LifeStage::adolescence));

    Board wed;
    wed.audiences = {LifeStage::newly_wed, LifeStage::pregnancy};
    EXPECT_TRUE(wed.is_for(std::nullopt)) << "no filter lists every board";
    EXPECT_TRUE(wed.is_for(LifeStage::pregnancy));
    EXPECT_FALSE(wed.is_for(LifeStage::later_life));
}

}  // namespace
}  // namespace content

// A programme file from outside is read within limits: how deep it nests,
// how large it is, what kind of file it is, keys given twice, numbers out of
// range, names that would break listings, empty files. Each refusal says
// where and why, with the limit.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <tuple>

#include "../support/hostile_input.h"
#include "../support/unprivileged.h"
#include "content/message_text.h"
#include "hall_programme.h"
#include "scheduler/limits.h"
#include "scheduler/names.h"
#include "scheduler/programme_file.h"
#include "temp_dir.h"

namespace scheduler::test {
namespace {

const date::time_zone& shanghai() {
    return *date::locate_zone("Asia/Shanghai");
}

std::vector<MediaFile> library() {
    return make_hall_programme().programme.media;
}

tl::expected<ImportedProgramme, std::vector<FileProblem>> parse(const std::string& text,
                                                                ProgrammeFormat format) {
    return parse_programme(text, format, "p", library(), shanghai());
}

std::string all(const std::vector<FileProblem>& problems) {
    std::string text;
    for (const auto& problem : problems)
        text += to_string(problem) + "\n";
    return text;
}

// The problems of a refused text, one line each.
std::string refusal(const std::string& text, ProgrammeFormat format) {
    auto result = parse(text, format);
    if (result) {
        ADD_FAILURE() << "accepted:\n" << text.substr(0, 200);
        return {};
    }
    return all(result.error());
}

// A small good programme, with `rule` (JSON members) as the only rule's extra fields.
std::string json_with_rule(const std::string& rule) {
    return R"({"zones": {"av": {"default": "p"}},
  "playlists": [{"name": "p", "items": ["birth-of-life"]}],
  "rules": [{"playlist": "p", "zones": "av", "from": "09:00", "to": "10:00")" +
           (rule.empty() ? "" : ", " + rule) + "}]}";
}

std::string toml_with_item(const std::string& item) {
    return "[zones.av]\ndefault = \"p\"\n[[playlists]]\nname = \"p\"\nitems = [{ media = "
           "\"policy-poster\", " +
           item + " }]\n";
}

TEST(ProgrammeFileLimits, DeeplyNestedJsonIsRefusedWithItsPlaceBeforeAnyTreeIsBuilt) {
    // 20,000 levels overflowed the stack of the recursive tree conversion.
    const std::string deep = "{\"rules\": " + std::string(20000, '[') + std::string(20000, ']') + "}";
    const std::string problems = refusal(deep, ProgrammeFormat::json);
    // The 33rd level opens at column 42 (the object is the first, "rules" the second).
    EXPECT_NE(problems.find("p:1:42: error: nested deeper than 32 levels"), std::string::npos) << problems;
    // Within the limit the file is read (and refused for what it says, not for its depth).
    const std::string shallow = "{\"rules\": " + std::string(31, '[') + std::string(31, ']') + "}";
    EXPECT_EQ(refusal(shallow, ProgrammeFormat::json).find("nested"), std::string::npos);
}

TEST(ProgrammeFileLimits, DeeplyNestedTomlIsRefusedWithItsPlace) {
    const std::string arrays = "a = " + std::string(20000, '[') + std::string(20000, ']') + "\n";
    EXPECT_NE(refusal(arrays, ProgrammeFormat::toml).find("p:1:"), std::string::npos);
    EXPECT_NE(refusal(arrays, ProgrammeFormat::toml).find("nested deeper than 32 levels"), std::string::npos);
    std::string dotted = "x";
    for (int i = 0; i < 5000; ++i)
        dotted += ".x";
    EXPECT_NE(refusal(dotted + " = 1\n", ProgrammeFormat::toml).find("nested deeper"), std::string::npos);
    EXPECT_NE(refusal("[" + dotted + "]\n", ProgrammeFormat::toml).find("nested deeper"), std::string::npos);
    std::string tables = "1";
    for (int i = 0; i < 5000; ++i)
        tables = "{ b = " + tables + " }";
    tables = "a = " + tables + "\n";
    EXPECT_NE(refusal(tables, ProgrammeFormat::toml).find("nested deeper"), std::string::npos);
}

class ProgrammeFileOnDisk : public ::testing::Test {
  protected:
    std::string read_refusal(const std::filesystem::path& file) {
        auto result = read_programme_file(file, library(), shanghai());
        if (result) {
            ADD_FAILURE() << file << " accepted";
            return {};
        }
        return all(result.error());
    }
    TempDir dir;
};

TEST_F(ProgrammeFileOnDisk, AFifoADeviceAndAFolderAreRefusedAtOnceAndSaySo) {
    const auto fifo = dir.path() / "programme.toml";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    // Opening a FIFO for reading used to wait for a writer for ever.
    EXPECT_NE(read_refusal(fifo).find("cannot read the file: not a regular file (a FIFO)"),
              std::string::npos);
    // /dev/zero used to be read until memory ran out.
    EXPECT_NE(read_refusal("/dev/zero").find("not a regular file (a device)"), std::string::npos);
    EXPECT_NE(read_refusal(dir.path()).find("not a regular file (a folder)"), std::string::npos);
    EXPECT_NE(read_refusal(dir.path() / "missing.toml").find("cannot read the file: no such file"),
              std::string::npos);
}

TEST_F(ProgrammeFileOnDisk, AFileOverTheSizeLimitIsRefusedWithTheLimit) {
    const auto large = dir.path() / "large.json";
    std::ofstream(large) << "{}";
    std::filesystem::resize_file(large, kMaxProgrammeFileBytes + 1);
    EXPECT_NE(read_refusal(large).find("larger than such a file may be (at most 1 MiB)"), std::string::npos)
        << read_refusal(large);
}

TEST_F(ProgrammeFileOnDisk, AFileInAnUnreadableFolderSaysPermissionDenied) {
    const auto closed = dir.path() / "closed";
    std::filesystem::create_directory(closed);
    std::ofstream(closed / "p.toml") << "[zones.av]\n";
    std::filesystem::permissions(closed, std::filesystem::perms::none);
    // Root reads any folder: the reading is done as a user without privileges.
    EXPECT_TRUE(kiosk::test::holds_unprivileged([&] {
        auto text = read_programme_text(closed / "p.toml");
        return !text && text.error().message == "cannot read the file: permission denied";
    }));
    std::filesystem::permissions(closed, std::filesystem::perms::owner_all);
}

TEST_F(ProgrammeFileOnDisk, ExportRefusesToReplaceAFifoAndSaysWhyAWriteFails) {
    const Programme hall = make_hall_programme().programme;
    const auto fifo = dir.path() / "programme.toml";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    auto written = write_programme_file(fifo, hall);
    ASSERT_FALSE(written);
    EXPECT_NE(written.error().message.find("not a regular file (a FIFO)"), std::string::npos)
        << written.error().message;
    EXPECT_TRUE(std::filesystem::is_fifo(fifo));
    auto nowhere = write_programme_file(dir.path() / "no-such-folder" / "p.toml", hall);
    ASSERT_FALSE(nowhere);
    EXPECT_NE(nowhere.error().message.find("No such file or directory"), std::string::npos)
        << nowhere.error().message;
}

TEST(ProgrammeFileLimits, AProgrammeTooLargeToImportAgainIsNotExported) {
    ProgrammeBuilder b;
    const MediaId film =
        b.film("a-film-with-a-rather-long-name-to-make-the-file-grow", std::chrono::seconds(5));
    b.playlist("long", std::vector<MediaId>(20000, film));
    TempDir dir;
    auto written = write_programme_file(dir.path() / "p.json", b.programme());
    ASSERT_FALSE(written);
    EXPECT_EQ(written.error().kind, ErrorKind::conflict);
    EXPECT_NE(written.error().message.find("too large to import again"), std::string::npos);
    EXPECT_FALSE(std::filesystem::exists(dir.path() / "p.json"));
}

TEST(ProgrammeFileLimits, AKeyGivenTwiceIsRefusedInJson) {
    // nlohmann kept the last "rules" silently: the file imported "0 rules".
    const std::string once = json_with_rule("");
    const std::string text = once.substr(0, once.size() - 1) + R"(, "rules": []})";
    const std::string problems = refusal(text, ProgrammeFormat::json);
    EXPECT_NE(problems.find("p: /rules: error: field given twice (only one may be)"), std::string::npos)
        << problems;
    const std::string inner = refusal(json_with_rule(R"("from": "11:00")"), ProgrammeFormat::json);
    EXPECT_NE(inner.find("p: /rules/0/from: error: field given twice"), std::string::npos) << inner;
    const std::string zone =
        refusal(R"({"zones": {"av": {"default": "p"}, "av": {}}, "playlists": [{"name": "p", "items": []}]})",
                ProgrammeFormat::json);
    EXPECT_NE(zone.find("/zones/av: error: field given twice"), std::string::npos) << zone;
}

TEST(ProgrammeFileLimits, AKeyGivenTwiceIsRefusedInToml) {
    const std::string arrays = refusal("rules = []\nrules = []\n", ProgrammeFormat::toml);
    EXPECT_NE(arrays.find("p:2:"), std::string::npos) << arrays;
    EXPECT_NE(arrays.find("field given twice"), std::string::npos) << arrays;
    const std::string tables =
        refusal("[[rules]]\nplaylist = \"p\"\n[rules]\nplaylist = \"q\"\n", ProgrammeFormat::toml);
    EXPECT_NE(tables.find("field given twice"), std::string::npos) << tables;
}

TEST(ProgrammeFileLimits, AZoneGivenTwiceInAListIsRefused) {
    const std::string problems = refusal(R"({"zones": {"av": {"default": "p"}},
  "playlists": [{"name": "p", "items": ["birth-of-life"]}],
  "rules": [{"playlist": "p", "zones": ["av", "av"], "from": "09:00", "to": "10:00"}]})",
                                         ProgrammeFormat::json);
    EXPECT_NE(problems.find("/rules/0/zones: error: zone av given twice"), std::string::npos) << problems;
}

TEST(ProgrammeFileLimits, AHugeListOfZonesIsReadInOnePassAndRefusedForItsFirstProblem) {
    // Each name was looked for among all before it: a list of 200,000 took 14 s.
    const auto zones_rule = [](const std::string& first, const std::string& second) {
        std::string zones;
        for (int i = 0; i < 100'000; ++i) {
            zones += "\"" + first + "\",";
        }
        for (int i = 0; i < 100'000; ++i) {
            zones += "\"" + second + "\",";
        }
        zones.pop_back();
        return json_with_rule("").replace(json_with_rule("").find("\"av\", \"from\""), 4, "[" + zones + "]");
    };
    const auto started = std::chrono::steady_clock::now();
    for (const auto& [first, second, expected] :
         {std::tuple<std::string, std::string, std::string>{"xy", "av",
                                                            "/rules/0/zones: error: unknown zone \"xy\""},
          {"av", "av", "/rules/0/zones: error: zone av given twice"}}) {
        auto result = parse(zones_rule(first, second), ProgrammeFormat::json);
        ASSERT_FALSE(result);
        const std::string problems = all(result.error());
        EXPECT_NE(problems.find(expected), std::string::npos) << problems.substr(0, 500);
        // The first problem of the list, and no other.
        EXPECT_EQ(std::count_if(result.error().begin(), result.error().end(),
                                [](const FileProblem& problem) {
                                    return problem.where.ends_with("/zones") &&
                                           problem.severity == Severity::error;
                                }),
                  1)
            << problems.substr(0, 500);
    }
    EXPECT_LT(std::chrono::steady_clock::now() - started, kiosk::test::kMostPerHostileInput);
}

TEST(ProgrammeFileLimits, ManyKeysGivenTwiceDeepUnderLongKeysAreCountedNotEachPlaced) {
    // 168,000 repeats under 30 levels of 1,000-byte keys took 8 s and 500 MB:
    // each built its full place, long keys and all, before all but 100 were dropped.
    std::string text;
    for (int i = 0; i < 30; ++i) {
        text += "{\"" + std::string(1000, 'k') + std::to_string(i) + "\": ";
    }
    text += "{\"a\": 1";
    for (int i = 0; i < 168'000; ++i) {
        text += ", \"a\": 1";
    }
    text += "}" + std::string(30, '}');
    const auto started = std::chrono::steady_clock::now();
    auto result = parse(text, ProgrammeFormat::json);
    const auto took = std::chrono::steady_clock::now() - started;
    ASSERT_FALSE(result);
    ASSERT_EQ(result.error().size(), 101U);
    EXPECT_NE(result.error().back().message.find("and 167900 more problems, not shown"), std::string::npos)
        << result.error().back().message;
    const FileProblem& first = result.error().front();
    EXPECT_NE(first.message.find("field given twice"), std::string::npos) << first.message;
    EXPECT_TRUE(first.where.ends_with("/a")) << first.where.substr(0, 300);
    // Every long key is cut short in the place.
    EXPECT_LT(first.where.size(), 30U * 100U) << first.where.substr(0, 300);
    EXPECT_LT(took, kiosk::test::kMostPerHostileInput);
}

TEST(ProgrammeFileLimits, AnEmptyFileIsAlwaysRefused) {
    for (const char* text : {"", "   \n\t\n"}) {
        for (const ProgrammeFormat format : {ProgrammeFormat::json, ProgrammeFormat::toml}) {
            EXPECT_NE(refusal(text, format).find("the file is empty"), std::string::npos);
        }
    }
    for (const char* text : {"# nothing here yet\n", "format = \"pcw-programme\"\nversion = 1\n",
                             "[zones.av]\nclosed_mode = \"slate\"\n"}) {
        EXPECT_NE(refusal(text, ProgrammeFormat::toml).find("the file holds no programme"), std::string::npos)
            << text;
    }
    for (const char* text : {"{}", R"({"playlists": [], "rules": []})"}) {
        EXPECT_NE(refusal(text, ProgrammeFormat::json).find("p: /: error: the file holds no programme"),
                  std::string::npos)
            << text;
    }
}

TEST(ProgrammeFileLimits, AWholeNumberBeyond64BitsIsRefusedNotWrapped) {
    // 18446744073709551516 is 2^64 - 100: it used to import as priority -100.
    for (const char* priority : {"18446744073709551516", "-9223372036854775809", "99999999999999999999999"}) {
        const std::string problems =
            refusal(json_with_rule(std::string("\"priority\": ") + priority), ProgrammeFormat::json);
        EXPECT_NE(
            problems.find("p: /rules/0/priority: error: must be a whole number from -1000000 to 1000000 "
                          "(higher wins), not " +
                          std::string(priority)),
            std::string::npos)
            << problems;
    }
    EXPECT_NE(refusal(json_with_rule("\"priority\": 1000001"), ProgrammeFormat::json).find("not 1000001"),
              std::string::npos);
    EXPECT_NE(refusal(json_with_rule("\"priority\": 2.5"), ProgrammeFormat::json).find("not 2.5"),
              std::string::npos);
    EXPECT_NE(refusal(json_with_rule("\"priority\": 1e400"), ProgrammeFormat::json).find("number overflow"),
              std::string::npos);
    const std::string toml = refusal(
        "[zones.av]\ndefault = \"p\"\n[[playlists]]\nname = \"p\"\nitems = [\"birth-of-life\"]\n"
        "[[rules]]\nplaylist = \"p\"\nzones = \"av\"\nfrom = \"09:00\"\nto = \"10:00\"\n"
        "priority = 18446744073709551516\n",
        ProgrammeFormat::toml);
    EXPECT_NE(toml.find("p:11:"), std::string::npos) << toml;
    EXPECT_NE(toml.find("not representable in 64 bits"), std::string::npos) << toml;
    auto good = parse(json_with_rule("\"priority\": -1000000"), ProgrammeFormat::json);
    ASSERT_TRUE(good) << all(good.error());
    EXPECT_EQ(good->programme.rules[0].priority, -1000000);
}

TEST(ProgrammeFileLimits, EveryNumberIsFiniteAndInItsRangeAndTheMessageGivesTheRange) {
    for (const char* seconds : {"nan", "inf", "-inf", "0", "-1", "0.0001", "86400.5", "1e30"}) {
        const std::string problems =
            refusal(toml_with_item(std::string("display_seconds = ") + seconds), ProgrammeFormat::toml);
        EXPECT_NE(
            problems.find("items[0].display_seconds: error: must be a number of seconds from 0.001 to 86400"),
            std::string::npos)
            << problems;
        EXPECT_NE(problems.find(std::string(", not ") + (std::string(seconds) == "1e30" ? "1e+30" : seconds)),
                  std::string::npos)
            << problems;
    }
    for (const char* volume : {"101", "-1", "1.5", "nan"}) {
        const std::string problems =
            refusal(toml_with_item(std::string("volume = ") + volume), ProgrammeFormat::toml);
        EXPECT_NE(problems.find("must be a whole number from 0 to 100 (percent), not " + std::string(volume)),
                  std::string::npos)
            << problems;
    }
    auto good = parse(toml_with_item("display_seconds = 3600.5, volume = 0"), ProgrammeFormat::toml);
    ASSERT_TRUE(good) << all(good.error());
    EXPECT_EQ(good->programme.playlists[0].items[0].display_time, std::chrono::milliseconds(3'600'500));
    EXPECT_EQ(good->programme.playlists[0].items[0].volume_percent, 0);
}

TEST(ProgrammeFileLimits, PlaylistNamesHaveALengthLimitAndNoControlCharacters) {
    const auto named = [](const std::string& name) {
        return R"({"zones": {"av": {"default": "p"}}, "playlists": [{"name": "p", "items": ["birth-of-life"]},
                   {"name": )" +
               name + R"(, "items": []}]})";
    };
    for (const char* name : {R"("a\nb")", R"("a\u0000b")", R"("tab\there")", R"("")", R"("   ")"}) {
        const std::string problems = refusal(named(name), ProgrammeFormat::json);
        EXPECT_NE(problems.find("/playlists/1/name: error: bad playlist name"), std::string::npos)
            << problems;
    }
    // A name of a mebibyte is refused in a message of one line, not a mebibyte.
    auto result = parse(named("\"" + std::string(1 << 20, 'x') + "\""), ProgrammeFormat::json);
    ASSERT_FALSE(result);
    const std::string line = to_string(result.error().front());
    EXPECT_NE(line.find("longer than 100 characters"), std::string::npos) << line;
    EXPECT_LT(line.size(), 300U) << line;
}

TEST(ProgrammeFileLimits, AFileWithManyMistakesShowsTheFirstHundred) {
    std::string text =
        R"({"zones": {"av": {"default": "p"}}, "playlists": [{"name": "p", "items": ["birth-of-life"]}])";
    for (int i = 0; i < 5000; ++i) {
        text += ", \"unknown-" + std::to_string(i) + "\": 1";
    }
    auto result = parse(text + "}", ProgrammeFormat::json);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().size(), 101U);
    EXPECT_NE(result.error().back().message.find("more problems, not shown"), std::string::npos)
        << result.error().back().message;
}

TEST(Names, TheRuleForNames) {
    EXPECT_TRUE(check_name("av-loop"));
    EXPECT_TRUE(check_name("人口文化 \"展厅\" 循环"));
    std::string chinese;
    for (std::size_t i = 0; i < kMaxNameLength; ++i)
        chinese += "展";
    EXPECT_TRUE(check_name(chinese));
    EXPECT_FALSE(check_name(chinese + "展"));
    EXPECT_FALSE(check_name(std::string(kMaxNameLength + 1, 'a')));
    for (const std::string& bad :
         {std::string(""), std::string("  "), std::string("a\nb"), std::string("a\rb"), std::string("a\tb"),
          std::string("a\0b", 3), std::string("a\x1b[31m"), std::string("\xff\xfe"), std::string("a\xc0\xaf"),
          std::string("\xed\xa0\x80")}) {
        EXPECT_FALSE(check_name(bad)) << content::quoted_text(bad);
    }
    EXPECT_NE(check_name("a\nb").error().find("control character"), std::string::npos);
    EXPECT_NE(check_name(chinese + "展").error().find("longer than 100 characters"), std::string::npos);
}

TEST(MessageText, ValuesAreShownQuotedVisibleAndShort) {
    EXPECT_EQ(content::quoted_text("av-loop"), "\"av-loop\"");
    EXPECT_EQ(content::quoted_text("a\nb\t\"c\"\\"), "\"a\\nb\\t\\\"c\\\"\\\\\"");
    EXPECT_EQ(content::quoted_text(std::string("\0", 1)), "\"\\x00\"");
    const std::string shown = content::quoted_text(std::string(10 << 20, 'x'));
    EXPECT_EQ(shown, "\"" + std::string(60, 'x') + "…\" (10485760 bytes)");
    EXPECT_EQ(content::number_text(3600.0), "3600");
    EXPECT_EQ(content::number_text(2.5), "2.5");
    EXPECT_EQ(content::number_text(-100), "-100");
    EXPECT_EQ(content::number_text(0.0001), "0.0001");
    EXPECT_EQ(content::number_text(100000000), "100000000");
    EXPECT_EQ(content::number_text(1e30), "1e+30");
    EXPECT_EQ(content::number_text(std::numeric_limits<double>::quiet_NaN()), "nan");
    EXPECT_EQ(content::number_text(std::numeric_limits<double>::infinity()), "inf");
}

}  // namespace
}  // namespace scheduler::test

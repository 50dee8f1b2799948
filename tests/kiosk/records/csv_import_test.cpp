// The desk's earlier logs read from CSV: RFC 4180 quoting, BOM, CR LF,
// header columns in any order, and every bad row named by its line.

#include <gtest/gtest.h>

#include <chrono>

#include "../../support/hostile_input.h"
#include "records/csv_import.h"
#include "records_test_support.h"

namespace kiosk::records::test {
namespace {

using namespace std::string_literals;

tl::expected<std::vector<ImportRow>, std::vector<ImportProblem>> read(std::string_view csv) {
    return read_consultation_csv(csv, Categories{}, hall_zone());
}

std::string problems_text(const std::vector<ImportProblem>& problems) {
    std::string text;
    for (const ImportProblem& problem : problems) {
        text += std::to_string(problem.line) + ": " + problem.message + "\n";
    }
    return text;
}

// RFC 4180: a field in double quotes, its quotes doubled.
std::string csv_field(const std::string& text) {
    std::string quoted = "\"";
    for (const char c : text) {
        quoted += c;
        if (c == '"') {
            quoted += '"';
        }
    }
    return quoted + "\"";
}

TEST(CsvImport, ReadsRowsWithTheHeadersColumnsInAnyOrder) {
    const auto rows = read(
        "category,at,note,zone,topic,channel\n"
        "legal-aid,2026-12-07T10:00,first,zone-a,劳动争议,kiosk\n"
        "policy,2026-12-07 11:30:15,,,,\n");
    ASSERT_TRUE(rows) << problems_text(rows.error());
    ASSERT_EQ(rows->size(), 2U);
    const NewConsultation& first = (*rows)[0].consultation;
    EXPECT_EQ((*rows)[0].line, 2);
    EXPECT_EQ(first.category, "legal-aid");
    EXPECT_EQ(first.at, hall_time("2026-12-07T10:00"));
    EXPECT_EQ(first.note, "first");
    EXPECT_EQ(first.zone, "zone-a");
    EXPECT_EQ(first.topic, "劳动争议");
    EXPECT_EQ(first.channel, Channel::kiosk);
    const NewConsultation& second = (*rows)[1].consultation;
    EXPECT_EQ(second.at, hall_time("2026-12-07T11:30:15"));
    EXPECT_EQ(second.channel, Channel::desk);  // empty: the desk's log
    EXPECT_TRUE(second.topic.empty());
}

TEST(CsvImport, OnlyAtAndCategoryAreRequired) {
    const auto rows = read("at,category\n2026-12-07T10:00,employment\n");
    ASSERT_TRUE(rows) << problems_text(rows.error());
    ASSERT_EQ(rows->size(), 1U);
    EXPECT_EQ((*rows)[0].consultation.channel, Channel::desk);
    EXPECT_TRUE((*rows)[0].consultation.zone.empty());
}

TEST(CsvImport, AnOffsetInAtMakesItExact) {
    const auto rows = read("at,category\n2026-12-07T10:00:00+00:00,policy\n");
    ASSERT_TRUE(rows) << problems_text(rows.error());
    EXPECT_EQ((*rows)[0].consultation.at, hall_time("2026-12-07T18:00"));
}

TEST(CsvImport, ABomAndCrLfAsExcelSavesThem) {
    const auto rows = read(
        "\xEF\xBB\xBF"
        "at,category,zone\r\n2026-12-07T10:00,policy,a\r\n2026-12-07T10:05,policy,b\r\n");
    ASSERT_TRUE(rows) << problems_text(rows.error());
    ASSERT_EQ(rows->size(), 2U);
    EXPECT_EQ((*rows)[0].consultation.zone, "a");  // no CR left on the last field
    EXPECT_EQ((*rows)[1].consultation.zone, "b");
    EXPECT_EQ((*rows)[1].line, 3);
}

TEST(CsvImport, QuotedFieldsHoldCommasQuotesAndLineBreaks) {
    const auto rows = read(
        "at,category,note,zone\n"
        "2026-12-07T10:00,policy,\"a, b and \"\"c\"\"\",z1\n"
        "2026-12-07T10:01,policy,\"first line\r\nsecond line\nthird\",z2\n"
        "2026-12-07T10:02,policy,\"\",\"\"\n"
        "2026-12-07T10:03,policy,x,\"z,4\"");
    ASSERT_TRUE(rows) << problems_text(rows.error());
    ASSERT_EQ(rows->size(), 4U);
    EXPECT_EQ((*rows)[0].consultation.note, "a, b and \"c\"");
    EXPECT_EQ((*rows)[1].consultation.note, "first line\r\nsecond line\nthird");
    EXPECT_EQ((*rows)[1].consultation.zone, "z2");
    EXPECT_EQ((*rows)[2].consultation.note, "");
    // The row after a field of three lines starts on line 6.
    EXPECT_EQ((*rows)[2].line, 6);
    EXPECT_EQ((*rows)[3].line, 7);
    EXPECT_EQ((*rows)[3].consultation.zone, "z,4");  // the last row needs no line break
}

TEST(CsvImport, BlankLinesAreSkipped) {
    const auto rows = read("at,category\n\n2026-12-07T10:00,policy\n\n\n");
    ASSERT_TRUE(rows) << problems_text(rows.error());
    ASSERT_EQ(rows->size(), 1U);
    EXPECT_EQ((*rows)[0].line, 3);
}

TEST(CsvImport, EveryBadRowIsReportedWithTheLineItStartsOn) {
    const auto rows = read(
        "at,category,topic,zone,channel,note\n"        // 1
        "2026-12-07T10:00,policy,,,,fine\n"            // 2
        "not a time,policy,,,,\n"                      // 3
        "2026-12-07T10:00,no-such-category,,,,\n"      // 4
        "2026-12-07T10:00,policy,,,phone,\n"           // 5
        "2026-12-07T10:00,policy\n"                    // 6
        "2026-12-07T10:00,policy,,,,\"two\nlines\"\n"  // 7-8: fine
        ",policy,,,,\n"                                // 9
        "2026-12-07T10:00,policy,,,,bad\"quote\n"      // 10
        "2026-13-45T10:00,legal,,,,\n");               // 11: two problems
    ASSERT_FALSE(rows);
    const auto& problems = rows.error();
    std::vector<int> lines;
    for (const ImportProblem& problem : problems) {
        lines.push_back(problem.line);
    }
    EXPECT_EQ(lines, (std::vector<int>{3, 4, 5, 6, 9, 10, 11, 11})) << problems_text(problems);
    const std::string text = problems_text(problems);
    EXPECT_NE(text.find("unknown category \"no-such-category\"; valid ids: policy, legal-aid"),
              std::string::npos);
    EXPECT_NE(text.find("unknown channel \"phone\"; valid: kiosk, desk"), std::string::npos);
    EXPECT_NE(text.find("has 2 fields; the header names 6"), std::string::npos);
    EXPECT_NE(text.find("at is empty"), std::string::npos);
}

TEST(CsvImport, TheHeaderIsRequiredAndChecked) {
    EXPECT_FALSE(read(""));
    EXPECT_FALSE(read("\xEF\xBB\xBF"));
    auto no_header = read("2026-12-07T10:00,policy\n");
    ASSERT_FALSE(no_header);
    EXPECT_EQ(no_header.error().front().line, 1);
    auto missing = read("at,topic\n2026-12-07T10:00,x\n");
    ASSERT_FALSE(missing);
    EXPECT_NE(problems_text(missing.error()).find("no category column"), std::string::npos);
    auto twice = read("at,category,at\n");
    ASSERT_FALSE(twice);
    EXPECT_NE(problems_text(twice.error()).find("named twice"), std::string::npos);
    auto unknown = read("at,category,phone\n");
    ASSERT_FALSE(unknown);
    EXPECT_NE(problems_text(unknown.error()).find("unknown column \"phone\""), std::string::npos);
    // Names are matched without regard to case or surrounding spaces.
    EXPECT_TRUE(read(" At , CATEGORY \n2026-12-07T10:00,policy\n"));
}

TEST(CsvImport, AnUnclosedQuoteIsReportedAtItsRow) {
    const auto rows =
        read("at,category,note\n2026-12-07T10:00,policy,ok\n2026-12-07T10:00,policy,\"never closed\n\n");
    ASSERT_FALSE(rows);
    ASSERT_EQ(rows.error().size(), 1U);
    EXPECT_EQ(rows.error()[0].line, 3);
    EXPECT_NE(rows.error()[0].message.find("not closed"), std::string::npos);
}

TEST(CsvImport, BytesThatAreNotUtf8TextAreRefused) {
    const auto nul = read("at,category\n2026-12-07T10:00,policy\n2026-12-07T10:00,pol\0icy\n"s);
    ASSERT_FALSE(nul);
    EXPECT_EQ(nul.error()[0].line, 3);
    EXPECT_NE(nul.error()[0].message.find("NUL"), std::string::npos);
    const auto latin1 = read("at,category,note\n2026-12-07T10:00,policy,caf\xe9\n");
    ASSERT_FALSE(latin1);
    EXPECT_EQ(latin1.error()[0].line, 2);
    EXPECT_NE(latin1.error()[0].message.find("UTF-8"), std::string::npos);
    // GBK, as an old spreadsheet may save Chinese.
    EXPECT_FALSE(read("at,category,note\n2026-12-07T10:00,policy,\xc9\xfa\xd3\xfd\n"));
}

TEST(CsvImport, AFieldPastTheLimitIsRefused) {
    const auto rows = read("at,category,note\n2026-12-07T10:00,policy," + std::string(70 * 1024, 'n') + "\n");
    ASSERT_FALSE(rows);
    EXPECT_EQ(rows.error()[0].line, 2);
}

TEST(CsvImport, HostileTextRoundTripsExactly) {
    std::string csv = "at,category,topic,zone,channel,note\n";
    const auto texts = hostile_texts();
    for (const std::string& text : texts) {
        csv += "2026-12-07T10:00,policy," + csv_field(text) + "," + csv_field(text) + ",desk," +
               csv_field(text) + "\r\n";
    }
    const auto rows = read(csv);
    ASSERT_TRUE(rows) << problems_text(rows.error());
    ASSERT_EQ(rows->size(), texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
        EXPECT_EQ((*rows)[i].consultation.topic, texts[i]);
        EXPECT_EQ((*rows)[i].consultation.zone, texts[i]);
        EXPECT_EQ((*rows)[i].consultation.note, texts[i]);
    }
}

// The quick net: mangled files are answered, accepted or refused, in bounded
// time and without a crash.
TEST(CsvImport, MangledFilesAreAnsweredQuickly) {
    const std::string seed =
        "\xEF\xBB\xBF"
        "at,category,topic,zone,channel,note\r\n"
        "2026-12-07T10:00,legal-aid,劳动争议,zone-a,kiosk,\"a, \"\"b\"\"\nc\"\r\n"
        "2026-12-07T10:05,policy,,zone-b,desk,plain\r\n";
    kiosk::test::Mutator mutator(20261207);
    for (int i = 0; i < 3000; ++i) {
        const std::string input = i % 10 == 0 ? mutator.noise(512) : mutator.mutate(seed);
        const auto started = std::chrono::steady_clock::now();
        const auto rows = read(input);
        EXPECT_LT(std::chrono::steady_clock::now() - started, kiosk::test::kMostPerHostileInput);
        if (!rows) {
            EXPECT_FALSE(rows.error().empty());
            for (const ImportProblem& problem : rows.error()) {
                EXPECT_GE(problem.line, 1);
            }
        }
    }
}

}  // namespace
}  // namespace kiosk::records::test

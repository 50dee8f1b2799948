// kioskctl report consultations, visits and boards on a real records
// database: every figure checked against counts this test makes itself from
// the rows it generated, in every format staff use (table, CSV, JSON, the
// Excel workbook, the chart), and hostile text carried through each.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include <date/date.h>
#include <date/iso_week.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "consult_test_support.h"
#include "png_pixels.h"
#include "records/records_store.h"
#include "scheduler/calendar.h"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;
using Counts = std::map<std::string, std::int64_t>;

const std::vector<std::string> kCategories{
    "policy",           "legal-aid",      "employment",        "school-enrolment",    "residence-permit",
    "business-licence", "housing-rental", "dispute-mediation", "reproductive-health", "health-screening"};
const std::vector<std::string> kCategoryZh{"政策咨询", "法律援助", "就业推荐", "入学入托",     "居住证办理",
                                           "营业执照", "房屋租赁", "矛盾调解", "生殖健康指导", "健康查体"};
const std::vector<std::string> kRatingKeys{"very-satisfied", "satisfied", "basically-satisfied",
                                           "dissatisfied", "very-dissatisfied"};  // 5 down to 1
const std::vector<std::string> kBy{"day", "week", "month", "category", "topic", "zone", "channel", "rating"};

// One generated consultation, and the keys it counts under.
struct Generated {
    date::year_month_day day;
    std::string time;  // "HH:MM", the hall's wall clock
    std::string category;
    std::string topic;
    std::string zone;
    std::string channel;
};

std::string two(unsigned value) {
    char text[8];
    std::snprintf(text, sizeof text, "%02u", value);
    return text;
}

std::string day_text(date::year_month_day day) {
    return std::to_string(static_cast<int>(day.year())) + "-" + two(static_cast<unsigned>(day.month())) +
           "-" + two(static_cast<unsigned>(day.day()));
}

std::string key_of(const Generated& row, const std::string& by) {
    if (by == "day") {
        return day_text(row.day);
    }
    if (by == "week") {
        const iso_week::year_weeknum_weekday week{date::sys_days{row.day}};
        return std::to_string(static_cast<int>(week.year())) + "-W" +
               two(static_cast<unsigned>(week.weeknum()));
    }
    if (by == "month") {
        return day_text(row.day).substr(0, 7);
    }
    if (by == "category") {
        return row.category;
    }
    if (by == "topic") {
        return row.category + "/" + row.topic;
    }
    if (by == "zone") {
        return row.zone;
    }
    return row.channel;
}

class ConsultReport : public ConsultHall {
  protected:
    // `count` consultations at random over October to December 2026, many
    // at a minute either side of midnight, imported through kioskctl.
    void generate(int count, std::uint32_t seed) {
        std::mt19937 random(seed);
        const auto pick = [&](const std::vector<std::string>& from) {
            return from[std::uniform_int_distribution<std::size_t>(0, from.size() - 1)(random)];
        };
        const date::sys_days first{date::year_month_day{date::year{2026}, date::October, date::day{1}}};
        std::string file = "at,category,topic,zone,channel,note\r\n";
        for (int index = 0; index < count; ++index) {
            Generated row;
            row.day =
                date::year_month_day{first + date::days{std::uniform_int_distribution<int>(0, 91)(random)}};
            const int minute = std::uniform_int_distribution<int>(0, 4)(random) == 0
                                   ? (index % 2 == 0 ? 0 : 23 * 60 + 59)
                                   : std::uniform_int_distribution<int>(8 * 60, 18 * 60)(random);
            row.time =
                two(static_cast<unsigned>(minute / 60)) + ":" + two(static_cast<unsigned>(minute % 60));
            row.category = pick(kCategories);
            row.topic = pick({"", "社会保障", "劳动争议", "补贴申领"});
            row.zone = pick({"", "av", "boards", "models", "health"});
            row.channel = pick({"kiosk", "desk"});
            file += csv_line({day_text(row.day) + "T" + row.time, row.category, row.topic, row.zone,
                              row.channel, "seeded"});
            m_rows.push_back(row);
        }
        const ProcessResult imported = kioskctl({"consult", "import", write("seed.csv", file).string()});
        ASSERT_EQ(imported.exit_code, 0) << imported;
        ASSERT_EQ(imported.out, std::to_string(count) + "\n");
    }

    // Rates about a third of the consultations through the records library
    // (visitors rate at the screens); the ratings' counts.
    Counts rate(std::uint32_t seed) {
        const ProcessResult listed = kioskctl({"consult", "list", "--json"});
        EXPECT_EQ(listed.exit_code, 0) << listed;
        const json rows = json::parse(listed.out);
        auto store = open_store();
        std::mt19937 random(seed);
        Counts counts;
        for (const json& row : rows) {
            if (std::uniform_int_distribution<int>(0, 2)(random) != 0) {
                ++counts["unrated"];
                continue;
            }
            const int value = std::uniform_int_distribution<int>(1, 5)(random);
            auto rated = store->rate(row.at("id").get<std::int64_t>(), static_cast<records::Rating>(value),
                                     value <= 2 ? "等太久" : "", now());
            EXPECT_TRUE(rated) << rated.error().message;
            ++counts[kRatingKeys[static_cast<std::size_t>(5 - value)]];
        }
        return counts;
    }

    Counts expected(const std::string& by) const {
        Counts counts;
        for (const Generated& row : m_rows) {
            ++counts[key_of(row, by)];
        }
        return counts;
    }

    std::unique_ptr<records::RecordsStore> open_store() const {
        fs::create_directories(data_dir());
        auto store =
            records::open_records_store(records::records_file(data_dir()), records::Categories(), zone());
        EXPECT_TRUE(store) << store.error().message;
        return std::move(*store);
    }

    static const date::time_zone& zone() { return **scheduler::locate_time_zone("Asia/Shanghai"); }
    static records::Instant now() {
        return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    }

    ProcessResult report(const std::string& what, std::vector<std::string> arguments) const {
        arguments.insert(arguments.begin(), {"report", what});
        return kioskctl(arguments);
    }

    json report_json(const std::string& by) const {
        const ProcessResult result = report(
            "consultations", {"--from", "2026-10-01", "--to", "2026-12-31", "--by", by, "--format", "json"});
        EXPECT_EQ(result.exit_code, 0) << result;
        return result.exit_code == 0 ? json::parse(result.out) : json::object();
    }

    std::vector<Generated> m_rows;
};

// A report's rows as key -> count: every key once, the zeros dropped.
Counts counted(const json& rows) {
    Counts counts;
    for (const json& row : rows) {
        const std::string key = row.at("key");
        EXPECT_EQ(counts.count(key), 0U) << "key " << key << " twice";
        if (row.at("count").get<std::int64_t>() != 0) {
            counts[key] = row.at("count").get<std::int64_t>();
        }
    }
    return counts;
}

TEST_F(ConsultReport, EveryReportAgreesWithTheRowsGenerated) {
    generate(700, 20261201);
    const Counts ratings = rate(7);
    for (const std::string& by : kBy) {
        const json report = report_json(by);
        ASSERT_TRUE(report.contains("rows")) << by;
        EXPECT_EQ(report.at("from"), "2026-10-01");
        EXPECT_EQ(report.at("to"), "2026-12-31");
        EXPECT_EQ(report.at("by"), by);
        EXPECT_EQ(report.at("total"), 700) << by;
        EXPECT_EQ(counted(report.at("rows")), by == "rating" ? ratings : expected(by)) << by;
        for (const json& row : report.at("rows")) {
            EXPECT_EQ(row.size(), 2u) << "rows are exactly {key, count}: " << row.dump();
            EXPECT_TRUE(row.contains("key") && row.contains("count")) << row.dump();
        }
    }
    // Categories in tile order.
    const json categories = report_json("category").at("rows");
    ASSERT_EQ(categories.size(), kCategories.size());
    for (std::size_t index = 0; index < kCategories.size(); ++index) {
        EXPECT_EQ(categories[index].at("key"), kCategories[index]);
    }
    // A shorter period counts only its days.
    const ProcessResult december = report(
        "consultations", {"--from", "2026-12-01", "--to", "2026-12-31", "--by", "month", "--format", "json"});
    EXPECT_EQ(counted(json::parse(december.out).at("rows")),
              (Counts{{"2026-12", expected("month")["2026-12"]}}));
}

TEST_F(ConsultReport, TheCsvIsRfc4180AsExcelOpensIt) {
    generate(200, 99);
    for (const std::string& by : kBy) {
        const ProcessResult result = report(
            "consultations", {"--from", "2026-10-01", "--to", "2026-12-31", "--by", by, "--format", "csv"});
        ASSERT_EQ(result.exit_code, 0) << result;
        const std::string& text = result.out;
        EXPECT_TRUE(text.starts_with("\xEF\xBB\xBF")) << "a BOM, so Excel reads UTF-8";
        for (std::size_t at = text.find('\n'); at != std::string::npos; at = text.find('\n', at + 1)) {
            ASSERT_GT(at, 0U);
            EXPECT_EQ(text[at - 1], '\r') << by << ": every line ends in CRLF";
        }
        const auto records = parse_csv(text);
        ASSERT_GE(records.size(), 2U) << text;
        EXPECT_EQ(records.front(), (std::vector<std::string>{"key", "label", "count"}));
        EXPECT_EQ(records.back()[0], "total");
        EXPECT_EQ(records.back()[2], "200");
        Counts counts;
        for (std::size_t index = 1; index + 1 < records.size(); ++index) {
            ASSERT_EQ(records[index].size(), 3U) << by;
            if (records[index][2] != "0") {
                counts[records[index][0]] = std::stoll(records[index][2]);
            }
        }
        if (by != "rating") {
            EXPECT_EQ(counts, expected(by)) << by;
        }
    }
    // --output writes the same bytes to a file, and says so on standard error only.
    const fs::path file = m_dir / "report.csv";
    const std::vector<std::string> period{"--from", "2026-10-01", "--to", "2026-12-31", "--format", "csv"};
    const ProcessResult to_file = report("consultations", {"--from", "2026-10-01", "--to", "2026-12-31",
                                                           "--format", "csv", "--output", file.string()});
    ASSERT_EQ(to_file.exit_code, 0) << to_file;
    EXPECT_EQ(to_file.out, "");
    std::ifstream written(file, std::ios::binary);
    const std::string bytes{std::istreambuf_iterator<char>(written), std::istreambuf_iterator<char>()};
    EXPECT_EQ(bytes, report("consultations", period).out);
}

TEST_F(ConsultReport, TheTableHasEveryRowAndTheTotal) {
    generate(120, 5);
    const ProcessResult result = report("consultations", {"--from", "2026-10-01", "--to", "2026-12-31"});
    ASSERT_EQ(result.exit_code, 0) << result;
    for (std::size_t index = 0; index < kCategories.size(); ++index) {
        const auto line_start = result.out.find(kCategoryZh[index]);
        ASSERT_NE(line_start, std::string::npos) << kCategoryZh[index] << " in:\n" << result.out;
        const std::string line =
            result.out.substr(line_start, result.out.find('\n', line_start) - line_start);
        const std::string count = " " + std::to_string(expected("category")[kCategories[index]]) + " ";
        EXPECT_NE(line.find(count), std::string::npos) << line;
    }
    EXPECT_NE(result.out.find("合计"), std::string::npos);
    EXPECT_NE(result.out.find(" 120 "), std::string::npos) << result.out;
}

TEST_F(ConsultReport, TheWorkbookHasTheFiguresTheCrossTableAndTheRatings) {
    if (!have_python()) {
        GTEST_SKIP() << "python3 is needed to open the workbook";
    }
    generate(300, 11);
    const Counts ratings = rate(3);
    const fs::path file = m_dir / "monthly.xlsx";
    const ProcessResult result = report("consultations", {"--from", "2026-10-01", "--to", "2026-12-31",
                                                          "--format", "xlsx", "--output", file.string()});
    ASSERT_EQ(result.exit_code, 0) << result;
    EXPECT_EQ(result.out, "") << "the workbook goes to the file";
    const WorkbookText book = read_workbook(file);
    ASSERT_GE(book.sheets.size(), 2U);
    EXPECT_EQ(book.sheets[0], "咨询统计");
    EXPECT_EQ(book.sheets[1], "月度分类");

    // Sheet 1: 类别 / 代码 / 次数, a row per category, the total.
    const auto& figures = book.cells[0];
    EXPECT_EQ(figures.at("A4"), "类别");
    EXPECT_EQ(figures.at("C4"), "次数");
    Counts by_category = expected("category");
    for (std::size_t index = 0; index < kCategories.size(); ++index) {
        const std::string row = std::to_string(index + 5);
        EXPECT_EQ(figures.at("A" + row), kCategoryZh[index]);
        EXPECT_EQ(figures.at("B" + row), kCategories[index]);
        EXPECT_EQ(figures.at("C" + row), std::to_string(by_category[kCategories[index]]))
            << kCategories[index];
    }
    EXPECT_EQ(figures.at("A15"), "合计");
    EXPECT_EQ(figures.at("C15"), "300");

    // Sheet 2: months down, the ten categories' Chinese names across, totals.
    const auto& cross = book.cells[1];
    EXPECT_EQ(cross.at("A4"), "月份");
    const std::string columns = "BCDEFGHIJK";
    Counts per_month_category;
    for (const Generated& row : m_rows) {
        ++per_month_category[day_text(row.day).substr(0, 7) + " " + row.category];
    }
    const std::vector<std::string> months{"2026-10", "2026-11", "2026-12"};
    for (std::size_t column = 0; column < kCategories.size(); ++column) {
        const std::string letter(1, columns[column]);
        EXPECT_EQ(cross.at(letter + "4"), kCategoryZh[column]);
        for (std::size_t month = 0; month < months.size(); ++month) {
            EXPECT_EQ(cross.at(letter + std::to_string(month + 5)),
                      std::to_string(per_month_category[months[month] + " " + kCategories[column]]))
                << months[month] << " " << kCategories[column];
        }
        EXPECT_EQ(cross.at(letter + "8"), std::to_string(by_category[kCategories[column]]));
    }
    EXPECT_EQ(cross.at("L4"), "合计");
    for (std::size_t month = 0; month < months.size(); ++month) {
        EXPECT_EQ(cross.at("A" + std::to_string(month + 5)), months[month]);
        EXPECT_EQ(cross.at("L" + std::to_string(month + 5)),
                  std::to_string(expected("month")[months[month]]));
    }
    EXPECT_EQ(cross.at("A8"), "合计");
    EXPECT_EQ(cross.at("L8"), "300");

    // The ratings (满意度), on a sheet of their own.
    const auto sheet = std::find(book.sheets.begin(), book.sheets.end(), "满意度");
    ASSERT_NE(sheet, book.sheets.end());
    const auto& rated = book.cells[static_cast<std::size_t>(sheet - book.sheets.begin())];
    const std::vector<std::string> faces{"非常满意", "满意", "基本满意", "不满意", "非常不满意", "未评价"};
    for (std::size_t index = 0; index < faces.size(); ++index) {
        const std::string row = std::to_string(index + 5);
        EXPECT_EQ(rated.at("A" + row), faces[index]);
        const std::string key = index < kRatingKeys.size() ? kRatingKeys[index] : "unrated";
        EXPECT_EQ(rated.at("C" + row), std::to_string(ratings.count(key) ? ratings.at(key) : 0)) << key;
    }

    const ProcessResult no_output =
        report("consultations", {"--from", "2026-10-01", "--to", "2026-12-31", "--format", "xlsx"});
    EXPECT_EQ(no_output.exit_code, 2) << no_output;
    EXPECT_NE(no_output.err.find("--output"), std::string::npos) << no_output;
}

// Pixels of the chart's bars (the hall's red, under the heading's red rule)
// and of its text (near black).
std::size_t bar_pixels(const Image& image) {
    std::size_t count = 0;
    for (int y = 200; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            const Rgb c = image.at(x, y);
            count += c.r > 140 && c.g < 80 && c.b < 80 ? 1 : 0;
        }
    }
    return count;
}
std::size_t ink_pixels(const Image& image) {
    return image.count([](Rgb c) { return c.r < 90 && c.g < 90 && c.b < 90; });
}

TEST_F(ConsultReport, TheChartIsAPictureOfTheFigures) {
    generate(300, 17);
    for (const std::string& by : {std::string("category"), std::string("day"), std::string("topic")}) {
        const fs::path chart = m_dir / (by + ".png");
        const ProcessResult result =
            report("consultations", {"--from", "2026-10-01", "--to", "2026-12-31", "--by", by, "--format",
                                     "json", "--chart", chart.string()});
        ASSERT_EQ(result.exit_code, 0) << result;
        EXPECT_NO_THROW(json::parse(result.out)) << "standard output is the report alone";
        const Image image = Image::load(chart.string());
        EXPECT_EQ(image.width(), 1600) << by;
        EXPECT_GE(image.height(), 1000) << by;
        EXPECT_GT(bar_pixels(image), 20000U) << by << ": bars drawn";
        EXPECT_GT(ink_pixels(image), 3000U) << by << ": text drawn";
        EXPECT_EQ(image.at(2, 2).r, 255) << "white paper";
    }
    EXPECT_EQ(Image::load((m_dir / "day.png").string()).height(), 1000);
    // Forty topic rows do not fit a page of 1000: the page grows.
    EXPECT_GT(Image::load((m_dir / "topic.png").string()).height(), 1000);

    const fs::path empty = m_dir / "empty.png";
    const ProcessResult none =
        report("consultations", {"--from", "2027-01-01", "--to", "2027-01-31", "--chart", empty.string()});
    ASSERT_EQ(none.exit_code, 0) << none;
    const Image blank = Image::load(empty.string());
    EXPECT_EQ(bar_pixels(blank), 0U) << "no bars for no consultations";
    EXPECT_GT(ink_pixels(blank), 1000U) << "the title and the note say so";
}

TEST_F(ConsultReport, HostileTopicsReachEveryFormatExactly) {
    std::string file = "at,category,topic,zone,channel,note\r\n";
    const auto texts = hostile_texts();
    for (const auto& [name, text] : texts) {
        for (int copy = 0; copy < 2; ++copy) {
            file += csv_line(
                {"2026-11-0" + std::to_string(copy + 1) + "T10:00", "legal-aid", text, "av", "desk", text});
        }
    }
    const ProcessResult imported = kioskctl({"consult", "import", write("hostile.csv", file).string()});
    ASSERT_EQ(imported.exit_code, 0) << imported;
    const std::vector<std::string> period{"--from", "2026-11-01", "--to", "2026-11-30", "--by", "topic"};
    const auto with = [&](std::vector<std::string> more) {
        more.insert(more.begin(), period.begin(), period.end());
        return more;
    };

    const ProcessResult as_json = report("consultations", with({"--format", "json"}));
    ASSERT_EQ(as_json.exit_code, 0) << as_json;
    const Counts json_counts = counted(json::parse(as_json.out).at("rows"));
    const ProcessResult as_csv = report("consultations", with({"--format", "csv"}));
    ASSERT_EQ(as_csv.exit_code, 0) << as_csv;
    Counts csv_counts;
    for (const auto& record : parse_csv(as_csv.out)) {
        if (record.size() == 3 && record[0] != "key" && record[0] != "total") {
            csv_counts[record[0]] = std::stoll(record[2]);
        }
    }
    const fs::path book_file = m_dir / "hostile.xlsx";
    const ProcessResult as_xlsx =
        report("consultations", with({"--format", "xlsx", "--output", book_file.string(), "--chart",
                                      (m_dir / "hostile.png").string()}));
    ASSERT_EQ(as_xlsx.exit_code, 0) << as_xlsx;
    EXPECT_GT(Image::load((m_dir / "hostile.png").string()).height(), 0);
    const bool python = have_python();
    const WorkbookText book = python ? read_workbook(book_file) : WorkbookText{};
    for (const auto& [name, text] : texts) {
        const std::string key = "legal-aid/" + text;
        EXPECT_EQ(json_counts.count(key) ? json_counts.at(key) : 0, 2) << name << " in the JSON";
        EXPECT_EQ(csv_counts.count(key) ? csv_counts.at(key) : 0, 2) << name << " in the CSV";
        if (python) {
            EXPECT_NE(std::find(book.strings.begin(), book.strings.end(), key), book.strings.end())
                << name << " in the workbook";
        }
    }
    const ProcessResult as_table = report("consultations", with({}));
    ASSERT_EQ(as_table.exit_code, 0) << as_table;
    const auto control = std::find_if(as_table.out.begin(), as_table.out.end(), [](char c) {
        return (static_cast<unsigned char>(c) < 0x20 && c != '\n') || c == 0x7f;
    });
    EXPECT_EQ(control, as_table.out.end()) << "the table shows control characters, never sends them";
}

TEST_F(ConsultReport, PeriodsAndOptionsAreChecked) {
    const auto refused = [&](std::vector<std::string> arguments, int status) {
        const ProcessResult result = report("consultations", std::move(arguments));
        EXPECT_EQ(result.exit_code, status) << result;
        return result;
    };
    const ProcessResult backwards = refused({"--from", "2026-12-31", "--to", "2026-12-01"}, 1);
    EXPECT_NE(backwards.err.find("before"), std::string::npos) << backwards;
    refused({"--from", "2026-13-01", "--to", "2026-12-31"}, 1);
    refused({"--from", "yesterday", "--to", "2026-12-31"}, 1);
    refused({"--to", "2026-12-31"}, 2);
    refused({"--from", "2026-12-01", "--to", "2026-12-31", "--by", "colour"}, 2);
    refused({"--from", "2026-12-01", "--to", "2026-12-31", "--format", "pdf"}, 2);
    for (const std::string what : {"visits", "boards"}) {
        const ProcessResult result = report(what, {"--from", "2026-12-31", "--to", "2026-12-01"});
        EXPECT_EQ(result.exit_code, 1) << what << ": " << result;
    }
}

}  // namespace
}  // namespace kiosk::test

// kioskctl report visits and boards, and every report of a hall with no
// records yet. The kiosk records sessions and board views; here the records
// library writes them as the kiosk would.
#include <algorithm>
#include <chrono>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "consult_test_support.h"
#include "records/records_store.h"
#include "scheduler/calendar.h"

namespace kiosk::test {
namespace {

using json = nlohmann::json;
using Counts = std::map<std::string, std::int64_t>;

class ConsultVisits : public ConsultHall {
  protected:
    ProcessResult report(const std::string& what, std::vector<std::string> arguments) const {
        arguments.insert(arguments.begin(), {"report", what});
        return kioskctl(arguments);
    }

    std::unique_ptr<records::RecordsStore> open_store() const {
        std::filesystem::create_directories(data_dir());
        auto store = records::open_records_store(records::records_file(data_dir()), records::Categories(),
                                                 **scheduler::locate_time_zone("Asia/Shanghai"));
        EXPECT_TRUE(store) << store.error().message;
        return std::move(*store);
    }
};

// A report's rows as key -> count, the zeros dropped.
Counts counted(const json& rows) {
    Counts counts;
    for (const json& row : rows) {
        if (row.at("count").get<std::int64_t>() != 0) {
            counts[row.at("key").get<std::string>()] = row.at("count").get<std::int64_t>();
        }
    }
    return counts;
}

// No records yet: the database is made empty and every report says zero.
TEST_F(ConsultVisits, AHallWithNoRecordsReportsZeros) {
    const ProcessResult consultations =
        report("consultations", {"--from", "2026-12-01", "--to", "2026-12-31", "--format", "json"});
    ASSERT_EQ(consultations.exit_code, 0) << consultations;
    EXPECT_EQ(json::parse(consultations.out).at("total"), 0);
    const ProcessResult visits =
        report("visits", {"--from", "2026-12-01", "--to", "2026-12-31", "--format", "json"});
    ASSERT_EQ(visits.exit_code, 0) << visits;
    EXPECT_EQ(json::parse(visits.out).at("sessions"), 0);
    const ProcessResult boards =
        report("boards", {"--from", "2026-12-01", "--to", "2026-12-31", "--format", "json"});
    ASSERT_EQ(boards.exit_code, 0) << boards;
    EXPECT_EQ(json::parse(boards.out).at("boards"), json::array());
    for (const std::string format : {"table", "csv"}) {
        EXPECT_EQ(
            report("visits", {"--from", "2026-12-01", "--to", "2026-12-31", "--format", format}).exit_code,
            0);
        EXPECT_EQ(
            report("boards", {"--from", "2026-12-01", "--to", "2026-12-31", "--format", format}).exit_code,
            0);
    }
}

records::Instant local(const std::string& text) {
    return *scheduler::parse_local_moment(text, **scheduler::locate_time_zone("Asia/Shanghai"));
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    return values.size() % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
}

TEST_F(ConsultVisits, VisitsAndBoardsAreCountedWithTheirMedians) {
    {
        auto store = open_store();
        // Sessions: zone, start (local), seconds.
        const std::vector<std::tuple<std::string, std::string, int>> visits{
            {"av", "2026-12-01T09:15", 40},     {"av", "2026-12-01T09:50", 100},
            {"boards", "2026-12-02T14:00", 70}, {"health", "2026-12-03T23:59", 30},
            {"av", "2026-12-04T00:01", 500},    {"av", "2026-11-30T10:00", 999}};
        for (const auto& [zone, start, seconds] : visits) {
            ASSERT_TRUE(store->add_visit({zone, local(start), local(start) + std::chrono::seconds{seconds}}));
        }
        const std::vector<std::tuple<std::string, std::string, int>> views{
            {"contraception", "2026-12-01T10:00", 30}, {"contraception", "2026-12-02T10:00", 50},
            {"contraception", "2026-12-03T10:00", 90}, {"pregnancy", "2026-12-01T11:00", 12},
            {"pregnancy", "2026-12-05T11:00", 20},     {"ageing", "2026-12-06T11:00", 8}};
        for (const auto& [board, opened, seconds] : views) {
            ASSERT_TRUE(
                store->add_board_view({"boards", board, local(opened), std::chrono::seconds{seconds}}));
        }
    }
    const ProcessResult visits =
        report("visits", {"--from", "2026-12-01", "--to", "2026-12-31", "--format", "json"});
    ASSERT_EQ(visits.exit_code, 0) << visits;
    const json figures = json::parse(visits.out);
    EXPECT_EQ(figures.at("sessions"), 5);
    EXPECT_DOUBLE_EQ(figures.at("median_seconds").get<double>(), median({40, 100, 70, 30, 500}));
    EXPECT_EQ(counted(figures.at("by_zone")), (Counts{{"av", 3}, {"boards", 1}, {"health", 1}}));
    EXPECT_EQ(counted(figures.at("by_hour")), (Counts{{"00", 1}, {"09", 2}, {"14", 1}, {"23", 1}}));
    EXPECT_EQ(figures.at("by_hour").size(), 24U) << "every hour of the day";

    const ProcessResult boards =
        report("boards", {"--from", "2026-12-01", "--to", "2026-12-31", "--format", "json", "--limit", "2"});
    ASSERT_EQ(boards.exit_code, 0) << boards;
    const json rows = json::parse(boards.out).at("boards");
    ASSERT_EQ(rows.size(), 2U) << "--limit 2";
    EXPECT_EQ(rows[0].at("board"), "contraception");
    EXPECT_EQ(rows[0].at("views"), 3);
    EXPECT_DOUBLE_EQ(rows[0].at("median_dwell_seconds").get<double>(), 50.0);
    EXPECT_EQ(rows[1].at("board"), "pregnancy");
    EXPECT_DOUBLE_EQ(rows[1].at("median_dwell_seconds").get<double>(), 16.0);

    const ProcessResult csv =
        report("boards", {"--from", "2026-12-01", "--to", "2026-12-31", "--format", "csv"});
    const auto records = parse_csv(csv.out);
    ASSERT_EQ(records.size(), 4U) << csv.out;
    EXPECT_EQ(records[0], (std::vector<std::string>{"board", "zone", "views", "median_dwell_seconds"}));
    EXPECT_EQ(records[3][0], "ageing");
}

}  // namespace
}  // namespace kiosk::test

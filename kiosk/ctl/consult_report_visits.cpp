#include "consult_report_visits.h"

#include <cstdio>
#include <sstream>

#include <nlohmann/json.hpp>

#include "consult_report_text.h"

namespace kiosk::ctl {
namespace {

// Boards a report lists unless --limit says otherwise: a page of them.
constexpr int kDefaultBoardLimit = 20;

std::string seconds_text(double seconds) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", seconds);
    return text;
}

std::string json_dump(const nlohmann::ordered_json& json) {
    return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
}

struct ActivityReport {
    Period period;
    std::string format = "table";
    int limit = kDefaultBoardLimit;  // boards only
};

void add_period_options(CLI::App& app, ActivityReport& report) {
    app.add_option("--from", report.period.from, "first day, YYYY-MM-DD")->required();
    app.add_option("--to", report.period.to, "last day, YYYY-MM-DD (included)")->required();
    app.add_option("--format", report.format, "table (the default), csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));
}

void add_board_options(CLI::App& app, ActivityReport& report) {
    add_period_options(app, report);
    app.add_option("--limit", report.limit, "how many boards, the most read first (default 20)")
        ->check(CLI::Range(1, 100000));
}

Outcome check_activity(ActivityReport& report, const Call& /*call*/) {
    return check_period(report.period, true);
}

// --- report visits ---

Outcome report_visits(const ActivityReport& report, const Call& call) {
    auto visits = call.records->report_visits(*report.period.first_day, *report.period.last_day);
    if (!visits) {
        return refuse(visits.error().message);
    }
    std::ostream& out = call.out;
    if (report.format == "json") {
        nlohmann::ordered_json zones = nlohmann::ordered_json::array();
        for (const records::CountRow& row : visits->by_zone) {
            zones.push_back({{"key", row.key}, {"label", zone_label(row.key)}, {"count", row.count}});
        }
        nlohmann::ordered_json hours = nlohmann::ordered_json::array();
        for (const records::CountRow& row : visits->by_hour) {
            hours.push_back({{"key", row.key}, {"count", row.count}});
        }
        out << json_dump({{"from", report.period.from},
                          {"to", report.period.to},
                          {"sessions", visits->sessions},
                          {"median_seconds", visits->median_seconds},
                          {"by_zone", zones},
                          {"by_hour", hours}});
        return {};
    }
    if (report.format == "csv") {
        // One table for a spreadsheet: what each row counts, its key, the figure.
        std::string text(kUtf8Bom);
        text += csv_record({"section", "key", "value"});
        text += csv_record({"sessions", "", std::to_string(visits->sessions)});
        text += csv_record({"median_seconds", "", seconds_text(visits->median_seconds)});
        for (const records::CountRow& row : visits->by_zone) {
            text += csv_record({"zone", row.key, std::to_string(row.count)});
        }
        for (const records::CountRow& row : visits->by_hour) {
            text += csv_record({"hour", row.key, std::to_string(row.count)});
        }
        out << text;
        return {};
    }
    out << "visitor sessions " << report.period.from << " to " << report.period.to << " ("
        << call.context.time_zone->name() << ")\n";
    out << "sessions: " << visits->sessions << '\n';
    out << "median length: "
        << format_length(std::chrono::milliseconds{static_cast<long long>(visits->median_seconds * 1000)})
        << '\n';
    out << "\nby zone 展区:\n";
    for (const records::CountRow& row : visits->by_zone) {
        out << "  " << column(zone_label(row.key) + " (" + row.key + ")", 24)
            << right(std::to_string(row.count), 8) << '\n';
    }
    out << "\nby hour of day 时段:\n";
    for (const records::CountRow& row : visits->by_hour) {
        out << "  " << row.key << ":00  " << right(std::to_string(row.count), 8) << '\n';
    }
    return {};
}

// --- report boards ---

Outcome report_boards(const ActivityReport& report, const Call& call) {
    auto boards = call.records->report_boards(*report.period.first_day, *report.period.last_day);
    if (!boards) {
        return refuse(boards.error().message);
    }
    if (boards->size() > static_cast<std::size_t>(report.limit)) {
        boards->resize(static_cast<std::size_t>(report.limit));
    }
    std::ostream& out = call.out;
    if (report.format == "json") {
        nlohmann::ordered_json rows = nlohmann::ordered_json::array();
        for (const records::BoardReportRow& row : *boards) {
            rows.push_back({{"board", row.board},
                            {"zone", row.zone},
                            {"views", row.views},
                            {"median_dwell_seconds", row.median_dwell_seconds}});
        }
        out << json_dump({{"from", report.period.from}, {"to", report.period.to}, {"boards", rows}});
        return {};
    }
    if (report.format == "csv") {
        std::string text(kUtf8Bom);
        text += csv_record({"board", "zone", "views", "median_dwell_seconds"});
        for (const records::BoardReportRow& row : *boards) {
            text += csv_record(
                {row.board, row.zone, std::to_string(row.views), seconds_text(row.median_dwell_seconds)});
        }
        out << text;
        return {};
    }
    out << "most-read boards " << report.period.from << " to " << report.period.to << " ("
        << call.context.time_zone->name() << ")\n";
    out << right("#", 4) << "  " << column("BOARD", 32) << "  " << column("ZONE", 8) << right("VIEWS", 8)
        << right("MEDIAN DWELL", 14) << '\n';
    int rank = 0;
    for (const records::BoardReportRow& row : *boards) {
        out << right(std::to_string(++rank), 4) << "  " << column(row.board, 32) << "  "
            << column(row.zone, 8) << right(std::to_string(row.views), 8)
            << right(format_length(
                         std::chrono::milliseconds{static_cast<long long>(row.median_dwell_seconds * 1000)}),
                     14)
            << '\n';
    }
    return {};
}

}  // namespace

CommandEntry visits_report_command() {
    return leaf_command<ActivityReport>(
        {"report", "visits"},
        "visitor sessions at the zones' screens: count, median length, by zone and hour", Needs::records,
        {.add_options = add_period_options, .check = check_activity, .run = report_visits});
}

CommandEntry boards_report_command() {
    return leaf_command<ActivityReport>(
        {"report", "boards"}, "the most-read boards, with views and median dwell time", Needs::records,
        {.add_options = add_board_options, .check = check_activity, .run = report_boards});
}

}  // namespace kiosk::ctl

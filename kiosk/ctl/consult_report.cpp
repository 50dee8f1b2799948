#include "consult_report.h"

#include <algorithm>
#include <sstream>

#include <nlohmann/json.hpp>

#include "consult_report_chart.h"
#include "consult_report_text.h"
#include "consult_report_visits.h"
#include "consult_report_xlsx.h"

namespace kiosk::ctl {
namespace {

// Widest a label or key column of the terminal table grows; longer ones are cut.
constexpr int kMostColumns = 40;

struct ConsultationReport {
    Period period;
    std::string by = "category";
    std::string format = "table";
    std::string output;
    std::string chart;
    records::ReportBy counted = records::ReportBy::category;  // once checked
};

void add_report_options(CLI::App& app, ConsultationReport& report) {
    app.add_option("--from", report.period.from, "first day, YYYY-MM-DD")->required();
    app.add_option("--to", report.period.to, "last day, YYYY-MM-DD (included)")->required();
    app.add_option("--by", report.by,
                   "day, week, month, category (the default), topic, zone, channel or rating")
        ->check(CLI::IsMember({"day", "week", "month", "category", "topic", "zone", "channel", "rating"}));
    app.add_option("--format", report.format, "table (the default), csv, json or xlsx (needs --output)")
        ->check(CLI::IsMember({"table", "csv", "json", "xlsx"}));
    app.add_option("--output", report.output, "write the report to this file instead of standard output");
    app.add_option("--chart", report.chart, "also draw a bar chart into this PNG file");
}

Outcome check_report(ConsultationReport& report, const Call& /*call*/) {
    if (report.format == "xlsx" && report.output.empty()) {
        return tl::unexpected(CtlError{CtlErrorKind::usage, "--format xlsx needs --output FILE.xlsx"});
    }
    report.counted = *parse_report_by(report.by);
    return check_period(report.period, true);
}

// The report as staff read it in a terminal: Chinese labels padded by the
// columns they take.
std::string table_text(const ConsultationReport& report, const records::CountReport& counts,
                       const Call& call) {
    const records::ReportBy by = report.counted;
    const bool code =
        by != records::ReportBy::day && by != records::ReportBy::week && by != records::ReportBy::month;
    std::vector<std::string> labels;
    int label_columns = std::max(display_width(key_heading_zh(by)), display_width("合计 total"));
    int key_columns = 4;
    for (const records::CountRow& row : counts.rows) {
        labels.push_back(key_label(by, row.key, call.context.categories));
        label_columns =
            std::max(label_columns, std::min(kMostColumns, display_width(visible(labels.back()))));
        key_columns = std::max(key_columns, std::min(kMostColumns, display_width(visible(row.key))));
    }
    std::ostringstream text;
    text << "consultations " << report.period.from << " to " << report.period.to << " by " << report.by
         << " (" << call.context.time_zone->name() << ")\n";
    text << column(key_heading_zh(by), label_columns) << "  "
         << (code ? column("KEY", key_columns) + "  " : "") << right("COUNT", 9) << "  " << right("SHARE", 6)
         << '\n';
    for (std::size_t index = 0; index < counts.rows.size(); ++index) {
        const records::CountRow& row = counts.rows[index];
        text << column(labels[index], label_columns) << "  "
             << (code ? column(row.key, key_columns) + "  " : "") << right(std::to_string(row.count), 9)
             << "  " << right(share_text(row.count, counts.total), 6) << '\n';
    }
    text << column("合计 total", label_columns) << "  " << (code ? column("", key_columns) + "  " : "")
         << right(std::to_string(counts.total), 9) << "  " << right(counts.total > 0 ? "100.0%" : "-", 6)
         << '\n';
    return text.str();
}

std::string csv_text(const ConsultationReport& report, const records::CountReport& counts, const Call& call) {
    std::string text(kUtf8Bom);
    text += csv_record({"key", "label", "count"});
    for (const records::CountRow& row : counts.rows) {
        text += csv_record({row.key, key_label(report.counted, row.key, call.context.categories),
                            std::to_string(row.count)});
    }
    return text + csv_record({"total", "合计", std::to_string(counts.total)});
}

std::string json_text(const ConsultationReport& report, const records::CountReport& counts,
                      const Call& /*call*/) {
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (const records::CountRow& row : counts.rows) {
        // Exactly {key, count}: the district office's tools read this shape.
        rows.push_back({{"key", row.key}, {"count", row.count}});
    }
    const nlohmann::ordered_json json{{"from", report.period.from},
                                      {"to", report.period.to},
                                      {"by", report.by},
                                      {"rows", rows},
                                      {"total", counts.total}};
    return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + '\n';
}

// A time series' labels drop the year when every bar has the same one:
// "12-07", "W49", "12月".
std::string time_label(records::ReportBy by, const std::string& key, bool one_year) {
    if (by == records::ReportBy::month && key.size() == 7) {
        const std::string month = (key[5] == '0' ? key.substr(6, 1) : key.substr(5, 2)) + "月";
        return one_year ? month : key.substr(0, 4) + "年" + month;
    }
    return one_year && key.size() > 5 ? key.substr(5) : key;
}

ui::BarChart chart_of(const ConsultationReport& report, const records::CountReport& counts,
                      const Call& call) {
    const records::ReportBy by = report.counted;
    ui::BarChart chart;
    chart.title =
        std::string("咨询统计 · Consultations（按") + key_heading_zh(by) + " by " + report.by + "）";
    chart.period = "统计期间 " + report.period.from + " 至 " + report.period.to;
    chart.total = "合计 Total: " + ui::grouped_number(counts.total) + " 次";
    chart.unit = std::string("单位：次（咨询次数）· Counts of consultations; days are local days in ") +
                 call.context.time_zone->name();
    chart.empty = "此期间没有咨询记录 · No consultations in this period";
    const bool time =
        by == records::ReportBy::day || by == records::ReportBy::week || by == records::ReportBy::month;
    chart.shape = time ? ui::ChartShape::columns : ui::ChartShape::rows;
    const bool one_year =
        std::all_of(counts.rows.begin(), counts.rows.end(), [&](const records::CountRow& row) {
            return row.key.substr(0, 4) == counts.rows.front().key.substr(0, 4);
        });
    for (const records::CountRow& row : counts.rows) {
        chart.bars.push_back(
            {time ? time_label(by, row.key, one_year) : key_label(by, row.key, call.context.categories),
             row.count});
    }
    return chart;
}

Outcome write_workbook(const ConsultationReport& report, const records::CountReport& counts,
                       const Call& call) {
    const scheduler::Date from = *report.period.first_day;
    const scheduler::Date to = *report.period.last_day;
    auto ratings = call.records->count_consultations(from, to, records::ReportBy::rating);
    if (!ratings) {
        return refuse(ratings.error().message);
    }
    auto months = call.records->month_by_category(from, to);
    if (!months) {
        return refuse(months.error().message);
    }
    ConsultationFigures figures{report.period.from, report.period.to, call.context.time_zone->name(),
                                report.counted,     counts,           std::move(*ratings),
                                std::move(*months)};
    return write_consultation_workbook(figures, call.context.categories, report.output);
}

Outcome report_consultations(const ConsultationReport& report, const Call& call) {
    auto counts =
        call.records->count_consultations(*report.period.first_day, *report.period.last_day, report.counted);
    if (!counts) {
        return refuse(counts.error().message);
    }
    if (report.format == "xlsx") {
        if (auto written = write_workbook(report, *counts, call); !written) {
            return written;
        }
    } else {
        const std::string text = report.format == "csv"    ? csv_text(report, *counts, call)
                                 : report.format == "json" ? json_text(report, *counts, call)
                                                           : table_text(report, *counts, call);
        if (report.output.empty()) {
            call.out << text;
        } else if (auto written = write_file(report.output, text); !written) {
            return written;
        }
    }
    // Said on standard error: standard output may carry the report itself.
    if (!report.output.empty()) {
        call.err << "wrote " << report.output << '\n';
    }
    if (!report.chart.empty()) {
        if (auto drawn = write_chart_png(chart_of(report, *counts, call), report.chart); !drawn) {
            return drawn;
        }
        call.err << "wrote " << report.chart << '\n';
    }
    return {};
}

}  // namespace

std::vector<CommandEntry> consultation_report_commands() {
    return {
        leaf_command<ConsultationReport>(
            {"report", "consultations"},
            "consultations counted by period, category, topic, zone, channel or rating, with the total",
            Needs::records,
            {.add_options = add_report_options, .check = check_report, .run = report_consultations}),
        visits_report_command(),
        boards_report_command(),
    };
}

}  // namespace kiosk::ctl

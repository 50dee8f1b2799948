#include "report_command.h"

#include <iomanip>

#include <nlohmann/json.hpp>

namespace kiosk::ctl {
namespace {

std::string outcome(const scheduler::PlayReportRow& row) {
    if (row.skipped) {
        return "skipped: " + row.reason;
    }
    if (!row.ended) {
        return "no end recorded (still playing, or the power was cut)";
    }
    return row.reason;
}

// A CSV field, quoted when it must be.
std::string csv(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) {
        return text;
    }
    std::string out = "\"";
    for (const char c : text) {
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    }
    return out + "\"";
}

struct PlayReport {
    std::string from;
    std::string to;
    std::string zone;  // empty: every zone
    std::string format = "table";
    scheduler::Date first_day;  // once checked
    scheduler::Date last_day;
};

void add_report_options(CLI::App& app, PlayReport& report) {
    app.add_option("--from", report.from, "first day, YYYY-MM-DD")->required();
    app.add_option("--to", report.to, "last day, YYYY-MM-DD (included)")->required();
    app.add_option("--zone", report.zone, "only this zone");
    app.add_option("--format", report.format, "table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));
}

Outcome check_report(PlayReport& report, const Call& /*call*/) {
    auto from = scheduler::parse_date(report.from);
    if (!from) {
        return refuse("--from: " + from.error());
    }
    auto to = scheduler::parse_date(report.to);
    if (!to) {
        return refuse("--to: " + to.error());
    }
    if (*to < *from) {
        return refuse("--to " + report.to + " is before --from " + report.from);
    }
    if (!report.zone.empty() && !scheduler::is_known_zone(report.zone)) {
        return refuse(unknown_zone_text(report.zone));
    }
    report.first_day = *from;
    report.last_day = *to;
    return {};
}

Outcome report_plays(const PlayReport& report, const Call& call) {
    const auto& tz = *call.context.time_zone;
    std::ostream& out = call.out;
    scheduler::PlayQuery query;
    query.from = scheduler::start_of_day(report.first_day, tz);
    query.to = scheduler::start_of_day(scheduler::Date{date::sys_days{report.last_day} + date::days{1}}, tz);
    if (!report.zone.empty()) {
        query.zone = report.zone;
    }
    auto rows = call.store->play_report(query);
    if (!rows) {
        return refuse(rows.error());
    }
    const auto time = [&](scheduler::Instant at) { return scheduler::format_local_moment(at, tz); };
    if (report.format == "json") {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& row : *rows) {
            list.push_back({{"zone", row.zone},
                            {"playlist", row.playlist_name},
                            {"media", row.media_name},
                            {"path", row.media_path.string()},
                            {"started", time(row.started)},
                            {"ended", row.ended ? nlohmann::json(time(*row.ended)) : nlohmann::json(nullptr)},
                            {"outcome", row.skipped ? "skipped" : (row.ended ? "played" : "no end recorded")},
                            {"reason", row.reason}});
        }
        out << nlohmann::json{{"time_zone", tz.name()},
                              {"from", report.from},
                              {"to", report.to},
                              {"plays", list}}
                   .dump(2)
            << '\n';
    } else if (report.format == "csv") {
        out << "zone,playlist,media,path,started,ended,outcome,reason\n";
        for (const auto& row : *rows) {
            out << csv(row.zone) << ',' << csv(row.playlist_name) << ',' << csv(row.media_name) << ','
                << csv(row.media_path.string()) << ',' << time(row.started) << ','
                << (row.ended ? time(*row.ended) : "") << ','
                << (row.skipped ? "skipped" : (row.ended ? "played" : "no end recorded")) << ','
                << csv(row.reason) << '\n';
        }
    } else {
        out << "plays " << report.from << " to " << report.to
            << (report.zone.empty() ? "" : ", zone " + report.zone) << " (" << tz.name()
            << "): " << rows->size() << " items\n";
        out << std::left << std::setw(8) << "ZONE" << std::setw(21) << "STARTED" << std::setw(10) << "ENDED"
            << std::setw(22) << "PLAYLIST" << std::setw(24) << "MEDIA"
            << "OUTCOME\n";
        for (const auto& row : *rows) {
            out << std::left << std::setw(8) << row.zone << std::setw(21) << time(row.started)
                << std::setw(10) << (row.ended ? time(*row.ended).substr(11) : "-") << std::setw(22)
                << row.playlist_name << std::setw(24) << row.media_name << outcome(row) << '\n';
        }
    }
    return {};
}

}  // namespace

std::vector<CommandEntry> report_commands() {
    return {
        command_group({"report"}, "reports for staff and the district office"),
        leaf_command<PlayReport>(
            {"report", "plays"}, "proof of play: every item started, ended or skipped", Needs::store,
            {.add_options = add_report_options, .check = check_report, .run = report_plays}),
    };
}

}  // namespace kiosk::ctl

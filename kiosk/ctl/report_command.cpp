#include "report_command.h"

#include <iomanip>

#include <nlohmann/json.hpp>

#include "content/message_text.h"

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

}  // namespace

ReportCommand::ReportCommand(CLI::App& cli) {
    CLI::App* report = cli.add_subcommand("report", "reports for staff and the district office");
    report->require_subcommand(1);
    m_plays = report->add_subcommand("plays", "proof of play: every item started, ended or skipped");
    m_plays->add_option("--from", m_from, "first day, YYYY-MM-DD")->required();
    m_plays->add_option("--to", m_to, "last day, YYYY-MM-DD (included)")->required();
    m_plays->add_option("--zone", m_zone, "only this zone");
    m_plays->add_option("--format", m_format, "table, csv or json")
        ->check(CLI::IsMember({"table", "csv", "json"}));
}

std::optional<int> ReportCommand::run(const CtlContext& context, std::ostream& out, std::ostream& err) {
    if (!m_plays->parsed()) {
        return std::nullopt;
    }
    const std::string command = "report plays";
    auto from = scheduler::parse_date(m_from);
    if (!from) {
        return fail(err, command, "--from: " + from.error());
    }
    auto to = scheduler::parse_date(m_to);
    if (!to) {
        return fail(err, command, "--to: " + to.error());
    }
    if (*to < *from) {
        return fail(err, command, "--to " + m_to + " is before --from " + m_from);
    }
    if (!m_zone.empty() && !scheduler::is_known_zone(m_zone)) {
        return fail(err, command,
                    "--zone " + content::quoted_text(m_zone) +
                        ": unknown zone (the zones are boards, models, av, health)");
    }
    auto store = context.open_store(command, err);
    if (!store) {
        return 1;
    }
    const auto& tz = *context.time_zone;
    scheduler::PlayQuery query;
    query.from = scheduler::start_of_day(*from, tz);
    query.to = scheduler::start_of_day(scheduler::Date{date::sys_days{*to} + date::days{1}}, tz);
    if (!m_zone.empty()) {
        query.zone = m_zone;
    }
    auto rows = store->play_report(query);
    if (!rows) {
        return fail(err, command, rows.error());
    }
    const auto time = [&](scheduler::Instant at) { return scheduler::format_local_moment(at, tz); };
    if (m_format == "json") {
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
        out << nlohmann::json{{"time_zone", tz.name()}, {"from", m_from}, {"to", m_to}, {"plays", list}}.dump(
                   2)
            << '\n';
    } else if (m_format == "csv") {
        out << "zone,playlist,media,path,started,ended,outcome,reason\n";
        for (const auto& row : *rows) {
            out << csv(row.zone) << ',' << csv(row.playlist_name) << ',' << csv(row.media_name) << ','
                << csv(row.media_path.string()) << ',' << time(row.started) << ','
                << (row.ended ? time(*row.ended) : "") << ','
                << (row.skipped ? "skipped" : (row.ended ? "played" : "no end recorded")) << ','
                << csv(row.reason) << '\n';
        }
    } else {
        out << "plays " << m_from << " to " << m_to << (m_zone.empty() ? "" : ", zone " + m_zone) << " ("
            << tz.name() << "): " << rows->size() << " items\n";
        out << std::left << std::setw(8) << "ZONE" << std::setw(21) << "STARTED" << std::setw(10) << "ENDED"
            << std::setw(22) << "PLAYLIST" << std::setw(24) << "MEDIA"
            << "OUTCOME\n";
        for (const auto& row : *rows) {
            out << std::left << std::setw(8) << row.zone << std::setw(21) << time(row.started)
                << std::setw(10) << (row.ended ? time(*row.ended).substr(11) : "-") << std::setw(22)
                << row.playlist_name << std::setw(24) << row.media_name << outcome(row) << '\n';
        }
    }
    return 0;
}

}  // namespace kiosk::ctl

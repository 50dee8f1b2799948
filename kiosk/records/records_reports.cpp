// The figures staff report upward: consultations counted by period,
// category, topic, zone, channel and rating; the month-by-category cross
// table; visitor sessions and the most-read boards. The database counts by
// local day and key over its (local_day, category) index; periods are
// gathered from days here, so weeks and months follow the calendar exactly.

#include <algorithm>
#include <array>
#include <map>

#include "records/record_time.h"
#include "records/sqlite_records_store.h"

namespace kiosk::records::detail {
namespace {

RecordError bad_period(date::year_month_day from, date::year_month_day to) {
    return {RecordErrorKind::invalid, "the period " + day_key(from) + " to " + day_key(to) +
                                          " is not a period: it must start on or before its last day"};
}

bool good_period(date::year_month_day from, date::year_month_day to) {
    return from.ok() && to.ok() && from <= to;
}

// The middle value, or the mean of the two middle ones: exact, as the
// monthly report states it. `values` is sorted here.
double median_seconds(std::vector<std::int64_t>& values) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const std::size_t middle = values.size() / 2;
    const double milliseconds =
        values.size() % 2 == 1
            ? static_cast<double>(values[middle])
            : (static_cast<double>(values[middle - 1]) + static_cast<double>(values[middle])) / 2;
    return milliseconds / 1000.0;
}

// Rows in the order given by `keys`, zeros included, then any key counted but
// not listed (in key order), so the rows always add up to the total.
std::vector<CountRow> ordered_rows(const std::vector<std::string>& keys,
                                   std::map<std::string, std::int64_t> counts) {
    std::vector<CountRow> rows;
    for (const std::string& key : keys) {
        const auto found = counts.find(key);
        rows.push_back({key, found == counts.end() ? 0 : found->second});
        if (found != counts.end()) {
            counts.erase(found);
        }
    }
    for (auto& [key, count] : counts) {
        rows.push_back({key, count});
    }
    return rows;
}

std::vector<std::string> category_ids(const Categories& categories) {
    std::vector<std::string> ids;
    for (const Category& category : categories.list()) {
        ids.push_back(category.id);
    }
    return ids;
}

void bind_period(SQLite::Statement& statement, date::year_month_day from, date::year_month_day to) {
    statement.bind(1, day_key(from));
    statement.bind(2, day_key(to));
}

}  // namespace

std::vector<CountRow> SqliteRecordsStore::counts_by(const char* column, date::year_month_day from,
                                                    date::year_month_day to) {
    // `column` is one of ours, never the caller's text.
    SQLite::Statement select(m_db, std::string("SELECT ") + column + ", COUNT(*) FROM consultation " +
                                       "WHERE local_day BETWEEN ? AND ? GROUP BY " + column + " ORDER BY " +
                                       column);
    bind_period(select, from, to);
    std::vector<CountRow> rows;
    while (select.executeStep()) {
        rows.push_back({select.getColumn(0).getString(), select.getColumn(1).getInt64()});
    }
    return rows;
}

tl::expected<CountReport, RecordError> SqliteRecordsStore::count_consultations(date::year_month_day from,
                                                                               date::year_month_day to,
                                                                               ReportBy by) {
    if (!good_period(from, to)) {
        return tl::unexpected(bad_period(from, to));
    }
    return guarded("counting consultations", [&]() -> tl::expected<CountReport, RecordError> {
        CountReport report;
        switch (by) {
            case ReportBy::day:
            case ReportBy::week:
            case ReportBy::month: {
                std::map<std::string, std::int64_t> per_day;
                for (CountRow& row : counts_by("local_day", from, to)) {
                    per_day.emplace(std::move(row.key), row.count);
                }
                for (date::sys_days day{from}; day <= date::sys_days{to}; day += date::days{1}) {
                    const date::year_month_day ymd{day};
                    const std::string key = by == ReportBy::day    ? day_key(ymd)
                                            : by == ReportBy::week ? week_key(ymd)
                                                                   : month_key(ymd.year() / ymd.month());
                    if (report.rows.empty() || report.rows.back().key != key) {
                        report.rows.push_back({key, 0});
                    }
                    if (const auto found = per_day.find(day_key(ymd)); found != per_day.end()) {
                        report.rows.back().count += found->second;
                    }
                }
                break;
            }
            case ReportBy::category: {
                std::map<std::string, std::int64_t> counts;
                for (CountRow& row : counts_by("category", from, to)) {
                    counts.emplace(std::move(row.key), row.count);
                }
                report.rows = ordered_rows(category_ids(m_categories), std::move(counts));
                break;
            }
            case ReportBy::topic: {
                SQLite::Statement select(m_db,
                                         "SELECT category, topic, COUNT(*) FROM consultation "
                                         "WHERE local_day BETWEEN ? AND ? GROUP BY category, topic");
                bind_period(select, from, to);
                // Tile order of the category, then the topic's text.
                std::vector<std::tuple<std::size_t, std::string, std::int64_t>> found;
                const auto& list = m_categories.list();
                while (select.executeStep()) {
                    const std::string category = select.getColumn(0).getString();
                    const auto tile = std::find_if(list.begin(), list.end(),
                                                   [&](const Category& c) { return c.id == category; });
                    found.emplace_back(static_cast<std::size_t>(tile - list.begin()),
                                       category + "/" + select.getColumn(1).getString(),
                                       select.getColumn(2).getInt64());
                }
                std::sort(found.begin(), found.end());
                for (auto& [tile, key, count] : found) {
                    report.rows.push_back({std::move(key), count});
                }
                break;
            }
            case ReportBy::zone:
                report.rows = counts_by("zone", from, to);
                break;
            case ReportBy::channel: {
                std::map<std::string, std::int64_t> counts;
                for (CountRow& row : counts_by("channel", from, to)) {
                    counts.emplace(std::move(row.key), row.count);
                }
                report.rows =
                    ordered_rows({to_string(Channel::kiosk), to_string(Channel::desk)}, std::move(counts));
                break;
            }
            case ReportBy::rating: {
                SQLite::Statement select(m_db,
                                         "SELECT r.rating, COUNT(*) FROM consultation c "
                                         "LEFT JOIN rating r ON r.consultation_id = c.id "
                                         "WHERE c.local_day BETWEEN ? AND ? GROUP BY r.rating");
                bind_period(select, from, to);
                std::array<std::int64_t, kRatingCount + 1> counts{};  // [0]: unrated
                while (select.executeStep()) {
                    const int rating = select.getColumn(0).isNull() ? 0 : select.getColumn(0).getInt();
                    counts[static_cast<std::size_t>(std::clamp(rating, 0, kRatingCount))] +=
                        select.getColumn(1).getInt64();
                }
                for (int rating = kRatingCount; rating >= 1; --rating) {
                    report.rows.push_back(
                        {rating_key(static_cast<Rating>(rating)), counts[static_cast<std::size_t>(rating)]});
                }
                report.rows.push_back({"unrated", counts[0]});
                break;
            }
        }
        for (const CountRow& row : report.rows) {
            report.total += row.count;
        }
        return report;
    });
}

tl::expected<MonthByCategory, RecordError> SqliteRecordsStore::month_by_category(date::year_month_day from,
                                                                                 date::year_month_day to) {
    if (!good_period(from, to)) {
        return tl::unexpected(bad_period(from, to));
    }
    return guarded(
        "counting consultations by month and category", [&]() -> tl::expected<MonthByCategory, RecordError> {
            MonthByCategory table;
            table.categories = category_ids(m_categories);
            std::map<std::string, std::size_t> month_index;
            for (date::year_month month = from.year() / from.month(); month <= to.year() / to.month();
                 month += date::months{1}) {
                month_index.emplace(month_key(month), table.months.size());
                table.months.push_back(month_key(month));
            }
            // Days and categories straight from the index; months summed here.
            SQLite::Statement select(m_db,
                                     "SELECT substr(local_day, 1, 7), category, COUNT(*) FROM consultation "
                                     "WHERE local_day BETWEEN ? AND ? GROUP BY local_day, category");
            bind_period(select, from, to);
            std::vector<std::tuple<std::string, std::string, std::int64_t>> found;
            while (select.executeStep()) {
                std::string category = select.getColumn(1).getString();
                if (std::find(table.categories.begin(), table.categories.end(), category) ==
                    table.categories.end()) {
                    table.categories.push_back(category);  // not among today's: still counted
                }
                found.emplace_back(select.getColumn(0).getString(), std::move(category),
                                   select.getColumn(2).getInt64());
            }
            table.counts.assign(table.months.size(), std::vector<std::int64_t>(table.categories.size(), 0));
            for (const auto& [month, category, count] : found) {
                const auto row = month_index.find(month);
                if (row == month_index.end()) {
                    continue;
                }
                const auto column = std::find(table.categories.begin(), table.categories.end(), category);
                table.counts[row->second][static_cast<std::size_t>(column - table.categories.begin())] +=
                    count;
            }
            return table;
        });
}

tl::expected<VisitReport, RecordError> SqliteRecordsStore::report_visits(date::year_month_day from,
                                                                         date::year_month_day to) {
    if (!good_period(from, to)) {
        return tl::unexpected(bad_period(from, to));
    }
    return guarded("reporting visitor sessions", [&]() -> tl::expected<VisitReport, RecordError> {
        SQLite::Statement select(m_db,
                                 "SELECT zone, local_hour, ended_ms - started_ms FROM visit "
                                 "WHERE local_day BETWEEN ? AND ?");
        bind_period(select, from, to);
        std::map<std::string, std::int64_t> zones;
        std::array<std::int64_t, 24> hours{};
        std::vector<std::int64_t> lengths;
        while (select.executeStep()) {
            ++zones[select.getColumn(0).getString()];
            ++hours[static_cast<std::size_t>(std::clamp(select.getColumn(1).getInt(), 0, 23))];
            lengths.push_back(select.getColumn(2).getInt64());
        }
        VisitReport report;
        report.sessions = static_cast<std::int64_t>(lengths.size());
        report.median_seconds = median_seconds(lengths);
        for (auto& [zone, count] : zones) {
            report.by_zone.push_back({zone, count});
        }
        for (std::size_t hour = 0; hour < hours.size(); ++hour) {
            report.by_hour.push_back({(hour < 10 ? "0" : "") + std::to_string(hour), hours[hour]});
        }
        return report;
    });
}

tl::expected<std::vector<BoardReportRow>, RecordError> SqliteRecordsStore::report_boards(
    date::year_month_day from, date::year_month_day to) {
    if (!good_period(from, to)) {
        return tl::unexpected(bad_period(from, to));
    }
    return guarded("reporting board views", [&]() -> tl::expected<std::vector<BoardReportRow>, RecordError> {
        SQLite::Statement select(
            m_db, "SELECT board, zone, dwell_ms FROM board_view WHERE local_day BETWEEN ? AND ?");
        bind_period(select, from, to);
        std::map<std::pair<std::string, std::string>, std::vector<std::int64_t>> dwells;
        while (select.executeStep()) {
            dwells[{select.getColumn(0).getString(), select.getColumn(1).getString()}].push_back(
                select.getColumn(2).getInt64());
        }
        std::vector<BoardReportRow> rows;
        for (auto& [board_zone, times] : dwells) {
            rows.push_back({board_zone.first, board_zone.second, static_cast<std::int64_t>(times.size()),
                            median_seconds(times)});
        }
        // Most read first; ties by board and zone, so the order is stable.
        std::stable_sort(rows.begin(), rows.end(),
                         [](const BoardReportRow& a, const BoardReportRow& b) { return a.views > b.views; });
        return rows;
    });
}

}  // namespace kiosk::records::detail

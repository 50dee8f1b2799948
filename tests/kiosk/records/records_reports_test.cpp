// The figures staff report upward, checked against counts this test makes
// itself from the rows it generated: three months of seeded random
// consultations, sessions and board views, every grouping.

#include <gtest/gtest.h>

#include <algorithm>
#include <ctime>
#include <map>
#include <random>

#include "records/csv_import.h"
#include "records_test_support.h"

namespace kiosk::records::test {
namespace {

// The hall's local day and hour of an instant, by the calendar module's own
// conversion (the store has its own).
std::pair<date::year_month_day, int> local_day_hour(Instant at) {
    const auto local = scheduler::to_local(at, hall_zone());
    const auto day = date::floor<date::days>(local);
    return {date::year_month_day{day}, static_cast<int>((local - day) / std::chrono::hours(1))};
}

std::string text_of(date::year_month_day day) {
    return scheduler::format_date(day);
}

// The ISO week as the C library writes it (%G-W%V).
std::string iso_week_of(date::year_month_day day) {
    std::tm tm{};
    tm.tm_year = static_cast<int>(day.year()) - 1900;
    tm.tm_mon = static_cast<int>(static_cast<unsigned>(day.month())) - 1;
    tm.tm_mday = static_cast<int>(static_cast<unsigned>(day.day()));
    tm.tm_hour = 12;
    const std::time_t t = timegm(&tm);
    std::tm normalised{};
    gmtime_r(&t, &normalised);
    char text[16];
    std::strftime(text, sizeof text, "%G-W%V", &normalised);
    return text;
}

double exact_median_seconds(std::vector<std::int64_t> ms) {
    std::sort(ms.begin(), ms.end());
    if (ms.empty()) {
        return 0;
    }
    const std::size_t n = ms.size();
    return (n % 2 ? static_cast<double>(ms[n / 2]) : (ms[n / 2 - 1] + ms[n / 2]) / 2.0) / 1000.0;
}

struct Generated {
    Instant at;
    std::string category;
    std::string topic;
    std::string zone;
    Channel channel;
    std::optional<Rating> rating;
};

class RecordsReports : public ::testing::Test {
  protected:
    void SetUp() override {
        RecordsStoreOptions quick;
        quick.synchronous_off = true;
        m_store = open_store(m_folder / "records.db", quick);
        std::mt19937 random(20261207);
        const Instant start = hall_time("2026-10-01T00:00");
        const auto span = hall_time("2027-01-01T00:00") - start;
        const auto& categories = default_categories();
        const std::vector<std::string> topics{"", "劳动争议", "婚姻家庭", "other"};
        const std::vector<std::string> zones{"", "zone-a", "zone-b", "展厅C"};
        std::vector<ImportRow> rows;
        for (int i = 0; i < 4000; ++i) {
            Generated g;
            // Skewed towards some categories, so zeros and big counts both show.
            const std::size_t category = std::min<std::size_t>(
                categories.size() - 1,
                static_cast<std::size_t>(std::geometric_distribution<int>(0.3)(random)));
            g.at = start + std::chrono::milliseconds(
                               std::uniform_int_distribution<std::int64_t>(0, span.count() - 1)(random));
            g.category = categories[category].id;
            g.topic = topics[random() % topics.size()];
            g.zone = zones[random() % zones.size()];
            g.channel = random() % 3 == 0 ? Channel::kiosk : Channel::desk;
            if (random() % 2 == 0) {
                g.rating = static_cast<Rating>(1 + random() % 5);
            }
            ImportRow row;
            row.line = i + 2;
            row.consultation.at = g.at;
            row.consultation.category = g.category;
            row.consultation.topic = g.topic;
            row.consultation.zone = g.zone;
            row.consultation.channel = g.channel;
            rows.push_back(row);
            m_generated.push_back(g);
        }
        ASSERT_EQ(m_store->import(rows, new_file()), 4000);
        // Imported in order: ids 1.. follow the generated rows.
        for (std::size_t i = 0; i < m_generated.size(); ++i) {
            if (m_generated[i].rating) {
                ASSERT_TRUE(m_store->rate(static_cast<ConsultationId>(i + 1), *m_generated[i].rating, "",
                                          m_generated[i].at));
            }
        }
        for (int i = 0; i < 1501; ++i) {
            const Instant started =
                start + std::chrono::milliseconds(
                            std::uniform_int_distribution<std::int64_t>(0, span.count() - 1)(random));
            const auto length =
                std::chrono::milliseconds(std::uniform_int_distribution<int>(0, 600000)(random));
            const VisitSession visit{zones[1 + random() % 3], started, started + length};
            ASSERT_TRUE(m_store->add_visit(visit));
            m_visits.push_back(visit);
            const BoardView view{
                zones[1 + random() % 3], "board-" + std::to_string(random() % 7), started,
                std::chrono::milliseconds(std::uniform_int_distribution<int>(100, 90000)(random))};
            ASSERT_TRUE(m_store->add_board_view(view));
            m_views.push_back(view);
        }
    }

    // The expected count per key of the generated rows within the period.
    template <typename Key>
    std::map<std::string, std::int64_t> expected(date::year_month_day from, date::year_month_day to,
                                                 Key key) const {
        std::map<std::string, std::int64_t> counts;
        for (const Generated& g : m_generated) {
            const auto day = local_day_hour(g.at).first;
            if (day >= from && day <= to) {
                ++counts[key(g, day)];
            }
        }
        return counts;
    }

    std::int64_t in_period(date::year_month_day from, date::year_month_day to) const {
        std::int64_t count = 0;
        for (const auto& [key, n] :
             expected(from, to, [](const Generated&, auto) { return std::string(); })) {
            count += n;
        }
        return count;
    }

    // The report's rows as a map, checking first that the keys are unique
    // and the rows add up to the total.
    static std::map<std::string, std::int64_t> rows_of(const CountReport& report) {
        std::map<std::string, std::int64_t> rows;
        std::int64_t sum = 0;
        for (const CountRow& row : report.rows) {
            EXPECT_TRUE(rows.emplace(row.key, row.count).second) << "key twice: " << row.key;
            sum += row.count;
        }
        EXPECT_EQ(sum, report.total);
        return rows;
    }

    static std::map<std::string, std::int64_t> without_zeros(std::map<std::string, std::int64_t> rows) {
        std::erase_if(rows, [](const auto& row) { return row.second == 0; });
        return rows;
    }

    std::vector<std::string> keys(const CountReport& report) const {
        std::vector<std::string> found;
        for (const CountRow& row : report.rows) {
            found.push_back(row.key);
        }
        return found;
    }

    TempFolder m_folder;
    std::unique_ptr<records::RecordsStore> m_store;
    std::vector<Generated> m_generated;
    std::vector<VisitSession> m_visits;
    std::vector<BoardView> m_views;
    const date::year_month_day m_from = day("2026-10-15");
    const date::year_month_day m_to = day("2026-12-10");
};

TEST_F(RecordsReports, ByDayHasEveryDayOfThePeriod) {
    const auto report = m_store->count_consultations(m_from, m_to, ReportBy::day);
    ASSERT_TRUE(report) << report.error().message;
    ASSERT_EQ(report->rows.size(), 57U);  // 17 + 30 + 10 days
    EXPECT_EQ(report->rows.front().key, "2026-10-15");
    EXPECT_EQ(report->rows.back().key, "2026-12-10");
    const auto days = keys(*report);
    EXPECT_TRUE(std::is_sorted(days.begin(), days.end()));
    EXPECT_EQ(without_zeros(rows_of(*report)),
              expected(m_from, m_to, [](const Generated&, date::year_month_day d) { return text_of(d); }));
    EXPECT_EQ(report->total, in_period(m_from, m_to));
    EXPECT_GT(report->total, 2000);
}

TEST_F(RecordsReports, ByWeekFollowsIsoWeeks) {
    const auto report = m_store->count_consultations(m_from, m_to, ReportBy::week);
    ASSERT_TRUE(report);
    EXPECT_EQ(report->rows.front().key, "2026-W42");  // Thursday 15 October
    EXPECT_EQ(report->rows.back().key, "2026-W50");
    EXPECT_EQ(report->rows.size(), 9U);
    EXPECT_EQ(
        without_zeros(rows_of(*report)),
        expected(m_from, m_to, [](const Generated&, date::year_month_day d) { return iso_week_of(d); }));
    // Across a new year: 2026-12-31 is in 2026-W53, 2027-01-04 starts 2027-W01.
    const auto turn = m_store->count_consultations(day("2026-12-28"), day("2027-01-04"), ReportBy::week);
    EXPECT_EQ(keys(*turn), (std::vector<std::string>{"2026-W53", "2027-W01"}));
}

TEST_F(RecordsReports, ByMonth) {
    const auto report = m_store->count_consultations(m_from, m_to, ReportBy::month);
    ASSERT_TRUE(report);
    EXPECT_EQ(keys(*report), (std::vector<std::string>{"2026-10", "2026-11", "2026-12"}));
    EXPECT_EQ(rows_of(*report), expected(m_from, m_to, [](const Generated&, date::year_month_day d) {
                  return text_of(d).substr(0, 7);
              }));
}

TEST_F(RecordsReports, ByCategoryHasEveryCategoryInTileOrder) {
    const auto report = m_store->count_consultations(m_from, m_to, ReportBy::category);
    ASSERT_TRUE(report);
    std::vector<std::string> tiles;
    for (const Category& category : default_categories()) {
        tiles.push_back(category.id);
    }
    EXPECT_EQ(keys(*report), tiles);
    EXPECT_EQ(without_zeros(rows_of(*report)),
              expected(m_from, m_to, [](const Generated& g, auto) { return g.category; }));
    // One narrow day has zeros, and still every row.
    const auto one_day =
        m_store->count_consultations(day("2026-11-11"), day("2026-11-11"), ReportBy::category);
    EXPECT_EQ(keys(*one_day), tiles);
}

TEST_F(RecordsReports, ByTopicZoneAndChannel) {
    const auto topics = m_store->count_consultations(m_from, m_to, ReportBy::topic);
    ASSERT_TRUE(topics);
    EXPECT_EQ(rows_of(*topics),
              expected(m_from, m_to, [](const Generated& g, auto) { return g.category + "/" + g.topic; }));
    EXPECT_EQ(topics->rows.front().key.substr(0, 7), "policy/");  // tile order first

    const auto zones = m_store->count_consultations(m_from, m_to, ReportBy::zone);
    ASSERT_TRUE(zones);
    EXPECT_EQ(rows_of(*zones), expected(m_from, m_to, [](const Generated& g, auto) { return g.zone; }));

    const auto channels = m_store->count_consultations(m_from, m_to, ReportBy::channel);
    ASSERT_TRUE(channels);
    EXPECT_EQ(keys(*channels), (std::vector<std::string>{"kiosk", "desk"}));
    EXPECT_EQ(rows_of(*channels), expected(m_from, m_to, [](const Generated& g, auto) {
                  return std::string(to_string(g.channel));
              }));
}

TEST_F(RecordsReports, ByRatingBestFirstThenUnrated) {
    const auto report = m_store->count_consultations(m_from, m_to, ReportBy::rating);
    ASSERT_TRUE(report);
    EXPECT_EQ(keys(*report), (std::vector<std::string>{"very-satisfied", "satisfied", "basically-satisfied",
                                                       "dissatisfied", "very-dissatisfied", "unrated"}));
    EXPECT_EQ(rows_of(*report), expected(m_from, m_to, [](const Generated& g, auto) {
                  return g.rating ? std::string(rating_key(*g.rating)) : std::string("unrated");
              }));
    EXPECT_EQ(report->total, in_period(m_from, m_to));
}

TEST_F(RecordsReports, MonthByCategoryHasEveryMonthAndCategory) {
    const auto table = m_store->month_by_category(day("2026-09-20"), day("2027-01-31"));
    ASSERT_TRUE(table) << table.error().message;
    EXPECT_EQ(table->months,
              (std::vector<std::string>{"2026-09", "2026-10", "2026-11", "2026-12", "2027-01"}));
    ASSERT_EQ(table->categories.size(), 10U);
    ASSERT_EQ(table->counts.size(), 5U);
    std::int64_t total = 0;
    for (std::size_t m = 0; m < table->months.size(); ++m) {
        ASSERT_EQ(table->counts[m].size(), 10U);
        for (std::size_t c = 0; c < table->categories.size(); ++c) {
            std::int64_t count = 0;
            for (const Generated& g : m_generated) {
                if (g.category == table->categories[c] &&
                    text_of(local_day_hour(g.at).first).substr(0, 7) == table->months[m]) {
                    ++count;
                }
            }
            EXPECT_EQ(table->counts[m][c], count) << table->months[m] << " " << table->categories[c];
            total += table->counts[m][c];
        }
    }
    EXPECT_EQ(total, 4000);
    EXPECT_EQ(table->counts[0], std::vector<std::int64_t>(10, 0));
}

TEST_F(RecordsReports, VisitsCountMedianZoneAndHour) {
    for (const auto& [from, to] : {std::pair{m_from, m_to}, std::pair{day("2026-10-01"), day("2026-12-31")},
                                   std::pair{day("2026-11-03"), day("2026-11-03")}}) {
        const auto report = m_store->report_visits(from, to);
        ASSERT_TRUE(report) << report.error().message;
        std::vector<std::int64_t> lengths;
        std::map<std::string, std::int64_t> zones;
        std::map<std::string, std::int64_t> hours;
        for (int h = 0; h < 24; ++h) {
            hours[(h < 10 ? "0" : "") + std::to_string(h)] = 0;
        }
        for (const VisitSession& visit : m_visits) {
            const auto [d, hour] = local_day_hour(visit.started);
            if (d >= from && d <= to) {
                lengths.push_back((visit.ended - visit.started).count());
                ++zones[visit.zone];
                ++hours[(hour < 10 ? "0" : "") + std::to_string(hour)];
            }
        }
        EXPECT_EQ(report->sessions, static_cast<std::int64_t>(lengths.size()));
        EXPECT_DOUBLE_EQ(report->median_seconds, exact_median_seconds(lengths));
        EXPECT_EQ(rows_of({report->by_zone, report->sessions}), zones);
        ASSERT_EQ(report->by_hour.size(), 24U);
        EXPECT_EQ(report->by_hour.front().key, "00");
        EXPECT_EQ(rows_of({report->by_hour, report->sessions}), hours);
    }
}

TEST_F(RecordsReports, BoardsMostViewedFirstWithTheirMedianDwell) {
    const auto rows = m_store->report_boards(m_from, m_to);
    ASSERT_TRUE(rows) << rows.error().message;
    std::map<std::pair<std::string, std::string>, std::vector<std::int64_t>> dwells;
    for (const BoardView& view : m_views) {
        const auto d = local_day_hour(view.opened).first;
        if (d >= m_from && d <= m_to) {
            dwells[{view.board, view.zone}].push_back(view.dwell.count());
        }
    }
    ASSERT_EQ(rows->size(), dwells.size());
    for (std::size_t i = 0; i < rows->size(); ++i) {
        const BoardReportRow& row = (*rows)[i];
        const auto& times = dwells.at({row.board, row.zone});
        EXPECT_EQ(row.views, static_cast<std::int64_t>(times.size()));
        EXPECT_DOUBLE_EQ(row.median_dwell_seconds, exact_median_seconds(times));
        if (i > 0) {
            EXPECT_GE((*rows)[i - 1].views, row.views);
        }
    }
}

TEST_F(RecordsReports, AnEmptyPeriodHasZerosAndABackwardOneIsRefused) {
    const auto empty = m_store->count_consultations(day("2030-01-01"), day("2030-01-02"), ReportBy::category);
    ASSERT_TRUE(empty);
    EXPECT_EQ(empty->total, 0);
    EXPECT_EQ(empty->rows.size(), 10U);
    EXPECT_EQ(m_store->report_visits(day("2030-01-01"), day("2030-01-01"))->median_seconds, 0);
    EXPECT_TRUE(m_store->report_boards(day("2030-01-01"), day("2030-01-01"))->empty());
    const auto backward = m_store->count_consultations(m_to, m_from, ReportBy::day);
    ASSERT_FALSE(backward);
    EXPECT_EQ(backward.error().kind, RecordErrorKind::invalid);
    EXPECT_FALSE(m_store->month_by_category(m_to, m_from));
}

// The speed the hall needs, measured on a million rows (a few years of a
// busy hall). Slow for the suite; run it by hand with
// --gtest_also_run_disabled_tests --gtest_filter='*Million*'.
TEST(RecordsAtScale, DISABLED_AMillionRowsImportAndReport) {
    TempFolder folder;
    auto store = open_store(folder / "records.db");
    std::string csv = "at,category,topic,zone,channel,note\n";
    std::mt19937 random(7);
    const auto& categories = default_categories();
    for (int i = 0; i < 1000000; ++i) {
        const int month = 10 + i % 3;
        char line[160];
        std::snprintf(line, sizeof line, "2026-%02d-%02dT%02d:%02d:00,%s,topic %d,zone-%d,desk,note %d\n",
                      month, 1 + static_cast<int>(random() % 28), 9 + static_cast<int>(random() % 9),
                      static_cast<int>(random() % 60), categories[random() % categories.size()].id.c_str(),
                      static_cast<int>(random() % 5), static_cast<int>(random() % 4), i);
        csv += line;
    }
    const auto started = std::chrono::steady_clock::now();
    const auto rows = read_consultation_csv(csv, Categories{}, hall_zone());
    ASSERT_TRUE(rows);
    const auto parsed = std::chrono::steady_clock::now();
    ASSERT_EQ(store->import(*rows, new_file()), 1000000);
    const auto imported = std::chrono::steady_clock::now();
    const auto by_category =
        store->count_consultations(day("2026-11-01"), day("2026-11-30"), ReportBy::category);
    const auto reported = std::chrono::steady_clock::now();
    const auto table = store->month_by_category(day("2026-11-01"), day("2026-11-30"));
    const auto tabled = std::chrono::steady_clock::now();
    ASSERT_TRUE(by_category);
    ASSERT_TRUE(table);
    auto ms = [](auto d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); };
    std::printf(
        "parse %lld ms, import %lld ms, month by category report %lld ms, cross table %lld ms (%lld rows)\n",
        static_cast<long long>(ms(parsed - started)), static_cast<long long>(ms(imported - parsed)),
        static_cast<long long>(ms(reported - imported)), static_cast<long long>(ms(tabled - reported)),
        static_cast<long long>(by_category->total));
    EXPECT_LT(imported - started, std::chrono::seconds(15));
    EXPECT_LT(reported - imported, std::chrono::seconds(1));
}

}  // namespace
}  // namespace kiosk::records::test

#include "consult_report_xlsx.h"

#include <numeric>

#include "consult_report_text.h"
#include "xlsx_workbook.h"

namespace kiosk::ctl {
namespace {

// Rows above the figures: the title, the period, a blank line, the headings.
constexpr int kHeadingRow = 3;

double share(std::int64_t count, std::int64_t total) {
    return total > 0 ? static_cast<double>(count) / static_cast<double>(total) : 0.0;
}

// Keys that are codes (category ids, rating keys) get a column of their own
// beside their Chinese labels; days and months are their own labels.
bool has_code(records::ReportBy by) {
    return by != records::ReportBy::day && by != records::ReportBy::week && by != records::ReportBy::month;
}

void add_heading(XlsxWorkbook& book, int sheet, const std::string& title,
                 const ConsultationFigures& figures) {
    book.text(sheet, 0, 0, title, CellStyle::title);
    book.text(sheet, 1, 0,
              "统计期间 Period: " + figures.from + " 至 " + figures.to + "（" + figures.time_zone + "）",
              CellStyle::note);
}

// Label, code (when it has one), count and share, then the total.
void add_counts(XlsxWorkbook& book, int sheet, records::ReportBy by, const records::CountReport& counts,
                const records::Categories& categories) {
    const bool code = has_code(by);
    const int count_column = code ? 2 : 1;
    book.text(sheet, kHeadingRow, 0, key_heading_zh(by), CellStyle::heading);
    if (code) {
        book.text(sheet, kHeadingRow, 1, "代码", CellStyle::heading);
    }
    book.text(sheet, kHeadingRow, count_column, "次数", CellStyle::heading);
    book.text(sheet, kHeadingRow, count_column + 1, "占比", CellStyle::heading);
    int row = kHeadingRow + 1;
    for (const records::CountRow& entry : counts.rows) {
        book.text(sheet, row, 0, key_label(by, entry.key, categories), CellStyle::label);
        if (code) {
            book.text(sheet, row, 1, entry.key, CellStyle::label);
        }
        book.number(sheet, row, count_column, static_cast<double>(entry.count), CellStyle::count);
        book.number(sheet, row, count_column + 1, share(entry.count, counts.total), CellStyle::share);
        ++row;
    }
    book.text(sheet, row, 0, "合计", CellStyle::total_label);
    if (code) {
        book.text(sheet, row, 1, "", CellStyle::total_label);
    }
    book.number(sheet, row, count_column, static_cast<double>(counts.total), CellStyle::total_count);
    book.number(sheet, row, count_column + 1, counts.total > 0 ? 1.0 : 0.0, CellStyle::total_share);
    book.column_width(sheet, 0, 0, by == records::ReportBy::topic ? 36 : 18);
    if (code) {
        book.column_width(sheet, 1, 1, by == records::ReportBy::topic ? 36 : 22);
    }
    book.column_width(sheet, count_column, count_column + 1, 10);
    book.freeze_rows(sheet, kHeadingRow + 1);
}

// Months down, the ten categories across, totals on the right and at the bottom.
void add_month_by_category(XlsxWorkbook& book, int sheet, const records::MonthByCategory& table,
                           const records::Categories& categories) {
    const int columns = static_cast<int>(table.categories.size());
    book.text(sheet, kHeadingRow, 0, "月份", CellStyle::heading);
    for (int column = 0; column < columns; ++column) {
        const std::string& id = table.categories[static_cast<std::size_t>(column)];
        book.text(sheet, kHeadingRow, column + 1, key_label(records::ReportBy::category, id, categories),
                  CellStyle::heading);
    }
    book.text(sheet, kHeadingRow, columns + 1, "合计", CellStyle::heading);
    std::vector<std::int64_t> column_totals(table.categories.size(), 0);
    int row = kHeadingRow + 1;
    for (std::size_t month = 0; month < table.months.size(); ++month) {
        book.text(sheet, row, 0, table.months[month], CellStyle::label);
        std::int64_t row_total = 0;
        for (int column = 0; column < columns; ++column) {
            const std::int64_t count =
                month < table.counts.size() && static_cast<std::size_t>(column) < table.counts[month].size()
                    ? table.counts[month][static_cast<std::size_t>(column)]
                    : 0;
            row_total += count;
            column_totals[static_cast<std::size_t>(column)] += count;
            book.number(sheet, row, column + 1, static_cast<double>(count), CellStyle::count);
        }
        book.number(sheet, row, columns + 1, static_cast<double>(row_total), CellStyle::total_count);
        ++row;
    }
    book.text(sheet, row, 0, "合计", CellStyle::total_label);
    for (int column = 0; column < columns; ++column) {
        book.number(sheet, row, column + 1,
                    static_cast<double>(column_totals[static_cast<std::size_t>(column)]),
                    CellStyle::total_count);
    }
    const std::int64_t total = std::accumulate(column_totals.begin(), column_totals.end(), std::int64_t{0});
    book.number(sheet, row, columns + 1, static_cast<double>(total), CellStyle::total_count);
    book.column_width(sheet, 0, 0, 10);
    book.column_width(sheet, 1, columns + 1, 13);
    book.freeze_rows(sheet, kHeadingRow + 1);
}

// The satisfaction rate the 好差评 reports quote: the share of rated
// consultations rated basically satisfied or better.
void add_satisfaction_rate(XlsxWorkbook& book, int sheet, const records::CountReport& ratings) {
    std::int64_t rated = 0;
    std::int64_t satisfied = 0;
    for (const records::CountRow& entry : ratings.rows) {
        for (int value = 1; value <= records::kRatingCount; ++value) {
            const auto rating = static_cast<records::Rating>(value);
            if (entry.key == records::rating_key(rating)) {
                rated += entry.count;
                satisfied += records::is_low(rating) ? 0 : entry.count;
            }
        }
    }
    const int row = kHeadingRow + static_cast<int>(ratings.rows.size()) + 3;
    book.text(sheet, row, 0, "满意率", CellStyle::total_label);
    book.text(sheet, row, 1, "已评价次数 / 满意率（基本满意及以上）", CellStyle::label);
    book.number(sheet, row, 2, static_cast<double>(rated), CellStyle::count);
    book.number(sheet, row, 3, share(satisfied, rated), CellStyle::total_share);
}

}  // namespace

Outcome write_consultation_workbook(const ConsultationFigures& figures, const records::Categories& categories,
                                    const std::filesystem::path& file) {
    auto made = XlsxWorkbook::create(file);
    if (!made) {
        return refuse("--output: " + made.error());
    }
    XlsxWorkbook& book = *made;
    const int counts = book.add_sheet("咨询统计");
    add_heading(book, counts, std::string("咨询统计 · Consultations by ") + to_string(figures.by), figures);
    add_counts(book, counts, figures.by, figures.counts, categories);

    const int months = book.add_sheet("月度分类");
    add_heading(book, months, "月度分类统计 · Consultations by month and category", figures);
    add_month_by_category(book, months, figures.months, categories);

    const int ratings = book.add_sheet("满意度");
    add_heading(book, ratings, "满意度 · Satisfaction (好差评)", figures);
    add_counts(book, ratings, records::ReportBy::rating, figures.ratings, categories);
    add_satisfaction_rate(book, ratings, figures.ratings);

    if (auto closed = book.close(); !closed) {
        return refuse("--output: " + closed.error());
    }
    return {};
}

}  // namespace kiosk::ctl

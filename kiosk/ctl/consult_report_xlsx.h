#pragma once
// The monthly report as an Excel workbook: the figures asked for, the
// month-by-category table the report upward needs, and the ratings.

#include <filesystem>
#include <string>

#include "command_table.h"
#include "records/records_store.h"

namespace kiosk::ctl {

struct ConsultationFigures {
    std::string from;  // as staff gave them, YYYY-MM-DD
    std::string to;
    std::string time_zone;
    records::ReportBy by = records::ReportBy::category;
    records::CountReport counts;   // by `by`
    records::CountReport ratings;  // by rating
    records::MonthByCategory months;
};

// Sheets: 咨询统计 (the counts by `by` with their Chinese labels and the
// total), 月度分类 (months by the categories' Chinese names, totals per row
// and column), 满意度 (the ratings).
Outcome write_consultation_workbook(const ConsultationFigures& figures, const records::Categories& categories,
                                    const std::filesystem::path& file);

}  // namespace kiosk::ctl

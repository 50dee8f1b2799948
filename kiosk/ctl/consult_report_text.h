#pragma once
// What the consultation commands and reports share: the period staff name,
// the Chinese labels of what they count, and text made safe for a terminal
// table or a CSV file that Excel opens.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "command_table.h"
#include "records/records_store.h"

namespace kiosk::ctl {

// --from and --to as given, and the local days they name once checked.
struct Period {
    std::string from;
    std::string to;
    std::optional<scheduler::Date> first_day;
    std::optional<scheduler::Date> last_day;
};

// Both dates YYYY-MM-DD (each optional unless `required`), --to not before --from.
Outcome check_period(Period& period, bool required);

// What a report counts by, as staff name it: "day", ..., "rating".
std::optional<records::ReportBy> parse_report_by(std::string_view text);
const char* to_string(records::ReportBy by);
// The Chinese heading of the key column: 类别, 日期, 满意度, ...
const char* key_heading_zh(records::ReportBy by);
// The label of a report's key as the monthly report shows it: a category's
// Chinese name, "法律援助 / 劳动争议" for a topic, 满意 for a rating, 影音区
// for a zone; days, weeks and months as they are.
std::string key_label(records::ReportBy by, const std::string& key, const records::Categories& categories);
std::string zone_label(const std::string& zone);

// --- Terminal tables ---

// Columns `text` takes on a terminal: CJK and emoji two, combining marks none.
int display_width(std::string_view text);
// `text` on one line: control characters shown as their pictures (␊ for a
// line feed); direction overrides, C1 controls and text that is not UTF-8
// as U+FFFD.
std::string visible(std::string_view text);
// visible(text) cut to `columns` (ending in "…" when cut) and padded with
// spaces to exactly `columns`.
std::string column(std::string_view text, int columns);
// Right-aligned in `columns`.
std::string right(std::string_view text, int columns);

// --- CSV (RFC 4180) as Excel opens it: UTF-8 with a BOM, CRLF line ends ---

inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";
// One record: fields quoted when they hold a comma, quote, CR or LF, quotes
// doubled; ends in CRLF.
std::string csv_record(const std::vector<std::string>& fields);

// "12.5%": a share of a total, for tables and charts.
std::string share_text(std::int64_t count, std::int64_t total);

// `text` written to `file` whole, or refused with why. A file left half
// written by a full disk is removed, so a report is there complete or not at all.
Outcome write_file(const std::filesystem::path& file, std::string_view text);

}  // namespace kiosk::ctl

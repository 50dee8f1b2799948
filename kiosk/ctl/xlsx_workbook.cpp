#include "xlsx_workbook.h"

#include <xlsxwriter.h>

#include <algorithm>
#include <utility>

namespace kiosk::ctl {
namespace {

// Excel holds at most 32,767 UTF-16 units in a cell; libxlsxwriter refuses more.
constexpr std::size_t kMaxCellUnits = 32767;

// UTF-16 units of a UTF-8 character starting with `lead`, and its bytes.
std::pair<std::size_t, std::size_t> units_and_bytes(unsigned char lead) {
    const std::size_t bytes = lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    return {bytes == 4 ? 2 : 1, bytes};  // past the BMP: a surrogate pair
}

// `text` cut, at a character's boundary, to what a cell holds.
std::string cell_text(std::string_view text) {
    std::size_t total = 0;
    for (std::size_t at = 0; at < text.size();) {
        const auto [units, bytes] = units_and_bytes(static_cast<unsigned char>(text[at]));
        total += units;
        at += bytes;
    }
    if (total <= kMaxCellUnits) {
        return std::string(text);
    }
    std::size_t kept = 0;
    std::size_t at = 0;
    while (at < text.size()) {
        const auto [units, bytes] = units_and_bytes(static_cast<unsigned char>(text[at]));
        if (kept + units > kMaxCellUnits - 1) {  // one unit for the ellipsis
            break;
        }
        kept += units;
        at += bytes;
    }
    return std::string(text.substr(0, std::min(at, text.size()))) + "…";
}

lxw_format* make_format(lxw_workbook* workbook, CellStyle style) {
    lxw_format* format = workbook_add_format(workbook);
    if (format == nullptr) {
        return nullptr;
    }
    // Shading of headings: light grey prints well in black and white.
    constexpr lxw_color_t kHeadingShade = 0xE7E6E6;
    switch (style) {
        case CellStyle::plain:
            break;
        case CellStyle::title:
            format_set_bold(format);
            format_set_font_size(format, 14);
            break;
        case CellStyle::note:
            format_set_font_color(format, 0x595959);
            break;
        case CellStyle::heading:
            format_set_bold(format);
            format_set_pattern(format, LXW_PATTERN_SOLID);
            format_set_bg_color(format, kHeadingShade);
            format_set_border(format, LXW_BORDER_THIN);
            format_set_align(format, LXW_ALIGN_CENTER);
            break;
        case CellStyle::count:
            format_set_border(format, LXW_BORDER_THIN);
            format_set_num_format(format, "#,##0");
            break;
        case CellStyle::share:
            format_set_border(format, LXW_BORDER_THIN);
            format_set_num_format(format, "0.0%");
            break;
        case CellStyle::total_share:
            format_set_bold(format);
            format_set_border(format, LXW_BORDER_THIN);
            format_set_num_format(format, "0.0%");
            break;
        case CellStyle::total_label:
            format_set_bold(format);
            format_set_border(format, LXW_BORDER_THIN);
            break;
        case CellStyle::total_count:
            format_set_bold(format);
            format_set_border(format, LXW_BORDER_THIN);
            format_set_num_format(format, "#,##0");
            break;
        case CellStyle::label:
            format_set_border(format, LXW_BORDER_THIN);
            break;
    }
    return format;
}

constexpr int kStyleCount = static_cast<int>(CellStyle::label) + 1;

}  // namespace

void WorkbookDeleter::operator()(lxw_workbook* workbook) const {
    lxw_workbook_free(workbook);
}

tl::expected<XlsxWorkbook, std::string> XlsxWorkbook::create(const std::filesystem::path& file) {
    std::filesystem::path part = file;
    part += ".part";
    // A report is small: built in memory, no ZIP64.
    lxw_workbook_options options{};
    WorkbookPtr workbook(workbook_new_opt(part.c_str(), &options));
    if (!workbook) {
        return tl::unexpected(std::string("cannot start a workbook (out of memory?)"));
    }
    XlsxWorkbook made(std::move(workbook), file, std::move(part));
    for (int style = 0; style < kStyleCount; ++style) {
        lxw_format* format = make_format(made.m_workbook.get(), static_cast<CellStyle>(style));
        if (format == nullptr) {
            return tl::unexpected(std::string("cannot make the workbook's cell formats (out of memory?)"));
        }
        made.m_formats.push_back(format);
    }
    return made;
}

XlsxWorkbook::XlsxWorkbook(WorkbookPtr workbook, std::filesystem::path file, std::filesystem::path part)
    : m_workbook(std::move(workbook)), m_file(std::move(file)), m_part(std::move(part)) {}

XlsxWorkbook::XlsxWorkbook(XlsxWorkbook&&) noexcept = default;
XlsxWorkbook& XlsxWorkbook::operator=(XlsxWorkbook&&) noexcept = default;
XlsxWorkbook::~XlsxWorkbook() = default;

void XlsxWorkbook::check(int error, std::string_view doing) {
    if (error != LXW_NO_ERROR && m_failure.empty()) {
        m_failure = std::string(doing) + ": " + lxw_strerror(static_cast<lxw_error>(error));
    }
}

lxw_worksheet* XlsxWorkbook::sheet_at(int sheet) {
    if (sheet < 0 || static_cast<std::size_t>(sheet) >= m_sheets.size()) {
        if (m_failure.empty()) {
            m_failure = "no sheet " + std::to_string(sheet) + " in the workbook";
        }
        return nullptr;
    }
    return m_sheets[static_cast<std::size_t>(sheet)];
}

lxw_format* XlsxWorkbook::format(CellStyle style) const {
    return m_formats[static_cast<std::size_t>(style)];
}

int XlsxWorkbook::add_sheet(std::string_view name) {
    const std::string text(name);
    check(workbook_validate_sheet_name(m_workbook.get(), text.c_str()), "sheet name \"" + text + "\"");
    lxw_worksheet* sheet =
        m_failure.empty() ? workbook_add_worksheet(m_workbook.get(), text.c_str()) : nullptr;
    if (sheet == nullptr && m_failure.empty()) {
        m_failure = "cannot add the sheet \"" + text + "\"";
    }
    m_sheets.push_back(sheet);
    return static_cast<int>(m_sheets.size()) - 1;
}

void XlsxWorkbook::text(int sheet, int row, int column, std::string_view text, CellStyle style) {
    if (lxw_worksheet* target = sheet_at(sheet)) {
        const std::string cell = cell_text(text);
        check(worksheet_write_string(target, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                     cell.c_str(), format(style)),
              "writing a cell");
    }
}

void XlsxWorkbook::number(int sheet, int row, int column, double value, CellStyle style) {
    if (lxw_worksheet* target = sheet_at(sheet)) {
        check(worksheet_write_number(target, static_cast<lxw_row_t>(row), static_cast<lxw_col_t>(column),
                                     value, format(style)),
              "writing a cell");
    }
}

void XlsxWorkbook::column_width(int sheet, int first_column, int last_column, double width) {
    if (lxw_worksheet* target = sheet_at(sheet)) {
        check(worksheet_set_column(target, static_cast<lxw_col_t>(first_column),
                                   static_cast<lxw_col_t>(last_column), width, nullptr),
              "setting a column's width");
    }
}

void XlsxWorkbook::freeze_rows(int sheet, int rows) {
    if (lxw_worksheet* target = sheet_at(sheet)) {
        worksheet_freeze_panes(target, static_cast<lxw_row_t>(rows), 0);  // returns nothing
    }
}

tl::expected<void, std::string> XlsxWorkbook::close() {
    if (!m_workbook) {
        return tl::unexpected(std::string("the workbook was closed already"));
    }
    std::error_code ignored;
    if (!m_failure.empty()) {
        m_workbook.reset();
        return tl::unexpected(m_failure);
    }
    // workbook_close frees the workbook whatever it returns.
    const lxw_error written = workbook_close(m_workbook.release());
    if (written != LXW_NO_ERROR) {
        std::filesystem::remove(m_part, ignored);
        return tl::unexpected("cannot write " + m_file.string() + ": " + lxw_strerror(written));
    }
    std::error_code renamed;
    std::filesystem::rename(m_part, m_file, renamed);
    if (renamed) {
        std::filesystem::remove(m_part, ignored);
        return tl::unexpected("cannot write " + m_file.string() + ": " + renamed.message());
    }
    return {};
}

}  // namespace kiosk::ctl

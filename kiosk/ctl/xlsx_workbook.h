#pragma once
// An Excel workbook written with libxlsxwriter, for the reports staff send
// upward. The workbook is built in memory and written whole by close(), to
// a file beside the one named and then renamed over it, so the file is a
// complete workbook or is not there. A failed step is remembered and
// reported by close(): a caller writes its cells, then asks once.

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

// libxlsxwriter's handles, kept out of the callers' sight.
struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace kiosk::ctl {

struct WorkbookDeleter {
    void operator()(lxw_workbook* workbook) const;
};
using WorkbookPtr = std::unique_ptr<lxw_workbook, WorkbookDeleter>;

// How a cell looks.
enum class CellStyle {
    plain,        // text
    title,        // the sheet's title, large and bold
    note,         // a line under the title: the period, the time zone
    heading,      // a column's heading: bold, shaded, bordered
    count,        // a whole number, bordered
    share,        // a fraction shown as a percentage, bordered
    total_label,  // "合计", bold
    total_count,  // a total, bold
    total_share,  // a total's percentage, bold
    label,        // a row's label, bordered
};

class XlsxWorkbook {
  public:
    // A workbook to be written to `file` by close(). Fails only when
    // libxlsxwriter cannot start one (no memory).
    static tl::expected<XlsxWorkbook, std::string> create(const std::filesystem::path& file);

    XlsxWorkbook(XlsxWorkbook&&) noexcept;
    XlsxWorkbook& operator=(XlsxWorkbook&&) noexcept;
    ~XlsxWorkbook();

    // A new sheet at the end; its index for the calls below. Names are at
    // most 31 characters, without []:*?/\.
    int add_sheet(std::string_view name);
    // Text is cut to Excel's 32,767 characters a cell (ending in "…").
    void text(int sheet, int row, int column, std::string_view text, CellStyle style = CellStyle::plain);
    void number(int sheet, int row, int column, double value, CellStyle style = CellStyle::count);
    // Widths in Excel's units (characters of its default font).
    void column_width(int sheet, int first_column, int last_column, double width);
    // Rows above `rows` stay in sight while the rest scrolls.
    void freeze_rows(int sheet, int rows);

    // Writes the file; the first failure of any step before, or of writing.
    tl::expected<void, std::string> close();

  private:
    XlsxWorkbook(WorkbookPtr workbook, std::filesystem::path file, std::filesystem::path part);
    lxw_worksheet* sheet_at(int sheet);
    lxw_format* format(CellStyle style) const;
    // Keeps the first failure, for close().
    void check(int error, std::string_view doing);

    WorkbookPtr m_workbook;
    std::filesystem::path m_file;
    std::filesystem::path m_part;  // written first, then renamed to m_file
    std::vector<lxw_worksheet*> m_sheets;
    std::vector<lxw_format*> m_formats;  // by CellStyle; owned by the workbook
    std::string m_failure;
};

}  // namespace kiosk::ctl

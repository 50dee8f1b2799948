#pragma once
// What the consultation tests share: a hall's data directory and
// configuration in a temporary folder, kioskctl run on them, hostile texts,
// and readers of the CSV and Excel files kioskctl writes, written here
// independently of kioskctl's own code.

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

#include "process.h"

namespace kiosk::test {

// A temporary hall: DIR/data (made by kioskctl) and DIR/kiosk.toml.
class ConsultHall : public ::testing::Test {
  protected:
    void SetUp() override;
    void TearDown() override;

    // kioskctl --data-dir DIR/data --config DIR/kiosk.toml ARGUMENTS...
    ProcessResult kioskctl(const std::vector<std::string>& arguments) const;
    // Rewrites the configuration (the default: time_zone only).
    void configure(const std::string& toml) const;
    std::filesystem::path write(const std::string& name, const std::string& bytes) const;
    std::filesystem::path data_dir() const { return m_dir / "data"; }

    std::filesystem::path m_dir;
};

// Texts that have broken tools before, each with a name for messages:
// quotes, SQL, every control character but NUL, emoji, right-to-left text
// and bidirectional overrides, a 10 kB string. All valid UTF-8.
std::vector<std::pair<std::string, std::string>> hostile_texts();

// RFC 4180 records of `text` (a UTF-8 BOM at the start dropped).
std::vector<std::vector<std::string>> parse_csv(std::string text);
// "a,\"b\"\"c\"\r\n": a record as RFC 4180 writes it, for import files.
std::string csv_line(const std::vector<std::string>& fields);

// python3 is there to open workbooks with (its zipfile and XML parser).
bool have_python();

struct WorkbookText {
    std::vector<std::string> sheets;   // sheet names, in order
    std::vector<std::string> strings;  // the shared strings, Excel's _xHHHH_ escapes decoded
    // Each sheet's cells by reference ("B4"): text, or a number as written ("12", "0.5").
    std::vector<std::map<std::string, std::string>> cells;
};
// Opens an .xlsx as a zip and reads it with python3's XML parser: a file
// that is not a zip or whose XML does not parse fails the test.
WorkbookText read_workbook(const std::filesystem::path& file);

}  // namespace kiosk::test

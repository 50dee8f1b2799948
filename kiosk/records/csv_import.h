#pragma once
// The desk's earlier logs, as `kioskctl consult import` reads them: RFC 4180
// CSV in UTF-8 (with or without a BOM), a header row naming the columns
// at,category,topic,zone,channel,note (in any order; at and category
// required). Every bad row is reported with its line; a file with any is
// imported not at all.

#include <string>
#include <string_view>
#include <vector>

#include <date/tz.h>
#include <tl/expected.hpp>

#include "records/categories.h"
#include "records/records_store.h"

namespace kiosk::records {

struct ImportProblem {
    int line = 0;  // 1-based line of the file where the row starts
    std::string message;
};

tl::expected<std::vector<ImportRow>, std::vector<ImportProblem>> read_consultation_csv(
    std::string_view bytes, const Categories& categories, const date::time_zone& tz);

// The SHA-256 of a file's bytes, in hex: which file the desk imported.
std::string sha256_hex(std::string_view bytes);

// ISO 8601 with the offset the record was made at: "2026-12-07T10:00:00+08:00".
std::string format_with_offset(Instant at, int utc_offset_minutes);

}  // namespace kiosk::records

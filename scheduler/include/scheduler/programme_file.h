#pragma once
// The whole programme (playlists, rules, interrupts, zones' defaults and
// closed hours) as one human-editable JSON or TOML file: `kioskctl schedule
// export FILE` / `import FILE`. Media are named, not included: they must be
// in the library already. The format is in scheduler/README.md, an example
// in deploy/examples/programme.toml and programme.json.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "scheduler/calendar.h"
#include "scheduler/error.h"
#include "scheduler/imported_programme.h"
#include "scheduler/programme.h"

namespace scheduler {

enum class ProgrammeFormat { json, toml };

// By extension (.json, .toml); else by content (a leading '{' is JSON).
ProgrammeFormat guess_programme_format(const std::filesystem::path& file, std::string_view text);

// Reads and checks a programme file against the media library, strictly:
// any error refuses the whole file, and every problem is reported (the first
// hundred), each with its place and reason. `file_name` is used in the
// places. Refused before anything else: an empty text, and one nested deeper
// than content::kMaxNestingDepth. A key given twice in one table, a number
// out of its range (limits.h) and a file with no programme in it (no
// playlists, rules, interrupts, closed hours or zone settings) are errors.
// The checks are programme_check's (CheckPolicy::whole_file), the same as
// every staff edit's, so whatever the store holds imports back.
tl::expected<ImportedProgramme, std::vector<FileProblem>> parse_programme(
    std::string_view text, ProgrammeFormat format, std::string_view file_name,
    const std::vector<MediaFile>& library, const date::time_zone& tz,
    std::chrono::milliseconds still_time = kDefaultStillTime);

// The text of a programme file: a regular file (not a FIFO, a device or a
// folder) of at most kMaxProgrammeFileBytes, read without blocking. The
// problem says why it cannot be read ("permission denied", ...).
tl::expected<std::string, FileProblem> read_programme_text(const std::filesystem::path& file);

// read_programme_text, then parse_programme.
tl::expected<ImportedProgramme, std::vector<FileProblem>> read_programme_file(
    const std::filesystem::path& file, const std::vector<MediaFile>& library, const date::time_zone& tz,
    std::chrono::milliseconds still_time = kDefaultStillTime);

// The programme as file text; importing it gives the same programme back.
std::string format_programme(const Programme& programme, ProgrammeFormat format);

// Writes format_programme to `file` (format by extension, TOML when unknown):
// beside it, synced, then renamed over it. Refused when `file` is there but
// not a regular file, and (conflict) when the text would be too large to
// import again. The error says why.
tl::expected<void, Error> write_programme_file(const std::filesystem::path& file, const Programme& programme);

}  // namespace scheduler

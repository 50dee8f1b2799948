#pragma once
// Internal: how programme values are written in files, shared by the JSON
// and TOML writers so both say exactly the same thing.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "scheduler/imported_programme.h"
#include "scheduler/programme.h"

namespace scheduler::detail {

inline constexpr const char* kFormatName = "pcw-programme";
inline constexpr int kFormatVersion = 1;

// The zones of a programme that have settings or anything scheduled, in the hall's order.
std::vector<std::string> zones_in_use(const Programme& programme);

// Problems shown of a file: enough to fix it by; a hostile file could otherwise fill the screen for hours.
inline constexpr std::size_t kMostShownProblems = 100;

// The line after the first kMostShownProblems: "and 12 more problems, not shown: ...".
FileProblem unshown_problems(Severity severity, std::string_view file_name, std::size_t more);

// The first problems of a long list, and a last line saying how many more there are.
std::vector<FileProblem> at_most_shown(std::vector<FileProblem> problems, std::string_view file_name);

// Writes `text` to `file` (created or truncated, never through a FIFO or a
// symbolic link) and syncs it to disk; the error is the reason.
tl::expected<void, std::string> write_synced(const std::filesystem::path& file, std::string_view text);

// A playlist's name for a reference; "" when unknown.
std::string playlist_name(const Programme& programme, PlaylistId id);

// The programme as file text, by the adapters (json_programme_file.cpp, toml_programme_file.cpp).
std::string format_json_programme(const Programme& programme);
std::string format_toml_programme(const Programme& programme);

}  // namespace scheduler::detail

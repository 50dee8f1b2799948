#pragma once
// Internal: gives a programme file's tree its meaning and checks it, the same
// for JSON and TOML.

#include <chrono>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "programme_files/file_tree.h"
#include "scheduler/calendar.h"
#include "scheduler/imported_programme.h"
#include "scheduler/programme.h"

namespace scheduler::detail {

// `style` names the fields' places as the file's format does; `file_name`
// is used in them. The checks are programme_check's (CheckPolicy::whole_file).
tl::expected<ImportedProgramme, std::vector<FileProblem>> read_programme_tree(
    const FileNode& root, PathStyle style, std::string_view file_name, const std::vector<MediaFile>& library,
    const date::time_zone& tz, std::chrono::milliseconds still_time);

}  // namespace scheduler::detail

#pragma once
// What reading a programme file gives: the programme and its warnings, or
// every problem with its place in the file. Shared by the file's readers
// (JSON, TOML and the reader that gives their tree its meaning) and by
// programme_file.h, which puts them together.

#include <string>
#include <vector>

#include "scheduler/programme.h"
#include "scheduler/programme_check.h"

namespace scheduler {

// A problem with a place in the file: "programme.toml:23:7" and the field
// path "rules[2].to" (TOML), or the JSON pointer "/rules/2/to" (JSON, whose
// syntax errors also give line:column).
struct FileProblem {
    Severity severity = Severity::error;
    std::string where;  // file, line:column and/or field path
    std::string message;
};

struct ImportedProgramme {
    // Playlists, rules, interrupts, closed hours and zones; ids numbered
    // from 1 in file order (later rules are newer). Media are the library's.
    Programme programme;
    std::vector<FileProblem> warnings;
};

std::string to_string(const FileProblem& problem);  // "where: error: message"

}  // namespace scheduler

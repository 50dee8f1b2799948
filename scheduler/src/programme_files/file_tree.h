#pragma once
// Internal: a programme file as a plain tree, the same for JSON and TOML, so
// the reader that gives it meaning (programme_reader.h) is written once. The
// adapters (json_programme_file.cpp, toml_programme_file.cpp) build it.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <tl/expected.hpp>

#include "scheduler/imported_programme.h"

namespace scheduler::detail {

struct FileNode {
    enum class Type { string, integer, floating, boolean, array, table, other };

    Type type = Type::other;
    std::string string;  // a string's text; a number as the file writes it (for messages)
    std::int64_t integer = 0;
    // A whole number beyond what 64 bits hold: `integer` is the nearest that
    // fits, so any range check refuses it; `string` has the number itself.
    bool beyond_range = false;
    double floating = 0.0;
    bool boolean = false;
    std::vector<FileNode> elements;                         // array
    std::vector<std::pair<std::string, FileNode>> members;  // table, in file order where the format keeps it
    int line = 0;  // 1-based; 0 when the format does not say (JSON values)
    int column = 0;

    const FileNode* member(std::string_view key) const;
};

const char* type_name(FileNode::Type type);

// How a format names a field's place: JSON pointer "/rules/2/to" or TOML's "rules[2].to".
enum class PathStyle { json_pointer, dotted };

// A key as it is shown in a field's place: as it is when short and plain,
// else quoted and cut short (see message_text.h).
std::string shown_key(std::string_view key);

// The trees below nest at most content::kMaxNestingDepth levels: deeper text
// is refused with its place before a tree is built, so neither building nor
// destroying one recurses deeper than that.
tl::expected<FileNode, std::vector<FileProblem>> parse_json_tree(std::string_view text,
                                                                 std::string_view file_name);
tl::expected<FileNode, std::vector<FileProblem>> parse_toml_tree(std::string_view text,
                                                                 std::string_view file_name);

// "file:line:column" of byte `offset` of `text` (columns in characters).
std::string text_place(std::string_view file_name, std::string_view text, std::size_t offset);

}  // namespace scheduler::detail

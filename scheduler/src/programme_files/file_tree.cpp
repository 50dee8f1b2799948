#include "programme_files/file_tree.h"

#include <algorithm>

#include "content/bounded_input.h"
#include "content/message_text.h"

namespace scheduler::detail {

const FileNode* FileNode::member(std::string_view key) const {
    for (const auto& [name, node] : members) {
        if (name == key) {
            return &node;
        }
    }
    return nullptr;
}

const char* type_name(FileNode::Type type) {
    switch (type) {
        case FileNode::Type::string:
            return "a string";
        case FileNode::Type::integer:
            return "a whole number";
        case FileNode::Type::floating:
            return "a number";
        case FileNode::Type::boolean:
            return "true or false";
        case FileNode::Type::array:
            return "a list";
        case FileNode::Type::table:
            return "a table";
        case FileNode::Type::other:
            return "a date or other value";
    }
    return "a value";
}

std::string shown_key(std::string_view key) {
    // Long enough for any real key; a longer one is shown cut short.
    constexpr std::size_t kPlainKeyBytes = 60;
    const bool plain =
        key.size() <= kPlainKeyBytes && !key.empty() && std::all_of(key.begin(), key.end(), [](char c) {
            return static_cast<unsigned char>(c) >= 0x20 && c != 0x7F && c != '"' && c != '\\';
        });
    return plain ? std::string(key) : content::quoted_text(key);
}

std::string text_place(std::string_view file_name, std::string_view text, std::size_t offset) {
    const content::TextPlace place = content::text_place(text, offset);
    return std::string(file_name) + ":" + std::to_string(place.line) + ":" + std::to_string(place.column);
}

}  // namespace scheduler::detail

#include "file_tree.h"

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

std::pair<int, int> line_and_column(std::string_view text, std::size_t offset) {
    int line = 1;
    int column = 1;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return {line, column};
}

}  // namespace scheduler::detail

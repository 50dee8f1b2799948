#pragma once
// Where each value of a JSON text starts, by JSON pointer. nlohmann::json
// keeps no positions, and a staff member fixing a manifest needs the line and
// column of the field the check complains about.

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace content {

struct TextPosition {
    int line = 0;    // 1-based; 0 when unknown
    int column = 0;  // 1-based, in characters (a Chinese character is one column)
};

class JsonPositions {
  public:
    // One pass over `text`. Never fails: on text that is not JSON it keeps
    // the positions found before the fault.
    static JsonPositions index(std::string_view text);

    // Line and column of byte `offset` of `text` (an offset past the end is
    // the end). A UTF-8 byte order mark takes no column.
    static TextPosition position_of(std::string_view text, std::size_t offset);

    // Where the value at `pointer` starts; for a pointer the text does not
    // hold (a missing field), where its nearest enclosing value starts.
    TextPosition find(std::string_view pointer) const;
    bool contains(std::string_view pointer) const;

    // A key given twice in one object: nlohmann::json keeps the last value
    // silently, so the check has to say so. The position is the repeat's;
    // the first kMaxRepeatedKeys are kept.
    struct RepeatedKey {
        std::string pointer;
        TextPosition position;
    };
    static constexpr std::size_t kMaxRepeatedKeys = 100;
    const std::vector<RepeatedKey>& repeated_keys() const { return m_repeated_keys; }

  private:
    friend class JsonPositionScanner;

    // Each placed value once, under its parent: memory in proportion to the
    // text, however deep its values' pointers would be written out.
    struct Node {
        std::size_t parent = 0;
        std::string token;  // its reference token under the parent (a key, or an index)
        TextPosition position;
    };
    static std::string child_key(std::size_t parent, std::string_view token);
    // The node at `pointer`, or the deepest node on its way and false.
    std::pair<std::size_t, bool> walk(std::string_view pointer) const;
    std::string pointer_of(std::size_t node) const;

    std::vector<Node> m_nodes;                                // m_nodes[0] is the whole text's value
    std::unordered_map<std::string, std::size_t> m_children;  // child_key(parent, token) -> node
    std::vector<RepeatedKey> m_repeated_keys;
};

// An object key as one JSON pointer reference token ("a/b" becomes "a~1b").
std::string json_pointer_token(std::string_view key);

// `pointer` as a message shows it: each token longer than a key a person
// would write cut to its start ("/zones/aaaa…/id"), so a hostile key of
// megabytes costs a message no more than a line.
std::string shown_pointer(std::string_view pointer);

}  // namespace content

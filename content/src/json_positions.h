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
    // silently, so the check has to say so. The position is the repeat's.
    struct RepeatedKey {
        std::string pointer;
        TextPosition position;
    };
    const std::vector<RepeatedKey>& repeated_keys() const { return m_repeated_keys; }

  private:
    friend class JsonPositionScanner;

    std::unordered_map<std::string, TextPosition> m_positions;
    std::vector<RepeatedKey> m_repeated_keys;
};

// An object key as one JSON pointer reference token ("a/b" becomes "a~1b").
std::string json_pointer_token(std::string_view key);

}  // namespace content

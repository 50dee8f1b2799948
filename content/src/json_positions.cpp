#include "json_positions.h"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace content {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
// Values nested deeper than this are not placed. A manifest is about ten
// deep; pointers to deeper values would cost memory by the square of the
// depth of a hostile text.
constexpr std::size_t kMaxPlacedDepth = 64;

bool is_continuation_byte(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Where each line starts, so the many positions of one pass cost a binary
// search and a walk along one line each.
class LineStarts {
  public:
    explicit LineStarts(std::string_view text) : m_text(text) {
        m_starts.push_back(0);
        for (std::size_t at = 0; at < text.size(); ++at) {
            if (text[at] == '\n') {
                m_starts.push_back(at + 1);
            }
        }
    }

    TextPosition at(std::size_t offset) const {
        offset = std::min(offset, m_text.size());
        const auto after = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
        const std::size_t line_start = *(after - 1);
        int column = 1;
        for (std::size_t at = line_start; at < offset; ++at) {
            column += is_continuation_byte(m_text[at]) ? 0 : 1;
        }
        if (line_start == 0 && offset >= kByteOrderMark.size() && m_text.starts_with(kByteOrderMark)) {
            --column;
        }
        return TextPosition{static_cast<int>(after - m_starts.begin()), column};
    }

  private:
    std::string_view m_text;
    std::vector<std::size_t> m_starts;
};

void append_utf8(std::string& out, std::uint32_t code_point) {
    if (code_point < 0x80) {
        out += static_cast<char>(code_point);
    } else if (code_point < 0x800) {
        out += static_cast<char>(0xC0 | (code_point >> 6));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else if (code_point < 0x10000) {
        out += static_cast<char>(0xE0 | (code_point >> 12));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (code_point >> 18));
        out += static_cast<char>(0x80 | ((code_point >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((code_point >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code_point & 0x3F));
    }
}

}  // namespace

// The one pass. Iterative, with its own stack of open containers, so a
// deeply nested text cannot exhaust the call stack.
class JsonPositionScanner {
  public:
    JsonPositionScanner(std::string_view text, JsonPositions& positions)
        : m_text(text), m_lines(text), m_positions(positions) {}

    void scan() {
        if (m_text.starts_with(kByteOrderMark)) {
            m_at = kByteOrderMark.size();
        }
        std::string pointer;  // of the value about to be read
        while (true) {
            skip_space();
            if (m_at >= m_text.size()) {
                return;
            }
            record(pointer);
            const char c = m_text[m_at];
            bool just_opened = false;
            if (c == '{' || c == '[') {
                ++m_at;
                m_open.push_back(Container{pointer, c == '[', 0, {}});
                just_opened = true;
            } else if (!skip_scalar()) {
                return;
            }
            if (!find_next_value(pointer, just_opened)) {
                return;
            }
        }
    }

  private:
    struct Container {
        std::string pointer;
        bool is_array = false;
        std::size_t count = 0;          // array elements so far
        std::vector<std::string> keys;  // object keys so far, to notice a repeat
    };

    void skip_space() {
        while (m_at < m_text.size() && is_space(m_text[m_at])) {
            ++m_at;
        }
    }

    void record(const std::string& pointer) {
        if (m_open.size() > kMaxPlacedDepth) {
            return;
        }
        const TextPosition position = m_lines.at(m_at);
        m_positions.m_positions[pointer] = position;
        if (m_repeat_pending) {
            m_positions.m_repeated_keys.push_back({pointer, position});
            m_repeat_pending = false;
        }
    }

    // Closes finished containers and moves to the next member; false when
    // the text ends (well-formed or not).
    bool find_next_value(std::string& pointer, bool just_opened) {
        while (!m_open.empty()) {
            Container& container = m_open.back();
            skip_space();
            if (m_at >= m_text.size()) {
                return false;
            }
            if (m_text[m_at] == (container.is_array ? ']' : '}')) {
                ++m_at;
                m_open.pop_back();
                just_opened = false;
                continue;
            }
            if (!just_opened) {
                if (m_text[m_at] != ',') {
                    return false;
                }
                ++m_at;
                skip_space();
            }
            const bool placed = m_open.size() <= kMaxPlacedDepth;
            if (container.is_array) {
                pointer =
                    placed ? container.pointer + "/" + std::to_string(container.count++) : std::string();
                return true;
            }
            std::optional<std::string> key = read_string();
            skip_space();
            if (!key || m_at >= m_text.size() || m_text[m_at] != ':') {
                return false;
            }
            ++m_at;
            m_repeat_pending =
                std::find(container.keys.begin(), container.keys.end(), *key) != container.keys.end();
            pointer = placed ? container.pointer + "/" + json_pointer_token(*key) : std::string();
            container.keys.push_back(std::move(*key));
            return true;
        }
        return false;
    }

    bool skip_scalar() {
        if (m_text[m_at] == '"') {
            return read_string().has_value();
        }
        const std::size_t start = m_at;
        while (m_at < m_text.size() && !is_space(m_text[m_at]) && m_text[m_at] != ',' &&
               m_text[m_at] != ']' && m_text[m_at] != '}') {
            ++m_at;
        }
        return m_at > start;
    }

    std::optional<std::uint32_t> read_hex4() {
        if (m_text.size() - m_at < 4) {
            return std::nullopt;
        }
        std::uint32_t value = 0;
        for (int i = 0; i < 4; ++i) {
            const char c = m_text[m_at++];
            value <<= 4;
            if (c >= '0' && c <= '9') {
                value |= static_cast<std::uint32_t>(c - '0');
            } else if (c >= 'a' && c <= 'f') {
                value |= static_cast<std::uint32_t>(c - 'a' + 10);
            } else if (c >= 'A' && c <= 'F') {
                value |= static_cast<std::uint32_t>(c - 'A' + 10);
            } else {
                return std::nullopt;
            }
        }
        return value;
    }

    // A string at m_at, escapes decoded; keys must be decoded to build the
    // same pointer the reader builds from nlohmann's keys.
    std::optional<std::string> read_string() {
        if (m_at >= m_text.size() || m_text[m_at] != '"') {
            return std::nullopt;
        }
        ++m_at;
        std::string value;
        while (m_at < m_text.size()) {
            const char c = m_text[m_at++];
            if (c == '"') {
                return value;
            }
            if (c != '\\') {
                value += c;
                continue;
            }
            if (m_at >= m_text.size()) {
                return std::nullopt;
            }
            const char escaped = m_text[m_at++];
            switch (escaped) {
                case 'b':
                    value += '\b';
                    break;
                case 'f':
                    value += '\f';
                    break;
                case 'n':
                    value += '\n';
                    break;
                case 'r':
                    value += '\r';
                    break;
                case 't':
                    value += '\t';
                    break;
                case 'u': {
                    auto unit = read_hex4();
                    if (!unit) {
                        return std::nullopt;
                    }
                    std::uint32_t code_point = *unit;
                    // A high surrogate followed by "\uDC00".."\uDFFF" is one character.
                    if (code_point >= 0xD800 && code_point <= 0xDBFF && m_text.substr(m_at, 2) == "\\u") {
                        m_at += 2;
                        auto low = read_hex4();
                        if (!low || *low < 0xDC00 || *low > 0xDFFF) {
                            return std::nullopt;
                        }
                        code_point = 0x10000 + ((code_point - 0xD800) << 10) + (*low - 0xDC00);
                    }
                    append_utf8(value, code_point);
                    break;
                }
                default:
                    value += escaped;
                    break;  // '"', '\\' and '/' stand for themselves
            }
        }
        return std::nullopt;
    }

    std::string_view m_text;
    LineStarts m_lines;
    JsonPositions& m_positions;
    std::size_t m_at = 0;
    std::vector<Container> m_open;
    bool m_repeat_pending = false;
};

JsonPositions JsonPositions::index(std::string_view text) {
    JsonPositions positions;
    JsonPositionScanner(text, positions).scan();
    return positions;
}

TextPosition JsonPositions::position_of(std::string_view text, std::size_t offset) {
    return LineStarts(text).at(offset);
}

TextPosition JsonPositions::find(std::string_view pointer) const {
    while (true) {
        if (auto found = m_positions.find(std::string(pointer)); found != m_positions.end()) {
            return found->second;
        }
        if (pointer.empty()) {
            return {};
        }
        const std::size_t slash = pointer.rfind('/');
        pointer = pointer.substr(0, slash == std::string_view::npos ? 0 : slash);
    }
}

bool JsonPositions::contains(std::string_view pointer) const {
    return m_positions.contains(std::string(pointer));
}

std::string json_pointer_token(std::string_view key) {
    std::string token;
    token.reserve(key.size());
    for (const char c : key) {
        if (c == '~') {
            token += "~0";
        } else if (c == '/') {
            token += "~1";
        } else {
            token += c;
        }
    }
    return token;
}

}  // namespace content

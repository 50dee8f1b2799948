#include "json_positions.h"

#include <algorithm>
#include <cstdint>
#include <optional>

namespace content {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
// Values nested deeper than this are not placed. A manifest is about ten
// deep, and the reader refuses one nested past content::kMaxNestingDepth
// before asking for positions; this bounds the scanner on its own.
constexpr std::size_t kMaxPlacedDepth = 64;

bool is_continuation_byte(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

// Where each line starts, so the positions of one pass cost a binary search
// each; positions asked for in increasing order along one line (a manifest
// written on one line) are counted on from the last, not from the line's start.
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

    TextPosition at(std::size_t offset) {
        offset = std::min(offset, m_text.size());
        const auto after = std::upper_bound(m_starts.begin(), m_starts.end(), offset);
        const std::size_t line_start = *(after - 1);
        if (m_counted_line_start != line_start || m_counted_to > offset) {
            m_counted_line_start = line_start;
            m_counted_to = line_start;
            m_column = 1;
            if (line_start == 0 && m_text.starts_with(kByteOrderMark)) {
                m_counted_to = kByteOrderMark.size();
            }
        }
        for (; m_counted_to < offset; ++m_counted_to) {
            m_column += is_continuation_byte(m_text[m_counted_to]) ? 0 : 1;
        }
        return TextPosition{static_cast<int>(after - m_starts.begin()), m_column};
    }

  private:
    std::string_view m_text;
    std::vector<std::size_t> m_starts;
    // The column of m_counted_to, on the line starting at m_counted_line_start.
    std::size_t m_counted_line_start = std::string_view::npos;
    std::size_t m_counted_to = 0;
    int m_column = 1;
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
        // Where the value about to be read goes: under `parent` as `token`
        // (the root value has no parent).
        std::optional<std::size_t> parent;
        std::string token;
        while (true) {
            skip_space();
            if (m_at >= m_text.size()) {
                return;
            }
            const std::optional<std::size_t> node = record(parent, token);
            const char c = m_text[m_at];
            bool just_opened = false;
            if (c == '{' || c == '[') {
                ++m_at;
                m_open.push_back(Container{node, c == '[', 0});
                just_opened = true;
            } else if (!skip_scalar()) {
                return;
            }
            if (!find_next_value(parent, token, just_opened)) {
                return;
            }
        }
    }

  private:
    struct Container {
        std::optional<std::size_t> node;  // none when it is not placed (too deep)
        bool is_array = false;
        std::size_t count = 0;  // array elements so far
    };

    void skip_space() {
        while (m_at < m_text.size() && is_space(m_text[m_at])) {
            ++m_at;
        }
    }

    // Places the value starting at m_at; its node, or none when its
    // container is not placed.
    std::optional<std::size_t> record(std::optional<std::size_t> parent, const std::string& token) {
        std::vector<JsonPositions::Node>& nodes = m_positions.m_nodes;
        if (nodes.empty()) {
            nodes.push_back(JsonPositions::Node{0, "", m_lines.at(m_at)});
            return 0;
        }
        if (!parent || m_open.size() > kMaxPlacedDepth) {
            return std::nullopt;
        }
        const TextPosition position = m_lines.at(m_at);
        const auto [found, added] =
            m_positions.m_children.try_emplace(JsonPositions::child_key(*parent, token), nodes.size());
        if (!added) {
            // A repeat: the pointer now leads to it (nlohmann keeps the last
            // value), as a new node, so its members are not repeats of the first's.
            found->second = nodes.size();
            if (m_positions.m_repeated_keys.size() < JsonPositions::kMaxRepeatedKeys) {
                nodes.push_back(JsonPositions::Node{*parent, token, position});
                m_positions.m_repeated_keys.push_back({m_positions.pointer_of(nodes.size() - 1), position});
                return nodes.size() - 1;
            }
        }
        nodes.push_back(JsonPositions::Node{*parent, token, position});
        return nodes.size() - 1;
    }

    // Closes finished containers and moves to the next member; false when
    // the text ends (well-formed or not).
    bool find_next_value(std::optional<std::size_t>& parent, std::string& token, bool just_opened) {
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
            parent = container.node;
            if (container.is_array) {
                token = std::to_string(container.count++);
                return true;
            }
            std::optional<std::string> key = read_string();
            skip_space();
            if (!key || m_at >= m_text.size() || m_text[m_at] != ':') {
                return false;
            }
            ++m_at;
            token = json_pointer_token(*key);
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
};

JsonPositions JsonPositions::index(std::string_view text) {
    JsonPositions positions;
    JsonPositionScanner(text, positions).scan();
    return positions;
}

TextPosition JsonPositions::position_of(std::string_view text, std::size_t offset) {
    return LineStarts(text).at(offset);
}

std::string JsonPositions::child_key(std::size_t parent, std::string_view token) {
    return std::to_string(parent) + "/" + std::string(token);
}

std::pair<std::size_t, bool> JsonPositions::walk(std::string_view pointer) const {
    std::size_t node = 0;
    while (!pointer.empty()) {
        pointer.remove_prefix(1);  // the '/'
        const std::size_t slash = pointer.find('/');
        const std::string_view token = pointer.substr(0, slash);
        const auto found = m_children.find(child_key(node, token));
        if (found == m_children.end()) {
            return {node, false};
        }
        node = found->second;
        pointer = slash == std::string_view::npos ? std::string_view() : pointer.substr(slash);
    }
    return {node, true};
}

std::string JsonPositions::pointer_of(std::size_t node) const {
    std::vector<const std::string*> tokens;
    for (; node != 0; node = m_nodes[node].parent) {
        tokens.push_back(&m_nodes[node].token);
    }
    std::string pointer;
    for (auto token = tokens.rbegin(); token != tokens.rend(); ++token) {
        pointer += "/" + shown_pointer(**token);
    }
    return pointer;
}

TextPosition JsonPositions::find(std::string_view pointer) const {
    if (m_nodes.empty()) {
        return {};
    }
    return m_nodes[walk(pointer).first].position;
}

bool JsonPositions::contains(std::string_view pointer) const {
    return !m_nodes.empty() && walk(pointer).second;
}

std::string shown_pointer(std::string_view pointer) {
    // Characters of one token shown: more than any real key or id has.
    constexpr std::size_t kShownTokenCharacters = 60;
    std::string shown;
    std::size_t characters = 0;  // of the token being copied
    for (const char c : pointer) {
        if (c == '/') {
            characters = 0;
            shown += c;
            continue;
        }
        characters += is_continuation_byte(c) ? 0 : 1;
        if (characters <= kShownTokenCharacters) {
            shown += c;
        } else if (characters == kShownTokenCharacters + 1 && !is_continuation_byte(c)) {
            shown += "…";
        }
    }
    return shown;
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

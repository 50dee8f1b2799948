#include "ui/line_breaking.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

#include "ui/utf8.h"

namespace kiosk::ui {
namespace {

// The most characters measured as one piece. A longer word is measured in
// parts this long whose widths add up, and only as far as a line could hold
// it: fitting a line then costs what the line holds, however long the word.
constexpr std::size_t kMaxPieceCharacters = 64;
// How many characters that may not start a line may hang past a line's end
// when nothing can go down with them; a longer run of them (more than any
// line can take) is broken like any other text.
constexpr std::size_t kMaxHangingCharacters = 3;

// How a character takes part in breaking.
enum class BreakClass : std::uint8_t {
    word,         // Latin letters, digits and other characters that stay with their neighbours
    space,        // a line may break after it; not counted at a line's end
    ideographic,  // Han, kana, hangul, fullwidth forms, CJK punctuation: a break unit of its own
    glue,         // combining marks, joiners, variation selectors: never parted from what precedes
    new_line,
};

// Closing punctuation and marks that belong to what precedes them: no line
// starts with one. Sorted, for binary search.
constexpr auto kNoLineStart = std::to_array<char32_t>(
    {U'!',      U'%',      U')',      U',',      U'.',      U':',      U';',      U'?',      U']',
     U'}',      U'\u00B7', U'\u2014', U'\u2019', U'\u201D', U'\u2025', U'\u2026', U'\u2030', U'\u203C',
     U'\u2047', U'\u2048', U'\u2049', U'\u2103', U'\u3001', U'\u3002', U'\u3003', U'\u3005', U'\u3009',
     U'\u300B', U'\u300D', U'\u300F', U'\u3011', U'\u3015', U'\u3017', U'\u3019', U'\u301B', U'\u301C',
     U'\u301E', U'\u301F', U'\u303B', U'\u3041', U'\u3043', U'\u3045', U'\u3047', U'\u3049', U'\u3063',
     U'\u3083', U'\u3085', U'\u3087', U'\u308E', U'\u3095', U'\u3096', U'\u309D', U'\u309E', U'\u30A1',
     U'\u30A3', U'\u30A5', U'\u30A7', U'\u30A9', U'\u30C3', U'\u30E3', U'\u30E5', U'\u30E7', U'\u30EE',
     U'\u30F5', U'\u30F6', U'\u30FB', U'\u30FC', U'\u30FD', U'\u30FE', U'\uFE50', U'\uFE51', U'\uFE52',
     U'\uFE54', U'\uFE55', U'\uFE56', U'\uFE57', U'\uFE5A', U'\uFE5C', U'\uFE5E', U'\uFF01', U'\uFF05',
     U'\uFF09', U'\uFF0C', U'\uFF0E', U'\uFF1A', U'\uFF1B', U'\uFF1F', U'\uFF3D', U'\uFF5D', U'\uFF5E',
     U'\uFF60', U'\uFF61', U'\uFF63', U'\uFF64', U'\uFF65'});
// Opening punctuation: no line ends with one. Sorted.
constexpr auto kNoLineEnd =
    std::to_array<char32_t>({U'(',      U'[',      U'{',      U'\u2018', U'\u201A', U'\u201C', U'\u201E',
                             U'\u3008', U'\u300A', U'\u300C', U'\u300E', U'\u3010', U'\u3014', U'\u3016',
                             U'\u3018', U'\u301A', U'\u301D', U'\uFE59', U'\uFE5B', U'\uFE5D', U'\uFF04',
                             U'\uFF08', U'\uFF3B', U'\uFF5B', U'\uFF5F', U'\uFF62', U'\uFFE1', U'\uFFE5'});
static_assert(std::ranges::is_sorted(kNoLineStart) && std::ranges::is_sorted(kNoLineEnd));

bool forbids_line_start(char32_t c) {
    return std::ranges::binary_search(kNoLineStart, c);
}

bool forbids_line_end(char32_t c) {
    return std::ranges::binary_search(kNoLineEnd, c);
}

bool in(char32_t c, char32_t first, char32_t last) {
    return c >= first && c <= last;
}

bool is_glue(char32_t c) {
    return in(c, 0x0300, 0x036F) || in(c, 0x1160, 0x11FF) || in(c, 0x1AB0, 0x1AFF) || in(c, 0x1DC0, 0x1DFF) ||
           in(c, 0x200C, 0x200D) || c == 0x2060 || in(c, 0x20D0, 0x20FF) || in(c, 0x3099, 0x309A) ||
           in(c, 0xFE00, 0xFE0F) || in(c, 0xFE20, 0xFE2F) || c == 0xFEFF || in(c, 0x1F3FB, 0x1F3FF) ||
           in(c, 0xE0100, 0xE01EF);
}

bool is_ideographic(char32_t c) {
    return in(c, 0x1100, 0x115F) ||    // hangul leading jamo
           in(c, 0x2E80, 0x2FFF) ||    // radicals, ideographic description
           in(c, 0x3000, 0x33FF) ||    // CJK punctuation, kana, bopomofo, compatibility jamo, enclosed
           in(c, 0x3400, 0x4DBF) ||    // extension A
           in(c, 0x4E00, 0x9FFF) ||    // unified ideographs
           in(c, 0xA000, 0xA4CF) ||    // Yi
           in(c, 0xA960, 0xA97F) ||    // hangul jamo extended A
           in(c, 0xAC00, 0xD7AF) ||    // hangul syllables
           in(c, 0xF900, 0xFAFF) ||    // compatibility ideographs
           in(c, 0xFE10, 0xFE1F) ||    // vertical forms
           in(c, 0xFE30, 0xFE6F) ||    // compatibility and small forms
           in(c, 0xFF00, 0xFFEF) ||    // halfwidth and fullwidth forms
           in(c, 0x1F000, 0x1FAFF) ||  // emoji and other pictographs
           in(c, 0x20000, 0x3FFFF);    // extensions B and later
}

BreakClass classify(char32_t c) {
    if (c == U'\n') {
        return BreakClass::new_line;
    }
    if (c == U' ' || in(c, 0x2000, 0x200B)) {  // spaces of every width, and the zero-width one
        return BreakClass::space;
    }
    if (is_glue(c)) {
        return BreakClass::glue;
    }
    return is_ideographic(c) ? BreakClass::ideographic : BreakClass::word;
}

struct Character {
    std::uint32_t span;    // index into the spans
    std::uint32_t offset;  // bytes into that span's cleaned text
    std::uint32_t length;
    char32_t code_point;
    BreakClass kind;
};

// The spans' text as valid UTF-8 with tabs made spaces and carriage returns
// and other control characters left out, and its characters in order.
struct DecodedText {
    std::vector<std::string> texts;  // one per span
    std::vector<Character> characters;
};

DecodedText decode(const std::vector<StyledText>& spans) {
    DecodedText decoded;
    decoded.texts.resize(spans.size());
    for (std::size_t span = 0; span < spans.size(); ++span) {
        const std::string_view source = spans[span].text;
        std::string& text = decoded.texts[span];
        text.reserve(source.size());
        for (std::size_t offset = 0; offset < source.size();) {
            const DecodedCodePoint decoded_point = decode_utf8(source, offset);
            offset += decoded_point.length;
            char32_t c = decoded_point.code_point;
            if (c == U'\t') {
                c = U' ';
            } else if ((c < 0x20 && c != U'\n') || c == 0x7F) {
                continue;
            }
            const std::size_t start = text.size();
            append_utf8(text, c);
            decoded.characters.push_back(
                Character{static_cast<std::uint32_t>(span), static_cast<std::uint32_t>(start),
                          static_cast<std::uint32_t>(text.size() - start), c, classify(c)});
        }
    }
    return decoded;
}

// Widths of text pieces, each measured once per call of break_lines.
class WidthCache {
  public:
    explicit WidthCache(const TextMeasure& measure) : m_measure(measure) {}

    int width(std::string_view text, const TextStyle& style) {
        m_key.assign(text);
        m_key.push_back('\0');
        m_key.append(std::to_string(style.size_px));
        m_key.push_back(style.bold ? 'b' : 'r');
        const auto found = m_widths.find(m_key);
        if (found != m_widths.end()) {
            return found->second;
        }
        const int measured = m_measure.width(text, style);
        m_widths.emplace(m_key, measured);
        return measured;
    }

    int line_height(const TextStyle& style) const { return m_measure.line_height(style); }

  private:
    const TextMeasure& m_measure;
    std::unordered_map<std::string, int> m_widths;
    std::string m_key;  // reused, so a lookup allocates only when the key outgrows it
};

// Lays out one paragraph (text between forced breaks) at a time.
class ParagraphBreaker {
  public:
    ParagraphBreaker(const std::vector<StyledText>& spans, const DecodedText& text, int max_width,
                     WidthCache& widths)
        : m_spans(spans), m_text(text), m_max_width(max_width), m_widths(widths) {}

    void break_paragraph(std::size_t begin, std::size_t end, std::vector<TextLine>& lines) {
        find_break_opportunities(begin, end);
        std::size_t start = begin;
        while (start < end) {
            if (start != begin) {
                // A wrapped line does not begin with the space it wrapped at.
                while (start < end && kind(start) == BreakClass::space) {
                    ++start;
                }
                if (start == end) {
                    break;
                }
            }
            std::vector<std::size_t> breaks_inside;
            std::size_t stop = fill_line(start, end, breaks_inside);
            TextLine line = make_line(start, stop);
            if (line.width > m_max_width && !breaks_inside.empty()) {
                std::tie(stop, line) = longest_fitting_line(start, breaks_inside);
            }
            lines.push_back(std::move(line));
            start = stop;
        }
    }

  private:
    BreakClass kind(std::size_t index) const { return m_text.characters[index].kind; }
    char32_t code_point(std::size_t index) const { return m_text.characters[index].code_point; }
    const TextStyle& style(std::size_t index) const { return m_spans[m_text.characters[index].span].style; }

    // A break between two characters the basic rules allow.
    bool unit_boundary(std::size_t index) const {
        const BreakClass before = kind(index - 1);
        const BreakClass after = kind(index);
        if (after == BreakClass::glue || after == BreakClass::space) {
            return false;  // spaces hang on the unit before them
        }
        return before == BreakClass::space || before == BreakClass::ideographic ||
               after == BreakClass::ideographic;
    }

    // A break between two characters of a unit too wide for any line: only
    // the punctuation rules and clusters hold.
    bool character_boundary(std::size_t index) const {
        return kind(index) != BreakClass::glue && kind(index) != BreakClass::space &&
               !forbids_line_start(code_point(index)) && !forbids_line_end(code_point(index - 1));
    }

    void find_break_opportunities(std::size_t begin, std::size_t end) {
        m_next_break.assign(end - begin, end);
        m_begin = begin;
        std::size_t next = end;
        for (std::size_t index = end; index-- > begin;) {
            m_next_break[index - begin] = next;
            if (index > begin && unit_boundary(index) && !forbids_line_start(code_point(index)) &&
                !forbids_line_end(code_point(index - 1))) {
                next = index;
            }
        }
    }

    // Where the piece of text that starts at `index` and is measured as one
    // ends: an ideograph alone, or a run of word (or space) characters in one
    // span, of at most kMaxPieceCharacters.
    std::size_t piece_end(std::size_t index, std::size_t end) const {
        end = std::min(end, index + kMaxPieceCharacters);
        const std::uint32_t span = m_text.characters[index].span;
        const BreakClass first = kind(index);
        std::size_t next = index + 1;
        while (next < end && m_text.characters[next].span == span) {
            const BreakClass next_kind = kind(next);
            if (next_kind != BreakClass::glue &&
                (first == BreakClass::ideographic || next_kind == BreakClass::ideographic ||
                 (next_kind == BreakClass::space) != (first == BreakClass::space))) {
                break;
            }
            ++next;
        }
        return next;
    }

    std::string_view bytes(std::size_t begin, std::size_t end) const {
        const Character& first = m_text.characters[begin];
        const Character& last = m_text.characters[end - 1];
        return std::string_view(m_text.texts[first.span])
            .substr(first.offset, last.offset + last.length - first.offset);
    }

    struct RangeWidth {
        std::int64_t visible = 0;  // without trailing spaces
        std::int64_t whole = 0;
    };

    // The width of [begin, end) when its visible part is at most `room`;
    // nothing as soon as it is known to be wider, so that a word longer than
    // any line is measured only as far as a line could hold it.
    std::optional<RangeWidth> width_within(std::size_t begin, std::size_t end, std::int64_t room) {
        RangeWidth width;
        for (std::size_t index = begin; index < end;) {
            const std::size_t next = piece_end(index, end);
            width.whole += m_widths.width(bytes(index, next), style(index));
            if (kind(index) != BreakClass::space) {
                width.visible = width.whole;
                if (width.visible > room) {
                    return std::nullopt;
                }
            }
            index = next;
        }
        return width;
    }

    // The end of the line that starts at `start`: as many units as fit, at
    // least one; a unit wider than the line is cut. `breaks_inside` gets the
    // unit boundaries passed, where the line could end instead.
    std::size_t fill_line(std::size_t start, std::size_t end, std::vector<std::size_t>& breaks_inside) {
        std::int64_t used = 0;  // including trailing spaces
        std::size_t position = start;
        while (position < end) {
            const std::size_t unit_end = m_next_break[position - m_begin];
            const std::optional<RangeWidth> unit = width_within(position, unit_end, m_max_width - used);
            if (!unit) {
                if (position != start) {
                    return position;  // the unit starts the next line
                }
                return cut_unit(start, unit_end);
            }
            if (position != start) {
                breaks_inside.push_back(position);
            }
            used += unit->whole;
            position = unit_end;
        }
        return end;
    }

    // Cuts a unit too wide for a line between characters, in one pass over
    // what the line holds. When the character that overflows may not start a
    // line, the one before it goes down with it; when nothing could go down,
    // the punctuation hangs past the line's end (kMaxHangingCharacters at most).
    std::size_t cut_unit(std::size_t start, std::size_t unit_end) {
        std::int64_t used = 0;
        std::size_t last_boundary = start;  // the latest place to cut passed; `start`: none yet
        std::size_t hanging = 0;
        for (std::size_t index = start; index < unit_end; ++index) {
            if (index != start && character_boundary(index)) {
                last_boundary = index;
            }
            const int width = m_widths.width(bytes(index, index + 1), style(index));
            const bool fits = used + width <= m_max_width;
            if (index == start || fits || kind(index) == BreakClass::space ||
                kind(index) == BreakClass::glue) {
                used += width;
                continue;
            }
            if (last_boundary != start) {
                return last_boundary;
            }
            if (++hanging > kMaxHangingCharacters) {
                return index;
            }
            used += width;  // overhang
        }
        return unit_end;
    }

    // Shaping a whole line can come out a little wider than the sum of its
    // pieces (kerning, overhanging glyphs). Of the lines from `start` to each
    // of `stops` (unit boundaries, ascending), the longest that fits, or the
    // shortest when none does. Widths grow with the line, so after the
    // likeliest answer (one unit fewer) a binary search finds it.
    std::pair<std::size_t, TextLine> longest_fitting_line(std::size_t start,
                                                          const std::vector<std::size_t>& stops) {
        TextLine line = make_line(start, stops.back());
        if (line.width <= m_max_width || stops.size() == 1) {
            return {stops.back(), std::move(line)};
        }
        // The first stop whose line is too wide is in [low, high].
        std::size_t low = 0;
        std::size_t high = stops.size() - 1;
        while (low < high) {
            const std::size_t middle = low + (high - low) / 2;
            if (make_line(start, stops[middle]).width > m_max_width) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        const std::size_t chosen = stops[low == 0 ? 0 : low - 1];
        return {chosen, make_line(start, chosen)};
    }

    // The line of characters [start, stop), trailing spaces dropped, as runs
    // of one style each.
    TextLine make_line(std::size_t start, std::size_t stop) {
        TextLine line;
        while (stop > start && kind(stop - 1) == BreakClass::space) {
            --stop;
        }
        for (std::size_t index = start; index < stop;) {
            LineRun run;
            run.style = style(index);
            run.x = line.width;
            while (index < stop && style(index) == run.style) {
                const std::size_t piece = same_span_end(index, stop);
                run.text.append(bytes(index, piece));
                index = piece;
            }
            run.width = m_widths.width(run.text, run.style);
            line.width += run.width;
            line.height = std::max(line.height, m_widths.line_height(run.style));
            line.runs.push_back(std::move(run));
        }
        if (line.runs.empty()) {
            line.height = m_widths.line_height(style(start));  // a line of spaces only
        }
        return line;
    }

    std::size_t same_span_end(std::size_t index, std::size_t stop) const {
        const std::uint32_t span = m_text.characters[index].span;
        std::size_t next = index + 1;
        while (next < stop && m_text.characters[next].span == span) {
            ++next;
        }
        return next;
    }

    const std::vector<StyledText>& m_spans;
    const DecodedText& m_text;
    int m_max_width;
    WidthCache& m_widths;
    std::size_t m_begin = 0;                // the paragraph's first character
    std::vector<std::size_t> m_next_break;  // per character of the paragraph: the next break opportunity
};

}  // namespace

std::vector<TextLine> break_lines(const std::vector<StyledText>& spans, int max_width,
                                  const TextMeasure& measure) {
    const DecodedText text = decode(spans);
    WidthCache widths(measure);
    ParagraphBreaker breaker(spans, text, max_width, widths);
    std::vector<TextLine> lines;
    const std::vector<Character>& characters = text.characters;
    std::size_t begin = 0;
    while (begin < characters.size()) {
        const auto new_line =
            std::find_if(characters.begin() + static_cast<std::ptrdiff_t>(begin), characters.end(),
                         [](const Character& c) { return c.kind == BreakClass::new_line; });
        const auto end = static_cast<std::size_t>(new_line - characters.begin());
        if (begin == end) {
            // An empty paragraph still takes a line, as tall as its "\n".
            lines.push_back(TextLine{{}, 0, measure.line_height(spans[characters[end].span].style)});
        } else {
            breaker.break_paragraph(begin, end, lines);
        }
        begin = end + 1;  // a "\n" at the very end starts no further line
    }
    return lines;
}

}  // namespace kiosk::ui

#pragma once
// Reading and writing UTF-8 one code point at a time, strictly: overlong
// forms, surrogates, values past U+10FFFF and cut-off sequences are invalid.

#include <cstddef>
#include <string>
#include <string_view>

namespace kiosk::ui {

// What stands in for a byte sequence that is not UTF-8.
inline constexpr char32_t kReplacementCharacter = U'\uFFFD';

struct DecodedCodePoint {
    char32_t code_point = 0;  // kReplacementCharacter when !valid
    std::size_t length = 0;   // bytes consumed: at least 1 unless at the end of the text
    bool valid = false;
};

// The code point starting at byte `offset` of `text`. An invalid sequence
// consumes one byte (its first), so decoding always moves on.
DecodedCodePoint decode_utf8(std::string_view text, std::size_t offset);

// Appends `code_point` encoded; an unencodable value (a surrogate or past
// U+10FFFF) appends U+FFFD instead.
void append_utf8(std::string& out, char32_t code_point);

}  // namespace kiosk::ui

#include "scheduler/names.h"

#include <cstdint>
#include <optional>

#include "scheduler/limits.h"

namespace scheduler {
namespace {

// The code point starting at `at` and its length in bytes, or nullopt when
// the bytes there are not well-formed UTF-8 (overlong forms and surrogates included).
std::optional<std::pair<std::uint32_t, std::size_t>> decode(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) {
        return std::pair{std::uint32_t{lead}, std::size_t{1}};
    }
    std::size_t length = 0;
    std::uint32_t code = 0;
    std::uint32_t smallest = 0;
    if ((lead & 0xE0U) == 0xC0U) {
        length = 2;
        code = lead & 0x1FU;
        smallest = 0x80;
    } else if ((lead & 0xF0U) == 0xE0U) {
        length = 3;
        code = lead & 0x0FU;
        smallest = 0x800;
    } else if ((lead & 0xF8U) == 0xF0U) {
        length = 4;
        code = lead & 0x07U;
        smallest = 0x10000;
    } else {
        return std::nullopt;
    }
    if (at + length > text.size()) {
        return std::nullopt;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(at + i) & 0xC0U) != 0x80U) {
            return std::nullopt;
        }
        code = (code << 6) | (byte(at + i) & 0x3FU);
    }
    if (code < smallest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
        return std::nullopt;
    }
    return std::pair{code, length};
}

bool is_control(std::uint32_t code) {
    return code < 0x20 || (code >= 0x7F && code <= 0x9F) || code == 0x2028 || code == 0x2029;
}

}  // namespace

tl::expected<void, std::string> check_name(std::string_view name) {
    const std::string rule = "give 1 to " + std::to_string(kMaxNameLength) +
                             " characters without line breaks, tabs or other control characters";
    if (name.find_first_not_of(' ') == std::string_view::npos) {
        return tl::unexpected("the name is empty: " + rule);
    }
    std::size_t characters = 0;
    for (std::size_t at = 0; at < name.size();) {
        const auto decoded = decode(name, at);
        if (!decoded) {
            return tl::unexpected("the name is not valid UTF-8 text: " + rule);
        }
        if (is_control(decoded->first)) {
            return tl::unexpected("the name holds a control character (a line break, tab or the like): " +
                                  rule);
        }
        if (++characters > kMaxNameLength) {
            return tl::unexpected("the name is longer than " + std::to_string(kMaxNameLength) +
                                  " characters: " + rule);
        }
        at += decoded->second;
    }
    return {};
}

}  // namespace scheduler

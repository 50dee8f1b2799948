#include "content/message_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace content {
namespace {

bool is_continuation_byte(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

}  // namespace

std::string quoted_text(std::string_view text, std::size_t max_characters) {
    std::string out = "\"";
    std::size_t characters = 0;
    std::size_t at = 0;
    for (; at < text.size(); ++at) {
        const char c = text[at];
        if (!is_continuation_byte(c) && characters++ == max_characters) {
            break;
        }
        switch (c) {
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
                    char code[8];
                    std::snprintf(code, sizeof code, "\\x%02x", static_cast<unsigned>(c));
                    out += code;
                } else {
                    out += c;
                }
        }
    }
    out += '"';
    if (at < text.size()) {
        out.insert(out.size() - 1, "…");
        out += " (" + std::to_string(text.size()) + " bytes)";
    }
    return out;
}

std::string number_text(double value) {
    if (std::isnan(value)) {
        return "nan";
    }
    if (std::isinf(value)) {
        return value < 0 ? "-inf" : "inf";
    }
    // The shortest text that reads back as the same number, without an
    // exponent where people write none: 3600, 2.5, 0.0001, 100000000; 1e+30.
    const double size = std::fabs(value);
    const bool plain = size == 0 || (size >= 1e-6 && size < 1e15);
    char buffer[64];
    const auto [end, error] =
        plain ? std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed)
              : std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc{} ? std::string(buffer, end) : std::to_string(value);
}

}  // namespace content

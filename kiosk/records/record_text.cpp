#include "records/record_text.h"

namespace kiosk::records::detail {

std::optional<std::size_t> invalid_utf8_at(std::string_view text) {
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t size = text.size();
    std::size_t i = 0;
    while (i < size) {
        const unsigned char lead = bytes[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        char32_t code = 0;
        char32_t smallest = 0;
        if ((lead & 0xe0) == 0xc0) {
            length = 2, code = lead & 0x1f, smallest = 0x80;
        } else if ((lead & 0xf0) == 0xe0) {
            length = 3, code = lead & 0x0f, smallest = 0x800;
        } else if ((lead & 0xf8) == 0xf0) {
            length = 4, code = lead & 0x07, smallest = 0x10000;
        } else {
            return i;
        }
        if (i + length > size) {
            return i;
        }
        for (std::size_t k = 1; k < length; ++k) {
            if ((bytes[i + k] & 0xc0) != 0x80) {
                return i;
            }
            code = (code << 6) | (bytes[i + k] & 0x3f);
        }
        // Overlong forms, UTF-16 surrogates and values past Unicode are not text.
        if (code < smallest || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff) {
            return i;
        }
        i += length;
    }
    return std::nullopt;
}

std::optional<std::string> text_problem(std::string_view what, std::string_view text) {
    if (text.size() > kMaxTextBytes) {
        return std::string(what) + " is " + std::to_string(text.size()) + " bytes long; at most " +
               std::to_string(kMaxTextBytes) + " are kept";
    }
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        return std::string(what) + " contains a NUL character at byte " + std::to_string(nul);
    }
    if (const auto bad = invalid_utf8_at(text)) {
        return std::string(what) + " is not valid UTF-8 at byte " + std::to_string(*bad);
    }
    return std::nullopt;
}

}  // namespace kiosk::records::detail

#pragma once
// Internal: what the records accept as text. Any valid UTF-8 without NUL
// (quotes, SQL, control characters, emoji, right-to-left scripts all
// round-trip exactly), up to a generous cap so a runaway paste cannot fill
// the disk.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace kiosk::records::detail {

// The longest text field a record keeps: far beyond any note the desk types.
inline constexpr std::size_t kMaxTextBytes = 64 * 1024;

// Byte offset of the first invalid UTF-8 sequence, or nullopt when valid.
std::optional<std::size_t> invalid_utf8_at(std::string_view text);

// Why `text` cannot be stored as field `what`, or nullopt when it can.
std::optional<std::string> text_problem(std::string_view what, std::string_view text);

}  // namespace kiosk::records::detail

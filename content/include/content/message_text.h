#pragma once
// How values from outside (a file, the command line) are shown in messages:
// quoted, with control characters made visible, and cut short, so a hostile
// value can neither break a message's line nor make it megabytes long.

#include <cstddef>
#include <string>
#include <string_view>

namespace content {

// Characters of a value shown before it is cut: enough to recognise it.
inline constexpr std::size_t kQuotedCharacters = 60;

// "\"av-loop\"", "\"a\\nb\"", "\"xxxxxxxx…\" (10485760 bytes)": at most
// `max_characters` characters of `text`, then its size.
std::string quoted_text(std::string_view text, std::size_t max_characters = kQuotedCharacters);

// A number as people write it: "3600", "2.5", "-100", "nan", "inf".
std::string number_text(double value);

}  // namespace content

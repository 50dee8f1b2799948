#pragma once
// How values from outside (a file, the command line) are shown in messages:
// quoted, with control characters made visible, and cut short, so a hostile
// value can neither break a message's line nor make it megabytes long.

#include <string>
#include <string_view>

namespace scheduler {

// "\"av-loop\"", "\"a\\nb\"", "\"xxxxxxxx…\" (10485760 bytes)".
std::string quoted_text(std::string_view text);

// A number as people write it: "3600", "2.5", "-100", "nan", "inf".
std::string number_text(double value);

}  // namespace scheduler

#pragma once
// Numbers in messages as people write them: 3600, 0.1, 1000000000 — never
// 3600.000000 or 1e+09.

#include <cstdio>
#include <string>

namespace kiosk::app {

inline std::string number_text(double value) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
    return buffer;
}

}  // namespace kiosk::app

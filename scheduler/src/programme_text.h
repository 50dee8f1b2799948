#pragma once
// Internal: how programme values are written in files, shared by the JSON
// and TOML writers so both say exactly the same thing.

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "scheduler/programme.h"

namespace scheduler::detail {

inline constexpr const char* kFormatName = "pcw-programme";
inline constexpr int kFormatVersion = 1;

// A display time in seconds: whole when it is whole ("15"), else up to milliseconds ("2.5").
std::string seconds_text(std::chrono::milliseconds time);

// The zones of a programme that have settings or anything scheduled, in the hall's order.
std::vector<std::string> zones_in_use(const Programme& programme);

// A playlist's name for a reference; "" when unknown.
std::string playlist_name(const Programme& programme, PlaylistId id);

}  // namespace scheduler::detail

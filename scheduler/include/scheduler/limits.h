#pragma once
// The ranges of every value a programme holds, checked the same way by each
// staff edit and by import, so whatever the database holds exports to a file
// that imports back. README.md (The programme file) lists them for staff.

#include <chrono>
#include <cstddef>
#include <cstdint>

namespace scheduler {

// A rule's priority. Wide enough for any ordering staff may want, narrow
// enough that it never nears the limits of the integers that carry it.
inline constexpr int kMinPriority = -1'000'000;
inline constexpr int kMaxPriority = 1'000'000;

// An item's volume, in percent.
inline constexpr int kMinVolumePercent = 0;
inline constexpr int kMaxVolumePercent = 100;

// How long a still picture may stay up: a millisecond (the precision kept) to a day.
inline constexpr std::chrono::milliseconds kMinDisplayTime{1};
inline constexpr std::chrono::milliseconds kMaxDisplayTime{24LL * 60 * 60 * 1000};

// Characters (not bytes) in a playlist's or a media file's name: room for a
// long title in Chinese, short enough for one row of a listing.
inline constexpr std::size_t kMaxNameLength = 100;

// A programme file's size. The hall's programme is a few KiB and a thousand
// rules about 250 KiB of JSON; the limit bounds the memory a hostile file
// can make the parsers use to about a hundred MiB.
inline constexpr std::uintmax_t kMaxProgrammeFileBytes = 1024 * 1024;

}  // namespace scheduler

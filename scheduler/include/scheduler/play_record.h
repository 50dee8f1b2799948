#pragma once
// Proof of play: every item start, end and skip, as the kiosk reports it.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "scheduler/calendar.h"
#include "scheduler/programme.h"

namespace scheduler {

enum class PlayEventKind {
    start,  // the item's first picture (or sound) is out
    end,    // the item stopped: `reason` says why ("finished", "interrupt", "schedule change", "closed",
            // "shutdown")
    skip,   // the item could not play: `reason` gives the player's reason
};

struct PlayEvent {
    PlayEventKind kind = PlayEventKind::start;
    std::string zone;
    std::optional<PlaylistId> playlist;  // unset when not from the programme (kiosk --play)
    std::string playlist_name;           // kept as it was, so reports outlive renames and removals
    std::optional<MediaId> media;
    std::filesystem::path media_path;
    Instant at{};
    std::string reason;
    // For an end: the id record_play returned for the item's start.
    std::optional<std::int64_t> start_event;
};

// A row of `kioskctl report plays`: one played or skipped item.
struct PlayReportRow {
    std::int64_t start_event = 0;  // the start's (or the skip's) event id
    std::string zone;
    std::string playlist_name;
    std::string media_name;  // the library name when known, else the file name
    std::filesystem::path media_path;
    Instant started{};
    std::optional<Instant> ended;  // unset: no end recorded (still playing, or power was cut)
    bool skipped = false;
    std::string reason;  // the end's or the skip's reason
};

struct PlayQuery {
    Instant from{};  // items started at or after
    Instant to{};    // and before this
    std::optional<std::string> zone;
};

}  // namespace scheduler

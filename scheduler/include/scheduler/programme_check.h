#pragma once
// Checks a whole programme for what would make a zone play the wrong thing
// or nothing: empty or unknown playlists, unknown zones and media, dayparts
// and date ranges that make no sense, overlapping interrupts, zones left with
// nothing to play. Pure; used by import (strict) and by each staff edit.

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "scheduler/calendar.h"
#include "scheduler/programme.h"

namespace scheduler {

enum class Severity { error, warning };

// What a problem is about, so a caller can point at it (a file line, a rule id).
struct Subject {
    enum class Kind { programme, zone, playlist, rule, interrupt, closed_hours, media };
    Kind kind = Kind::programme;
    std::int64_t id = 0;  // rule, interrupt, closed hours, playlist or media id
    std::string zone;     // for Kind::zone
    // Index of the offending item for a playlist (0-based), else -1.
    int item = -1;
};

struct Problem {
    Severity severity = Severity::error;
    Subject subject;
    std::string field;  // the field at fault ("to", "dates", "items", ...), may be empty
    std::string message;
};

// Gaps are what leaves a zone with nothing to play at times: a zone that has
// something scheduled but no default playlist, or a scheduled playlist with
// no items. Everything else wrong is an error under every policy.
enum class CheckPolicy {
    // Gaps are errors.
    strict,
    // Staff edits, made one at a time: gaps are warnings, so a default or the
    // items can be added next.
    lenient,
    // A whole programme from a file: as lenient (a file may hold whatever
    // staff can build by edits, so a backup always restores), and a zone with
    // nothing scheduled at all is a warning too.
    whole_file,
};

// Every problem found, errors first. The programme is usable when none is an error.
std::vector<Problem> check_programme(const Programme& programme, const date::time_zone& tz,
                                     CheckPolicy policy,
                                     std::chrono::milliseconds still_time = kDefaultStillTime);

bool has_errors(const std::vector<Problem>& problems);

// "rule r3", "interrupt i2", "closed hours c1", "playlist \"morning\"", "zone av".
std::string describe(const Subject& subject, const Programme& programme);

}  // namespace scheduler

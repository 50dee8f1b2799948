#pragma once
// What replacing one programme by another adds, changes and removes, in the
// words staff use: `schedule import` shows it (--dry-run) and refuses an
// import that would remove anything unless it is told to (--replace), so an
// empty, cut or wrong file cannot silently wipe out the programme in force.

#include <string>
#include <vector>

#include "scheduler/programme.h"

namespace scheduler {

struct ProgrammeChange {
    enum class Kind { added, changed, removed };
    Kind kind = Kind::added;
    // "playlist \"av-loop\" (3 items)", "rule r2: \"lecture\" in av 09:00-12:00 mon-fri, priority 5",
    // "the default of zone av: from \"loop\" to \"festive\"".
    std::string what;
};

// The changes from `before` to `after`, compared by meaning, not by id:
// playlists by name (changed when their items or shuffle differ), zones by
// name (their default and closed mode), and rules, interrupts and closed
// hours by everything they say; those left over on both sides are paired in
// order as changes (one edited in an exported file is changed), the rest
// removed or added. A zone setting equal to the default (no playlist, slate)
// counts as no setting. Removals first, then changes, then additions, each
// in the programme's order.
std::vector<ProgrammeChange> compare_programmes(const Programme& before, const Programme& after);

// How many of `changes` are of `kind`.
std::size_t count_changes(const std::vector<ProgrammeChange>& changes, ProgrammeChange::Kind kind);

// "would add", "would change", "would remove" (`planned`), else "added", "changed", "removed".
const char* to_string(ProgrammeChange::Kind kind, bool planned);

}  // namespace scheduler

#pragma once
// Where the programme and the proof of play are kept: <data-dir>/kiosk.db,
// an SQLite database (schema and migrations in scheduler/README.md).
//
// Concurrency: kioskctl edits while the kiosk runs. Every edit is one short
// write transaction (BEGIN IMMEDIATE: its reads, checks and writes see no
// other writer) that bumps the programme version;
// readers never block writers (WAL) and a writer waits up to the busy
// timeout for another, so neither side sees "database is locked". A store
// object is used by one thread at a time: give each thread its own.
//
// Durability: synchronous=FULL in WAL mode, so every committed edit and play
// record is on disk before the call returns and survives a power cut.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "scheduler/edit_check.h"
#include "scheduler/error.h"
#include "scheduler/play_record.h"
#include "scheduler/programme.h"

namespace scheduler {

// Whether an edit is made or only tried: a dry run goes as far as the
// check, then rolls back.
enum class EditMode { commit, dry_run };

// Builds a programme from the one in force, read inside the edit's
// transaction (its media library is the one the new programme's items must
// name). An error refuses the edit.
using ProgrammeSource = std::function<tl::expected<Programme, Error>(const Programme& in_force)>;

// Edits name playlists and media as staff do, and the names are looked up
// inside the edit's own transaction (so an import that renumbers playlists
// meanwhile cannot make an edit point at one that is gone); ids are for
// rules, interrupts and closed hours. Each edit checks what it references and
// fails with not_found or conflict (with the reason) rather than leave a
// dangling reference.
//
// Each edit also takes a `check` (edit_check.h): it runs inside the edit's
// BEGIN IMMEDIATE transaction on the programme before and after the edit,
// and an error from it refuses the edit, which then writes nothing. Every
// read a check makes and the write it guards are therefore one transaction:
// two edits made at once are judged one after the other. Without a check
// the store enforces only what its tables require (tests, tools).
class ScheduleStore {
  public:
    virtual ~ScheduleStore() = default;

    // --- Reading ---

    // The whole programme, read in one transaction (one consistent version).
    virtual tl::expected<Programme, Error> load_programme() = 0;
    // A counter bumped by every committed programme edit (not by play
    // records): poll it (cheap) and reload when it changes.
    virtual tl::expected<std::int64_t, Error> programme_version() = 0;

    // --- Media library ---

    // Adds a described file (see media_registration.h); conflict when the
    // name or path is already registered. Returns it with its id.
    virtual tl::expected<MediaFile, Error> add_media(const MediaFile& media) = 0;
    virtual tl::expected<std::vector<MediaFile>, Error> list_media() = 0;
    // conflict while a playlist uses it (the message names them).
    virtual tl::expected<void, Error> remove_media(const std::string& name) = 0;

    // --- Playlists (positions are 1-based, as staff count) ---

    // invalid_input when the name breaks names.h's rule; conflict when taken.
    virtual tl::expected<Playlist, Error> create_playlist(const std::string& name, bool shuffle,
                                                          const EditCheck& check = {}) = 0;
    virtual tl::expected<void, Error> set_playlist_shuffle(const std::string& name, bool shuffle,
                                                           const EditCheck& check = {}) = 0;
    // Inserts the media (by name, in order) at `position` (1..size+1);
    // unset appends. All or none: one unknown name adds none.
    virtual tl::expected<void, Error> add_playlist_items(const std::string& playlist,
                                                         const std::vector<std::string>& media,
                                                         std::optional<int> position,
                                                         const PlaylistItem& options,
                                                         const EditCheck& check = {}) = 0;
    virtual tl::expected<void, Error> move_playlist_item(const std::string& playlist, int from, int to,
                                                         const EditCheck& check = {}) = 0;
    virtual tl::expected<void, Error> remove_playlist_item(const std::string& playlist, int position,
                                                           const EditCheck& check = {}) = 0;
    // conflict while a rule, interrupt or zone default uses it.
    virtual tl::expected<void, Error> remove_playlist(const std::string& name,
                                                      const EditCheck& check = {}) = 0;

    // --- Schedule (the given ids are ignored; the stored one is returned) ---

    // The rule or interrupt plays `playlist` (looked up by name; the element's own playlist id is ignored).
    virtual tl::expected<RuleId, Error> add_rule(const std::string& playlist, const ScheduleRule& rule,
                                                 const EditCheck& check = {}) = 0;
    virtual tl::expected<InterruptId, Error> add_interrupt(const std::string& playlist,
                                                           const Interrupt& interrupt,
                                                           const EditCheck& check = {}) = 0;
    // With `mode`, the closed hours' zones get that closed mode in the same transaction.
    virtual tl::expected<ClosedHoursId, Error> add_closed_hours(const ClosedHours& closed,
                                                                std::optional<ClosedMode> mode = std::nullopt,
                                                                const EditCheck& check = {}) = 0;
    virtual tl::expected<void, Error> remove_rule(RuleId id, const EditCheck& check = {}) = 0;
    virtual tl::expected<void, Error> remove_interrupt(InterruptId id, const EditCheck& check = {}) = 0;
    virtual tl::expected<void, Error> remove_closed_hours(ClosedHoursId id, const EditCheck& check = {}) = 0;
    // The zones' default playlist (by name); unset clears it.
    virtual tl::expected<void, Error> set_default_playlist(const std::vector<std::string>& zones,
                                                           const std::optional<std::string>& playlist,
                                                           const EditCheck& check = {}) = 0;
    virtual tl::expected<void, Error> set_closed_mode(const std::vector<std::string>& zones, ClosedMode mode,
                                                      const EditCheck& check = {}) = 0;

    // Replaces playlists, rules, interrupts, closed hours and zone settings
    // with the programme `source` makes from the one in force, in one
    // transaction (all or nothing); the media library stays. Its items must
    // name media already in the library. A dry run writes nothing, whatever
    // the check says.
    virtual tl::expected<void, Error> replace_programme(const ProgrammeSource& source,
                                                        const EditCheck& check = {},
                                                        EditMode mode = EditMode::commit) = 0;
    // The same with a programme made beforehand.
    tl::expected<void, Error> replace_programme(const Programme& programme) {
        return replace_programme(
            [&](const Programme&) -> tl::expected<Programme, Error> { return programme; });
    }

    // --- Proof of play ---

    // Appends one event, durably; returns its id (pass a start's id as the
    // end's start_event).
    virtual tl::expected<std::int64_t, Error> record_play(const PlayEvent& event) = 0;
    // Played and skipped items that started within the query, oldest first.
    virtual tl::expected<std::vector<PlayReportRow>, Error> play_report(const PlayQuery& query) = 0;
};

struct StoreOptions {
    // How long a call waits for another connection's write to finish before
    // failing with busy. Edits take milliseconds; 5 s covers a slow SD card.
    std::chrono::milliseconds busy_timeout{5000};
};

// <data_dir>/kiosk.db
std::filesystem::path database_path(const std::filesystem::path& data_dir);

// Opens (creating it and its folder when missing) and migrates the database
// to the current schema version. incompatible when a newer version wrote it;
// storage (with the reason) when it is not a regular file or cannot be read.
tl::expected<std::unique_ptr<ScheduleStore>, Error> open_schedule_store(
    const std::filesystem::path& database_file, const StoreOptions& options = {});

// The schema version this build writes (PRAGMA user_version).
int current_schema_version();

// "SQLite 3.40.1": the database library in use, for --version and bug reports.
std::string database_library_version();

}  // namespace scheduler

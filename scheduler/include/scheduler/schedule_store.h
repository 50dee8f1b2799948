#pragma once
// Where the programme and the proof of play are kept: <data-dir>/kiosk.db,
// an SQLite database (schema and migrations in scheduler/README.md).
//
// Concurrency: kioskctl edits while the kiosk runs. Every edit is one short
// write transaction (BEGIN IMMEDIATE) that bumps the programme version;
// readers never block writers (WAL) and a writer waits up to the busy
// timeout for another, so neither side sees "database is locked". A store
// object is used by one thread at a time: give each thread its own.
//
// Durability: synchronous=FULL in WAL mode, so every committed edit and play
// record is on disk before the call returns and survives a power cut.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "scheduler/error.h"
#include "scheduler/play_record.h"
#include "scheduler/programme.h"

namespace scheduler {

// Edits name playlists and media as staff do; ids are for rules, interrupts
// and closed hours. Each edit checks what it references and fails with
// not_found or conflict (with the reason) rather than leave a dangling reference.
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

    virtual tl::expected<Playlist, Error> create_playlist(const std::string& name, bool shuffle) = 0;
    virtual tl::expected<void, Error> set_playlist_shuffle(const std::string& name, bool shuffle) = 0;
    // Inserts at `position` (1..size+1); unset appends.
    virtual tl::expected<void, Error> add_playlist_item(const std::string& playlist, const std::string& media,
                                                        std::optional<int> position,
                                                        const PlaylistItem& options) = 0;
    virtual tl::expected<void, Error> move_playlist_item(const std::string& playlist, int from, int to) = 0;
    virtual tl::expected<void, Error> remove_playlist_item(const std::string& playlist, int position) = 0;
    // conflict while a rule, interrupt or zone default uses it.
    virtual tl::expected<void, Error> remove_playlist(const std::string& name) = 0;

    // --- Schedule (the given id is ignored; the stored one is returned) ---

    virtual tl::expected<RuleId, Error> add_rule(const ScheduleRule& rule) = 0;
    virtual tl::expected<InterruptId, Error> add_interrupt(const Interrupt& interrupt) = 0;
    virtual tl::expected<ClosedHoursId, Error> add_closed_hours(const ClosedHours& closed) = 0;
    virtual tl::expected<void, Error> remove_rule(RuleId id) = 0;
    virtual tl::expected<void, Error> remove_interrupt(InterruptId id) = 0;
    virtual tl::expected<void, Error> remove_closed_hours(ClosedHoursId id) = 0;
    // Unset clears the zone's default playlist.
    virtual tl::expected<void, Error> set_default_playlist(const std::string& zone,
                                                           std::optional<PlaylistId> playlist) = 0;
    virtual tl::expected<void, Error> set_closed_mode(const std::string& zone, ClosedMode mode) = 0;

    // Replaces playlists, rules, interrupts, closed hours and zone settings
    // with `programme`'s in one transaction (all or nothing); the media
    // library stays. Items must name media already in the library.
    virtual tl::expected<void, Error> replace_programme(const Programme& programme) = 0;

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
// to the current schema version. incompatible when a newer version wrote it.
tl::expected<std::unique_ptr<ScheduleStore>, Error> open_schedule_store(
    const std::filesystem::path& database_file, const StoreOptions& options = {});

// The schema version this build writes (PRAGMA user_version).
int current_schema_version();

}  // namespace scheduler

#pragma once
// Internal: the SQLite schedule store (SQLiteCpp). Every SQLiteCpp
// exception is caught here and becomes a scheduler::Error.

#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <exception>
#include <functional>
#include <map>
#include <optional>
#include <string>

#include "scheduler/schedule_store.h"

namespace scheduler::detail {

// Brings the database to the current schema, one migration per transaction.
tl::expected<void, Error> migrate(SQLite::Database& db);

Error sqlite_error(const std::string& doing, const SQLite::Exception& exception);

// Runs `work`, turning exceptions into errors that say what was being done.
template <typename Work>
auto guarded(const std::string& doing, Work&& work) -> decltype(work()) {
    try {
        return work();
    } catch (const SQLite::Exception& exception) {
        return tl::unexpected(sqlite_error(doing, exception));
    } catch (const std::exception& exception) {
        return tl::unexpected(Error{ErrorKind::storage, doing + ": " + exception.what()});
    }
}

// Adds one to the programme version; inside the edit's transaction.
void bump_programme_version(SQLite::Database& db);

std::string date_text(const std::optional<Date>& day);
std::optional<Date> date_from(const SQLite::Column& column);
void bind_optional_date(SQLite::Statement& statement, int index, const std::optional<Date>& day);
std::vector<MediaFile> read_media(SQLite::Database& db);

class SqliteScheduleStore final : public ScheduleStore {
  public:
    SqliteScheduleStore(const std::filesystem::path& file, const StoreOptions& options);

    tl::expected<Programme, Error> load_programme() override;
    tl::expected<std::int64_t, Error> programme_version() override;

    tl::expected<MediaFile, Error> add_media(const MediaFile& media) override;
    tl::expected<std::vector<MediaFile>, Error> list_media() override;
    tl::expected<void, Error> remove_media(const std::string& name) override;

    tl::expected<Playlist, Error> create_playlist(const std::string& name, bool shuffle,
                                                  const EditCheck& check) override;
    tl::expected<void, Error> set_playlist_shuffle(const std::string& name, bool shuffle,
                                                   const EditCheck& check) override;
    tl::expected<void, Error> add_playlist_items(const std::string& playlist,
                                                 const std::vector<std::string>& media,
                                                 std::optional<int> position, const PlaylistItem& options,
                                                 const EditCheck& check) override;
    tl::expected<void, Error> move_playlist_item(const std::string& playlist, int from, int to,
                                                 const EditCheck& check) override;
    tl::expected<void, Error> remove_playlist_item(const std::string& playlist, int position,
                                                   const EditCheck& check) override;
    tl::expected<void, Error> remove_playlist(const std::string& name, const EditCheck& check) override;

    tl::expected<RuleId, Error> add_rule(const std::string& playlist, const ScheduleRule& rule,
                                         const EditCheck& check) override;
    tl::expected<InterruptId, Error> add_interrupt(const std::string& playlist, const Interrupt& interrupt,
                                                   const EditCheck& check) override;
    tl::expected<ClosedHoursId, Error> add_closed_hours(const ClosedHours& closed,
                                                        std::optional<ClosedMode> mode,
                                                        const EditCheck& check) override;
    tl::expected<void, Error> remove_rule(RuleId id, const EditCheck& check) override;
    tl::expected<void, Error> remove_interrupt(InterruptId id, const EditCheck& check) override;
    tl::expected<void, Error> remove_closed_hours(ClosedHoursId id, const EditCheck& check) override;
    tl::expected<void, Error> set_default_playlist(const std::vector<std::string>& zones,
                                                   const std::optional<std::string>& playlist,
                                                   const EditCheck& check) override;
    tl::expected<void, Error> set_closed_mode(const std::vector<std::string>& zones, ClosedMode mode,
                                              const EditCheck& check) override;
    using ScheduleStore::replace_programme;
    tl::expected<void, Error> replace_programme(const ProgrammeSource& source, const EditCheck& check,
                                                EditMode mode) override;

    tl::expected<std::int64_t, Error> record_play(const PlayEvent& event) override;
    tl::expected<std::vector<PlayReportRow>, Error> play_report(const PlayQuery& query) override;

    SQLite::Database& database() { return m_db; }

  private:
    // One programme edit: `write` inside a BEGIN IMMEDIATE transaction, then
    // `check` on the programme before and after it (both read inside it),
    // then the version bump and the commit, unless anything refused it or
    // this is a dry run (the transaction then rolls back).
    template <typename Write>
    auto edit(const std::string& doing, const EditCheck& check, Write&& write,
              EditMode mode = EditMode::commit) -> decltype(write()) {
        return guarded(doing, [&]() -> decltype(write()) {
            SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
            std::optional<Programme> before;
            if (check) {
                before = read_programme();
            }
            auto result = write();
            if (!result) {
                return result;
            }
            if (check) {
                if (auto judged = check(*before, read_programme()); !judged) {
                    return tl::unexpected(judged.error());
                }
            }
            if (mode == EditMode::commit) {
                bump_programme_version(m_db);
                transaction.commit();
            }
            return result;
        });
    }

    // The whole programme, read in the caller's transaction (sqlite_programme_reading.cpp).
    Programme read_programme();
    // Playlist id by name, or not_found.
    tl::expected<PlaylistId, Error> playlist_id(const std::string& name);
    std::vector<PlaylistItem> read_items(PlaylistId playlist);
    void write_items(PlaylistId playlist, const std::vector<PlaylistItem>& items);
    void write_programme(const Programme& programme);
    tl::expected<void, Error> edit_items(
        const std::string& playlist, const std::string& doing, const EditCheck& check,
        const std::function<tl::expected<void, Error>(std::vector<PlaylistItem>&)>& change);
    void insert_zones(const char* table, const char* id_column, std::int64_t id,
                      const std::vector<std::string>& zones);
    // One row each with its zones, for staff edits and imports alike; the
    // playlist is given by its stored id. Returns the new row's id.
    RuleId insert_rule(const ScheduleRule& rule, PlaylistId playlist);
    InterruptId insert_interrupt(const Interrupt& interrupt, PlaylistId playlist);
    ClosedHoursId insert_closed_hours(const ClosedHours& closed);
    tl::expected<void, Error> remove_row(const char* table, const char* what, std::int64_t id,
                                         const EditCheck& check);
    // Zones of each row of a *_zone table, by the row's id.
    std::map<std::int64_t, std::vector<std::string>> zones_by_id(const char* table, const char* id_column);

    SQLite::Database m_db;
};

}  // namespace scheduler::detail

// The schedule store on SQLite: opening, the media library, and replacing
// the programme on import.

#include <map>

#include "content/bounded_input.h"
#include "content/message_text.h"
#include "scheduler/names.h"
#include "store/sqlite_store.h"

namespace scheduler {
namespace detail {

Error sqlite_error(const std::string& doing, const SQLite::Exception& exception) {
    const int code = exception.getErrorCode() & 0xff;
    if (code == SQLITE_BUSY || code == SQLITE_LOCKED) {
        return {ErrorKind::busy,
                doing + ": the database stayed busy (another program is writing); try again"};
    }
    if (code == SQLITE_CONSTRAINT) {
        return {ErrorKind::conflict, doing + ": refused by the database: " + exception.getErrorStr()};
    }
    if (code == SQLITE_FULL) {
        return {ErrorKind::storage, doing + ": the disk is full"};
    }
    return {ErrorKind::storage, doing + ": " + exception.what()};
}

void bump_programme_version(SQLite::Database& db) {
    db.exec("UPDATE meta SET value = value + 1 WHERE key = 'programme_version'");
}

std::string date_text(const std::optional<Date>& day) {
    return day ? format_date(*day) : std::string();
}

std::optional<Date> date_from(const SQLite::Column& column) {
    if (column.isNull() || column.getString().empty()) {
        return std::nullopt;
    }
    auto day = parse_date(column.getString());
    return day ? std::optional(*day) : std::nullopt;
}

void bind_optional_date(SQLite::Statement& statement, int index, const std::optional<Date>& day) {
    if (day) {
        statement.bind(index, format_date(*day));
    } else {
        statement.bind(index);
    }
}

SqliteScheduleStore::SqliteScheduleStore(const std::filesystem::path& file, const StoreOptions& options)
    : m_db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE,
           static_cast<int>(options.busy_timeout.count())) {
    // WAL: readers never block the writer nor it them. FULL: each commit is
    // synced to disk before it returns, so an edit or a play record that was
    // reported done survives a power cut (NORMAL could lose the last ones).
    m_db.exec("PRAGMA journal_mode = WAL");
    m_db.exec("PRAGMA synchronous = FULL");
    m_db.exec("PRAGMA foreign_keys = ON");
}

void SqliteScheduleStore::insert_zones(const char* table, const char* id_column, std::int64_t id,
                                       const std::vector<std::string>& zones) {
    SQLite::Statement insert(
        m_db, std::string("INSERT OR IGNORE INTO ") + table + " (" + id_column + ", zone) VALUES (?, ?)");
    for (const std::string& zone : zones) {
        insert.bind(1, id);
        insert.bind(2, zone);
        insert.exec();
        insert.reset();
    }
}

void SqliteScheduleStore::write_items(PlaylistId playlist, const std::vector<PlaylistItem>& items) {
    SQLite::Statement clear(m_db, "DELETE FROM playlist_item WHERE playlist_id = ?");
    clear.bind(1, playlist);
    clear.exec();
    SQLite::Statement insert(
        m_db,
        "INSERT INTO playlist_item (playlist_id, position, media_id, display_ms, volume_percent) "
        "VALUES (?, ?, ?, ?, ?)");
    int position = 1;
    for (const PlaylistItem& item : items) {
        insert.bind(1, playlist);
        insert.bind(2, position++);
        insert.bind(3, item.media);
        if (item.display_time) {
            insert.bind(4, static_cast<std::int64_t>(item.display_time->count()));
        } else {
            insert.bind(4);
        }
        if (item.volume_percent) {
            insert.bind(5, *item.volume_percent);
        } else {
            insert.bind(5);
        }
        insert.exec();
        insert.reset();
    }
}

tl::expected<MediaFile, Error> SqliteScheduleStore::add_media(const MediaFile& media) {
    if (auto good = check_name(media.name); !good) {
        return tl::unexpected(
            Error{ErrorKind::invalid_input,
                  "bad media name " + content::quoted_text(media.name) + ": " + good.error()});
    }
    return guarded("registering " + media.path.string(), [&]() -> tl::expected<MediaFile, Error> {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement by_name(m_db, "SELECT path FROM media WHERE name = ?");
        by_name.bind(1, media.name);
        if (by_name.executeStep()) {
            return tl::unexpected(Error{ErrorKind::conflict, "a media file is already registered as " +
                                                                 content::quoted_text(media.name) + " (" +
                                                                 by_name.getColumn(0).getString() +
                                                                 "); choose another --name"});
        }
        SQLite::Statement by_path(m_db, "SELECT name FROM media WHERE path = ?");
        by_path.bind(1, media.path.string());
        if (by_path.executeStep()) {
            return tl::unexpected(Error{ErrorKind::conflict, media.path.string() +
                                                                 " is already registered as \"" +
                                                                 by_path.getColumn(0).getString() + "\""});
        }
        SQLite::Statement insert(m_db,
                                 "INSERT INTO media (name, path, sha256, size_bytes, duration_ms, is_still, "
                                 "container, video_codec, width, height, audio_codec, registered_at_ms) "
                                 "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, media.name);
        insert.bind(2, media.path.string());
        insert.bind(3, media.sha256);
        insert.bind(4, media.size_bytes);
        insert.bind(5, static_cast<std::int64_t>(media.duration.count()));
        insert.bind(6, media.is_still ? 1 : 0);
        insert.bind(7, media.container);
        insert.bind(8, media.video_codec);
        insert.bind(9, media.width);
        insert.bind(10, media.height);
        insert.bind(11, media.audio_codec);
        insert.bind(12, static_cast<std::int64_t>(media.registered_at.time_since_epoch().count()));
        insert.exec();
        MediaFile stored = media;
        stored.id = m_db.getLastInsertRowid();
        bump_programme_version(m_db);
        transaction.commit();
        return stored;
    });
}

tl::expected<std::vector<MediaFile>, Error> SqliteScheduleStore::list_media() {
    return guarded("listing media",
                   [&]() -> tl::expected<std::vector<MediaFile>, Error> { return read_media(m_db); });
}

tl::expected<void, Error> SqliteScheduleStore::remove_media(const std::string& name) {
    return guarded("removing media " + content::quoted_text(name), [&]() -> tl::expected<void, Error> {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement find(m_db, "SELECT id FROM media WHERE name = ?");
        find.bind(1, name);
        if (!find.executeStep()) {
            return tl::unexpected(
                Error{ErrorKind::not_found,
                      "no media called " + content::quoted_text(name) + " (see kioskctl media list)"});
        }
        const MediaId id = find.getColumn(0).getInt64();
        SQLite::Statement users(
            m_db,
            "SELECT DISTINCT p.name FROM playlist_item i JOIN playlist p ON p.id = i.playlist_id "
            "WHERE i.media_id = ? ORDER BY p.name");
        users.bind(1, id);
        std::string used_by;
        while (users.executeStep()) {
            used_by += (used_by.empty() ? "\"" : ", \"") + users.getColumn(0).getString() + "\"";
        }
        if (!used_by.empty()) {
            return tl::unexpected(Error{ErrorKind::conflict, "media " + content::quoted_text(name) +
                                                                 " is used by playlist " + used_by +
                                                                 ": remove it from there first"});
        }
        SQLite::Statement remove(m_db, "DELETE FROM media WHERE id = ?");
        remove.bind(1, id);
        remove.exec();
        bump_programme_version(m_db);
        transaction.commit();
        return {};
    });
}

tl::expected<void, Error> SqliteScheduleStore::replace_programme(const ProgrammeSource& source,
                                                                 const EditCheck& check, EditMode mode) {
    // The programme in force is read inside the transaction, so what the
    // source builds on (the media library) and what the check compares with
    // cannot change before the write.
    const auto write = [&]() -> tl::expected<void, Error> {
        auto programme = source(read_programme());
        if (!programme) {
            return tl::unexpected(programme.error());
        }
        write_programme(*programme);
        return {};
    };
    return edit("replacing the programme", check, write, mode);
}

RuleId SqliteScheduleStore::insert_rule(const ScheduleRule& rule, PlaylistId playlist) {
    SQLite::Statement insert(
        m_db,
        "INSERT INTO rule (playlist_id, start_s, end_s, weekdays, first_date, last_date, "
        "priority) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, playlist);
    insert.bind(2, static_cast<std::int64_t>(rule.daypart.start.count()));
    insert.bind(3, static_cast<std::int64_t>(rule.daypart.end.count()));
    insert.bind(4, static_cast<int>(rule.weekdays.mask));
    bind_optional_date(insert, 5, rule.dates.first);
    bind_optional_date(insert, 6, rule.dates.last);
    insert.bind(7, rule.priority);
    insert.exec();
    const RuleId id = m_db.getLastInsertRowid();
    insert_zones("rule_zone", "rule_id", id, rule.zones);
    return id;
}

InterruptId SqliteScheduleStore::insert_interrupt(const Interrupt& interrupt, PlaylistId playlist) {
    SQLite::Statement insert(
        m_db,
        "INSERT INTO interrupt (playlist_id, at_s, on_date, weekdays, first_date, last_date) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    insert.bind(1, playlist);
    insert.bind(2, static_cast<std::int64_t>(interrupt.at.count()));
    bind_optional_date(insert, 3, interrupt.on);
    insert.bind(4, static_cast<int>(interrupt.weekdays.mask));
    bind_optional_date(insert, 5, interrupt.dates.first);
    bind_optional_date(insert, 6, interrupt.dates.last);
    insert.exec();
    const InterruptId id = m_db.getLastInsertRowid();
    insert_zones("interrupt_zone", "interrupt_id", id, interrupt.zones);
    return id;
}

ClosedHoursId SqliteScheduleStore::insert_closed_hours(const ClosedHours& closed) {
    SQLite::Statement insert(m_db,
                             "INSERT INTO closed_hours (start_s, end_s, weekdays, first_date, last_date) "
                             "VALUES (?, ?, ?, ?, ?)");
    insert.bind(1, static_cast<std::int64_t>(closed.daypart.start.count()));
    insert.bind(2, static_cast<std::int64_t>(closed.daypart.end.count()));
    insert.bind(3, static_cast<int>(closed.weekdays.mask));
    bind_optional_date(insert, 4, closed.dates.first);
    bind_optional_date(insert, 5, closed.dates.last);
    insert.exec();
    const ClosedHoursId id = m_db.getLastInsertRowid();
    insert_zones("closed_hours_zone", "closed_hours_id", id, closed.zones);
    return id;
}

void SqliteScheduleStore::write_programme(const Programme& programme) {
    {
        for (const char* table : {"zone", "closed_hours", "interrupt", "rule", "playlist_item", "playlist"}) {
            m_db.exec(std::string("DELETE FROM ") + table);
        }
        std::map<PlaylistId, PlaylistId> stored_ids;
        SQLite::Statement playlist(m_db, "INSERT INTO playlist (name, shuffle) VALUES (?, ?)");
        for (const Playlist& list : programme.playlists) {
            playlist.bind(1, list.name);
            playlist.bind(2, list.shuffle ? 1 : 0);
            playlist.exec();
            playlist.reset();
            stored_ids[list.id] = m_db.getLastInsertRowid();
            write_items(stored_ids[list.id], list.items);
        }
        const auto stored = [&](PlaylistId id) {
            const auto found = stored_ids.find(id);
            return found == stored_ids.end() ? PlaylistId{-1} : found->second;  // -1 fails the foreign key
        };
        // In id order, so newer rules stay newer.
        std::vector<const ScheduleRule*> rules;
        for (const ScheduleRule& rule : programme.rules) {
            rules.push_back(&rule);
        }
        std::sort(rules.begin(), rules.end(), [](const auto* a, const auto* b) { return a->id < b->id; });
        for (const ScheduleRule* rule : rules) {
            insert_rule(*rule, stored(rule->playlist));
        }
        for (const Interrupt& interrupt : programme.interrupts) {
            insert_interrupt(interrupt, stored(interrupt.playlist));
        }
        for (const ClosedHours& closed : programme.closed_hours) {
            insert_closed_hours(closed);
        }
        for (const ZoneSettings& zone : programme.zones) {
            SQLite::Statement insert(
                m_db, "INSERT INTO zone (zone, default_playlist_id, closed_mode) VALUES (?, ?, ?)");
            insert.bind(1, zone.zone);
            if (zone.default_playlist) {
                insert.bind(2, stored(*zone.default_playlist));
            } else {
                insert.bind(2);
            }
            insert.bind(3, to_string(zone.closed_mode));
            insert.exec();
        }
    }
}

}  // namespace detail

std::filesystem::path database_path(const std::filesystem::path& data_dir) {
    return data_dir / "kiosk.db";
}

tl::expected<std::unique_ptr<ScheduleStore>, Error> open_schedule_store(
    const std::filesystem::path& database_file, const StoreOptions& options) {
    // SQLite would block on a FIFO or fail with a puzzling error on a device: say what is wrong.
    if (auto existing = content::check_regular_file(database_file);
        !existing && existing.error().kind != content::FileReadErrorKind::missing) {
        return tl::unexpected(Error{
            ErrorKind::storage, "cannot open " + database_file.string() + ": " + existing.error().reason});
    }
    std::error_code error;
    if (database_file.has_parent_path()) {
        std::filesystem::create_directories(database_file.parent_path(), error);
        if (error) {
            return tl::unexpected(
                Error{ErrorKind::storage,
                      "cannot create " + database_file.parent_path().string() + ": " + error.message()});
        }
    }
    auto store =
        detail::guarded("opening " + database_file.string(),
                        [&]() -> tl::expected<std::unique_ptr<detail::SqliteScheduleStore>, Error> {
                            return std::make_unique<detail::SqliteScheduleStore>(database_file, options);
                        });
    if (!store) {
        return tl::unexpected(store.error());
    }
    if (auto migrated = detail::migrate((*store)->database()); !migrated) {
        return tl::unexpected(migrated.error());
    }
    return std::unique_ptr<ScheduleStore>(std::move(*store));
}

}  // namespace scheduler

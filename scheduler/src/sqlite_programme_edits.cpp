// Staff edits of playlists and the schedule, each one short IMMEDIATE
// transaction that bumps the programme version.

#include "sqlite_store.h"

namespace scheduler::detail {
namespace {

std::string position_range(std::size_t size) {
    return size == 0 ? "the playlist is empty" : "positions go from 1 to " + std::to_string(size);
}

tl::expected<void, Error> check_zones(const std::vector<std::string>& zones) {
    if (zones.empty()) {
        return tl::unexpected(
            Error{ErrorKind::invalid_input, "no zone given (boards, models, av or health)"});
    }
    for (const std::string& zone : zones) {
        if (!is_known_zone(zone)) {
            return tl::unexpected(
                Error{ErrorKind::invalid_input,
                      "unknown zone \"" + zone + "\" (the zones are boards, models, av and health)"});
        }
    }
    return {};
}

}  // namespace

tl::expected<PlaylistId, Error> SqliteScheduleStore::playlist_id(const std::string& name) {
    SQLite::Statement find(m_db, "SELECT id FROM playlist WHERE name = ?");
    find.bind(1, name);
    if (!find.executeStep()) {
        return tl::unexpected(
            Error{ErrorKind::not_found, "no playlist called \"" + name + "\" (see kioskctl playlist list)"});
    }
    return find.getColumn(0).getInt64();
}

tl::expected<Playlist, Error> SqliteScheduleStore::create_playlist(const std::string& name, bool shuffle) {
    if (name.find_first_not_of(" \t") == std::string::npos || name.size() > 200 ||
        name.find_first_of("\n\r\t\"") != std::string::npos) {
        return tl::unexpected(
            Error{ErrorKind::invalid_input, "bad playlist name \"" + name +
                                                "\": give 1 to 200 characters without quotes or "
                                                "line breaks"});
    }
    return guarded("creating playlist \"" + name + "\"", [&]() -> tl::expected<Playlist, Error> {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        if (playlist_id(name)) {
            return tl::unexpected(
                Error{ErrorKind::conflict, "a playlist called \"" + name + "\" already exists"});
        }
        SQLite::Statement insert(m_db, "INSERT INTO playlist (name, shuffle) VALUES (?, ?)");
        insert.bind(1, name);
        insert.bind(2, shuffle ? 1 : 0);
        insert.exec();
        Playlist playlist{m_db.getLastInsertRowid(), name, shuffle, {}};
        bump_programme_version(m_db);
        transaction.commit();
        return playlist;
    });
}

tl::expected<void, Error> SqliteScheduleStore::set_playlist_shuffle(const std::string& name, bool shuffle) {
    return guarded("changing playlist \"" + name + "\"", [&]() -> tl::expected<void, Error> {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        auto id = playlist_id(name);
        if (!id) {
            return tl::unexpected(id.error());
        }
        SQLite::Statement update(m_db, "UPDATE playlist SET shuffle = ? WHERE id = ?");
        update.bind(1, shuffle ? 1 : 0);
        update.bind(2, *id);
        update.exec();
        bump_programme_version(m_db);
        transaction.commit();
        return {};
    });
}

tl::expected<void, Error> SqliteScheduleStore::edit_items(
    const std::string& playlist, const std::string& doing,
    const std::function<tl::expected<void, Error>(std::vector<PlaylistItem>&)>& edit) {
    return guarded(doing, [&]() -> tl::expected<void, Error> {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        auto id = playlist_id(playlist);
        if (!id) {
            return tl::unexpected(id.error());
        }
        std::vector<PlaylistItem> items = read_items(*id);
        if (auto edited = edit(items); !edited) {
            return edited;
        }
        write_items(*id, items);
        bump_programme_version(m_db);
        transaction.commit();
        return {};
    });
}

tl::expected<void, Error> SqliteScheduleStore::add_playlist_item(const std::string& playlist,
                                                                 const std::string& media,
                                                                 std::optional<int> position,
                                                                 const PlaylistItem& options) {
    if (options.volume_percent && (*options.volume_percent < 0 || *options.volume_percent > 100)) {
        return tl::unexpected(Error{ErrorKind::invalid_input, "volume must be from 0 to 100 (percent)"});
    }
    if (options.display_time && *options.display_time <= std::chrono::milliseconds{0}) {
        return tl::unexpected(Error{ErrorKind::invalid_input, "display time must be more than 0 seconds"});
    }
    return edit_items(
        playlist, "adding \"" + media + "\" to playlist \"" + playlist + "\"",
        [&](std::vector<PlaylistItem>& items) -> tl::expected<void, Error> {
            SQLite::Statement find(m_db, "SELECT id FROM media WHERE name = ?");
            find.bind(1, media);
            if (!find.executeStep()) {
                return tl::unexpected(
                    Error{ErrorKind::not_found,
                          "no media called \"" + media + "\" (register it first: kioskctl media add FILE)"});
            }
            const int at = position.value_or(static_cast<int>(items.size()) + 1);
            if (at < 1 || at > static_cast<int>(items.size()) + 1) {
                return tl::unexpected(
                    Error{ErrorKind::invalid_input, "position " + std::to_string(at) + " is out of range: " +
                                                        "give 1 to " + std::to_string(items.size() + 1)});
            }
            PlaylistItem item = options;
            item.media = find.getColumn(0).getInt64();
            items.insert(items.begin() + (at - 1), item);
            return {};
        });
}

tl::expected<void, Error> SqliteScheduleStore::move_playlist_item(const std::string& playlist, int from,
                                                                  int to) {
    return edit_items(
        playlist, "moving an item of playlist \"" + playlist + "\"",
        [&](std::vector<PlaylistItem>& items) -> tl::expected<void, Error> {
            const int size = static_cast<int>(items.size());
            if (from < 1 || from > size || to < 1 || to > size) {
                return tl::unexpected(Error{ErrorKind::invalid_input,
                                            "cannot move item " + std::to_string(from) + " to " +
                                                std::to_string(to) + ": " + position_range(items.size())});
            }
            const PlaylistItem item = items[static_cast<std::size_t>(from - 1)];
            items.erase(items.begin() + (from - 1));
            items.insert(items.begin() + (to - 1), item);
            return {};
        });
}

tl::expected<void, Error> SqliteScheduleStore::remove_playlist_item(const std::string& playlist,
                                                                    int position) {
    return edit_items(playlist, "removing an item of playlist \"" + playlist + "\"",
                      [&](std::vector<PlaylistItem>& items) -> tl::expected<void, Error> {
                          if (position < 1 || position > static_cast<int>(items.size())) {
                              return tl::unexpected(
                                  Error{ErrorKind::invalid_input, "no item " + std::to_string(position) +
                                                                      ": " + position_range(items.size())});
                          }
                          items.erase(items.begin() + (position - 1));
                          return {};
                      });
}

tl::expected<void, Error> SqliteScheduleStore::remove_playlist(const std::string& name) {
    return guarded("removing playlist \"" + name + "\"", [&]() -> tl::expected<void, Error> {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        auto id = playlist_id(name);
        if (!id) {
            return tl::unexpected(id.error());
        }
        std::string users;
        const auto collect = [&](const std::string& sql, const std::string& prefix) {
            SQLite::Statement query(m_db, sql);
            query.bind(1, *id);
            while (query.executeStep()) {
                users += (users.empty() ? "" : ", ") + prefix + query.getColumn(0).getString();
            }
        };
        collect("SELECT id FROM rule WHERE playlist_id = ? ORDER BY id", "rule r");
        collect("SELECT id FROM interrupt WHERE playlist_id = ? ORDER BY id", "interrupt i");
        collect("SELECT zone FROM zone WHERE default_playlist_id = ? ORDER BY zone", "the default of zone ");
        if (!users.empty()) {
            return tl::unexpected(Error{ErrorKind::conflict, "playlist \"" + name + "\" is in use by " +
                                                                 users + ": remove or change those first"});
        }
        SQLite::Statement remove(m_db, "DELETE FROM playlist WHERE id = ?");
        remove.bind(1, *id);
        remove.exec();
        bump_programme_version(m_db);
        transaction.commit();
        return {};
    });
}

tl::expected<RuleId, Error> SqliteScheduleStore::add_rule(const ScheduleRule& rule) {
    if (auto zones = check_zones(rule.zones); !zones) {
        return tl::unexpected(zones.error());
    }
    return guarded("adding a rule", [&]() -> tl::expected<RuleId, Error> {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement insert(
            m_db,
            "INSERT INTO rule (playlist_id, start_s, end_s, weekdays, first_date, last_date, "
            "priority) VALUES (?, ?, ?, ?, NULLIF(?, ''), NULLIF(?, ''), ?)");
        insert.bind(1, rule.playlist);
        insert.bind(2, static_cast<std::int64_t>(rule.daypart.start.count()));
        insert.bind(3, static_cast<std::int64_t>(rule.daypart.end.count()));
        insert.bind(4, static_cast<int>(rule.weekdays.mask));
        insert.bind(5, date_text(rule.dates.first));
        insert.bind(6, date_text(rule.dates.last));
        insert.bind(7, rule.priority);
        insert.exec();
        const RuleId id = m_db.getLastInsertRowid();
        insert_zones("rule_zone", "rule_id", id, rule.zones);
        bump_programme_version(m_db);
        transaction.commit();
        return id;
    });
}

tl::expected<InterruptId, Error> SqliteScheduleStore::add_interrupt(const Interrupt& interrupt) {
    if (auto zones = check_zones(interrupt.zones); !zones) {
        return tl::unexpected(zones.error());
    }
    return guarded("adding an interrupt", [&]() -> tl::expected<InterruptId, Error> {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement insert(
            m_db,
            "INSERT INTO interrupt (playlist_id, at_s, on_date, weekdays, first_date, last_date) "
            "VALUES (?, ?, NULLIF(?, ''), ?, NULLIF(?, ''), NULLIF(?, ''))");
        insert.bind(1, interrupt.playlist);
        insert.bind(2, static_cast<std::int64_t>(interrupt.at.count()));
        insert.bind(3, date_text(interrupt.on));
        insert.bind(4, static_cast<int>(interrupt.weekdays.mask));
        insert.bind(5, date_text(interrupt.dates.first));
        insert.bind(6, date_text(interrupt.dates.last));
        insert.exec();
        const InterruptId id = m_db.getLastInsertRowid();
        insert_zones("interrupt_zone", "interrupt_id", id, interrupt.zones);
        bump_programme_version(m_db);
        transaction.commit();
        return id;
    });
}

tl::expected<ClosedHoursId, Error> SqliteScheduleStore::add_closed_hours(const ClosedHours& closed) {
    if (auto zones = check_zones(closed.zones); !zones) {
        return tl::unexpected(zones.error());
    }
    return guarded("adding closed hours", [&]() -> tl::expected<ClosedHoursId, Error> {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement insert(m_db,
                                 "INSERT INTO closed_hours (start_s, end_s, weekdays, first_date, last_date) "
                                 "VALUES (?, ?, ?, NULLIF(?, ''), NULLIF(?, ''))");
        insert.bind(1, static_cast<std::int64_t>(closed.daypart.start.count()));
        insert.bind(2, static_cast<std::int64_t>(closed.daypart.end.count()));
        insert.bind(3, static_cast<int>(closed.weekdays.mask));
        insert.bind(4, date_text(closed.dates.first));
        insert.bind(5, date_text(closed.dates.last));
        insert.exec();
        const ClosedHoursId id = m_db.getLastInsertRowid();
        insert_zones("closed_hours_zone", "closed_hours_id", id, closed.zones);
        bump_programme_version(m_db);
        transaction.commit();
        return id;
    });
}

tl::expected<void, Error> SqliteScheduleStore::remove_row(const char* table, const char* what,
                                                          std::int64_t id) {
    return guarded(std::string("removing ") + what + std::to_string(id), [&]() -> tl::expected<void, Error> {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement remove(m_db, std::string("DELETE FROM ") + table + " WHERE id = ?");
        remove.bind(1, id);
        if (remove.exec() == 0) {
            return tl::unexpected(Error{
                ErrorKind::not_found,
                std::string("there is no ") + what + std::to_string(id) + " (see kioskctl schedule list)"});
        }
        bump_programme_version(m_db);
        transaction.commit();
        return {};
    });
}

tl::expected<void, Error> SqliteScheduleStore::remove_rule(RuleId id) {
    return remove_row("rule", "rule r", id);
}

tl::expected<void, Error> SqliteScheduleStore::remove_interrupt(InterruptId id) {
    return remove_row("interrupt", "interrupt i", id);
}

tl::expected<void, Error> SqliteScheduleStore::remove_closed_hours(ClosedHoursId id) {
    return remove_row("closed_hours", "closed hours c", id);
}

tl::expected<void, Error> SqliteScheduleStore::set_default_playlist(const std::string& zone,
                                                                    std::optional<PlaylistId> playlist) {
    if (auto zones = check_zones({zone}); !zones) {
        return tl::unexpected(zones.error());
    }
    return guarded("setting the default playlist of zone " + zone, [&]() -> tl::expected<void, Error> {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement upsert(
            m_db,
            "INSERT INTO zone (zone, default_playlist_id) VALUES (?, ?) "
            "ON CONFLICT (zone) DO UPDATE SET default_playlist_id = excluded.default_playlist_id");
        upsert.bind(1, zone);
        if (playlist) {
            upsert.bind(2, *playlist);
        } else {
            upsert.bind(2);
        }
        upsert.exec();
        bump_programme_version(m_db);
        transaction.commit();
        return {};
    });
}

tl::expected<void, Error> SqliteScheduleStore::set_closed_mode(const std::string& zone, ClosedMode mode) {
    if (auto zones = check_zones({zone}); !zones) {
        return tl::unexpected(zones.error());
    }
    return guarded("setting the closed mode of zone " + zone, [&]() -> tl::expected<void, Error> {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement upsert(m_db,
                                 "INSERT INTO zone (zone, closed_mode) VALUES (?, ?) "
                                 "ON CONFLICT (zone) DO UPDATE SET closed_mode = excluded.closed_mode");
        upsert.bind(1, zone);
        upsert.bind(2, to_string(mode));
        upsert.exec();
        bump_programme_version(m_db);
        transaction.commit();
        return {};
    });
}

}  // namespace scheduler::detail

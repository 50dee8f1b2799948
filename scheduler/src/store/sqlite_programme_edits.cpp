// Staff edits of playlists and the schedule, each one short IMMEDIATE
// transaction (see SqliteScheduleStore::edit) that looks names up, writes,
// runs the caller's check and bumps the programme version.

#include "content/message_text.h"
#include "scheduler/limits.h"
#include "scheduler/names.h"
#include "store/sqlite_store.h"

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
                Error{ErrorKind::invalid_input, "unknown zone " + content::quoted_text(zone) +
                                                    " (the zones are boards, models, av and health)"});
        }
    }
    return {};
}

// The values an item may carry (limits.h), checked before anything is read.
tl::expected<void, Error> check_item_options(const PlaylistItem& options) {
    if (options.volume_percent &&
        (*options.volume_percent < kMinVolumePercent || *options.volume_percent > kMaxVolumePercent)) {
        return tl::unexpected(Error{ErrorKind::invalid_input,
                                    "volume " + std::to_string(*options.volume_percent) +
                                        " is out of range: give " + std::to_string(kMinVolumePercent) +
                                        " to " + std::to_string(kMaxVolumePercent) + " (percent)"});
    }
    if (options.display_time &&
        (*options.display_time < kMinDisplayTime || *options.display_time > kMaxDisplayTime)) {
        return tl::unexpected(Error{
            ErrorKind::invalid_input,
            "display time is out of range: give " +
                content::number_text(static_cast<double>(kMinDisplayTime.count()) / 1000) + " to " +
                content::number_text(static_cast<double>(kMaxDisplayTime.count()) / 1000) + " seconds"});
    }
    return {};
}

}  // namespace

tl::expected<PlaylistId, Error> SqliteScheduleStore::playlist_id(const std::string& name) {
    SQLite::Statement find(m_db, "SELECT id FROM playlist WHERE name = ?");
    find.bind(1, name);
    if (!find.executeStep()) {
        return tl::unexpected(Error{ErrorKind::not_found, "no playlist called " + content::quoted_text(name) +
                                                              " (see kioskctl playlist list)"});
    }
    return find.getColumn(0).getInt64();
}

tl::expected<Playlist, Error> SqliteScheduleStore::create_playlist(const std::string& name, bool shuffle,
                                                                   const EditCheck& check) {
    if (auto good = check_name(name); !good) {
        return tl::unexpected(Error{ErrorKind::invalid_input,
                                    "bad playlist name " + content::quoted_text(name) + ": " + good.error()});
    }
    return edit("creating playlist " + content::quoted_text(name), check,
                [&]() -> tl::expected<Playlist, Error> {
                    if (playlist_id(name)) {
                        return tl::unexpected(
                            Error{ErrorKind::conflict,
                                  "a playlist called " + content::quoted_text(name) + " already exists"});
                    }
                    SQLite::Statement insert(m_db, "INSERT INTO playlist (name, shuffle) VALUES (?, ?)");
                    insert.bind(1, name);
                    insert.bind(2, shuffle ? 1 : 0);
                    insert.exec();
                    return Playlist{m_db.getLastInsertRowid(), name, shuffle, {}};
                });
}

tl::expected<void, Error> SqliteScheduleStore::set_playlist_shuffle(const std::string& name, bool shuffle,
                                                                    const EditCheck& check) {
    return edit("changing playlist " + content::quoted_text(name), check, [&]() -> tl::expected<void, Error> {
        auto id = playlist_id(name);
        if (!id) {
            return tl::unexpected(id.error());
        }
        SQLite::Statement update(m_db, "UPDATE playlist SET shuffle = ? WHERE id = ?");
        update.bind(1, shuffle ? 1 : 0);
        update.bind(2, *id);
        update.exec();
        return {};
    });
}

tl::expected<void, Error> SqliteScheduleStore::edit_items(
    const std::string& playlist, const std::string& doing, const EditCheck& check,
    const std::function<tl::expected<void, Error>(std::vector<PlaylistItem>&)>& change) {
    return edit(doing, check, [&]() -> tl::expected<void, Error> {
        auto id = playlist_id(playlist);
        if (!id) {
            return tl::unexpected(id.error());
        }
        std::vector<PlaylistItem> items = read_items(*id);
        if (auto changed = change(items); !changed) {
            return changed;
        }
        write_items(*id, items);
        return {};
    });
}

tl::expected<void, Error> SqliteScheduleStore::add_playlist_items(const std::string& playlist,
                                                                  const std::vector<std::string>& media,
                                                                  std::optional<int> position,
                                                                  const PlaylistItem& options,
                                                                  const EditCheck& check) {
    if (auto good = check_item_options(options); !good) {
        return good;
    }
    const std::string what =
        media.size() == 1 ? content::quoted_text(media.front()) : std::to_string(media.size()) + " items";
    return edit_items(
        playlist, "adding " + what + " to playlist " + content::quoted_text(playlist), check,
        [&](std::vector<PlaylistItem>& items) -> tl::expected<void, Error> {
            const int at = position.value_or(static_cast<int>(items.size()) + 1);
            if (at < 1 || at > static_cast<int>(items.size()) + 1) {
                return tl::unexpected(
                    Error{ErrorKind::invalid_input, "position " + std::to_string(at) + " is out of range: " +
                                                        "give 1 to " + std::to_string(items.size() + 1)});
            }
            SQLite::Statement find(m_db, "SELECT id FROM media WHERE name = ?");
            std::vector<PlaylistItem> added;
            for (const std::string& name : media) {
                find.bind(1, name);
                if (!find.executeStep()) {
                    return tl::unexpected(
                        Error{ErrorKind::not_found, "no media called " + content::quoted_text(name) +
                                                        " (register it first: kioskctl media add FILE)"});
                }
                PlaylistItem item = options;
                item.media = find.getColumn(0).getInt64();
                added.push_back(item);
                find.reset();
            }
            items.insert(items.begin() + (at - 1), added.begin(), added.end());
            return {};
        });
}

tl::expected<void, Error> SqliteScheduleStore::move_playlist_item(const std::string& playlist, int from,
                                                                  int to, const EditCheck& check) {
    return edit_items(
        playlist, "moving an item of playlist " + content::quoted_text(playlist), check,
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

tl::expected<void, Error> SqliteScheduleStore::remove_playlist_item(const std::string& playlist, int position,
                                                                    const EditCheck& check) {
    return edit_items(playlist, "removing an item of playlist " + content::quoted_text(playlist), check,
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

tl::expected<void, Error> SqliteScheduleStore::remove_playlist(const std::string& name,
                                                               const EditCheck& check) {
    return edit("removing playlist " + content::quoted_text(name), check, [&]() -> tl::expected<void, Error> {
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
            return tl::unexpected(Error{ErrorKind::conflict, "playlist " + content::quoted_text(name) +
                                                                 " is in use by " + users +
                                                                 ": remove or change those first"});
        }
        SQLite::Statement remove(m_db, "DELETE FROM playlist WHERE id = ?");
        remove.bind(1, *id);
        remove.exec();
        return {};
    });
}

tl::expected<RuleId, Error> SqliteScheduleStore::add_rule(const std::string& playlist,
                                                          const ScheduleRule& rule, const EditCheck& check) {
    if (auto zones = check_zones(rule.zones); !zones) {
        return tl::unexpected(zones.error());
    }
    return edit("adding a rule", check, [&]() -> tl::expected<RuleId, Error> {
        auto playlist_found = playlist_id(playlist);
        if (!playlist_found) {
            return tl::unexpected(playlist_found.error());
        }
        return insert_rule(rule, *playlist_found);
    });
}

tl::expected<InterruptId, Error> SqliteScheduleStore::add_interrupt(const std::string& playlist,
                                                                    const Interrupt& interrupt,
                                                                    const EditCheck& check) {
    if (auto zones = check_zones(interrupt.zones); !zones) {
        return tl::unexpected(zones.error());
    }
    return edit("adding an interrupt", check, [&]() -> tl::expected<InterruptId, Error> {
        auto playlist_found = playlist_id(playlist);
        if (!playlist_found) {
            return tl::unexpected(playlist_found.error());
        }
        return insert_interrupt(interrupt, *playlist_found);
    });
}

tl::expected<ClosedHoursId, Error> SqliteScheduleStore::add_closed_hours(const ClosedHours& closed,
                                                                         std::optional<ClosedMode> mode,
                                                                         const EditCheck& check) {
    if (auto zones = check_zones(closed.zones); !zones) {
        return tl::unexpected(zones.error());
    }
    return edit("adding closed hours", check, [&]() -> tl::expected<ClosedHoursId, Error> {
        const ClosedHoursId id = insert_closed_hours(closed);
        if (mode) {
            SQLite::Statement upsert(m_db,
                                     "INSERT INTO zone (zone, closed_mode) VALUES (?, ?) "
                                     "ON CONFLICT (zone) DO UPDATE SET closed_mode = excluded.closed_mode");
            for (const std::string& zone : closed.zones) {
                upsert.bind(1, zone);
                upsert.bind(2, to_string(*mode));
                upsert.exec();
                upsert.reset();
            }
        }
        return id;
    });
}

tl::expected<void, Error> SqliteScheduleStore::remove_row(const char* table, const char* what,
                                                          std::int64_t id, const EditCheck& check) {
    return edit(
        std::string("removing ") + what + std::to_string(id), check, [&]() -> tl::expected<void, Error> {
            SQLite::Statement remove(m_db, std::string("DELETE FROM ") + table + " WHERE id = ?");
            remove.bind(1, id);
            if (remove.exec() == 0) {
                return tl::unexpected(Error{ErrorKind::not_found, std::string("there is no ") + what +
                                                                      std::to_string(id) +
                                                                      " (see kioskctl schedule list)"});
            }
            return {};
        });
}

tl::expected<void, Error> SqliteScheduleStore::remove_rule(RuleId id, const EditCheck& check) {
    return remove_row("rule", "rule r", id, check);
}

tl::expected<void, Error> SqliteScheduleStore::remove_interrupt(InterruptId id, const EditCheck& check) {
    return remove_row("interrupt", "interrupt i", id, check);
}

tl::expected<void, Error> SqliteScheduleStore::remove_closed_hours(ClosedHoursId id, const EditCheck& check) {
    return remove_row("closed_hours", "closed hours c", id, check);
}

tl::expected<void, Error> SqliteScheduleStore::set_default_playlist(
    const std::vector<std::string>& zones, const std::optional<std::string>& playlist,
    const EditCheck& check) {
    if (auto known = check_zones(zones); !known) {
        return tl::unexpected(known.error());
    }
    return edit("setting the default playlist", check, [&]() -> tl::expected<void, Error> {
        std::optional<PlaylistId> id;
        if (playlist) {
            auto found = playlist_id(*playlist);
            if (!found) {
                return tl::unexpected(found.error());
            }
            id = *found;
        }
        SQLite::Statement upsert(
            m_db,
            "INSERT INTO zone (zone, default_playlist_id) VALUES (?, ?) "
            "ON CONFLICT (zone) DO UPDATE SET default_playlist_id = excluded.default_playlist_id");
        for (const std::string& zone : zones) {
            upsert.bind(1, zone);
            if (id) {
                upsert.bind(2, *id);
            } else {
                upsert.bind(2);
            }
            upsert.exec();
            upsert.reset();
        }
        return {};
    });
}

tl::expected<void, Error> SqliteScheduleStore::set_closed_mode(const std::vector<std::string>& zones,
                                                               ClosedMode mode, const EditCheck& check) {
    if (auto known = check_zones(zones); !known) {
        return tl::unexpected(known.error());
    }
    return edit("setting the closed mode", check, [&]() -> tl::expected<void, Error> {
        SQLite::Statement upsert(m_db,
                                 "INSERT INTO zone (zone, closed_mode) VALUES (?, ?) "
                                 "ON CONFLICT (zone) DO UPDATE SET closed_mode = excluded.closed_mode");
        for (const std::string& zone : zones) {
            upsert.bind(1, zone);
            upsert.bind(2, to_string(mode));
            upsert.exec();
            upsert.reset();
        }
        return {};
    });
}

}  // namespace scheduler::detail

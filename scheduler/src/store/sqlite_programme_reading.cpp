// The schedule store on SQLite: reading the programme (in one transaction of
// the caller's) and the media library.

#include "store/sqlite_store.h"

namespace scheduler::detail {
namespace {

MediaFile media_from(SQLite::Statement& row) {
    MediaFile media;
    media.id = row.getColumn(0).getInt64();
    media.name = row.getColumn(1).getString();
    media.path = row.getColumn(2).getString();
    media.sha256 = row.getColumn(3).getString();
    media.size_bytes = row.getColumn(4).getInt64();
    media.duration = std::chrono::milliseconds{row.getColumn(5).getInt64()};
    media.is_still = row.getColumn(6).getInt() != 0;
    media.container = row.getColumn(7).getString();
    media.video_codec = row.getColumn(8).getString();
    media.width = row.getColumn(9).getInt();
    media.height = row.getColumn(10).getInt();
    media.audio_codec = row.getColumn(11).getString();
    media.registered_at = Instant{std::chrono::milliseconds{row.getColumn(12).getInt64()}};
    return media;
}

constexpr const char* kMediaColumns =
    "id, name, path, sha256, size_bytes, duration_ms, is_still, container, video_codec, width, height, "
    "audio_codec, registered_at_ms";

}  // namespace

std::vector<MediaFile> read_media(SQLite::Database& db) {
    std::vector<MediaFile> media;
    SQLite::Statement query(db, std::string("SELECT ") + kMediaColumns + " FROM media ORDER BY name");
    while (query.executeStep()) {
        media.push_back(media_from(query));
    }
    return media;
}

std::map<std::int64_t, std::vector<std::string>> SqliteScheduleStore::zones_by_id(const char* table,
                                                                                  const char* id_column) {
    std::map<std::int64_t, std::vector<std::string>> zones;
    SQLite::Statement query(m_db,
                            std::string("SELECT ") + id_column + ", zone FROM " + table + " ORDER BY rowid");
    while (query.executeStep()) {
        zones[query.getColumn(0).getInt64()].push_back(query.getColumn(1).getString());
    }
    return zones;
}

std::vector<PlaylistItem> SqliteScheduleStore::read_items(PlaylistId playlist) {
    std::vector<PlaylistItem> items;
    SQLite::Statement query(
        m_db,
        "SELECT media_id, display_ms, volume_percent FROM playlist_item WHERE playlist_id = ? "
        "ORDER BY position");
    query.bind(1, playlist);
    while (query.executeStep()) {
        PlaylistItem item{query.getColumn(0).getInt64(), std::nullopt, std::nullopt};
        if (!query.getColumn(1).isNull()) {
            item.display_time = std::chrono::milliseconds{query.getColumn(1).getInt64()};
        }
        if (!query.getColumn(2).isNull()) {
            item.volume_percent = query.getColumn(2).getInt();
        }
        items.push_back(item);
    }
    return items;
}

Programme SqliteScheduleStore::read_programme() {
    Programme programme;
    programme.version = m_db.execAndGet("SELECT value FROM meta WHERE key = 'programme_version'").getInt64();
    programme.media = read_media(m_db);

    SQLite::Statement playlists(m_db, "SELECT id, name, shuffle FROM playlist ORDER BY id");
    while (playlists.executeStep()) {
        programme.playlists.push_back({playlists.getColumn(0).getInt64(),
                                       playlists.getColumn(1).getString(),
                                       playlists.getColumn(2).getInt() != 0,
                                       {}});
    }
    for (Playlist& playlist : programme.playlists) {
        playlist.items = read_items(playlist.id);
    }

    auto rule_zones = zones_by_id("rule_zone", "rule_id");
    SQLite::Statement rules(
        m_db,
        "SELECT id, playlist_id, start_s, end_s, weekdays, first_date, last_date, priority "
        "FROM rule ORDER BY id");
    while (rules.executeStep()) {
        ScheduleRule rule;
        rule.id = rules.getColumn(0).getInt64();
        rule.playlist = rules.getColumn(1).getInt64();
        rule.daypart = {TimeOfDay{rules.getColumn(2).getInt64()}, TimeOfDay{rules.getColumn(3).getInt64()}};
        rule.weekdays = Weekdays{static_cast<std::uint8_t>(rules.getColumn(4).getInt())};
        rule.dates = {date_from(rules.getColumn(5)), date_from(rules.getColumn(6))};
        rule.priority = rules.getColumn(7).getInt();
        rule.zones = rule_zones[rule.id];
        programme.rules.push_back(std::move(rule));
    }

    auto interrupt_zones = zones_by_id("interrupt_zone", "interrupt_id");
    SQLite::Statement interrupts(m_db,
                                 "SELECT id, playlist_id, at_s, on_date, weekdays, first_date, last_date "
                                 "FROM interrupt ORDER BY id");
    while (interrupts.executeStep()) {
        Interrupt interrupt;
        interrupt.id = interrupts.getColumn(0).getInt64();
        interrupt.playlist = interrupts.getColumn(1).getInt64();
        interrupt.at = TimeOfDay{interrupts.getColumn(2).getInt64()};
        interrupt.on = date_from(interrupts.getColumn(3));
        interrupt.weekdays = Weekdays{static_cast<std::uint8_t>(interrupts.getColumn(4).getInt())};
        interrupt.dates = {date_from(interrupts.getColumn(5)), date_from(interrupts.getColumn(6))};
        interrupt.zones = interrupt_zones[interrupt.id];
        programme.interrupts.push_back(std::move(interrupt));
    }

    auto closed_zones = zones_by_id("closed_hours_zone", "closed_hours_id");
    SQLite::Statement closed(
        m_db, "SELECT id, start_s, end_s, weekdays, first_date, last_date FROM closed_hours ORDER BY id");
    while (closed.executeStep()) {
        ClosedHours hours;
        hours.id = closed.getColumn(0).getInt64();
        hours.daypart = {TimeOfDay{closed.getColumn(1).getInt64()},
                         TimeOfDay{closed.getColumn(2).getInt64()}};
        hours.weekdays = Weekdays{static_cast<std::uint8_t>(closed.getColumn(3).getInt())};
        hours.dates = {date_from(closed.getColumn(4)), date_from(closed.getColumn(5))};
        hours.zones = closed_zones[hours.id];
        programme.closed_hours.push_back(std::move(hours));
    }

    SQLite::Statement zones(m_db, "SELECT zone, default_playlist_id, closed_mode FROM zone ORDER BY zone");
    while (zones.executeStep()) {
        ZoneSettings settings{zones.getColumn(0).getString(), std::nullopt, ClosedMode::slate};
        if (!zones.getColumn(1).isNull()) {
            settings.default_playlist = zones.getColumn(1).getInt64();
        }
        settings.closed_mode =
            zones.getColumn(2).getString() == "blank" ? ClosedMode::blank : ClosedMode::slate;
        programme.zones.push_back(std::move(settings));
    }
    return programme;
}

tl::expected<Programme, Error> SqliteScheduleStore::load_programme() {
    return guarded("reading the programme", [&]() -> tl::expected<Programme, Error> {
        // One read transaction: every table from the same committed version.
        SQLite::Transaction transaction(m_db);
        Programme programme = read_programme();
        transaction.commit();
        return programme;
    });
}

tl::expected<std::int64_t, Error> SqliteScheduleStore::programme_version() {
    return guarded("reading the programme version", [&]() -> tl::expected<std::int64_t, Error> {
        return m_db.execAndGet("SELECT value FROM meta WHERE key = 'programme_version'").getInt64();
    });
}

}  // namespace scheduler::detail

// Proof of play on SQLite: append-only events (a start, its end, or a skip),
// each committed on its own so a power cut loses none that was reported.

#include "store/sqlite_store.h"

namespace scheduler::detail {
namespace {

const char* kind_text(PlayEventKind kind) {
    switch (kind) {
        case PlayEventKind::start:
            return "start";
        case PlayEventKind::end:
            return "end";
        case PlayEventKind::skip:
            return "skip";
    }
    return "start";
}

}  // namespace

tl::expected<std::int64_t, Error> SqliteScheduleStore::record_play(const PlayEvent& event) {
    if (event.kind == PlayEventKind::end && !event.start_event) {
        return tl::unexpected(
            Error{ErrorKind::invalid_input, "an end must name the start it ends (start_event)"});
    }
    return guarded("recording a play", [&]() -> tl::expected<std::int64_t, Error> {
        SQLite::Statement insert(
            m_db,
            "INSERT INTO play_event (kind, zone, playlist_id, playlist_name, media_id, media_path, "
            "at_ms, reason, start_event_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        insert.bind(1, kind_text(event.kind));
        insert.bind(2, event.zone);
        if (event.playlist) {
            insert.bind(3, *event.playlist);
        } else {
            insert.bind(3);
        }
        insert.bind(4, event.playlist_name);
        if (event.media) {
            insert.bind(5, *event.media);
        } else {
            insert.bind(5);
        }
        insert.bind(6, event.media_path.string());
        insert.bind(7, static_cast<std::int64_t>(event.at.time_since_epoch().count()));
        insert.bind(8, event.reason);
        if (event.start_event) {
            insert.bind(9, *event.start_event);
        } else {
            insert.bind(9);
        }
        insert.exec();  // autocommit: one short write transaction
        return m_db.getLastInsertRowid();
    });
}

tl::expected<std::vector<PlayReportRow>, Error> SqliteScheduleStore::play_report(const PlayQuery& query) {
    return guarded("reading the plays", [&]() -> tl::expected<std::vector<PlayReportRow>, Error> {
        SQLite::Statement select(
            m_db,
            "SELECT s.id, s.kind, s.zone, s.playlist_name, m.name, s.media_path, s.at_ms, s.reason, e.at_ms, "
            "e.reason "
            "FROM play_event s "
            "LEFT JOIN media m ON m.id = s.media_id "
            "LEFT JOIN play_event e ON e.id = (SELECT MIN(id) FROM play_event "
            "                                  WHERE kind = 'end' AND start_event_id = s.id) "
            "WHERE s.kind IN ('start', 'skip') AND s.at_ms >= ? AND s.at_ms < ? AND (? IS NULL OR s.zone = "
            "?) "
            "ORDER BY s.at_ms, s.id");
        select.bind(1, static_cast<std::int64_t>(query.from.time_since_epoch().count()));
        select.bind(2, static_cast<std::int64_t>(query.to.time_since_epoch().count()));
        if (query.zone) {
            select.bind(3, *query.zone);
            select.bind(4, *query.zone);
        } else {
            select.bind(3);
            select.bind(4);
        }
        std::vector<PlayReportRow> rows;
        while (select.executeStep()) {
            PlayReportRow row;
            row.start_event = select.getColumn(0).getInt64();
            row.skipped = select.getColumn(1).getString() == "skip";
            row.zone = select.getColumn(2).getString();
            row.playlist_name = select.getColumn(3).getString();
            row.media_path = select.getColumn(5).getString();
            row.media_name = select.getColumn(4).isNull() ? row.media_path.filename().string()
                                                          : select.getColumn(4).getString();
            row.started = Instant{std::chrono::milliseconds{select.getColumn(6).getInt64()}};
            if (row.skipped) {
                row.reason = select.getColumn(7).getString();
            } else if (!select.getColumn(8).isNull()) {
                row.ended = Instant{std::chrono::milliseconds{select.getColumn(8).getInt64()}};
                row.reason = select.getColumn(9).getString();
            }
            rows.push_back(std::move(row));
        }
        return rows;
    });
}

}  // namespace scheduler::detail

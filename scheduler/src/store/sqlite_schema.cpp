// The database schema and its migrations. PRAGMA user_version is the number
// of migrations applied; each runs in its own IMMEDIATE transaction, which
// re-reads the version first so two programs opening a new database at once
// migrate it once. Never edit a released migration: append a new one.

#include <array>

#include "store/sqlite_store.h"

namespace scheduler {
namespace {

constexpr std::array<const char*, 1> kMigrations{
    // 1: programme, media library, proof of play.
    R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO meta (key, value) VALUES ('programme_version', 0);

CREATE TABLE media (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  name             TEXT NOT NULL UNIQUE,
  path             TEXT NOT NULL UNIQUE,
  sha256           TEXT NOT NULL,
  size_bytes       INTEGER NOT NULL,
  duration_ms      INTEGER NOT NULL,
  is_still         INTEGER NOT NULL,
  container        TEXT NOT NULL,
  video_codec      TEXT NOT NULL,
  width            INTEGER NOT NULL,
  height           INTEGER NOT NULL,
  audio_codec      TEXT NOT NULL,
  registered_at_ms INTEGER NOT NULL
);

CREATE TABLE playlist (
  id      INTEGER PRIMARY KEY AUTOINCREMENT,
  name    TEXT NOT NULL UNIQUE,
  shuffle INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE playlist_item (
  playlist_id    INTEGER NOT NULL REFERENCES playlist(id) ON DELETE CASCADE,
  position       INTEGER NOT NULL,
  media_id       INTEGER NOT NULL REFERENCES media(id),
  display_ms     INTEGER CHECK (display_ms > 0),
  volume_percent INTEGER CHECK (volume_percent BETWEEN 0 AND 100),
  PRIMARY KEY (playlist_id, position)
);
CREATE INDEX playlist_item_media ON playlist_item(media_id);

CREATE TABLE rule (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  playlist_id INTEGER NOT NULL REFERENCES playlist(id),
  start_s     INTEGER NOT NULL,
  end_s       INTEGER NOT NULL,
  weekdays    INTEGER NOT NULL,
  first_date  TEXT,
  last_date   TEXT,
  priority    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE rule_zone (
  rule_id INTEGER NOT NULL REFERENCES rule(id) ON DELETE CASCADE,
  zone    TEXT NOT NULL,
  PRIMARY KEY (rule_id, zone)
);

CREATE TABLE interrupt (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  playlist_id INTEGER NOT NULL REFERENCES playlist(id),
  at_s        INTEGER NOT NULL,
  on_date     TEXT,
  weekdays    INTEGER NOT NULL,
  first_date  TEXT,
  last_date   TEXT
);
CREATE TABLE interrupt_zone (
  interrupt_id INTEGER NOT NULL REFERENCES interrupt(id) ON DELETE CASCADE,
  zone         TEXT NOT NULL,
  PRIMARY KEY (interrupt_id, zone)
);

CREATE TABLE closed_hours (
  id         INTEGER PRIMARY KEY AUTOINCREMENT,
  start_s    INTEGER NOT NULL,
  end_s      INTEGER NOT NULL,
  weekdays   INTEGER NOT NULL,
  first_date TEXT,
  last_date  TEXT
);
CREATE TABLE closed_hours_zone (
  closed_hours_id INTEGER NOT NULL REFERENCES closed_hours(id) ON DELETE CASCADE,
  zone            TEXT NOT NULL,
  PRIMARY KEY (closed_hours_id, zone)
);

CREATE TABLE zone (
  zone                TEXT PRIMARY KEY,
  default_playlist_id INTEGER REFERENCES playlist(id),
  closed_mode         TEXT NOT NULL DEFAULT 'slate' CHECK (closed_mode IN ('slate', 'blank'))
);

CREATE TABLE play_event (
  id             INTEGER PRIMARY KEY AUTOINCREMENT,
  kind           TEXT NOT NULL CHECK (kind IN ('start', 'end', 'skip')),
  zone           TEXT NOT NULL,
  playlist_id    INTEGER,
  playlist_name  TEXT NOT NULL,
  media_id       INTEGER,
  media_path     TEXT NOT NULL,
  at_ms          INTEGER NOT NULL,
  reason         TEXT NOT NULL,
  start_event_id INTEGER
);
CREATE INDEX play_event_at ON play_event(at_ms);
CREATE INDEX play_event_start ON play_event(start_event_id);
)sql",
};

}  // namespace

int current_schema_version() {
    return static_cast<int>(kMigrations.size());
}

namespace detail {

tl::expected<void, Error> migrate(SQLite::Database& db) {
    return guarded("upgrading the database", [&]() -> tl::expected<void, Error> {
        // Already current (every open but the first): no write lock needed.
        if (db.execAndGet("PRAGMA user_version").getInt() == current_schema_version()) {
            return {};
        }
        for (;;) {
            SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
            const int version = db.execAndGet("PRAGMA user_version").getInt();
            if (version > current_schema_version()) {
                return tl::unexpected(
                    Error{ErrorKind::incompatible, db.getFilename() + " has schema version " +
                                                       std::to_string(version) + "; this kiosk knows up to " +
                                                       std::to_string(current_schema_version()) +
                                                       ": update the software"});
            }
            if (version == current_schema_version()) {
                transaction.commit();
                return {};
            }
            db.exec(kMigrations[static_cast<std::size_t>(version)]);
            db.exec("PRAGMA user_version = " + std::to_string(version + 1));
            transaction.commit();
        }
    });
}

}  // namespace detail

std::string database_library_version() {
    return std::string("SQLite ") + SQLite::getLibVersion();
}

}  // namespace scheduler

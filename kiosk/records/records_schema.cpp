// The records database's schema and its migrations. PRAGMA user_version is
// the number of migrations applied; each runs in its own IMMEDIATE
// transaction, which re-reads the version first so the kiosk and kioskctl
// opening a new database at once migrate it once. Never edit a released
// migration: append a new one.

#include <array>

#include "records/sqlite_records_store.h"

namespace kiosk::records {
namespace {

constexpr std::array<const char*, 1> kMigrations{
    // 1: consultations, call-backs, ratings, visitor sessions, board views.
    R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO meta (key, value) VALUES ('heartbeat_ms', 0);

-- local_day is the hall's local day when the record was written
-- ('YYYY-MM-DD'): reports by day, week and month read it, never at_ms.
CREATE TABLE consultation (
  id                 INTEGER PRIMARY KEY AUTOINCREMENT,
  at_ms              INTEGER NOT NULL,
  utc_offset_minutes INTEGER NOT NULL,
  local_day          TEXT NOT NULL,
  category           TEXT NOT NULL,
  topic              TEXT NOT NULL DEFAULT '',
  zone               TEXT NOT NULL DEFAULT '',
  channel            TEXT NOT NULL CHECK (channel IN ('kiosk', 'desk')),
  note               TEXT NOT NULL DEFAULT '',
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  queue_day          TEXT,
  queue_no           INTEGER,
  closed_at_ms       INTEGER,
  closing_note       TEXT NOT NULL DEFAULT ''
);
-- The monthly report: counts by day and category from the index alone.
CREATE INDEX consultation_day_category ON consultation(local_day, category);
-- Queue numbers: the day's highest, and never one twice. Desk records have none.
CREATE UNIQUE INDEX consultation_queue ON consultation(queue_day, queue_no) WHERE queue_no IS NOT NULL;
-- The desk's screen: consultations closed lately.
CREATE INDEX consultation_closed ON consultation(closed_at_ms) WHERE closed_at_ms IS NOT NULL;

-- A call-back request: the phone only with consent, NULL once purged.
CREATE TABLE callback (
  consultation_id INTEGER PRIMARY KEY REFERENCES consultation(id),
  phone           TEXT,
  consented_at_ms INTEGER NOT NULL,
  purged_at_ms    INTEGER
);
CREATE INDEX callback_unpurged ON callback(consented_at_ms) WHERE phone IS NOT NULL;

CREATE TABLE rating (
  consultation_id INTEGER NOT NULL UNIQUE REFERENCES consultation(id),
  rating          INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  reason          TEXT NOT NULL DEFAULT '',
  at_ms           INTEGER NOT NULL
);

CREATE TABLE visit (
  id         INTEGER PRIMARY KEY,
  zone       TEXT NOT NULL,
  started_ms INTEGER NOT NULL,
  ended_ms   INTEGER NOT NULL,
  local_day  TEXT NOT NULL,
  local_hour INTEGER NOT NULL CHECK (local_hour BETWEEN 0 AND 23)
);
CREATE INDEX visit_day ON visit(local_day);

CREATE TABLE board_view (
  id        INTEGER PRIMARY KEY,
  zone      TEXT NOT NULL,
  board     TEXT NOT NULL,
  opened_ms INTEGER NOT NULL,
  dwell_ms  INTEGER NOT NULL CHECK (dwell_ms >= 0),
  local_day TEXT NOT NULL
);
CREATE INDEX board_view_day ON board_view(local_day);

-- Each file the desk imported, so the same file is not counted twice.
CREATE TABLE import_batch (
  id        INTEGER PRIMARY KEY,
  sha256    TEXT NOT NULL,
  file_name TEXT NOT NULL,
  rows      INTEGER NOT NULL,
  at_ms     INTEGER NOT NULL
);
CREATE INDEX import_batch_sha256 ON import_batch(sha256);
)sql",
};

RecordError newer_schema(SQLite::Database& db, int version) {
    return {RecordErrorKind::incompatible, db.getFilename() + " has schema version " +
                                               std::to_string(version) + "; this software knows up to " +
                                               std::to_string(records_schema_version()) +
                                               ": update the software"};
}

}  // namespace

int records_schema_version() {
    return static_cast<int>(kMigrations.size());
}

namespace detail {

tl::expected<void, RecordError> migrate(SQLite::Database& db) {
    return guarded("upgrading " + db.getFilename(), [&]() -> tl::expected<void, RecordError> {
        // Already current (every open but the first): no write lock needed,
        // so a read-only database still opens for reading.
        const int found = db.execAndGet("PRAGMA user_version").getInt();
        if (found == records_schema_version()) {
            return {};
        }
        if (found > records_schema_version()) {
            return tl::unexpected(newer_schema(db, found));
        }
        for (;;) {
            SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
            const int version = db.execAndGet("PRAGMA user_version").getInt();
            if (version > records_schema_version()) {
                return tl::unexpected(newer_schema(db, version));
            }
            if (version == records_schema_version()) {
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
}  // namespace kiosk::records

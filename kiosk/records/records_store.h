#pragma once
// The hall's records on SQLite, in the kiosk's data directory
// (DATA_DIR/records.db), shared by the kiosk and kioskctl. WAL with
// synchronous=FULL: a record reported committed survives a power cut. Every
// query binds its parameters; the schema migrates by PRAGMA user_version.
// Local days (queue numbers, reports by day, week and month) are the hall's
// time zone's, fixed when a record is written.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <date/tz.h>
#include <tl/expected.hpp>

#include "records/categories.h"
#include "records/consultation.h"
#include "records/record_error.h"

namespace kiosk::records {

struct RecordsStoreOptions {
    std::chrono::milliseconds busy_timeout{5000};
    // Whether opening runs SQLite's quick check, which reads the whole file
    // (about a quarter of a second per million consultations) and moves a
    // damaged one aside. The kiosk checks at start; a one-off report may
    // skip it, and a damaged file then fails its query as `corrupt`.
    bool check_integrity = true;
    // Whether a damaged file, or one that is not a database, is moved aside
    // and a new one made. Only the kiosk, at its start, does it: a program
    // that moved the file while another has it open would split the hall's
    // records in two. Otherwise such a file fails the open as `corrupt`.
    bool move_aside_damaged = true;
    // Tests only: an SQLite VFS by name (the crash harness's power-cut VFS),
    // and synchronous=OFF for its negative control.
    std::string vfs;
    bool synchronous_off = false;
};

// Which consultations `list` returns; unset fields match everything. Days
// are the hall's local days, both included.
struct ConsultationQuery {
    std::optional<date::year_month_day> from;
    std::optional<date::year_month_day> to;
    std::optional<std::string> zone;
    std::optional<std::string> category;
};

// One row of the desk's earlier log, as `consult import` reads it.
struct ImportRow {
    int line = 0;  // in the file, for messages
    NewConsultation consultation;
};

// Where imported rows come from: the same file (by its SHA-256) is imported
// once, unless staff say `again`.
struct ImportSource {
    std::string sha256;     // hex
    std::string file_name;  // as staff named it, for the message of a repeat
    Instant at;
    bool again = false;
};

enum class ReportBy { day, week, month, category, topic, zone, channel, rating };

struct CountRow {
    std::string key;  // "2026-12-07", "2026-W49", "2026-12", a category id, "category/topic", a zone, a
                      // channel, a rating key or "unrated"
    std::int64_t count = 0;
};

// Every day, week and month of the period, every category, both channels
// and every rating has a row, zeros included; zones and topics have one each
// as recorded. The rows add up to the total.
struct CountReport {
    std::vector<CountRow> rows;  // in key order (categories in their tile order, ratings best first)
    std::int64_t total = 0;
};

// The monthly report's cross table: consultations per month and category.
struct MonthByCategory {
    std::vector<std::string> months;                // "2026-11", "2026-12": every month of the period
    std::vector<std::string> categories;            // the category ids, in tile order
    std::vector<std::vector<std::int64_t>> counts;  // [month][category]
};

struct VisitReport {
    std::int64_t sessions = 0;
    double median_seconds = 0;
    std::vector<CountRow> by_zone;
    std::vector<CountRow> by_hour;  // "00" .. "23", the hall's local hour a session started
};

struct BoardReportRow {
    std::string board;
    std::string zone;
    std::int64_t views = 0;
    double median_dwell_seconds = 0;
};

class RecordsStore {
  public:
    virtual ~RecordsStore() = default;

    // Consultations. A kiosk request gets the next queue number of its local day.
    virtual tl::expected<Committed, RecordError> add(const NewConsultation& consultation) = 0;
    // All or nothing, in one transaction.
    // A file imported before is refused (conflict) unless `source.again`.
    virtual tl::expected<std::int64_t, RecordError> import(const std::vector<ImportRow>& rows,
                                                           const ImportSource& source) = 0;
    virtual tl::expected<Consultation, RecordError> get(ConsultationId id) = 0;
    virtual tl::expected<std::vector<Consultation>, RecordError> list(const ConsultationQuery& query) = 0;
    virtual tl::expected<void, RecordError> close(ConsultationId id, const std::string& note, Instant at) = 0;
    // A consultation is rated once.
    virtual tl::expected<void, RecordError> rate(ConsultationId id, Rating rating, const std::string& reason,
                                                 Instant at) = 0;
    // Consultations closed after `after` (their closed_at), not rated yet, oldest first: for the desk's
    // screen.
    virtual tl::expected<std::vector<Consultation>, RecordError> closed_unrated_since(Instant after) = 0;
    // Deletes the phone numbers of call-back requests older than `retention`; returns how many.
    virtual tl::expected<std::int64_t, RecordError> purge_callbacks(Instant now,
                                                                    std::chrono::days retention) = 0;

    // Writes a heartbeat and nothing of the hall's records: whether the disk
    // takes writes now. The writer asks it to know when logging may resume.
    virtual tl::expected<void, RecordError> probe_writable() = 0;

    virtual tl::expected<void, RecordError> add_visit(const VisitSession& visit) = 0;
    virtual tl::expected<void, RecordError> add_board_view(const BoardView& view) = 0;

    // Reports over the local days from..to, both included.
    virtual tl::expected<CountReport, RecordError> count_consultations(date::year_month_day from,
                                                                       date::year_month_day to,
                                                                       ReportBy by) = 0;
    virtual tl::expected<MonthByCategory, RecordError> month_by_category(date::year_month_day from,
                                                                         date::year_month_day to) = 0;
    virtual tl::expected<VisitReport, RecordError> report_visits(date::year_month_day from,
                                                                 date::year_month_day to) = 0;
    virtual tl::expected<std::vector<BoardReportRow>, RecordError> report_boards(date::year_month_day from,
                                                                                 date::year_month_day to) = 0;
};

// Opens (creating and migrating) the records database. A file that is not a
// database, or fails its integrity check at open, is moved aside as
// FILE.corrupt-YYYYMMDD-HHMMSS and a new one is made (unless
// options.move_aside_damaged is false); `moved_aside`, when given, receives
// the name it was moved to.
tl::expected<std::unique_ptr<RecordsStore>, RecordError> open_records_store(
    const std::filesystem::path& file, const Categories& categories, const date::time_zone& tz,
    const RecordsStoreOptions& options = {}, std::filesystem::path* moved_aside = nullptr);

// DATA_DIR/records.db
std::filesystem::path records_file(const std::filesystem::path& data_dir);

// The schema version this build writes (PRAGMA user_version).
int records_schema_version();

}  // namespace kiosk::records

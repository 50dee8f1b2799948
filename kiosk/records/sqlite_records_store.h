#pragma once
// Internal: the records store on SQLite (SQLiteCpp). Every SQLiteCpp
// exception is caught here and becomes a RecordError whose kind tells the
// caller what it may do: a full, read-only or missing disk is `unavailable`,
// a database another program is writing `busy`, a damaged file `corrupt`.

#include <SQLiteCpp/SQLiteCpp.h>

#include <exception>
#include <filesystem>
#include <string>

#include "records/records_store.h"

namespace kiosk::records::detail {

RecordError sqlite_error(const std::string& doing, const SQLite::Exception& exception);

// Runs `work`, turning exceptions into errors that say what was being done.
template <typename Work>
auto guarded(const std::string& doing, Work&& work) -> decltype(work()) {
    try {
        return work();
    } catch (const SQLite::Exception& exception) {
        return tl::unexpected(sqlite_error(doing, exception));
    } catch (const std::exception& exception) {
        return tl::unexpected(RecordError{RecordErrorKind::unavailable, doing + ": " + exception.what()});
    }
}

// Brings the database to the current schema, one migration per IMMEDIATE
// transaction (records_schema.cpp).
tl::expected<void, RecordError> migrate(SQLite::Database& db);

// Why a consultation cannot be stored, or nullopt when it can.
std::optional<std::string> consultation_problem(const NewConsultation& consultation,
                                                const Categories& categories);

class SqliteRecordsStore final : public RecordsStore {
  public:
    // Takes an open, migrated database.
    SqliteRecordsStore(SQLite::Database db, Categories categories, const date::time_zone& tz);

    tl::expected<Committed, RecordError> add(const NewConsultation& consultation) override;
    tl::expected<std::int64_t, RecordError> import(const std::vector<ImportRow>& rows,
                                                   const ImportSource& source) override;
    tl::expected<Consultation, RecordError> get(ConsultationId id) override;
    tl::expected<std::vector<Consultation>, RecordError> list(const ConsultationQuery& query) override;
    tl::expected<void, RecordError> close(ConsultationId id, const std::string& note, Instant at) override;
    tl::expected<void, RecordError> rate(ConsultationId id, Rating rating, const std::string& reason,
                                         Instant at) override;
    tl::expected<std::vector<Consultation>, RecordError> closed_unrated_since(Instant after) override;
    tl::expected<std::int64_t, RecordError> purge_callbacks(Instant now,
                                                            std::chrono::days retention) override;
    tl::expected<void, RecordError> probe_writable() override;

    tl::expected<void, RecordError> add_visit(const VisitSession& visit) override;
    tl::expected<void, RecordError> add_board_view(const BoardView& view) override;

    // records_reports.cpp
    tl::expected<CountReport, RecordError> count_consultations(date::year_month_day from,
                                                               date::year_month_day to, ReportBy by) override;
    tl::expected<MonthByCategory, RecordError> month_by_category(date::year_month_day from,
                                                                 date::year_month_day to) override;
    tl::expected<VisitReport, RecordError> report_visits(date::year_month_day from,
                                                         date::year_month_day to) override;
    tl::expected<std::vector<BoardReportRow>, RecordError> report_boards(date::year_month_day from,
                                                                         date::year_month_day to) override;

  private:
    // Inserts one consultation (and its call-back) in the caller's
    // transaction; returns its id.
    ConsultationId insert(SQLite::Statement& insert_consultation, const NewConsultation& consultation,
                          const std::string& queue_day, std::int64_t queue_no);
    std::vector<Consultation> read_consultations(SQLite::Statement& select);
    // Counts per key of one column over the period, in the database's key order.
    std::vector<CountRow> counts_by(const char* column, date::year_month_day from, date::year_month_day to);

    SQLite::Database m_db;
    Categories m_categories;
    const date::time_zone* m_tz;
};

}  // namespace kiosk::records::detail

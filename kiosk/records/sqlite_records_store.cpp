// The records store on SQLite: consultations written and read, ratings,
// call-back purges, visitor sessions and board views. Reports are in
// records_reports.cpp, opening in sqlite_records_open.cpp.

#include "records/sqlite_records_store.h"

#include <sqlite3.h>

#include <cstdio>

#include "content/message_text.h"
#include "records/record_text.h"
#include "records/record_time.h"

namespace kiosk::records {
namespace detail {
namespace {

constexpr const char* kSelectConsultation =
    "SELECT c.id, c.at_ms, c.utc_offset_minutes, c.category, c.topic, c.zone, c.channel, c.note, c.status, "
    "c.queue_no, c.closed_at_ms, c.closing_note, r.rating, r.reason, b.consultation_id IS NOT NULL, b.phone "
    "FROM consultation c LEFT JOIN rating r ON r.consultation_id = c.id "
    "LEFT JOIN callback b ON b.consultation_id = c.id ";

std::int64_t millis(Instant at) {
    return static_cast<std::int64_t>(at.time_since_epoch().count());
}

Instant instant_from(const SQLite::Column& column) {
    return Instant{std::chrono::milliseconds{column.getInt64()}};
}

// "A001" .. "A999", then "A1000": the visitor reads it off the screen.
std::string queue_number_text(std::int64_t number) {
    char text[32];
    std::snprintf(text, sizeof text, "A%03lld", static_cast<long long>(number));
    return text;
}

RecordError invalid(std::string message) {
    return {RecordErrorKind::invalid, std::move(message)};
}

std::optional<std::string> first_problem(
    std::initializer_list<std::pair<const char*, std::string_view>> fields) {
    for (const auto& [what, text] : fields) {
        if (auto problem = text_problem(what, text)) {
            return problem;
        }
    }
    return std::nullopt;
}

}  // namespace

RecordError sqlite_error(const std::string& doing, const SQLite::Exception& exception) {
    switch (exception.getErrorCode() & 0xff) {
        case SQLITE_FULL:
            return {RecordErrorKind::unavailable, doing + ": the disk is full"};
        case SQLITE_READONLY:
            return {RecordErrorKind::unavailable, doing + ": the database is read-only"};
        case SQLITE_CANTOPEN:
            return {RecordErrorKind::unavailable, doing + ": cannot open the database file"};
        case SQLITE_IOERR:
            return {RecordErrorKind::unavailable, doing + ": the disk failed to read or write"};
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return {RecordErrorKind::busy, doing + ": the database stayed busy (another program is writing)"};
        case SQLITE_NOTADB:
            return {RecordErrorKind::corrupt, doing + ": the file is not a database"};
        case SQLITE_CORRUPT:
            return {RecordErrorKind::corrupt, doing + ": the database file is damaged"};
        case SQLITE_CONSTRAINT:
            return {RecordErrorKind::conflict,
                    doing + ": refused by the database: " + exception.getErrorStr()};
        default:
            return {RecordErrorKind::unavailable, doing + ": " + exception.what()};
    }
}

std::optional<std::string> consultation_problem(const NewConsultation& consultation,
                                                const Categories& categories) {
    if (!categories.find(consultation.category)) {
        return "unknown category " + content::quoted_text(consultation.category) +
               "; valid ids: " + categories.ids_text();
    }
    if (consultation.channel != Channel::kiosk && consultation.channel != Channel::desk) {
        return "unknown channel; valid: kiosk, desk";
    }
    if (auto problem = first_problem(
            {{"topic", consultation.topic}, {"zone", consultation.zone}, {"note", consultation.note}})) {
        return problem;
    }
    if (consultation.callback && !is_mainland_mobile(consultation.callback->phone)) {
        return "the call-back number is not a mainland mobile number (11 digits, 13x to 19x)";
    }
    return std::nullopt;
}

SqliteRecordsStore::SqliteRecordsStore(SQLite::Database db, Categories categories, const date::time_zone& tz)
    : m_db(std::move(db)), m_categories(std::move(categories)), m_tz(&tz) {}

ConsultationId SqliteRecordsStore::insert(SQLite::Statement& insert_consultation,
                                          const NewConsultation& consultation, const std::string& queue_day,
                                          std::int64_t queue_no) {
    const LocalStamp stamp = local_stamp(consultation.at, *m_tz);
    insert_consultation.reset();
    insert_consultation.bind(1, millis(consultation.at));
    insert_consultation.bind(2, stamp.utc_offset_minutes);
    insert_consultation.bind(3, stamp.day);
    insert_consultation.bind(4, consultation.category);
    insert_consultation.bind(5, consultation.topic);
    insert_consultation.bind(6, consultation.zone);
    insert_consultation.bind(7, to_string(consultation.channel));
    insert_consultation.bind(8, consultation.note);
    if (queue_no > 0) {
        insert_consultation.bind(9, queue_day);
        insert_consultation.bind(10, queue_no);
    } else {
        insert_consultation.bind(9);
        insert_consultation.bind(10);
    }
    insert_consultation.exec();
    const ConsultationId id = m_db.getLastInsertRowid();
    if (consultation.callback) {
        SQLite::Statement insert_callback(
            m_db, "INSERT INTO callback (consultation_id, phone, consented_at_ms) VALUES (?, ?, ?)");
        insert_callback.bind(1, id);
        insert_callback.bind(2, consultation.callback->phone);
        insert_callback.bind(3, millis(consultation.callback->consented_at));
        insert_callback.exec();
    }
    return id;
}

namespace {
constexpr const char* kInsertConsultation =
    "INSERT INTO consultation (at_ms, utc_offset_minutes, local_day, category, topic, zone, channel, note, "
    "queue_day, queue_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
}  // namespace

tl::expected<Committed, RecordError> SqliteRecordsStore::add(const NewConsultation& consultation) {
    if (auto problem = consultation_problem(consultation, m_categories)) {
        return tl::unexpected(invalid(*problem));
    }
    return guarded("recording a consultation", [&]() -> tl::expected<Committed, RecordError> {
        // IMMEDIATE: the queue number is read and taken under one write lock,
        // so the kiosk's screens and the desk never hand out the same number.
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        std::string queue_day;
        std::int64_t queue_no = 0;
        if (consultation.channel == Channel::kiosk) {
            queue_day = local_stamp(consultation.at, *m_tz).day;
            SQLite::Statement next(m_db,
                                   "SELECT COALESCE(MAX(queue_no), 0) + 1 FROM consultation "
                                   "WHERE queue_day = ? AND queue_no IS NOT NULL");
            next.bind(1, queue_day);
            next.executeStep();
            queue_no = next.getColumn(0).getInt64();
        }
        SQLite::Statement statement(m_db, kInsertConsultation);
        const ConsultationId id = insert(statement, consultation, queue_day, queue_no);
        transaction.commit();
        return Committed{id, queue_no > 0 ? queue_number_text(queue_no) : std::string()};
    });
}

tl::expected<std::int64_t, RecordError> SqliteRecordsStore::import(const std::vector<ImportRow>& rows,
                                                                   const ImportSource& source) {
    std::string problems;
    int refused = 0;
    for (const ImportRow& row : rows) {
        if (auto problem = consultation_problem(row.consultation, m_categories)) {
            // Every bad row is named (up to a screenful), so staff fix the file in one go.
            if (++refused <= 20) {
                problems +=
                    (problems.empty() ? "" : "; ") + ("line " + std::to_string(row.line) + ": ") + *problem;
            }
        }
    }
    if (refused > 0) {
        return tl::unexpected(
            invalid(std::to_string(refused) + " bad row(s), nothing imported: " + problems));
    }
    return guarded("importing consultations", [&]() -> tl::expected<std::int64_t, RecordError> {
        // One transaction and one prepared statement: all or nothing, and a
        // million rows in seconds.
        // 64 MB of page cache (used only as it fills): the index's pages stay
        // in memory instead of going back and forth to the WAL a million times.
        m_db.exec("PRAGMA cache_size = -65536");
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement earlier(m_db,
                                  "SELECT file_name, rows, at_ms FROM import_batch WHERE sha256 = ? "
                                  "ORDER BY id DESC LIMIT 1");
        earlier.bind(1, source.sha256);
        if (earlier.executeStep() && !source.again) {
            // The figures would count the same consultations twice.
            return tl::unexpected(RecordError{
                RecordErrorKind::conflict,
                "this file was imported already (as " + earlier.getColumn(0).getString() + ", " +
                    std::to_string(earlier.getColumn(1).getInt64()) + " rows, on " +
                    day_key(
                        date::year_month_day{date::floor<date::days>(instant_from(earlier.getColumn(2)))}) +
                    " UTC): importing it again would count its consultations twice"});
        }
        SQLite::Statement batch(
            m_db, "INSERT INTO import_batch (sha256, file_name, rows, at_ms) VALUES (?, ?, ?, ?)");
        batch.bind(1, source.sha256);
        batch.bind(2, source.file_name);
        batch.bind(3, static_cast<std::int64_t>(rows.size()));
        batch.bind(4, static_cast<std::int64_t>(source.at.time_since_epoch().count()));
        batch.exec();
        SQLite::Statement statement(m_db, kInsertConsultation);
        for (const ImportRow& row : rows) {
            // Earlier logs get no queue number: nobody is waiting for them.
            insert(statement, row.consultation, std::string(), 0);
        }
        transaction.commit();
        return static_cast<std::int64_t>(rows.size());
    });
}

std::vector<Consultation> SqliteRecordsStore::read_consultations(SQLite::Statement& select) {
    std::vector<Consultation> found;
    while (select.executeStep()) {
        Consultation c;
        c.id = select.getColumn(0).getInt64();
        c.at = instant_from(select.getColumn(1));
        c.utc_offset_minutes = select.getColumn(2).getInt();
        c.category = select.getColumn(3).getString();
        c.topic = select.getColumn(4).getString();
        c.zone = select.getColumn(5).getString();
        c.channel = parse_channel(select.getColumn(6).getString()).value_or(Channel::desk);
        c.note = select.getColumn(7).getString();
        c.status = select.getColumn(8).getString() == "closed" ? ConsultationStatus::closed
                                                               : ConsultationStatus::open;
        if (!select.getColumn(9).isNull()) {
            c.queue_number = queue_number_text(select.getColumn(9).getInt64());
        }
        if (!select.getColumn(10).isNull()) {
            c.closed_at = instant_from(select.getColumn(10));
        }
        c.closing_note = select.getColumn(11).getString();
        if (!select.getColumn(12).isNull()) {
            c.rating = static_cast<Rating>(select.getColumn(12).getInt());
            c.rating_reason = select.getColumn(13).getString();
        }
        c.callback_requested = select.getColumn(14).getInt() != 0;
        c.phone = select.getColumn(15).getString();  // NULL (purged, or none) reads as ""
        found.push_back(std::move(c));
    }
    return found;
}

tl::expected<Consultation, RecordError> SqliteRecordsStore::get(ConsultationId id) {
    return guarded(
        "reading consultation " + std::to_string(id), [&]() -> tl::expected<Consultation, RecordError> {
            SQLite::Statement select(m_db, std::string(kSelectConsultation) + "WHERE c.id = ?");
            select.bind(1, id);
            auto found = read_consultations(select);
            if (found.empty()) {
                return tl::unexpected(
                    RecordError{RecordErrorKind::not_found, "no consultation has id " + std::to_string(id)});
            }
            return std::move(found.front());
        });
}

tl::expected<std::vector<Consultation>, RecordError> SqliteRecordsStore::list(
    const ConsultationQuery& query) {
    return guarded("listing consultations", [&]() -> tl::expected<std::vector<Consultation>, RecordError> {
        std::string sql = std::string(kSelectConsultation) + "WHERE 1";
        if (query.from) {
            sql += " AND c.local_day >= :from";
        }
        if (query.to) {
            sql += " AND c.local_day <= :to";
        }
        if (query.zone) {
            sql += " AND c.zone = :zone";
        }
        if (query.category) {
            sql += " AND c.category = :category";
        }
        sql += " ORDER BY c.at_ms, c.id";
        SQLite::Statement select(m_db, sql);
        if (query.from) {
            select.bind(":from", day_key(*query.from));
        }
        if (query.to) {
            select.bind(":to", day_key(*query.to));
        }
        if (query.zone) {
            select.bind(":zone", *query.zone);
        }
        if (query.category) {
            select.bind(":category", *query.category);
        }
        return read_consultations(select);
    });
}

tl::expected<void, RecordError> SqliteRecordsStore::close(ConsultationId id, const std::string& note,
                                                          Instant at) {
    if (auto problem = text_problem("the closing note", note)) {
        return tl::unexpected(invalid(*problem));
    }
    return guarded("closing consultation " + std::to_string(id), [&]() -> tl::expected<void, RecordError> {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement status(m_db, "SELECT status FROM consultation WHERE id = ?");
        status.bind(1, id);
        if (!status.executeStep()) {
            return tl::unexpected(
                RecordError{RecordErrorKind::not_found, "no consultation has id " + std::to_string(id)});
        }
        if (status.getColumn(0).getString() == "closed") {
            return tl::unexpected(RecordError{RecordErrorKind::conflict,
                                              "consultation " + std::to_string(id) + " is already closed"});
        }
        SQLite::Statement update(
            m_db,
            "UPDATE consultation SET status = 'closed', closed_at_ms = ?, closing_note = ? WHERE id = ?");
        update.bind(1, millis(at));
        update.bind(2, note);
        update.bind(3, id);
        update.exec();
        transaction.commit();
        return {};
    });
}

tl::expected<void, RecordError> SqliteRecordsStore::rate(ConsultationId id, Rating rating,
                                                         const std::string& reason, Instant at) {
    const int value = static_cast<int>(rating);
    if (value < 1 || value > kRatingCount) {
        return tl::unexpected(invalid("a rating is 1 to 5, not " + std::to_string(value)));
    }
    if (auto problem = text_problem("the rating's reason", reason)) {
        return tl::unexpected(invalid(*problem));
    }
    return guarded("rating consultation " + std::to_string(id), [&]() -> tl::expected<void, RecordError> {
        SQLite::Transaction transaction(m_db, SQLite::TransactionBehavior::IMMEDIATE);
        SQLite::Statement exists(m_db,
                                 "SELECT r.consultation_id IS NOT NULL FROM consultation c "
                                 "LEFT JOIN rating r ON r.consultation_id = c.id WHERE c.id = ?");
        exists.bind(1, id);
        if (!exists.executeStep()) {
            return tl::unexpected(
                RecordError{RecordErrorKind::not_found, "no consultation has id " + std::to_string(id)});
        }
        if (exists.getColumn(0).getInt() != 0) {
            return tl::unexpected(RecordError{RecordErrorKind::conflict,
                                              "consultation " + std::to_string(id) + " is already rated"});
        }
        SQLite::Statement insert(
            m_db, "INSERT INTO rating (consultation_id, rating, reason, at_ms) VALUES (?, ?, ?, ?)");
        insert.bind(1, id);
        insert.bind(2, value);
        insert.bind(3, reason);
        insert.bind(4, millis(at));
        insert.exec();
        transaction.commit();
        return {};
    });
}

tl::expected<std::vector<Consultation>, RecordError> SqliteRecordsStore::closed_unrated_since(Instant after) {
    return guarded(
        "reading closed consultations", [&]() -> tl::expected<std::vector<Consultation>, RecordError> {
            SQLite::Statement select(m_db, std::string(kSelectConsultation) +
                                               "WHERE c.closed_at_ms IS NOT NULL AND c.closed_at_ms > ? "
                                               "AND r.consultation_id IS NULL ORDER BY c.closed_at_ms, c.id");
            select.bind(1, millis(after));
            return read_consultations(select);
        });
}

tl::expected<std::int64_t, RecordError> SqliteRecordsStore::purge_callbacks(Instant now,
                                                                            std::chrono::days retention) {
    return guarded("deleting old call-back numbers", [&]() -> tl::expected<std::int64_t, RecordError> {
        SQLite::Statement purge(m_db,
                                "UPDATE callback SET phone = NULL, purged_at_ms = ? "
                                "WHERE phone IS NOT NULL AND consented_at_ms < ?");
        purge.bind(1, millis(now));
        purge.bind(2, millis(now - retention));
        const auto purged = static_cast<std::int64_t>(purge.exec());
        // The old pages, numbers and all, stay in the -wal file until a
        // checkpoint copies the new ones over them and empties it. While a
        // reader holds the file it cannot: the next purge does it then.
        try {
            m_db.exec("PRAGMA wal_checkpoint(TRUNCATE)");
        } catch (const SQLite::Exception&) {
        }
        return purged;
    });
}

tl::expected<void, RecordError> SqliteRecordsStore::probe_writable() {
    return guarded("writing to the records database", [&]() -> tl::expected<void, RecordError> {
        SQLite::Statement beat(m_db, "UPDATE meta SET value = ? WHERE key = 'heartbeat_ms'");
        beat.bind(1, millis(std::chrono::time_point_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now())));
        beat.exec();
        return {};
    });
}

tl::expected<void, RecordError> SqliteRecordsStore::add_visit(const VisitSession& visit) {
    if (auto problem = text_problem("zone", visit.zone)) {
        return tl::unexpected(invalid(*problem));
    }
    if (visit.ended < visit.started) {
        return tl::unexpected(invalid("a visitor session cannot end before it starts"));
    }
    return guarded("recording a visitor session", [&]() -> tl::expected<void, RecordError> {
        const LocalStamp stamp = local_stamp(visit.started, *m_tz);
        SQLite::Statement insert(
            m_db,
            "INSERT INTO visit (zone, started_ms, ended_ms, local_day, local_hour) VALUES (?, ?, ?, ?, ?)");
        insert.bind(1, visit.zone);
        insert.bind(2, millis(visit.started));
        insert.bind(3, millis(visit.ended));
        insert.bind(4, stamp.day);
        insert.bind(5, stamp.hour);
        insert.exec();
        return {};
    });
}

tl::expected<void, RecordError> SqliteRecordsStore::add_board_view(const BoardView& view) {
    if (auto problem = first_problem({{"zone", view.zone}, {"board", view.board}})) {
        return tl::unexpected(invalid(*problem));
    }
    if (view.dwell.count() < 0) {
        return tl::unexpected(invalid("a board's time on screen cannot be negative"));
    }
    return guarded("recording a board view", [&]() -> tl::expected<void, RecordError> {
        SQLite::Statement insert(
            m_db,
            "INSERT INTO board_view (zone, board, opened_ms, dwell_ms, local_day) VALUES (?, ?, ?, ?, ?)");
        insert.bind(1, view.zone);
        insert.bind(2, view.board);
        insert.bind(3, millis(view.opened));
        insert.bind(4, static_cast<std::int64_t>(view.dwell.count()));
        insert.bind(5, local_stamp(view.opened, *m_tz).day);
        insert.exec();
        return {};
    });
}

}  // namespace detail
}  // namespace kiosk::records

// The records store on real SQLite files: what is written is read back
// exactly, queue numbers count per local day, imports are all or nothing,
// and call-back numbers go when their time is up.

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <fstream>

#include "records/csv_import.h"
#include "records_test_support.h"

namespace kiosk::records::test {
namespace {

using std::chrono::days;
using std::chrono::hours;

// The file's bytes, as anyone who copies it would read them; empty when there is none.
std::string raw_bytes(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class RecordsStore : public ::testing::Test {
  protected:
    TempFolder m_folder;
    std::unique_ptr<records::RecordsStore> m_store = open_store(m_folder / "records.db");
};

TEST_F(RecordsStore, AConsultationReadsBackAsWritten) {
    NewConsultation asked = request(hall_time("2026-12-07T10:15:30"));
    asked.topic = "劳动争议";
    asked.note = "wage arrears since October";
    asked.callback = CallbackRequest{"13812345678", hall_time("2026-12-07T10:15:00")};
    const auto committed = m_store->add(asked);
    ASSERT_TRUE(committed) << committed.error().message;
    EXPECT_GT(committed->id, 0);
    EXPECT_EQ(committed->queue_number, "A001");

    const auto read = m_store->get(committed->id);
    ASSERT_TRUE(read) << read.error().message;
    EXPECT_EQ(read->id, committed->id);
    EXPECT_EQ(read->at, asked.at);
    EXPECT_EQ(read->utc_offset_minutes, 480);
    EXPECT_EQ(format_with_offset(read->at, read->utc_offset_minutes), "2026-12-07T10:15:30+08:00");
    EXPECT_EQ(read->category, "legal-aid");
    EXPECT_EQ(read->topic, "劳动争议");
    EXPECT_EQ(read->zone, "zone-a");
    EXPECT_EQ(read->channel, Channel::kiosk);
    EXPECT_EQ(read->note, asked.note);
    EXPECT_EQ(read->status, ConsultationStatus::open);
    EXPECT_EQ(read->queue_number, "A001");
    EXPECT_FALSE(read->closed_at);
    EXPECT_FALSE(read->rating);
    EXPECT_TRUE(read->callback_requested);
    EXPECT_EQ(read->phone, "13812345678");
}

TEST_F(RecordsStore, AnUnknownIdIsNotFound) {
    const auto read = m_store->get(42);
    ASSERT_FALSE(read);
    EXPECT_EQ(read.error().kind, RecordErrorKind::not_found);
}

TEST_F(RecordsStore, QueueNumbersCountPerLocalDayAndRestartTheNextDay) {
    EXPECT_EQ(m_store->add(request(hall_time("2026-12-07T09:00")))->queue_number, "A001");
    EXPECT_EQ(m_store->add(request(hall_time("2026-12-07T23:58")))->queue_number, "A002");
    // The desk's own records take no number.
    EXPECT_EQ(m_store->add(request(hall_time("2026-12-07T23:59"), "policy", Channel::desk))->queue_number,
              "");
    EXPECT_EQ(m_store->add(request(hall_time("2026-12-07T23:59:59")))->queue_number, "A003");
    // Local midnight, though it is still the 7th in UTC.
    EXPECT_EQ(m_store->add(request(hall_time("2026-12-08T00:00:01")))->queue_number, "A001");
    // Another program (kioskctl, the kiosk after a restart) goes on counting.
    auto again = open_store(m_folder / "records.db");
    EXPECT_EQ(again->add(request(hall_time("2026-12-07T23:59:59")))->queue_number, "A004");
    EXPECT_EQ(again->add(request(hall_time("2026-12-08T08:00")))->queue_number, "A002");
}

TEST_F(RecordsStore, QueueNumbersGoOnPast999) {
    RecordsStoreOptions quick;
    quick.synchronous_off = true;  // a thousand commits, none of which a power cut tests here
    auto store = open_store(m_folder / "busy.db", quick);
    std::string last;
    for (int i = 0; i < 1000; ++i) {
        last = store->add(request(hall_time("2026-12-07T10:00") + std::chrono::seconds(i)))->queue_number;
        if (i == 998) {
            EXPECT_EQ(last, "A999");
        }
    }
    EXPECT_EQ(last, "A1000");
}

TEST_F(RecordsStore, WhatCannotBeStoredIsRefusedAndNothingIsWritten) {
    auto refuse = [&](NewConsultation consultation, const std::string& says) {
        const auto result = m_store->add(consultation);
        ASSERT_FALSE(result);
        EXPECT_EQ(result.error().kind, RecordErrorKind::invalid);
        EXPECT_NE(result.error().message.find(says), std::string::npos) << result.error().message;
    };
    const Instant at = hall_time("2026-12-07T10:00");
    refuse(request(at, "legal"), "unknown category \"legal\"; valid ids: policy, legal-aid");
    NewConsultation bad_phone = request(at);
    bad_phone.callback = CallbackRequest{"12345", at};
    refuse(bad_phone, "mainland mobile");
    NewConsultation latin1 = request(at);
    latin1.note = "caf\xe9";
    refuse(latin1, "not valid UTF-8");
    NewConsultation nul = request(at);
    nul.topic = std::string("a\0b", 3);
    refuse(nul, "NUL");
    NewConsultation huge = request(at);
    huge.note = std::string(64 * 1024 + 1, 'n');
    refuse(huge, "at most");
    EXPECT_TRUE(m_store->list({})->empty());
    // At the limit it is kept.
    huge.note.pop_back();
    EXPECT_TRUE(m_store->add(huge));
}

TEST_F(RecordsStore, HostileTextRoundTripsThroughEveryField) {
    std::vector<ConsultationId> ids;
    for (const std::string& text : hostile_texts()) {
        NewConsultation asked = request(hall_time("2026-12-07T10:00"));
        asked.topic = text;
        asked.zone = text;
        asked.note = text;
        const auto committed = m_store->add(asked);
        ASSERT_TRUE(committed) << committed.error().message;
        ASSERT_TRUE(m_store->close(committed->id, text, hall_time("2026-12-07T11:00")));
        ASSERT_TRUE(m_store->rate(committed->id, Rating::dissatisfied, text, hall_time("2026-12-07T11:01")));
        ids.push_back(committed->id);
    }
    const auto listed = m_store->list({});
    ASSERT_TRUE(listed);
    ASSERT_EQ(listed->size(), hostile_texts().size());
    for (std::size_t i = 0; i < listed->size(); ++i) {
        const std::string& text = hostile_texts()[i];
        const Consultation& c = (*listed)[i];
        EXPECT_EQ(c.id, ids[i]);
        EXPECT_EQ(c.topic, text);
        EXPECT_EQ(c.zone, text);
        EXPECT_EQ(c.note, text);
        EXPECT_EQ(c.closing_note, text);
        EXPECT_EQ(c.rating_reason, text);
        // And a zone filter finds exactly its own row: the text is bound, never spliced.
        ConsultationQuery by_zone;
        by_zone.zone = text;
        const auto found = m_store->list(by_zone);
        ASSERT_TRUE(found);
        ASSERT_EQ(found->size(), 1U) << text.substr(0, 40);
        EXPECT_EQ(found->front().id, ids[i]);
    }
    ConsultationQuery injection;
    injection.zone = "' OR 1=1 --";
    EXPECT_TRUE(m_store->list(injection)->empty());
}

TEST_F(RecordsStore, ListFiltersByLocalDayZoneAndCategoryInTimeOrder) {
    auto add = [&](const std::string& at, const std::string& category, const std::string& zone) {
        NewConsultation c = request(hall_time(at), category, Channel::desk);
        c.zone = zone;
        return m_store->add(c)->id;
    };
    const auto late = add("2026-12-07T23:30", "policy", "a");  // 15:30 UTC: still the 7th here
    const auto early = add("2026-12-07T08:00", "employment", "b");
    const auto next = add("2026-12-08T00:30", "policy", "b");
    add("2026-12-06T12:00", "policy", "a");
    ConsultationQuery query;
    query.from = day("2026-12-07");
    query.to = day("2026-12-07");
    auto ids = [&](const ConsultationQuery& q) {
        std::vector<ConsultationId> found;
        const auto listed = m_store->list(q);
        for (const Consultation& c : listed.value()) {
            found.push_back(c.id);
        }
        return found;
    };
    EXPECT_EQ(ids(query), (std::vector<ConsultationId>{early, late}));
    query.to = day("2026-12-08");
    EXPECT_EQ(ids(query), (std::vector<ConsultationId>{early, late, next}));
    query.zone = "b";
    EXPECT_EQ(ids(query), (std::vector<ConsultationId>{early, next}));
    query.category = "policy";
    EXPECT_EQ(ids(query), (std::vector<ConsultationId>{next}));
    EXPECT_EQ(m_store->list({})->size(), 4U);
}

TEST_F(RecordsStore, AConsultationIsClosedOnceAndRatedOnce) {
    const auto id = m_store->add(request(hall_time("2026-12-07T10:00")))->id;
    ASSERT_TRUE(m_store->close(id, "referred to the labour bureau", hall_time("2026-12-07T10:20")));
    auto closed = m_store->get(id);
    EXPECT_EQ(closed->status, ConsultationStatus::closed);
    EXPECT_EQ(closed->closed_at, hall_time("2026-12-07T10:20"));
    EXPECT_EQ(closed->closing_note, "referred to the labour bureau");
    EXPECT_EQ(m_store->close(id, "", hall_time("2026-12-07T10:21")).error().kind, RecordErrorKind::conflict);
    EXPECT_EQ(m_store->close(id + 100, "", hall_time("2026-12-07T10:21")).error().kind,
              RecordErrorKind::not_found);

    ASSERT_TRUE(
        m_store->rate(id, Rating::very_dissatisfied, "waited too long", hall_time("2026-12-07T10:22")));
    auto rated = m_store->get(id);
    EXPECT_EQ(rated->rating, Rating::very_dissatisfied);
    EXPECT_EQ(rated->rating_reason, "waited too long");
    EXPECT_EQ(m_store->rate(id, Rating::satisfied, "", hall_time("2026-12-07T10:23")).error().kind,
              RecordErrorKind::conflict);
    EXPECT_EQ(m_store->get(id)->rating, Rating::very_dissatisfied);
    EXPECT_EQ(m_store->rate(id + 100, Rating::satisfied, "", hall_time("2026-12-07T10:23")).error().kind,
              RecordErrorKind::not_found);
    EXPECT_EQ(m_store->rate(id, static_cast<Rating>(6), "", hall_time("2026-12-07T10:23")).error().kind,
              RecordErrorKind::invalid);
}

TEST_F(RecordsStore, TheDesksScreenSeesClosedConsultationsNotYetRated) {
    const auto first = m_store->add(request(hall_time("2026-12-07T09:00")))->id;
    const auto second = m_store->add(request(hall_time("2026-12-07T09:05")))->id;
    const auto third = m_store->add(request(hall_time("2026-12-07T09:10")))->id;
    m_store->add(request(hall_time("2026-12-07T09:15")));  // still open
    ASSERT_TRUE(m_store->close(first, "", hall_time("2026-12-07T09:30")));
    ASSERT_TRUE(m_store->close(third, "", hall_time("2026-12-07T09:40")));
    ASSERT_TRUE(m_store->close(second, "", hall_time("2026-12-07T09:50")));
    ASSERT_TRUE(m_store->rate(third, Rating::satisfied, "", hall_time("2026-12-07T09:41")));

    auto ids = [&](Instant after) {
        std::vector<ConsultationId> found;
        const auto closed = m_store->closed_unrated_since(after);
        for (const Consultation& c : closed.value()) {
            found.push_back(c.id);
        }
        return found;
    };
    EXPECT_EQ(ids(hall_time("2026-12-07T09:00")), (std::vector<ConsultationId>{first, second}));
    EXPECT_EQ(ids(hall_time("2026-12-07T09:30")), (std::vector<ConsultationId>{second}));
    EXPECT_TRUE(ids(hall_time("2026-12-07T09:50")).empty());
}

TEST_F(RecordsStore, CallBackNumbersAreDeletedAfterTheirRetention) {
    const Instant now = hall_time("2026-12-31T12:00");
    NewConsultation old_one = request(now - days(31));
    old_one.callback = CallbackRequest{"13900000001", now - days(31)};
    NewConsultation recent = request(now - days(1));
    recent.callback = CallbackRequest{"13900000002", now - days(1)};
    const auto old_id = m_store->add(old_one)->id;
    const auto recent_id = m_store->add(recent)->id;
    const auto none_id = m_store->add(request(now - days(40)))->id;
    const auto file = m_folder / "records.db";
    const auto wal = m_folder / "records.db-wal";
    EXPECT_NE((raw_bytes(file) + raw_bytes(wal)).find("13900000001"), std::string::npos);

    EXPECT_EQ(m_store->purge_callbacks(now, days(30)), 1);
    EXPECT_EQ(m_store->get(old_id)->phone, "");
    EXPECT_TRUE(m_store->get(old_id)->callback_requested);
    EXPECT_EQ(m_store->get(recent_id)->phone, "13900000002");
    EXPECT_FALSE(m_store->get(none_id)->callback_requested);
    EXPECT_EQ(m_store->purge_callbacks(now, days(30)), 0);
    EXPECT_EQ(m_store->purge_callbacks(now, days(0)), 1);
    EXPECT_EQ(m_store->get(recent_id)->phone, "");

    // Gone from the bytes of the file and its -wal, not left in a free page
    // or an old page image.
    for (const auto& path : {file, wal}) {
        const std::string bytes = raw_bytes(path);
        EXPECT_EQ(bytes.find("13900000001"), std::string::npos) << path;
        EXPECT_EQ(bytes.find("13900000002"), std::string::npos) << path;
    }
    // Gone from the file itself, not only from what the store shows.
    SQLite::Database db((m_folder / "records.db").string());
    EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM callback WHERE phone IS NOT NULL").getInt(), 0);
    EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM callback WHERE purged_at_ms IS NOT NULL").getInt(), 2);
}

TEST_F(RecordsStore, AnImportIsAllOrNothing) {
    std::vector<ImportRow> rows;
    for (int i = 0; i < 5; ++i) {
        ImportRow row;
        row.line = i + 2;
        row.consultation =
            request(hall_time("2026-11-0" + std::to_string(i + 1) + "T10:00"), "policy", Channel::desk);
        rows.push_back(row);
    }
    rows[1].consultation.category = "nope";
    rows[3].consultation.note = "bad \xff";
    const auto refused = m_store->import(rows, new_file());
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, RecordErrorKind::invalid);
    EXPECT_NE(refused.error().message.find("line 3: unknown category"), std::string::npos)
        << refused.error().message;
    EXPECT_NE(refused.error().message.find("line 5: note is not valid UTF-8"), std::string::npos);
    EXPECT_TRUE(m_store->list({})->empty());

    rows[1].consultation.category = "employment";
    rows[3].consultation.note = "fine";
    rows[4].consultation.channel = Channel::kiosk;
    const ImportSource desk_log = new_file();
    EXPECT_EQ(m_store->import(rows, desk_log), 5);
    // The same file again would count its consultations twice.
    const auto repeated = m_store->import(rows, desk_log);
    ASSERT_FALSE(repeated);
    EXPECT_EQ(repeated.error().kind, RecordErrorKind::conflict);
    EXPECT_NE(repeated.error().message.find("imported already (as " + desk_log.file_name + ", 5 rows"),
              std::string::npos)
        << repeated.error().message;
    const auto listed = m_store->list({});
    ASSERT_EQ(listed->size(), 5U);
    for (const Consultation& c : *listed) {
        EXPECT_TRUE(c.queue_number.empty());  // earlier logs: nobody waits for them
    }
    EXPECT_EQ((*listed)[4].channel, Channel::kiosk);
    // Imports take no queue numbers from visitors.
    EXPECT_EQ(m_store->add(request(hall_time("2026-11-05T11:00")))->queue_number, "A001");
}

TEST_F(RecordsStore, HostileTextRoundTripsThroughACsvImport) {
    std::string csv =
        "\xEF\xBB\xBF"
        "at,category,topic,zone,channel,note\r\n";
    for (const std::string& text : hostile_texts()) {
        std::string field = "\"";
        for (const char c : text) {
            field += c == '"' ? std::string("\"\"") : std::string(1, c);
        }
        field += "\"";
        csv += "2026-12-07T10:00,dispute-mediation," + field + "," + field + ",," + field + "\r\n";
    }
    const auto rows = read_consultation_csv(csv, Categories{}, hall_zone());
    ASSERT_TRUE(rows);
    ASSERT_TRUE(m_store->import(*rows, new_file()));
    const auto listed = m_store->list({});
    ASSERT_EQ(listed->size(), hostile_texts().size());
    for (std::size_t i = 0; i < listed->size(); ++i) {
        EXPECT_EQ((*listed)[i].topic, hostile_texts()[i]);
        EXPECT_EQ((*listed)[i].zone, hostile_texts()[i]);
        EXPECT_EQ((*listed)[i].note, hostile_texts()[i]);
        EXPECT_EQ((*listed)[i].channel, Channel::desk);
    }
}

TEST_F(RecordsStore, SessionsAndBoardViewsThatCannotBeAreRefused) {
    const Instant at = hall_time("2026-12-07T10:00");
    EXPECT_TRUE(m_store->add_visit({"zone-a", at, at + std::chrono::seconds(90)}));
    EXPECT_EQ(m_store->add_visit({"zone-a", at, at - std::chrono::seconds(1)}).error().kind,
              RecordErrorKind::invalid);
    EXPECT_TRUE(m_store->add_board_view({"zone-a", "history-1", at, std::chrono::milliseconds(4500)}));
    EXPECT_EQ(
        m_store->add_board_view({"zone-a", "history-1", at, std::chrono::milliseconds(-1)}).error().kind,
        RecordErrorKind::invalid);
    EXPECT_EQ(m_store->add_board_view({"zone-a", "bad\xc3", at, std::chrono::milliseconds(1)}).error().kind,
              RecordErrorKind::invalid);
}

TEST_F(RecordsStore, TheFileIsWalWithTheCurrentSchemaVersion) {
    m_store.reset();
    SQLite::Database db((m_folder / "records.db").string());
    EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), records_schema_version());
    EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
    EXPECT_EQ(records_file("/var/lib/kiosk"), std::filesystem::path("/var/lib/kiosk/records.db"));
}

TEST_F(RecordsStore, ADatabaseFromANewerVersionIsNotTouched) {
    m_store.reset();
    {
        SQLite::Database db((m_folder / "records.db").string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 99");
    }
    std::filesystem::path moved;
    const auto store = open_records_store(m_folder / "records.db", Categories{}, hall_zone(), {}, &moved);
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().kind, RecordErrorKind::incompatible);
    EXPECT_TRUE(moved.empty());
    EXPECT_TRUE(std::filesystem::exists(m_folder / "records.db"));
}

}  // namespace
}  // namespace kiosk::records::test

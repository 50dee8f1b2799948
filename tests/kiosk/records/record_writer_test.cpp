// The kiosk's writer thread: what the screens hand over is committed and
// answered; a full or read-only disk is ridden out and logging resumes by
// itself; stopping is prompt even when the disk fails.

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include <future>
#include <mutex>
#include <optional>
#include <thread>

#include "faulty_vfs.h"
#include "records/record_writer.h"
#include "records_test_support.h"

namespace kiosk::records::test {
namespace {

using namespace std::chrono_literals;

constexpr auto kPatience = 10s;  // far beyond what any step takes, even sanitized

Instant now() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

template <typename Condition>
bool eventually(Condition condition) {
    const auto deadline = std::chrono::steady_clock::now() + kPatience;
    while (std::chrono::steady_clock::now() < deadline) {
        if (condition()) {
            return true;
        }
        std::this_thread::sleep_for(5ms);
    }
    return condition();
}

RecordWriter::Options options_for(const std::filesystem::path& file, bool faulty = false) {
    RecordWriter::Options options;
    options.database_file = file;
    options.time_zone = &hall_zone();
    options.retry_every = 50ms;
    if (faulty) {
        faulty_vfs();
        options.store.vfs = kFaultyVfs;
    }
    return options;
}

tl::expected<Committed, RecordError> submit_and_wait(RecordWriter& writer, NewConsultation consultation) {
    auto answered = std::make_shared<std::promise<tl::expected<Committed, RecordError>>>();
    auto future = answered->get_future();
    writer.submit(std::move(consultation),
                  [answered](auto result) { answered->set_value(std::move(result)); });
    if (future.wait_for(kPatience) != std::future_status::ready) {
        ADD_FAILURE() << "no answer";
        return tl::unexpected(RecordError{RecordErrorKind::unavailable, "no answer"});
    }
    return future.get();
}

TEST(RecordWriter, ARequestIsAnsweredOnceCommitted) {
    TempFolder folder;
    RecordWriter writer(options_for(folder / "records.db"));
    const auto committed = submit_and_wait(writer, request(hall_time("2026-12-07T10:00")));
    ASSERT_TRUE(committed) << committed.error().message;
    EXPECT_EQ(committed->queue_number, "A001");
    EXPECT_TRUE(writer.available());

    std::promise<tl::expected<void, RecordError>> rated;
    writer.rate(committed->id, Rating::satisfied, "", hall_time("2026-12-07T10:30"),
                [&](auto result) { rated.set_value(std::move(result)); });
    auto rated_future = rated.get_future();
    ASSERT_EQ(rated_future.wait_for(kPatience), std::future_status::ready);
    EXPECT_TRUE(rated_future.get());
    EXPECT_EQ(writer.written(), 2);
    // What the writer committed is there for kioskctl at once.
    EXPECT_EQ(open_store(folder / "records.db")->get(committed->id)->rating, Rating::satisfied);
    // A bad request is answered as such, and the disk is still fine.
    const auto refused = submit_and_wait(writer, request(hall_time("2026-12-07T10:00"), "nope"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, RecordErrorKind::invalid);
    EXPECT_TRUE(writer.available());
}

TEST(RecordWriter, SessionsAndBoardViewsAreWrittenInTheBackground) {
    TempFolder folder;
    {
        RecordWriter writer(options_for(folder / "records.db"));
        const Instant at = hall_time("2026-12-07T10:00");
        for (int i = 0; i < 20; ++i) {
            writer.record(
                VisitSession{"zone-a", at + std::chrono::minutes(i), at + std::chrono::minutes(i + 1)});
            writer.record(BoardView{"zone-a", "history", at, 3s});
        }
    }  // stopping writes what was queued
    auto store = open_store(folder / "records.db");
    EXPECT_EQ(store->report_visits(day("2026-12-07"), day("2026-12-07"))->sessions, 20);
    EXPECT_EQ(store->report_boards(day("2026-12-07"), day("2026-12-07"))->front().views, 20);
}

TEST(RecordWriter, AFullDiskSendsVisitorsToTheDeskAndLoggingResumesByItself) {
    TempFolder folder;
    ScopedFaults faults;
    RecordWriter writer(options_for(folder / "records.db", true));
    ASSERT_TRUE(submit_and_wait(writer, request(hall_time("2026-12-07T10:00"))));

    faulty_vfs().disk_full = true;
    const auto refused = submit_and_wait(writer, request(hall_time("2026-12-07T10:01")));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, RecordErrorKind::unavailable);
    EXPECT_FALSE(writer.available());
    const Instant at = hall_time("2026-12-07T10:02");
    for (int i = 0; i < 5; ++i) {
        writer.record(VisitSession{"zone-a", at, at + 30s});
    }
    writer.record(BoardView{"zone-b", "map", at, 2s});
    EXPECT_TRUE(eventually([&] { return writer.waiting() == 6; }));
    std::this_thread::sleep_for(200ms);  // retries fail meanwhile
    EXPECT_FALSE(writer.available());

    faulty_vfs().disk_full = false;
    EXPECT_TRUE(eventually([&] { return writer.available() && writer.waiting() == 0; }));
    auto store = open_store(folder / "records.db");
    EXPECT_EQ(store->report_visits(day("2026-12-07"), day("2026-12-07"))->sessions, 5);
    EXPECT_EQ(store->report_boards(day("2026-12-07"), day("2026-12-07"))->size(), 1U);
    // The refused request is not written later: its visitor went to the desk.
    EXPECT_EQ(store->list({})->size(), 1U);
    EXPECT_EQ(submit_and_wait(writer, request(hall_time("2026-12-07T10:05")))->queue_number, "A002");
}

TEST(RecordWriter, AReadOnlyDatabaseIsRiddenOutToo) {
    TempFolder folder;
    ScopedFaults faults;
    open_store(folder / "records.db");  // made, then write-protected
    faulty_vfs().read_only = true;
    RecordWriter writer(options_for(folder / "records.db", true));
    const auto refused = submit_and_wait(writer, request(hall_time("2026-12-07T10:00")));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, RecordErrorKind::unavailable);
    EXPECT_FALSE(writer.available());
    writer.record(VisitSession{"zone-a", hall_time("2026-12-07T10:00"), hall_time("2026-12-07T10:01")});

    faulty_vfs().read_only = false;
    EXPECT_TRUE(eventually([&] { return writer.available() && writer.waiting() == 0; }));
    EXPECT_EQ(submit_and_wait(writer, request(hall_time("2026-12-07T10:05")))->queue_number, "A001");
    EXPECT_EQ(
        open_store(folder / "records.db")->report_visits(day("2026-12-07"), day("2026-12-07"))->sessions, 1);
}

TEST(RecordWriter, StoppingIsPromptWhenTheDiskFails) {
    TempFolder folder;
    ScopedFaults faults;
    std::atomic<int> answered{0};
    std::atomic<int> refused{0};
    std::optional<RecordWriter> writer;
    writer.emplace(options_for(folder / "records.db", true));
    ASSERT_TRUE(submit_and_wait(*writer, request(hall_time("2026-12-07T10:00"))));
    faulty_vfs().disk_full = true;
    const Instant at = hall_time("2026-12-07T10:01");
    for (int i = 0; i < 5000; ++i) {
        writer->record(VisitSession{"zone-a", at, at + 1s});
    }
    for (int i = 0; i < 50; ++i) {
        writer->submit(request(at), [&](auto result) {
            ++answered;
            refused += result ? 0 : 1;
        });
    }
    const auto started = std::chrono::steady_clock::now();
    writer.reset();
    const auto stopping = std::chrono::steady_clock::now() - started;
    EXPECT_LT(stopping, 1s);
    EXPECT_EQ(answered, 50);  // every request answered, none left hanging
    EXPECT_EQ(refused, 50);
}

// kioskctl importing the desk's log holds the database for seconds: the
// writer waits it out, the visitor's request pending, the screens open.
TEST(RecordWriter, AnImportHoldingTheDatabaseIsWaitedOutNotSentToTheDesk) {
    TempFolder folder;
    const auto file = folder / "records.db";
    RecordWriter::Options options = options_for(file);
    options.store.busy_timeout = 100ms;
    RecordWriter writer(options);
    ASSERT_TRUE(submit_and_wait(writer, request(hall_time("2026-12-07T10:00"))));

    SQLite::Database importer(file.string(), SQLite::OPEN_READWRITE);
    importer.exec("BEGIN IMMEDIATE");
    RecordsStoreOptions impatient;
    impatient.busy_timeout = 100ms;
    const auto refused = open_store(file, impatient)->add(request(hall_time("2026-12-07T10:01")));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, RecordErrorKind::busy);

    auto answered = std::make_shared<std::promise<tl::expected<Committed, RecordError>>>();
    auto future = answered->get_future();
    writer.submit(request(hall_time("2026-12-07T10:02")),
                  [answered](auto result) { answered->set_value(std::move(result)); });
    writer.record(VisitSession{"zone-a", hall_time("2026-12-07T10:02"), hall_time("2026-12-07T10:03")});
    const auto until = std::chrono::steady_clock::now() + 6s;
    while (std::chrono::steady_clock::now() < until) {
        ASSERT_EQ(future.wait_for(100ms), std::future_status::timeout) << "answered while the import held on";
        ASSERT_TRUE(writer.available());
    }
    importer.exec("COMMIT");

    ASSERT_EQ(future.wait_for(kPatience), std::future_status::ready);
    const auto committed = future.get();
    ASSERT_TRUE(committed) << committed.error().message;
    EXPECT_EQ(committed->queue_number, "A002");
    EXPECT_TRUE(writer.available());
    EXPECT_TRUE(eventually([&] { return writer.written() == 3; }));
    EXPECT_EQ(open_store(file)->report_visits(day("2026-12-07"), day("2026-12-07"))->sessions, 1);
}

TEST(RecordWriter, OldCallBackNumbersAreDeletedAtStart) {
    TempFolder folder;
    ConsultationId old_id = 0;
    ConsultationId recent_id = 0;
    {
        auto store = open_store(folder / "records.db");
        NewConsultation old_one = request(now() - std::chrono::days(31));
        old_one.callback = CallbackRequest{"13700000001", now() - std::chrono::days(31)};
        NewConsultation recent = request(now() - std::chrono::days(2));
        recent.callback = CallbackRequest{"13700000002", now() - std::chrono::days(2)};
        old_id = store->add(old_one)->id;
        recent_id = store->add(recent)->id;
    }
    RecordWriter::Options options = options_for(folder / "records.db");
    options.callback_retention = std::chrono::days(30);
    RecordWriter writer(options);
    auto store = open_store(folder / "records.db");
    EXPECT_TRUE(eventually([&] { return store->get(old_id)->phone.empty(); }));
    EXPECT_EQ(store->get(recent_id)->phone, "13700000002");
}

TEST(RecordWriter, TheDesksScreenIsToldOfEachClosingOnce) {
    TempFolder folder;
    auto desk = open_store(folder / "records.db");  // kioskctl, in another process in the hall
    const auto before = desk->add(request(now()))->id;
    ASSERT_TRUE(desk->close(before, "", now()));  // closed before the screen watched: not its visitor

    RecordWriter writer(options_for(folder / "records.db"));
    std::mutex mutex;
    std::vector<ConsultationId> told;
    writer.watch_closed([&](const Consultation& closed) {
        std::lock_guard lock(mutex);
        told.push_back(closed.id);
    });
    std::this_thread::sleep_for(100ms);
    const auto first = desk->add(request(now()))->id;
    const auto second = desk->add(request(now()))->id;
    ASSERT_TRUE(desk->close(first, "", now() + 1ms));
    EXPECT_TRUE(eventually([&] {
        std::lock_guard lock(mutex);
        return told.size() == 1;
    }));
    ASSERT_TRUE(desk->close(second, "", now() + 1ms));
    EXPECT_TRUE(eventually([&] {
        std::lock_guard lock(mutex);
        return told.size() == 2;
    }));
    std::this_thread::sleep_for(300ms);  // several more polls
    std::lock_guard lock(mutex);
    EXPECT_EQ(told, (std::vector<ConsultationId>{first, second}));
}

}  // namespace
}  // namespace kiosk::records::test

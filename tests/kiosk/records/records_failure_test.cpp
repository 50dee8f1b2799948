// When the disk or the file fails: a damaged file is moved aside and a new
// one made; a write-protected one still opens for reading; a full disk
// refuses writes as `unavailable` and takes them again once it has room.

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <algorithm>
#include <fstream>

#include "../../support/unprivileged.h"
#include "faulty_vfs.h"
#include "records_test_support.h"

namespace kiosk::records::test {
namespace {

void write_file(const std::filesystem::path& file, const std::string& bytes) {
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << bytes;
}

std::string read_file(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A records database with `count` consultations, closed (its WAL folded in).
void make_database(const std::filesystem::path& file, int count) {
    RecordsStoreOptions quick;
    quick.synchronous_off = true;
    auto store = open_store(file, quick);
    std::vector<ImportRow> rows(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) {
        rows[static_cast<std::size_t>(i)].consultation =
            request(hall_time("2026-12-07T10:00") + std::chrono::seconds(i), "employment", Channel::desk);
        rows[static_cast<std::size_t>(i)].consultation.note =
            "note " + std::to_string(i) + std::string(200, 'n');
    }
    ASSERT_EQ(store->import(rows, new_file()), count);
}

// "records.db.corrupt-YYYYMMDD-HHMMSS"
bool is_aside_name(const std::string& name) {
    const std::string prefix = "records.db.corrupt-";
    if (name.size() != prefix.size() + 15 || !name.starts_with(prefix) || name[prefix.size() + 8] != '-') {
        return false;
    }
    const std::string stamp = name.substr(prefix.size());
    return std::all_of(stamp.begin(), stamp.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
}

void expect_moved_aside(const std::filesystem::path& file, const std::string& original) {
    std::filesystem::path moved;
    auto store = open_records_store(file, Categories{}, hall_zone(), {}, &moved);
    ASSERT_TRUE(store) << store.error().message;
    EXPECT_TRUE(is_aside_name(moved.filename().string())) << moved;
    EXPECT_EQ(moved.parent_path(), file.parent_path());
    EXPECT_EQ(read_file(moved), original);
    // The new database works, and starts empty.
    EXPECT_TRUE((*store)->list({})->empty());
    EXPECT_EQ((*store)->add(request(hall_time("2026-12-07T10:00")))->queue_number, "A001");
}

TEST(RecordsFailure, AFileThatIsNotADatabaseIsMovedAsideWithItsCompanions) {
    TempFolder folder;
    const auto file = folder / "records.db";
    const std::string text = "this is the desk's shopping list, not a database\n";
    write_file(file, text);
    write_file(file.string() + "-wal", "stale");
    expect_moved_aside(file, text);
    bool wal_moved = false;
    for (const auto& entry : std::filesystem::directory_iterator(folder.path())) {
        const std::string name = entry.path().filename().string();
        if (name.find(".corrupt-") != std::string::npos && name.ends_with("-wal")) {
            wal_moved = read_file(entry.path()) == "stale";
        }
    }
    EXPECT_TRUE(wal_moved);
}

TEST(RecordsFailure, ADamagedDatabaseIsMovedAside) {
    TempFolder folder;
    const auto file = folder / "records.db";
    make_database(file, 3000);
    std::string bytes = read_file(file);
    ASSERT_GT(bytes.size(), 64U * 1024);
    // Scribble over the tables' pages, keeping the header: a disk sector gone bad.
    for (std::size_t at = 4096 * 2; at + 512 < bytes.size(); at += 4096 * 3) {
        for (std::size_t i = 0; i < 512; ++i) {
            bytes[at + i] = static_cast<char>((i * 7919 + at) & 0xff);
        }
    }
    write_file(file, bytes);
    expect_moved_aside(file, bytes);
}

TEST(RecordsFailure, WithoutTheQuickCheckOnlyAFileThatIsNoDatabaseIsMovedAside) {
    TempFolder folder;
    RecordsStoreOptions unchecked;
    unchecked.check_integrity = false;
    const auto text_file = folder / "text.db";
    write_file(text_file, "not a database, not even close; a long enough line of text to fill a header");
    std::filesystem::path moved;
    ASSERT_TRUE(open_records_store(text_file, Categories{}, hall_zone(), unchecked, &moved));
    EXPECT_FALSE(moved.empty());
    // A fresh database opens too, with nothing in it to check.
    const auto fresh = open_records_store(folder / "fresh.db", Categories{}, hall_zone(), unchecked, &moved);
    ASSERT_TRUE(fresh);
    EXPECT_TRUE((*fresh)->list({})->empty());
}

TEST(RecordsFailure, AProgramToldNotToMoveADamagedFileAsideLeavesItForTheKiosk) {
    TempFolder folder;
    RecordsStoreOptions staff;  // kioskctl's: the kiosk may have the file open
    staff.check_integrity = false;
    staff.move_aside_damaged = false;
    const auto file = folder / "records.db";
    const std::string bytes = "not a database, not even close; a long enough line of text to fill a header";
    write_file(file, bytes);
    std::filesystem::path moved;
    const auto refused = open_records_store(file, Categories{}, hall_zone(), staff, &moved);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, RecordErrorKind::corrupt);
    EXPECT_NE(refused.error().message.find("next start"), std::string::npos) << refused.error().message;
    EXPECT_TRUE(moved.empty());
    EXPECT_EQ(read_file(file), bytes);
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(folder.path()),
                            std::filesystem::directory_iterator()),
              1);
}

TEST(RecordsFailure, ASoundDatabaseIsNeverMovedAside) {
    TempFolder folder;
    const auto file = folder / "records.db";
    make_database(file, 10);
    std::filesystem::path moved;
    auto store = open_records_store(file, Categories{}, hall_zone(), {}, &moved);
    ASSERT_TRUE(store);
    EXPECT_TRUE(moved.empty());
    EXPECT_EQ((*store)->list({})->size(), 10U);
}

TEST(RecordsFailure, AFolderWhereTheFileShouldBeIsUnavailable) {
    TempFolder folder;
    std::filesystem::create_directory(folder / "records.db");
    auto store = open_records_store(folder / "records.db", Categories{}, hall_zone());
    ASSERT_FALSE(store);
    EXPECT_EQ(store.error().kind, RecordErrorKind::unavailable);
    EXPECT_TRUE(std::filesystem::is_directory(folder / "records.db"));

    write_file(folder / "a-file", "");
    auto below_a_file = open_records_store(folder / "a-file" / "records.db", Categories{}, hall_zone());
    ASSERT_FALSE(below_a_file);
    EXPECT_EQ(below_a_file.error().kind, RecordErrorKind::unavailable);
}

TEST(RecordsFailure, AFullDiskRefusesWritesAsUnavailableAndReadsGoOn) {
    TempFolder folder;
    ScopedFaults faults;
    RecordsStoreOptions options;
    options.vfs = kFaultyVfs;
    faulty_vfs();  // registered before the store names it
    auto store = open_store(folder / "records.db", options);
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->add(request(hall_time("2026-12-07T10:00"))));

    faulty_vfs().disk_full = true;
    const auto refused = store->add(request(hall_time("2026-12-07T10:01")));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, RecordErrorKind::unavailable);
    EXPECT_NE(refused.error().message.find("disk is full"), std::string::npos) << refused.error().message;
    const Instant at = hall_time("2026-12-07T10:02");
    EXPECT_EQ(store->add_visit({"zone-a", at, at}).error().kind, RecordErrorKind::unavailable);
    EXPECT_EQ(store->import({ImportRow{2, request(at)}}, new_file()).error().kind,
              RecordErrorKind::unavailable);
    EXPECT_EQ(store->probe_writable().error().kind, RecordErrorKind::unavailable);
    EXPECT_EQ(store->list({})->size(), 1U);

    faulty_vfs().disk_full = false;
    // The refused request took no number: the next one has the next.
    EXPECT_EQ(store->add(request(hall_time("2026-12-07T10:03")))->queue_number, "A002");
    EXPECT_TRUE(store->probe_writable());
    SQLite::Database db((folder / "records.db").string());
    EXPECT_EQ(db.execAndGet("PRAGMA integrity_check").getString(), "ok");
}

TEST(RecordsFailure, AWriteProtectedDatabaseOpensForReading) {
    TempFolder folder;
    ScopedFaults faults;
    make_database(folder / "records.db", 3);
    faulty_vfs().read_only = true;
    RecordsStoreOptions options;
    options.vfs = kFaultyVfs;
    auto store = open_records_store(folder / "records.db", Categories{}, hall_zone(), options);
    ASSERT_TRUE(store) << store.error().message;
    EXPECT_EQ((*store)->list({})->size(), 3U);
    EXPECT_EQ((*store)->count_consultations(day("2026-12-07"), day("2026-12-07"), ReportBy::category)->total,
              3);
    const auto refused = (*store)->add(request(hall_time("2026-12-07T10:00")));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, RecordErrorKind::unavailable);
    EXPECT_NE(refused.error().message.find("read-only"), std::string::npos) << refused.error().message;
    EXPECT_EQ((*store)->close(1, "", hall_time("2026-12-07T11:00")).error().kind,
              RecordErrorKind::unavailable);
}

// The same with real file modes, as the user `nobody` (modes mean nothing to
// root): a database this user may read but not write, in a folder it may not
// write either.
TEST(RecordsFailure, AFileTheUserMayNotWriteStillListsAndReports) {
    TempFolder folder;
    make_database(folder / "records.db", 3);
    chmod(folder.path().c_str(), 0755);
    chmod((folder / "records.db").c_str(), 0644);
    const bool held = kiosk::test::holds_unprivileged([&] {
        auto store = open_records_store(folder / "records.db", Categories{}, hall_zone());
        if (!store) {
            std::fprintf(stderr, "open: %s\n", store.error().message.c_str());
            return false;
        }
        const auto listed = (*store)->list({});
        const auto refused = (*store)->add(request(hall_time("2026-12-07T10:00")));
        if (!listed || listed->size() != 3) {
            std::fprintf(stderr, "list: %s\n", listed ? "wrong count" : listed.error().message.c_str());
            return false;
        }
        return !refused && refused.error().kind == RecordErrorKind::unavailable;
    });
    EXPECT_TRUE(held);
    EXPECT_EQ(open_store(folder / "records.db")->list({})->size(), 3U);
}

}  // namespace
}  // namespace kiosk::records::test

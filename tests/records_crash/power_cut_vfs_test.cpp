// The power-cut VFS itself: what reaches the real file and when. If it let an
// unsynced write through, the crash harness would pass without proving
// anything; if it lost a synced one, it would fail for nothing.

#include "power_cut_vfs.h"

#include <sqlite3.h>

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <gtest/gtest.h>

#include "scheduler/temp_dir.h"

namespace {

namespace fs = std::filesystem;
using kiosk::test::PowerCutSync;

constexpr const char* kFlushing = "power-cut-test";
constexpr const char* kNoSync = "power-cut-test-no-sync";

constexpr const char* kWritingBack = "power-cut-test-early";

sqlite3_vfs* vfs(const char* name, PowerCutSync sync,
                 kiosk::test::PowerCutWriteBack write_back = kiosk::test::PowerCutWriteBack::none) {
    EXPECT_TRUE(kiosk::test::register_power_cut_vfs(name, sync, write_back));
    return sqlite3_vfs_find(name);
}

std::string on_disk(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One file opened through a VFS, closed when it goes.
class VfsFile {
  public:
    VfsFile(sqlite3_vfs* vfs, const fs::path& path, int type = SQLITE_OPEN_MAIN_DB)
        : m_path(path.string()),
          m_memory(static_cast<std::size_t>(vfs->szOsFile) / sizeof(std::max_align_t) + 1) {
        m_rc = vfs->xOpen(vfs, m_path.c_str(), file(), type | SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
                          nullptr);
    }
    ~VfsFile() {
        if (file()->pMethods != nullptr) {
            file()->pMethods->xClose(file());
        }
    }
    VfsFile(const VfsFile&) = delete;
    VfsFile& operator=(const VfsFile&) = delete;

    int open_rc() const { return m_rc; }
    int write(const std::string& bytes, sqlite3_int64 offset) {
        return file()->pMethods->xWrite(file(), bytes.data(), static_cast<int>(bytes.size()), offset);
    }
    // The bytes read, or empty when the read failed other than short.
    std::string read(int amount, sqlite3_int64 offset, int* rc = nullptr) {
        std::string bytes(static_cast<std::size_t>(amount), 'X');
        const int result = file()->pMethods->xRead(file(), bytes.data(), amount, offset);
        if (rc != nullptr) {
            *rc = result;
        }
        return result == SQLITE_OK || result == SQLITE_IOERR_SHORT_READ ? bytes : std::string{};
    }
    int truncate(sqlite3_int64 size) { return file()->pMethods->xTruncate(file(), size); }
    int sync() { return file()->pMethods->xSync(file(), SQLITE_SYNC_NORMAL); }
    sqlite3_int64 size() {
        sqlite3_int64 size = -1;
        file()->pMethods->xFileSize(file(), &size);
        return size;
    }

  private:
    sqlite3_file* file() { return reinterpret_cast<sqlite3_file*>(m_memory.data()); }

    std::string m_path;
    std::vector<std::max_align_t> m_memory;
    int m_rc = SQLITE_ERROR;
};

TEST(PowerCutVfs, WritesReachTheFileOnlyAtASync) {
    scheduler::test::TempDir dir;
    const fs::path path = dir.path() / "a.db";
    VfsFile file(vfs(kFlushing, PowerCutSync::flushes), path);
    ASSERT_EQ(file.open_rc(), SQLITE_OK);
    ASSERT_EQ(file.write("hello", 0), SQLITE_OK);
    ASSERT_EQ(file.write("world", 4096), SQLITE_OK);
    EXPECT_EQ(on_disk(path), "");
    EXPECT_EQ(file.size(), 4101);
    EXPECT_EQ(file.read(5, 4096), "world");
    EXPECT_EQ(file.read(7, 0), std::string("hello\0\0", 7));

    ASSERT_EQ(file.sync(), SQLITE_OK);
    const std::string synced = on_disk(path);
    ASSERT_EQ(synced.size(), 4101u);
    EXPECT_EQ(synced.substr(0, 5), "hello");
    EXPECT_EQ(synced.substr(4096), "world");
}

TEST(PowerCutVfs, ATruncationIsHeldUntilTheSync) {
    scheduler::test::TempDir dir;
    const fs::path path = dir.path() / "a.db";
    VfsFile file(vfs(kFlushing, PowerCutSync::flushes), path);
    ASSERT_EQ(file.open_rc(), SQLITE_OK);
    ASSERT_EQ(file.write(std::string(8192, 'a'), 0), SQLITE_OK);
    ASSERT_EQ(file.sync(), SQLITE_OK);
    ASSERT_EQ(file.truncate(100), SQLITE_OK);
    EXPECT_EQ(file.size(), 100);
    EXPECT_EQ(on_disk(path).size(), 8192u);
    int rc = SQLITE_OK;
    EXPECT_EQ(file.read(10, 95, &rc), std::string("aaaaa") + std::string(5, '\0'));
    EXPECT_EQ(rc, SQLITE_IOERR_SHORT_READ);
    // Past the truncation the old bytes are gone, though the real file still has them.
    ASSERT_EQ(file.write("z", 200), SQLITE_OK);
    EXPECT_EQ(file.read(101, 100), std::string(100, '\0') + "z");
    ASSERT_EQ(file.sync(), SQLITE_OK);
    EXPECT_EQ(on_disk(path), std::string(100, 'a') + std::string(100, '\0') + "z");
}

TEST(PowerCutVfs, EveryHandleSeesTheHeldWritesUntilTheFileIsDeleted) {
    scheduler::test::TempDir dir;
    const fs::path path = dir.path() / "a.db-wal";
    std::ofstream(dir.path() / "a.db").flush();  // a WAL takes its mode from its database
    sqlite3_vfs* power_cut = vfs(kFlushing, PowerCutSync::flushes);
    {
        VfsFile writer(power_cut, path, SQLITE_OPEN_WAL);
        ASSERT_EQ(writer.open_rc(), SQLITE_OK);
        ASSERT_EQ(writer.write("held", 0), SQLITE_OK);
        VfsFile reader(power_cut, path, SQLITE_OPEN_WAL);
        EXPECT_EQ(reader.read(4, 0), "held");
    }
    int exists = 0;
    ASSERT_EQ(power_cut->xAccess(power_cut, path.c_str(), SQLITE_ACCESS_EXISTS, &exists), SQLITE_OK);
    EXPECT_EQ(exists, 1) << "closing a file does not drop what the page cache holds";
    EXPECT_EQ(VfsFile(power_cut, path, SQLITE_OPEN_WAL).read(4, 0), "held");
    EXPECT_EQ(on_disk(path), "");

    ASSERT_EQ(power_cut->xDelete(power_cut, path.c_str(), 0), SQLITE_OK);
    ASSERT_EQ(power_cut->xAccess(power_cut, path.c_str(), SQLITE_ACCESS_EXISTS, &exists), SQLITE_OK);
    EXPECT_EQ(exists, 0);
    EXPECT_EQ(VfsFile(power_cut, path, SQLITE_OPEN_WAL).size(), 0);
}

TEST(PowerCutVfs, WithoutSyncNothingReachesTheFile) {
    scheduler::test::TempDir dir;
    const fs::path path = dir.path() / "a.db";
    VfsFile file(vfs(kNoSync, PowerCutSync::does_nothing), path);
    ASSERT_EQ(file.open_rc(), SQLITE_OK);
    ASSERT_EQ(file.write("lost", 0), SQLITE_OK);
    ASSERT_EQ(file.sync(), SQLITE_OK);
    EXPECT_EQ(file.read(4, 0), "lost");
    EXPECT_EQ(on_disk(path), "");
}

TEST(PowerCutVfs, RegisteringTwiceWithAnotherModeIsRefused) {
    vfs(kFlushing, PowerCutSync::flushes);
    EXPECT_TRUE(kiosk::test::register_power_cut_vfs(kFlushing, PowerCutSync::flushes));
    EXPECT_FALSE(kiosk::test::register_power_cut_vfs(kFlushing, PowerCutSync::does_nothing));
    EXPECT_FALSE(kiosk::test::register_power_cut_vfs("unix", PowerCutSync::flushes));
}

// Random writes, truncations and syncs against a plain string: what the
// process reads is always the string, and after a sync so is the file.
// With early write-back, too: what reached the file unsynced never shows
// through a read, and a sync leaves exactly the string on disk.
void reads_and_syncs_match_a_plain_model(sqlite3_vfs* power_cut) {
    scheduler::test::TempDir dir;
    const fs::path path = dir.path() / "a.db";
    VfsFile file(power_cut, path);
    ASSERT_EQ(file.open_rc(), SQLITE_OK);
    std::string model;
    std::mt19937 random(7);
    const auto below = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(random); };
    for (int step = 0; step < 3000; ++step) {
        const int action = below(20);
        if (action < 14) {
            const int offset = below(20000);
            const std::string bytes(static_cast<std::size_t>(1 + below(3000)),
                                    static_cast<char>('a' + below(26)));
            ASSERT_EQ(file.write(bytes, offset), SQLITE_OK);
            if (model.size() < offset + bytes.size()) {
                model.resize(offset + bytes.size(), '\0');
            }
            model.replace(static_cast<std::size_t>(offset), bytes.size(), bytes);
        } else if (action < 16) {
            const int size = below(24000);
            ASSERT_EQ(file.truncate(size), SQLITE_OK);
            model.resize(static_cast<std::size_t>(size), '\0');
        } else if (action < 17) {
            ASSERT_EQ(file.sync(), SQLITE_OK);
            ASSERT_EQ(on_disk(path), model) << "step " << step;
        } else {
            const int offset = below(24000);
            const int amount = 1 + below(5000);
            std::string expected =
                offset < static_cast<int>(model.size()) ? model.substr(offset, amount) : "";
            expected.resize(static_cast<std::size_t>(amount), '\0');
            ASSERT_EQ(file.read(amount, offset), expected) << "step " << step;
        }
        ASSERT_EQ(file.size(), static_cast<sqlite3_int64>(model.size())) << "step " << step;
    }
}

TEST(PowerCutVfs, ReadsAndSyncsMatchAPlainModel) {
    reads_and_syncs_match_a_plain_model(vfs(kFlushing, PowerCutSync::flushes));
}

TEST(PowerCutVfs, ReadsAndSyncsMatchAPlainModelWhenThePageCacheWritesBackEarly) {
    reads_and_syncs_match_a_plain_model(
        vfs(kWritingBack, PowerCutSync::flushes, kiosk::test::PowerCutWriteBack::early));
}

TEST(PowerCutVfs, EarlyWriteBackPutsUnsyncedWritesOnDisk) {
    scheduler::test::TempDir dir;
    const fs::path path = dir.path() / "a.db";
    VfsFile file(vfs(kWritingBack, PowerCutSync::flushes, kiosk::test::PowerCutWriteBack::early), path);
    ASSERT_EQ(file.open_rc(), SQLITE_OK);
    // One write in eight, on average, is written back: 200 writes surely are.
    for (int i = 0; i < 200; ++i) {
        ASSERT_EQ(file.write("x", i * 10), SQLITE_OK);
    }
    EXPECT_FALSE(on_disk(path).empty()) << "some of it went to the disk before any sync";
}

// A database on the VFS, copied as the disk holds it (the power cut), opens
// with every committed row when SQLite syncs each commit, and without them
// when it does not or fsync does nothing.
std::int64_t rows_after_power_cut(const char* vfs_name, const char* synchronous, const fs::path& dir) {
    const fs::path file = dir / "live.db";
    const fs::path copy = dir / "cut.db";
    SQLite::Database db(file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 0, vfs_name);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec(std::string("PRAGMA synchronous = ") + synchronous);
    db.exec("CREATE TABLE consultation (id INTEGER PRIMARY KEY, note TEXT)");
    for (int i = 0; i < 50; ++i) {
        db.exec("INSERT INTO consultation (note) VALUES ('committed')");
    }
    fs::copy_file(file, copy);
    if (fs::exists(fs::path(file.string() + "-wal"))) {
        fs::copy_file(file.string() + "-wal", copy.string() + "-wal");
    }
    SQLite::Database cut(copy.string(), SQLite::OPEN_READWRITE);
    if (!cut.tableExists("consultation")) {
        return 0;
    }
    EXPECT_EQ(cut.execAndGet("PRAGMA integrity_check").getString(), "ok");
    return cut.execAndGet("SELECT count(*) FROM consultation").getInt64();
}

TEST(PowerCutVfs, ACommittedRowSurvivesOnlyWhenSynced) {
    scheduler::test::TempDir synced;
    EXPECT_EQ(rows_after_power_cut(vfs(kFlushing, PowerCutSync::flushes)->zName, "FULL", synced.path()), 50);
    // WAL with synchronous=NORMAL syncs only at a checkpoint: a commit since may be lost, and is here.
    scheduler::test::TempDir normal;
    EXPECT_LT(rows_after_power_cut(kFlushing, "NORMAL", normal.path()), 50);
    scheduler::test::TempDir unsynced;
    EXPECT_EQ(rows_after_power_cut(vfs(kNoSync, PowerCutSync::does_nothing)->zName, "OFF", unsynced.path()),
              0);
}

}  // namespace

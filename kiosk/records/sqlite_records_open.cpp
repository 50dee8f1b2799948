// Opening the records database: created and migrated when new, opened for
// reading only when the file is write-protected (kioskctl still lists and
// reports), and moved aside when it is damaged, so a corrupt file never
// stops the kiosk from playing or from logging anew.

#include <spdlog/spdlog.h>
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <system_error>

#include "content/bounded_input.h"
#include "records/sqlite_records_store.h"

namespace kiosk::records {
namespace {

// The file is damaged when it is not a database or its quick check finds
// anything wrong: then every later read could fail or mislead.
// Without the quick check, only a file that is not a database is caught.
tl::expected<void, RecordError> check_intact(SQLite::Database& db, bool quick_check) {
    // Until the file is known sound, closing it must neither fold its WAL
    // into it nor delete the WAL: a damaged file is moved aside with its WAL.
    sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr);
    SQLite::Statement check(
        db, quick_check ? "PRAGMA quick_check(5)" : "SELECT 'ok' FROM (SELECT COUNT(*) FROM sqlite_schema)");
    std::string found;
    while (check.executeStep()) {
        const std::string line = check.getColumn(0).getString();
        if (line == "ok") {
            sqlite3_db_config(db.getHandle(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, nullptr);
            return {};
        }
        found += (found.empty() ? "" : "; ") + line;
    }
    std::replace(found.begin(), found.end(), '\n', ';');
    if (found.size() > 300) {
        found = found.substr(0, 300) + "...";
    }
    return tl::unexpected(RecordError{RecordErrorKind::corrupt, "the integrity check failed: " + found});
}

// "file:/var/lib/kiosk/records.db?immutable=1", the characters a URI gives
// meaning to escaped.
std::string immutable_uri(const std::filesystem::path& file) {
    std::string uri = "file:";
    for (const char c : file.string()) {
        if (c == '%' || c == '?' || c == '#') {
            char escaped[4];
            std::snprintf(escaped, sizeof escaped, "%%%02X",
                          static_cast<unsigned>(static_cast<unsigned char>(c)));
            uri += escaped;
        } else {
            uri += c;
        }
    }
    return uri + "?immutable=1";
}

// Opens `name` (the file, or a URI for it) with `flags`, checks and migrates it.
tl::expected<std::unique_ptr<RecordsStore>, RecordError> open_database(const std::filesystem::path& file,
                                                                       const std::string& name, int flags,
                                                                       const Categories& categories,
                                                                       const date::time_zone& tz,
                                                                       const RecordsStoreOptions& options) {
    return detail::guarded(
        "opening " + file.string(), [&]() -> tl::expected<std::unique_ptr<RecordsStore>, RecordError> {
            SQLite::Database db(name, flags, static_cast<int>(options.busy_timeout.count()), options.vfs);
            if (auto intact = check_intact(db, options.check_integrity); !intact) {
                return tl::unexpected(RecordError{
                    intact.error().kind, "opening " + file.string() + ": " + intact.error().message});
            }
            if (flags & SQLite::OPEN_READWRITE) {
                // WAL: the kiosk's writer and kioskctl's readers never block
                // each other. FULL: a commit is on the disk before the visitor
                // is told it is done, so it survives a power cut.
                db.exec("PRAGMA journal_mode = WAL");
                db.exec(options.synchronous_off ? "PRAGMA synchronous = OFF" : "PRAGMA synchronous = FULL");
                // A deleted call-back number is overwritten, not left in a
                // free page for anyone who reads the file's bytes.
                db.exec("PRAGMA secure_delete = ON");
            }
            if (auto migrated = detail::migrate(db); !migrated) {
                return tl::unexpected(migrated.error());
            }
            return std::make_unique<detail::SqliteRecordsStore>(std::move(db), categories, tz);
        });
}

tl::expected<std::unique_ptr<RecordsStore>, RecordError> open_existing(const std::filesystem::path& file,
                                                                       const Categories& categories,
                                                                       const date::time_zone& tz,
                                                                       const RecordsStoreOptions& options) {
    auto store = open_database(file, file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, categories,
                               tz, options);
    std::error_code error;
    if (!store && store.error().kind == RecordErrorKind::unavailable &&
        std::filesystem::exists(file, error)) {
        // A write-protected file, or one on a read-only disk: still readable,
        // so staff can list and report; writes fail as unavailable.
        if (auto read_only =
                open_database(file, file.string(), SQLite::OPEN_READONLY, categories, tz, options)) {
            return read_only;
        }
        // Nor may its -shm be made beside it: then no program has it open
        // for writing (that one would have made it), so it is read as it is.
        if (auto unchanging =
                open_database(file, immutable_uri(file), SQLite::OPEN_READONLY | SQLite::OPEN_URI, categories,
                              tz, options)) {
            return unchanging;
        }
    }
    return store;
}

// "records.db.corrupt-20261207-101500", in the hall's time; "-2" and so on
// when that name is taken.
std::filesystem::path aside_name(const std::filesystem::path& file, const date::time_zone& tz) {
    const auto now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const auto local = tz.to_local(now);
    const auto day = date::floor<date::days>(local);
    const date::year_month_day ymd{day};
    const date::hh_mm_ss time{local - day};
    char stamp[32];
    std::snprintf(stamp, sizeof stamp, ".corrupt-%04d%02u%02u-%02d%02d%02d", static_cast<int>(ymd.year()),
                  static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                  static_cast<int>(time.hours().count()), static_cast<int>(time.minutes().count()),
                  static_cast<int>(time.seconds().count()));
    std::filesystem::path aside = file.string() + stamp;
    std::error_code error;
    for (int n = 2; std::filesystem::exists(aside, error); ++n) {
        aside = file.string() + stamp + "-" + std::to_string(n);
    }
    return aside;
}

// Moves the database and its -wal and -shm files aside; returns the new name.
tl::expected<std::filesystem::path, RecordError> move_aside(const std::filesystem::path& file,
                                                            const date::time_zone& tz) {
    const std::filesystem::path aside = aside_name(file, tz);
    std::error_code error;
    std::filesystem::rename(file, aside, error);
    if (error) {
        return tl::unexpected(
            RecordError{RecordErrorKind::corrupt,
                        "cannot move the damaged " + file.string() + " aside: " + error.message()});
    }
    for (const char* suffix : {"-wal", "-shm"}) {
        const std::filesystem::path companion = file.string() + suffix;
        if (std::filesystem::exists(companion, error)) {
            std::filesystem::rename(companion, aside.string() + suffix, error);
        }
    }
    return aside;
}

}  // namespace

tl::expected<std::unique_ptr<RecordsStore>, RecordError> open_records_store(
    const std::filesystem::path& file, const Categories& categories, const date::time_zone& tz,
    const RecordsStoreOptions& options, std::filesystem::path* moved_aside) {
    // SQLite would block on a FIFO or fail with a puzzling error on a folder: say what is wrong.
    if (auto existing = content::check_regular_file(file);
        !existing && existing.error().kind != content::FileReadErrorKind::missing) {
        return tl::unexpected(RecordError{RecordErrorKind::unavailable,
                                          "cannot open " + file.string() + ": " + existing.error().reason});
    }
    std::error_code error;
    if (file.has_parent_path()) {
        std::filesystem::create_directories(file.parent_path(), error);
        if (error) {
            return tl::unexpected(
                RecordError{RecordErrorKind::unavailable,
                            "cannot create " + file.parent_path().string() + ": " + error.message()});
        }
    }
    auto store = open_existing(file, categories, tz, options);
    if (store || store.error().kind != RecordErrorKind::corrupt) {
        return store;
    }
    if (!options.move_aside_damaged) {
        return tl::unexpected(RecordError{
            RecordErrorKind::corrupt,
            store.error().message + "; the kiosk sets it aside and starts a new one at its next start"});
    }
    auto aside = move_aside(file, tz);
    if (!aside) {
        spdlog::error("{}; {}", store.error().message, aside.error().message);
        return tl::unexpected(aside.error());
    }
    spdlog::error("{}; moved it aside as {} and started a new records database", store.error().message,
                  aside->string());
    if (moved_aside) {
        *moved_aside = *aside;
    }
    return open_existing(file, categories, tz, options);
}

std::filesystem::path records_file(const std::filesystem::path& data_dir) {
    return data_dir / "records.db";
}

}  // namespace kiosk::records

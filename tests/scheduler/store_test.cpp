// The SQLite store on real files: migrations, edits, the programme in one
// read, concurrent editing without "database is locked", proof of play.
#include <gtest/gtest.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <atomic>
#include <fstream>
#include <sstream>
#include <thread>

#include "hall_programme.h"
#include "scheduler/programme_file.h"
#include "scheduler/schedule_store.h"
#include "temp_dir.h"

namespace scheduler::test {
namespace {

using std::chrono::milliseconds;

std::unique_ptr<ScheduleStore> open_store(const std::filesystem::path& file) {
    auto store = open_schedule_store(file);
    if (!store)
        throw std::runtime_error(store.error().message);
    return std::move(*store);
}

MediaFile media_named(const std::string& name, milliseconds length = milliseconds(8000)) {
    MediaFile media;
    media.name = name;
    media.path = "/srv/media/" + name + ".mp4";
    media.sha256 = std::string(64, 'a');
    media.duration = length;
    media.container = "mov,mp4";
    media.video_codec = "h264";
    media.width = 960;
    media.height = 540;
    media.audio_codec = "aac";
    return media;
}

class Store : public ::testing::Test {
  protected:
    void SetUp() override { store = open_store(database_path(dir.path())); }
    TempDir dir;
    std::unique_ptr<ScheduleStore> store;
};

TEST_F(Store, CreatesTheDatabaseInWalModeAtTheCurrentVersion) {
    EXPECT_TRUE(std::filesystem::exists(dir.path() / "kiosk.db"));
    SQLite::Database db((dir.path() / "kiosk.db").string());
    EXPECT_EQ(db.execAndGet("PRAGMA user_version").getInt(), current_schema_version());
    EXPECT_EQ(db.execAndGet("PRAGMA journal_mode").getString(), "wal");
    // Opening again does not migrate twice.
    EXPECT_TRUE(open_schedule_store(dir.path() / "kiosk.db"));
}

TEST_F(Store, RefusesADatabaseFromANewerVersion) {
    store.reset();
    {
        SQLite::Database db((dir.path() / "kiosk.db").string(), SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = 99");
    }
    auto reopened = open_schedule_store(dir.path() / "kiosk.db");
    ASSERT_FALSE(reopened);
    EXPECT_EQ(reopened.error().kind, ErrorKind::incompatible);
    EXPECT_NE(reopened.error().message.find("99"), std::string::npos);
}

TEST_F(Store, MediaLibrary) {
    ASSERT_TRUE(store->add_media(media_named("birth-of-life")));
    auto duplicate = store->add_media(media_named("birth-of-life"));
    ASSERT_FALSE(duplicate);
    EXPECT_EQ(duplicate.error().kind, ErrorKind::conflict);
    MediaFile same_path = media_named("other");
    same_path.path = "/srv/media/birth-of-life.mp4";
    EXPECT_EQ(store->add_media(same_path).error().kind, ErrorKind::conflict);
    const auto listed = *store->list_media();
    ASSERT_EQ(listed.size(), 1U);
    EXPECT_EQ(listed[0].duration, milliseconds(8000));
    EXPECT_EQ(listed[0].width, 960);
    EXPECT_EQ(store->remove_media("nothing").error().kind, ErrorKind::not_found);
}

TEST_F(Store, PlaylistEditsKeepOrder) {
    for (const char* name : {"a", "b", "c"})
        ASSERT_TRUE(store->add_media(media_named(name)));
    ASSERT_TRUE(store->create_playlist("loop", false));
    EXPECT_EQ(store->create_playlist("loop", false).error().kind, ErrorKind::conflict);
    ASSERT_TRUE(store->add_playlist_items("loop", {"a"}, std::nullopt, {}));
    ASSERT_TRUE(store->add_playlist_items("loop", {"c"}, std::nullopt, {0, std::nullopt, 80}));
    ASSERT_TRUE(store->add_playlist_items("loop", {"b"}, 2, {0, milliseconds(15000), std::nullopt}));
    EXPECT_EQ(store->add_playlist_items("loop", {"zzz"}, std::nullopt, {}).error().kind,
              ErrorKind::not_found);
    EXPECT_EQ(store->add_playlist_items("loop", {"a"}, 9, {}).error().kind, ErrorKind::invalid_input);
    ASSERT_TRUE(store->move_playlist_item("loop", 3, 1));  // c a b
    EXPECT_EQ(store->move_playlist_item("loop", 4, 1).error().kind, ErrorKind::invalid_input);
    ASSERT_TRUE(store->remove_playlist_item("loop", 2));  // c b
    ASSERT_TRUE(store->set_playlist_shuffle("loop", true));

    const Programme programme = *store->load_programme();
    const Playlist* loop = programme.find_playlist("loop");
    ASSERT_NE(loop, nullptr);
    EXPECT_TRUE(loop->shuffle);
    ASSERT_EQ(loop->items.size(), 2U);
    EXPECT_EQ(programme.find_media(loop->items[0].media)->name, "c");
    EXPECT_EQ(loop->items[0].volume_percent, 80);
    EXPECT_EQ(programme.find_media(loop->items[1].media)->name, "b");
    EXPECT_EQ(loop->items[1].display_time, milliseconds(15000));

    // In use: neither the media nor (once scheduled) the playlist can go.
    const auto in_use = store->remove_media("c");
    ASSERT_FALSE(in_use);
    EXPECT_EQ(in_use.error().kind, ErrorKind::conflict);
    EXPECT_NE(in_use.error().message.find("\"loop\""), std::string::npos);
    ASSERT_TRUE(store->set_default_playlist({"av"}, "loop"));
    const auto playlist_in_use = store->remove_playlist("loop");
    ASSERT_FALSE(playlist_in_use);
    EXPECT_NE(playlist_in_use.error().message.find("zone av"), std::string::npos);
    ASSERT_TRUE(store->set_default_playlist({"av"}, std::nullopt));
    EXPECT_TRUE(store->remove_playlist("loop"));
    EXPECT_TRUE(store->remove_media("c"));
}

TEST_F(Store, EveryEditBumpsTheProgrammeVersion) {
    const std::int64_t start = *store->programme_version();
    ASSERT_TRUE(store->add_media(media_named("a")));
    ASSERT_TRUE(store->create_playlist("p", false));
    ASSERT_TRUE(store->add_playlist_items("p", {"a"}, std::nullopt, {}));
    ScheduleRule rule;
    rule.zones = {"av"};
    const auto rule_id = store->add_rule("p", rule);
    ASSERT_TRUE(rule_id);
    ASSERT_TRUE(store->remove_rule(*rule_id));
    EXPECT_EQ(store->remove_rule(*rule_id).error().kind, ErrorKind::not_found);
    EXPECT_EQ(*store->programme_version(), start + 5);
    // Play records are not programme edits.
    PlayEvent event;
    event.zone = "av";
    ASSERT_TRUE(store->record_play(event));
    EXPECT_EQ(*store->programme_version(), start + 5);
    EXPECT_EQ(store->load_programme()->version, start + 5);
}

TEST_F(Store, RulesInterruptsAndClosedHoursRoundTrip) {
    HallProgramme hall = make_hall_programme();
    for (const MediaFile& media : hall.programme.media)
        ASSERT_TRUE(store->add_media(media));
    // Library ids are the store's: map the hall's by name.
    const Programme library = *store->load_programme();
    for (Playlist& playlist : hall.programme.playlists) {
        for (PlaylistItem& item : playlist.items) {
            item.media = library.find_media(hall.programme.find_media(item.media)->name)->id;
        }
    }
    hall.programme.media = library.media;
    ASSERT_TRUE(store->replace_programme(hall.programme));
    const Programme loaded = *store->load_programme();
    ASSERT_EQ(loaded.rules.size(), hall.programme.rules.size());
    for (std::size_t i = 0; i < loaded.rules.size(); ++i) {
        EXPECT_EQ(loaded.rules[i].daypart, hall.programme.rules[i].daypart);
        EXPECT_EQ(loaded.rules[i].weekdays, hall.programme.rules[i].weekdays);
        EXPECT_EQ(loaded.rules[i].dates, hall.programme.rules[i].dates);
        EXPECT_EQ(loaded.rules[i].priority, hall.programme.rules[i].priority);
        EXPECT_EQ(loaded.rules[i].zones, hall.programme.rules[i].zones);
        EXPECT_EQ(loaded.find_playlist(loaded.rules[i].playlist)->name,
                  hall.programme.find_playlist(hall.programme.rules[i].playlist)->name);
    }
    ASSERT_EQ(loaded.interrupts.size(), 2U);
    EXPECT_EQ(loaded.interrupts[1].on, day_of("2026-12-02"));
    ASSERT_EQ(loaded.closed_hours.size(), 4U);
    EXPECT_EQ(loaded.closed_hours[3].weekdays, days_of("sat,sun"));
    EXPECT_EQ(loaded.find_zone("health")->closed_mode, ClosedMode::blank);
    // Resolution from the stored programme matches the original.
    const auto& tz = *date::locate_zone("Asia/Shanghai");
    for (const char* when :
         {"2026-12-02T10:05", "2026-12-02T14:31", "2026-12-05T13:30", "2026-12-07T12:00"}) {
        for (const std::string& zone : known_zones()) {
            const ZoneResolution a = resolve(hall.programme, zone, local(when, tz), tz);
            const ZoneResolution b = resolve(loaded, zone, local(when, tz), tz);
            EXPECT_EQ(a.state.kind, b.state.kind) << zone << ' ' << when;
            EXPECT_EQ(a.since, b.since);
            EXPECT_EQ(a.until, b.until);
        }
    }
    // A replacement naming media that are not in the library changes nothing.
    Programme broken = loaded;
    broken.playlists[0].items[0].media = 999;
    EXPECT_FALSE(store->replace_programme(broken));
    EXPECT_EQ(store->load_programme()->rules.size(), loaded.rules.size());
}

TEST_F(Store, ConcurrentEditsAndReadsNeverSeeALockedDatabase) {
    ASSERT_TRUE(store->add_media(media_named("a")));
    ASSERT_TRUE(store->create_playlist("p", false));
    const auto file = database_path(dir.path());
    std::atomic<int> failures{0};
    std::atomic<bool> editing{true};
    std::atomic<bool> kiosk_ready{false};
    // The "kioskctl" side: many short write transactions from two connections.
    auto editor = [&](int which) {
        auto own = open_store(file);
        while (!kiosk_ready)
            std::this_thread::yield();
        for (int i = 0; i < 150; ++i) {
            if (!own->add_playlist_items("p", {"a"}, std::nullopt, {}))
                ++failures;
            if (!own->set_closed_mode({which == 0 ? "av" : "boards"},
                                      i % 2 ? ClosedMode::blank : ClosedMode::slate)) {
                ++failures;
            }
        }
    };
    // The kiosk's main thread: polls the version and reloads (WAL readers never wait for writers).
    std::int64_t reloads = 0;
    std::thread kiosk([&] {
        auto own = open_store(file);
        kiosk_ready = true;
        std::int64_t seen = -1;
        while (editing) {
            auto version = own->programme_version();
            if (!version) {
                ++failures;
                continue;
            }
            if (*version != seen) {
                auto programme = own->load_programme();
                if (!programme)
                    ++failures;
                seen = *version;
                ++reloads;
            }
        }
    });
    // The kiosk's database writer thread records plays on its own connection.
    std::thread recorder([&] {
        auto own = open_store(file);
        while (editing) {
            PlayEvent event;
            event.zone = "av";
            if (!own->record_play(event))
                ++failures;
        }
    });
    std::thread first(editor, 0);
    std::thread second(editor, 1);
    first.join();
    second.join();
    editing = false;
    kiosk.join();
    recorder.join();
    EXPECT_EQ(failures, 0);
    EXPECT_GT(reloads, 1);
    EXPECT_EQ(store->load_programme()->find_playlist("p")->items.size(), 300U);
}

TEST_F(Store, ProofOfPlay) {
    ASSERT_TRUE(store->add_media(media_named("birth-of-life")));
    const MediaId media = store->list_media()->front().id;
    const auto& tz = *date::locate_zone("Asia/Shanghai");
    PlayEvent start{
        PlayEventKind::start,          "av", 7,           "av-loop", media, "/srv/media/birth-of-life.mp4",
        local("2026-12-02T10:00", tz), "",   std::nullopt};
    const auto started = store->record_play(start);
    ASSERT_TRUE(started);
    PlayEvent end = start;
    end.kind = PlayEventKind::end;
    end.at = local("2026-12-02T10:08", tz);
    end.reason = "finished";
    end.start_event = *started;
    ASSERT_TRUE(store->record_play(end));
    PlayEvent skip{PlayEventKind::skip,
                   "boards",
                   8,
                   "boards-loop",
                   std::nullopt,
                   "/srv/media/broken.mp4",
                   local("2026-12-02T11:00", tz),
                   "damaged: no frame could be decoded",
                   std::nullopt};
    ASSERT_TRUE(store->record_play(skip));
    PlayEvent cut = start;  // started, then the power went
    cut.at = local("2026-12-03T09:00", tz);
    ASSERT_TRUE(store->record_play(cut));
    PlayEvent orphan = end;
    orphan.start_event.reset();
    EXPECT_EQ(store->record_play(orphan).error().kind, ErrorKind::invalid_input);

    PlayQuery query{local("2026-12-02T00:00", tz), local("2026-12-04T00:00", tz), std::nullopt};
    const auto rows = *store->play_report(query);
    ASSERT_EQ(rows.size(), 3U);
    EXPECT_EQ(rows[0].media_name, "birth-of-life");
    EXPECT_EQ(rows[0].ended, local("2026-12-02T10:08", tz));
    EXPECT_EQ(rows[0].reason, "finished");
    EXPECT_TRUE(rows[1].skipped);
    EXPECT_EQ(rows[1].media_name, "broken.mp4");
    EXPECT_EQ(rows[1].reason, "damaged: no frame could be decoded");
    EXPECT_FALSE(rows[2].ended);
    query.zone = "boards";
    EXPECT_EQ(store->play_report(query)->size(), 1U);
    query.zone.reset();
    query.to = local("2026-12-02T10:30", tz);
    EXPECT_EQ(store->play_report(query)->size(), 1U);
}

TEST_F(Store, PlayRecordsAreDurableOnceRecorded) {
    PlayEvent event;
    event.zone = "av";
    event.at = Instant{milliseconds(1'000'000)};
    ASSERT_TRUE(store->record_play(event));
    // Another connection (another process after a restart) sees it at once;
    // synchronous=FULL means it was on disk before record_play returned.
    SQLite::Database db(database_path(dir.path()).string());
    EXPECT_EQ(db.execAndGet("SELECT COUNT(*) FROM play_event").getInt(), 1);
    EXPECT_EQ(
        SQLite::Database(database_path(dir.path()).string()).execAndGet("PRAGMA journal_mode").getString(),
        "wal");
}

TEST_F(Store, AProgrammeWithANameThatIsNotUtf8IsStillExported) {
    // Older databases never checked names: writing JSON threw type_error.316 and ended kioskctl.
    ASSERT_TRUE(store->add_media(media_named("birth-of-life")));
    ASSERT_TRUE(store->create_playlist("loop", false));
    ASSERT_TRUE(store->add_playlist_items("loop", {"birth-of-life"}, std::nullopt, {}));
    {
        SQLite::Database db(database_path(dir.path()).string(), SQLite::OPEN_READWRITE);
        db.exec("UPDATE playlist SET name = CAST(X'6c6f6f70ff' AS TEXT) WHERE name = 'loop'");
    }
    auto programme = store->load_programme();
    ASSERT_TRUE(programme) << programme.error().message;
    ASSERT_EQ(programme->playlists.size(), 1U);
    EXPECT_EQ(programme->playlists[0].name, "loop\xff");
    const auto file = dir.path() / "programme.json";
    auto written = write_programme_file(file, *programme);
    ASSERT_TRUE(written) << written.error().message;
    std::ostringstream text;
    text << std::ifstream(file).rdbuf();
    EXPECT_NE(text.str().find("\"loop\xef\xbf\xbd\""), std::string::npos) << text.str();
}

}  // namespace
}  // namespace scheduler::test

// Edits judged inside their own transaction, on a real SQLite file: two
// edits made at once are judged one after the other, names are looked up
// where they are used, a refused edit writes nothing, and an import compares
// with the programme in force in the same transaction as its write.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <latch>
#include <mutex>
#include <thread>

#include "hall_programme.h"
#include "scheduler/edit_check.h"
#include "scheduler/programme_changes.h"
#include "scheduler/programme_file.h"
#include "scheduler/schedule_store.h"
#include "temp_dir.h"

namespace scheduler::test {
namespace {

using std::chrono::milliseconds;

const date::time_zone& shanghai() {
    return *date::locate_zone("Asia/Shanghai");
}

std::unique_ptr<ScheduleStore> open_store(const std::filesystem::path& file) {
    auto store = open_schedule_store(file);
    if (!store)
        throw std::runtime_error(store.error().message);
    return std::move(*store);
}

MediaFile film(const std::string& name, milliseconds length) {
    MediaFile media;
    media.name = name;
    media.path = "/srv/media/" + name + ".mp4";
    media.sha256 = std::string(64, 'a');
    media.duration = length;
    media.container = "mov,mp4";
    media.video_codec = "h264";
    return media;
}

EditCheck staff_check() {
    return refuse_new_errors(shanghai(), kDefaultStillTime);
}

Interrupt interrupt_at(const std::string& at) {
    Interrupt interrupt;
    interrupt.zones = {"av"};
    interrupt.at = at_time(at);
    return interrupt;
}

class StoreEdits : public ::testing::Test {
  protected:
    void SetUp() override {
        store = open_store(file());
        ASSERT_TRUE(store->add_media(film("ten-seconds", milliseconds(10'000))));
        ASSERT_TRUE(store->add_media(film("ten-minutes", std::chrono::minutes(10))));
        ASSERT_TRUE(store->create_playlist("lecture", false, staff_check()));
        ASSERT_TRUE(store->add_playlist_items("lecture", {"ten-seconds"}, std::nullopt, {}, staff_check()));
        ASSERT_TRUE(store->set_default_playlist(known_zones(), "lecture", staff_check()));
    }
    std::filesystem::path file() const { return database_path(dir.path()); }

    TempDir dir;
    std::unique_ptr<ScheduleStore> store;
};

// Two interrupts for one zone, three seconds apart, added at the same moment
// from two connections: the overlap check and the write are one transaction,
// so exactly one lands every time (both used to, 4 times in 14).
TEST_F(StoreEdits, OverlappingInterruptsAddedAtOnceNeverBothLand) {
    auto first = open_store(file());
    auto second = open_store(file());
    for (int round = 0; round < 60; ++round) {
        std::latch start(2);
        tl::expected<InterruptId, Error> a = 0;
        tl::expected<InterruptId, Error> b = 0;
        std::thread one([&] {
            start.arrive_and_wait();
            a = first->add_interrupt("lecture", interrupt_at("10:00:00"), staff_check());
        });
        std::thread two([&] {
            start.arrive_and_wait();
            b = second->add_interrupt("lecture", interrupt_at("10:00:03"), staff_check());
        });
        one.join();
        two.join();
        ASSERT_NE(a.has_value(), b.has_value())
            << "round " << round << ": " << (a ? "" : a.error().message) << (b ? "" : b.error().message);
        const Error& refused = a ? b.error() : a.error();
        EXPECT_EQ(refused.kind, ErrorKind::invalid_input) << refused.message;
        EXPECT_NE(refused.message.find("overlaps interrupt i"), std::string::npos) << refused.message;
        const Programme programme = *store->load_programme();
        ASSERT_EQ(programme.interrupts.size(), 1U);
        EXPECT_FALSE(has_errors(check_programme(programme, shanghai(), CheckPolicy::lenient)));
        ASSERT_TRUE(store->remove_interrupt(a ? *a : *b, staff_check()));
    }
}

// `schedule add rule` beside `schedule import`: the playlist's name was
// looked up before the transaction, so an import renumbering the playlists in
// between made the rule point at a gone id ("constraint failed", 4 in 60).
TEST_F(StoreEdits, AnEditBesideAnImportIsNeverRefusedByTheDatabase) {
    const std::string text =
        "[zones.av]\ndefault = \"lecture\"\n[[playlists]]\nname = \"lecture\"\nitems = [\"ten-seconds\"]\n";
    std::atomic<int> failures{0};
    std::string failure;
    std::mutex failure_mutex;
    const auto failed = [&](const Error& error) {
        ++failures;
        const std::lock_guard lock(failure_mutex);
        failure = error.message;
    };
    std::latch start(2);
    std::thread importer([&] {
        auto own = open_store(file());
        start.arrive_and_wait();
        for (int i = 0; i < 60; ++i) {
            const ProgrammeSource source = [&](const Programme& in_force) -> tl::expected<Programme, Error> {
                auto imported =
                    parse_programme(text, ProgrammeFormat::toml, "p.toml", in_force.media, shanghai());
                if (!imported)
                    return tl::unexpected(
                        Error{ErrorKind::invalid_input, to_string(imported.error().front())});
                return imported->programme;
            };
            if (auto replaced = own->replace_programme(source); !replaced)
                failed(replaced.error());
        }
    });
    std::thread editor([&] {
        auto own = open_store(file());
        start.arrive_and_wait();
        ScheduleRule rule;
        rule.zones = {"av"};
        rule.daypart = {at_time("09:00"), at_time("10:00")};
        for (int i = 0; i < 60; ++i) {
            if (auto added = own->add_rule("lecture", rule, staff_check()); !added)
                failed(added.error());
        }
    });
    importer.join();
    editor.join();
    EXPECT_EQ(failures, 0) << failure;
}

TEST_F(StoreEdits, ARefusedEditWritesNothing) {
    const std::int64_t version = *store->programme_version();
    ScheduleRule empty_daypart;
    empty_daypart.zones = {"av"};
    empty_daypart.daypart = {at_time("09:00"), at_time("09:00")};
    auto refused = store->add_rule("lecture", empty_daypart, staff_check());
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("(to): the daypart is empty"), std::string::npos)
        << refused.error().message;
    ScheduleRule too_high;
    too_high.zones = {"av"};
    too_high.priority = 2'000'000;
    auto out_of_range = store->add_rule("lecture", too_high, staff_check());
    ASSERT_FALSE(out_of_range);
    EXPECT_NE(out_of_range.error().message.find("priority 2000000 is out of range: give -1000000 to 1000000"),
              std::string::npos)
        << out_of_range.error().message;
    EXPECT_EQ(*store->programme_version(), version);
    EXPECT_TRUE(store->load_programme()->rules.empty());
}

// A playlist edit changes how long its interrupts last: one that would make
// two overlap is refused like an overlapping interrupt (it used to be stored,
// and the programme then exported to a file that import refused).
TEST_F(StoreEdits, APlaylistEditThatMakesInterruptsOverlapIsRefused) {
    ASSERT_TRUE(store->create_playlist("welcome", false, staff_check()));
    ASSERT_TRUE(store->add_playlist_items("welcome", {"ten-seconds"}, std::nullopt, {}, staff_check()));
    ASSERT_TRUE(store->add_interrupt("lecture", interrupt_at("10:00"), staff_check()));
    ASSERT_TRUE(store->add_interrupt("welcome", interrupt_at("10:05"), staff_check()));
    auto longer = store->add_playlist_items("lecture", {"ten-minutes"}, std::nullopt, {}, staff_check());
    ASSERT_FALSE(longer);
    EXPECT_NE(longer.error().message.find("overlaps interrupt i"), std::string::npos)
        << longer.error().message;
    EXPECT_EQ(store->load_programme()->find_playlist("lecture")->items.size(), 1U);
}

TEST_F(StoreEdits, ItemsAreAddedAllOrNone) {
    auto refused = store->add_playlist_items("lecture", {"ten-minutes", "no-such-film"}, std::nullopt, {});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::not_found);
    EXPECT_EQ(store->load_programme()->find_playlist("lecture")->items.size(), 1U);
    ASSERT_TRUE(store->add_playlist_items("lecture", {"ten-minutes", "ten-seconds"}, 1, {}));
    EXPECT_EQ(store->load_programme()->find_playlist("lecture")->items.size(), 3U);
}

TEST_F(StoreEdits, NamesAndValuesAreCheckedByTheStoreItself) {
    for (const std::string& name : {std::string("a\nb"), std::string("a\0b", 3), std::string(101, 'x'),
                                    std::string(10 << 20, 'x'), std::string(" ")}) {
        auto created = store->create_playlist(name, false);
        ASSERT_FALSE(created);
        EXPECT_EQ(created.error().kind, ErrorKind::invalid_input);
        EXPECT_NE(created.error().message.find("bad playlist name"), std::string::npos);
        EXPECT_LT(created.error().message.size(), 300U);
        EXPECT_FALSE(store->add_media(film(name, milliseconds(1000))));
    }
    const auto item = [](std::optional<milliseconds> display, std::optional<int> volume) {
        return PlaylistItem{0, display, volume};
    };
    for (const PlaylistItem& bad :
         {item(milliseconds(0), std::nullopt), item(milliseconds(86'400'001), std::nullopt),
          item(std::nullopt, 101), item(std::nullopt, -1)}) {
        auto added = store->add_playlist_items("lecture", {"ten-seconds"}, std::nullopt, bad);
        ASSERT_FALSE(added);
        EXPECT_NE(added.error().message.find(" to "), std::string::npos) << added.error().message;
    }
}

TEST_F(StoreEdits, AnImportReadsTheLibraryAndComparesInsideItsTransactionAndADryRunWritesNothing) {
    ASSERT_TRUE(store->add_interrupt("lecture", interrupt_at("10:00"), staff_check()));
    const std::int64_t version = *store->programme_version();
    std::vector<ProgrammeChange> changes;
    const EditCheck compare = [&](const Programme& before,
                                  const Programme& after) -> tl::expected<void, Error> {
        changes = compare_programmes(before, after);
        return {};
    };
    // The source sees the programme in force, library included.
    const ProgrammeSource source = [&](const Programme& in_force) -> tl::expected<Programme, Error> {
        EXPECT_EQ(in_force.interrupts.size(), 1U);
        Programme next;
        next.media = in_force.media;
        next.playlists.push_back({1, "other", false, {{in_force.find_media("ten-minutes")->id, {}, {}}}});
        next.zones.push_back({"av", 1, ClosedMode::blank});
        return next;
    };
    ASSERT_TRUE(store->replace_programme(source, compare, EditMode::dry_run));
    EXPECT_EQ(*store->programme_version(), version);
    EXPECT_EQ(store->load_programme()->interrupts.size(), 1U);
    EXPECT_EQ(count_changes(changes, ProgrammeChange::Kind::removed), 5U);  // the playlist, i1, 3 defaults
    EXPECT_EQ(count_changes(changes, ProgrammeChange::Kind::added), 1U);    // the playlist
    EXPECT_EQ(count_changes(changes, ProgrammeChange::Kind::changed), 2U);  // av's default and closed mode
    const EditCheck refuse_removals = [&](const Programme& before,
                                          const Programme& after) -> tl::expected<void, Error> {
        if (count_changes(compare_programmes(before, after), ProgrammeChange::Kind::removed) > 0)
            return tl::unexpected(Error{ErrorKind::conflict, "it would remove things"});
        return {};
    };
    EXPECT_FALSE(store->replace_programme(source, refuse_removals));
    EXPECT_EQ(*store->programme_version(), version);
    ASSERT_TRUE(store->replace_programme(source, compare));
    EXPECT_EQ(*store->programme_version(), version + 1);
    EXPECT_EQ(store->load_programme()->find_zone("av")->closed_mode, ClosedMode::blank);
}

TEST_F(StoreEdits, ADatabaseThatIsNotARegularFileIsRefusedWithTheReason) {
    TempDir other;
    const auto fifo = other.path() / "kiosk.db";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    auto opened = open_schedule_store(fifo);
    ASSERT_FALSE(opened);
    EXPECT_NE(opened.error().message.find("not a regular file (a FIFO)"), std::string::npos)
        << opened.error().message;
}

}  // namespace
}  // namespace scheduler::test

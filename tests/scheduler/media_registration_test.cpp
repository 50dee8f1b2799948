// Registering files: the facts a probe found and SHA-256, or a refusal with
// the reason. Real files probed as kioskctl probes them, and facts made by
// hand where only the registration's own rules are under test.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>

#include "../support/unprivileged.h"
#include "media/media_probe.h"
#include "scheduler/media_registration.h"
#include "scheduler/playout.h"
#include "scheduler/schedule_store.h"
#include "temp_dir.h"

namespace scheduler::test {
namespace {

std::filesystem::path media(const std::string& name) {
    return std::filesystem::path(KIOSK_TEST_MEDIA_DIR) / name;
}

// As `kioskctl media add` registers a file: probed first, then described.
tl::expected<MediaFile, Error> registered(const std::filesystem::path& file, const std::string& name) {
    return describe_media_file(file, name, media::probe_media(file), Instant{});
}

TEST(MediaRegistration, DescribesAFilm) {
    auto red = registered(media("red.mp4"), "");
    ASSERT_TRUE(red) << red.error().message;
    EXPECT_EQ(red->name, "red");
    EXPECT_TRUE(red->path.is_absolute());
    EXPECT_FALSE(red->is_still);
    EXPECT_NEAR(static_cast<double>(red->duration.count()), 2000.0, 100.0);
    EXPECT_EQ(red->video_codec, "h264");
    EXPECT_EQ(red->width, 320);
    EXPECT_EQ(red->height, 240);
    EXPECT_EQ(red->sha256.size(), 64U);
    EXPECT_EQ(red->size_bytes, static_cast<std::int64_t>(std::filesystem::file_size(media("red.mp4"))));
}

TEST(MediaRegistration, DescribesAStill) {
    auto still = registered(media("still.png"), "poster");
    ASSERT_TRUE(still) << still.error().message;
    EXPECT_EQ(still->name, "poster");
    EXPECT_TRUE(still->is_still);
    EXPECT_EQ(still->duration.count(), 0);
}

TEST(MediaRegistration, RefusesAnUnplayableFileWithTheReason) {
    auto refused = registered(media("not_media.mp4"), "");
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::unplayable);
    EXPECT_NE(refused.error().message.find("not_media.mp4"), std::string::npos);
    EXPECT_NE(refused.error().message.find("not media"), std::string::npos);
    auto missing = registered(media("no-such-file.mp4"), "");
    ASSERT_FALSE(missing);
    EXPECT_EQ(missing.error().kind, ErrorKind::unplayable);
    EXPECT_NE(missing.error().message.find("cannot play: no such file"), std::string::npos);
}

TEST(MediaRegistration, TakesTheFactsAsProbed) {
    content::MediaFacts facts;
    facts.container = "matroska,webm";
    facts.duration_seconds = 12.3456;
    facts.video = content::VideoFacts{"vp9", 1920, 1080, "yuv420p", 25.0, 0};
    facts.audio = content::AudioFacts{"opus", 48000, 2};
    const auto now = Instant{std::chrono::hours(1)};
    auto film = describe_media_file(media("red.mp4"), "film", facts, now);
    ASSERT_TRUE(film) << film.error().message;
    EXPECT_EQ(film->duration, std::chrono::milliseconds{12346});
    EXPECT_EQ(film->container, "matroska,webm");
    EXPECT_EQ(film->video_codec, "vp9");
    EXPECT_EQ(film->width, 1920);
    EXPECT_EQ(film->audio_codec, "opus");
    EXPECT_EQ(film->registered_at, now);
    EXPECT_EQ(film->sha256.size(), 64U);
}

TEST(MediaRegistration, SaysTheProbesReasonInItsWords) {
    const content::MediaError damaged{content::MediaErrorKind::damaged, "no frame could be decoded"};
    auto refused = describe_media_file(media("red.mp4"), "", tl::unexpected(damaged), Instant{});
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, ErrorKind::unplayable);
    EXPECT_EQ(refused.error().message, media("red.mp4").string() + ": cannot play: " +
                                           content::to_string(damaged.kind) + ": no frame could be decoded");
    // A file that is not there is refused for that, whatever the probe said.
    auto missing = describe_media_file(media("no-such-file.mp4"), "", content::MediaFacts{}, Instant{});
    ASSERT_FALSE(missing);
    EXPECT_NE(missing.error().message.find("cannot play: no such file"), std::string::npos);
}

TEST(MediaRegistration, AFileInAnUnreadableFolderSaysPermissionDenied) {
    TempDir dir;
    const auto closed = dir.path() / "closed";
    std::filesystem::create_directory(closed);
    std::filesystem::copy_file(media("red.mp4"), closed / "red.mp4");
    std::filesystem::permissions(closed, std::filesystem::perms::none);
    // It said "no such file". Root reads any folder: the check runs without privileges.
    EXPECT_TRUE(kiosk::test::holds_unprivileged([&] {
        auto refused = registered(closed / "red.mp4", "");
        return !refused && refused.error().message.ends_with("red.mp4: cannot play: permission denied");
    }));
    std::filesystem::permissions(closed, std::filesystem::perms::owner_all);
}

TEST(MediaRegistration, AFifoIsNotARegularFileAndIsRefusedAtOnce) {
    TempDir dir;
    const auto fifo = dir.path() / "film.mp4";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    auto refused = registered(fifo, "");
    ASSERT_FALSE(refused);
    EXPECT_NE(refused.error().message.find("cannot play: not a regular file (a FIFO)"), std::string::npos)
        << refused.error().message;
    EXPECT_EQ(sha256_of_file(fifo).error().kind, ErrorKind::storage);
}

TEST(MediaRegistration, HashesTheFileBytes) {
    TempDir dir;
    const auto file = dir.path() / "abc.txt";
    std::ofstream(file) << "abc";
    // The SHA-256 test vector of "abc" (FIPS 180-2).
    EXPECT_EQ(*sha256_of_file(file), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_of_file(dir.path() / "missing").error().kind, ErrorKind::storage);
}

TEST(MediaRegistration, PlayoutResolvesItemsToFiles) {
    TempDir dir;
    auto store = std::move(*open_schedule_store(database_path(dir.path())));
    for (const char* name : {"red.mp4", "blue.mp4", "still.png"}) {
        ASSERT_TRUE(store->add_media(*registered(media(name), "")));
    }
    ASSERT_TRUE(store->create_playlist("loop", true));
    ASSERT_TRUE(store->add_playlist_items("loop", {"red"}, std::nullopt, {0, std::nullopt, 50}));
    ASSERT_TRUE(store->add_playlist_items("loop", {"still"}, std::nullopt,
                                          {0, std::chrono::seconds(4), std::nullopt}));
    ASSERT_TRUE(store->add_playlist_items("loop", {"blue"}, std::nullopt, {}));
    const Programme programme = *store->load_programme();
    const auto list = playout_list(programme, programme.find_playlist("loop")->id);
    ASSERT_TRUE(list);
    EXPECT_TRUE(list->shuffle);
    ASSERT_EQ(list->items.size(), 3U);
    EXPECT_EQ(list->items[0].path, std::filesystem::absolute(media("red.mp4")).lexically_normal());
    EXPECT_EQ(list->items[0].volume_percent, 50);
    EXPECT_EQ(list->items[1].display_time, std::chrono::seconds(4));
    EXPECT_EQ(list->items[1].duration, std::chrono::seconds(4));
    EXPECT_FALSE(list->items[2].display_time);
    const content::Playlist engine = to_content_playlist(*list);
    EXPECT_EQ(engine.items.size(), 3U);
    EXPECT_EQ(engine.items[1].display_time, std::chrono::seconds(4));
    EXPECT_EQ(playout_list(programme, 999).error().kind, ErrorKind::not_found);
}

TEST(Playout, ShuffleOrderIsAPermutationFixedBySeed) {
    const auto order = shuffle_order(10, 42);
    auto sorted = order;
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size(); ++i)
        EXPECT_EQ(sorted[i], i);
    EXPECT_EQ(order, shuffle_order(10, 42));
    EXPECT_NE(order, shuffle_order(10, 43));
    EXPECT_TRUE(shuffle_order(0, 1).empty());
}

}  // namespace
}  // namespace scheduler::test

// ZoneDirector: one zone's screen kept on its schedule, with a recorder in
// place of the player, so a day of changes runs in a millisecond and nothing
// decodes. The programmes are built in the words staff use.
#include "app/zone_director.h"

#include <gtest/gtest.h>

#include <chrono>
#include <vector>

#include "../../scheduler/programme_builder.h"

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using scheduler::test::local;
using scheduler::test::ProgrammeBuilder;

struct Change {
    playback::ProgrammeChange change;
    playback::SteadyTime told_at;
};

class RecordingPlayer : public ZonePlayer {
  public:
    void change_programme(playback::ProgrammeChange change, playback::SteadyTime now) override {
        changes.push_back(Change{std::move(change), now});
    }
    std::vector<Change> changes;
};

playback::ScreenProgramme folder_programme() {
    playback::ScreenProgramme programme;
    programme.playlist.name = "folder";
    programme.playlist.items.push_back(
        content::PlaylistItem{"/media/folder/loop.mp4", std::nullopt, std::nullopt});
    return programme;
}

class ZoneDirectorTest : public ::testing::Test {
  protected:
    ZoneDirectorTest() : tz(*date::locate_zone("Asia/Shanghai")) {
        morning = builder.playlist_of("morning", 10min);
        news = builder.playlist_of("news", 90s);
        builder.rule(morning, {"av"}, "09:00", "12:00");
        builder.closed({"av"}, "18:00", "24:00");
    }

    scheduler::Instant at(const std::string& moment) const { return local("2026-12-07T" + moment, tz); }
    // The steady clock as the kiosk would read it at `moment`: the morning's start is steady zero.
    playback::SteadyTime steady(const std::string& moment) const {
        return playback::SteadyTime{} +
               std::chrono::duration_cast<playback::SteadyTime::duration>(at(moment) - at("08:00"));
    }
    // Steps the director every second from `from` to `to`.
    void run(ZoneDirector& director, const std::string& from, const std::string& to) {
        for (scheduler::Instant now = at(from); now <= at(to); now += 1s) {
            director.step(now, steady(from) + (now - at(from)), player);
        }
    }

    const date::time_zone& tz;
    ProgrammeBuilder builder;
    scheduler::PlaylistId morning = 0;
    scheduler::PlaylistId news = 0;
    RecordingPlayer player;
};

TEST_F(ZoneDirectorTest, StartsWithWhatIsScheduledNow) {
    ZoneDirector director("av", tz, 10s, folder_programme());
    const playback::ScreenProgramme now = director.start(builder.programme(), at("10:00"));
    EXPECT_EQ(now.playlist.name, "morning");
    EXPECT_FALSE(now.passes);
    EXPECT_FALSE(now.slate);
}

TEST_F(ZoneDirectorTest, OutsideTheRulesItPlaysTheFolderOrShowsASlate) {
    ZoneDirector with_folder("av", tz, 10s, folder_programme());
    EXPECT_EQ(with_folder.start(builder.programme(), at("13:00")).playlist.name, "folder");
    ZoneDirector without("av", tz, 10s, playback::ScreenProgramme{});
    const playback::ScreenProgramme slate = without.start(builder.programme(), at("13:00"));
    ASSERT_TRUE(slate.slate);
    EXPECT_EQ(slate.slate->subtitle, "Programme unavailable");
}

TEST_F(ZoneDirectorTest, ClosedHoursShowASlateThatSaysWhenTheZoneOpens) {
    ZoneDirector director("av", tz, 10s, folder_programme());
    const playback::ScreenProgramme closed = director.start(builder.programme(), at("19:00"));
    ASSERT_TRUE(closed.slate);
    EXPECT_EQ(closed.slate->title, "本区已闭馆 · 00:00 开放");
    EXPECT_TRUE(closed.playlist.items.empty());
}

TEST_F(ZoneDirectorTest, AChangeIsAnnouncedAFewSecondsAheadToCutInOnTheDot) {
    ZoneDirector director("av", tz, 10s, folder_programme());
    director.start(builder.programme(), at("11:59:00"));
    EXPECT_EQ(director.next_wake(at("11:59:00"), steady("11:59:00")), steady("11:59:57"));
    run(director, "11:59:00", "11:59:56");
    EXPECT_TRUE(player.changes.empty());
    run(director, "11:59:57", "11:59:57");
    ASSERT_EQ(player.changes.size(), 1u);
    const Change& change = player.changes.front();
    EXPECT_EQ(change.change.programme.playlist.name, "folder");
    ASSERT_TRUE(change.change.at);
    EXPECT_EQ(*change.change.at, steady("12:00"));
    EXPECT_EQ(change.told_at, steady("11:59:57"));
    EXPECT_FALSE(change.change.resume_after);
    // Told once only.
    run(director, "11:59:58", "12:00:30");
    EXPECT_EQ(player.changes.size(), 1u);
}

TEST_F(ZoneDirectorTest, AnInterruptCutsInOnceAndWhatItCutResumesByItself) {
    builder.interrupt(news, {"av"}, "10:30");
    ZoneDirector director("av", tz, 10s, folder_programme());
    director.start(builder.programme(), at("10:29:00"));
    run(director, "10:29:00", "10:35:00");
    ASSERT_EQ(player.changes.size(), 1u);
    const playback::ProgrammeChange& change = player.changes.front().change;
    EXPECT_EQ(change.programme.playlist.name, "news");
    EXPECT_EQ(change.programme.passes, 1);
    EXPECT_TRUE(change.resume_after);
    EXPECT_EQ(*change.at, steady("10:30"));
    // Its end goes back to the morning programme: the player resumes it
    // where it was cut, and is not told anything.
}

TEST_F(ZoneDirectorTest, AStaffEditReachesThePlayerAtTheNextItemAndAnUnchangedOneDoesNot) {
    ZoneDirector director("av", tz, 10s, folder_programme());
    director.start(builder.programme(), at("10:00"));
    director.adopt(builder.programme(), at("10:01"), steady("10:01"), player);
    EXPECT_TRUE(player.changes.empty());
    // The morning rule now plays the news playlist instead.
    builder.programme().rules.front().playlist = news;
    director.adopt(builder.programme(), at("10:02"), steady("10:02"), player);
    ASSERT_EQ(player.changes.size(), 1u);
    EXPECT_EQ(player.changes.front().change.programme.playlist.name, "news");
    EXPECT_FALSE(player.changes.front().change.at);  // at the end of the film on screen
}

TEST_F(ZoneDirectorTest, AnInterruptAddedForNowCutsInAtOnce) {
    ZoneDirector director("av", tz, 10s, folder_programme());
    director.start(builder.programme(), at("10:00"));
    builder.interrupt(news, {"av"}, "10:05");
    director.adopt(builder.programme(), at("10:05:30"), steady("10:05:30"), player);
    ASSERT_EQ(player.changes.size(), 1u);
    EXPECT_EQ(player.changes.front().change.programme.playlist.name, "news");
    EXPECT_EQ(player.changes.front().change.at, steady("10:05:30"));
    EXPECT_TRUE(player.changes.front().change.resume_after);
}

TEST_F(ZoneDirectorTest, ANewFolderProgrammeReachesTheScreenOnlyWhileNothingIsScheduled) {
    ZoneDirector director("av", tz, 10s, folder_programme());
    director.start(builder.programme(), at("10:00"));
    playback::ScreenProgramme other = folder_programme();
    other.playlist.items.front().path = "/media/folder/new.mp4";
    director.set_unscheduled(other, steady("10:00"), player);
    EXPECT_TRUE(player.changes.empty());  // the morning rule plays
    director.start(builder.programme(), at("13:00"));
    director.set_unscheduled(other, steady("13:00"), player);
    EXPECT_TRUE(player.changes.empty());  // the same films
    director.set_unscheduled(folder_programme(), steady("13:00"), player);
    ASSERT_EQ(player.changes.size(), 1u);
    EXPECT_EQ(player.changes.front().change.programme.playlist.items.front().path, "/media/folder/loop.mp4");
}

TEST_F(ZoneDirectorTest, ProofOfPlaySaysWhyAnItemEnded) {
    ZoneDirector director("av", tz, 10s, folder_programme());
    director.start(builder.programme(), at("10:00"));
    const auto cut = director.to_record(
        playback::PlayEvent{playback::PlayEvent::Kind::ended, "morning", "/media/morning-film.mp4", "cut"},
        at("10:00"));
    EXPECT_EQ(cut.kind, scheduler::PlayEventKind::end);
    EXPECT_EQ(cut.reason, "schedule change");
    EXPECT_EQ(cut.zone, "av");
    EXPECT_EQ(cut.playlist, morning);
    EXPECT_NE(cut.media, 0);
    const auto finished = director.to_record(
        playback::PlayEvent{playback::PlayEvent::Kind::ended, "morning", "/media/morning-film.mp4", ""},
        at("10:00"));
    EXPECT_EQ(finished.reason, "finished");
}

}  // namespace
}  // namespace kiosk::app

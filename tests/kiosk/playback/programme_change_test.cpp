// ScreenPlayer programme changes: a schedule boundary cuts in on the dot, an
// interrupt plays once and the programme it cut resumes, closed hours show a
// slate, and an edit takes effect at the next item boundary. Real decoding of
// the solid-colour clips, against a manual clock.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "playback/clock.h"
#include "playback/screen_player.h"
#include "playback/video_output.h"

namespace kiosk::playback {
namespace {

using namespace std::chrono_literals;

// Manual time per step, and the real pause that lets decoder threads keep up.
constexpr auto kStep = 5ms;
constexpr auto kRealPause = 1ms;
// The player's wake-up while the decoder has not delivered the next picture.
constexpr auto kDecoderPoll = 2ms;
constexpr int kMaxHolds = 200;
constexpr double kFrame = 1.0 / 30.0;

enum class Colour { red, green, blue, other };

// Centre luma of the solid clips, BT.601 limited range.
Colour colour_of_luma(int luma) {
    if (std::abs(luma - 81) <= 12) {
        return Colour::red;
    }
    if (std::abs(luma - 41) <= 12) {
        return Colour::blue;
    }
    if (std::abs(luma - 145) <= 12) {
        return Colour::green;
    }
    return Colour::other;
}

class ColourLog final : public VideoOutput {
  public:
    explicit ColourLog(const Clock& clock) : m_clock(clock) {}

    struct Shown {
        double at;  // seconds since the log began
        Colour colour;
        int luma = 0;  // at the centre
    };

    void show_picture(const Picture& picture, int) override {
        const PicturePlane& luma = picture.plane(0);
        const int centre = (picture.height() / 2) * luma.stride + picture.width() / 2;
        shown.push_back(Shown{seconds(), colour_of_luma(luma.data[centre]), luma.data[centre]});
    }
    void show_slate(const std::string& title, const std::string&) override {
        slates.push_back(std::pair{seconds(), title});
    }
    bool save_screenshot(const std::filesystem::path&) override { return false; }

    // When `colour` first appears at or after `from`.
    std::optional<double> first(Colour colour, double from = 0.0) const {
        for (const Shown& picture : shown) {
            if (picture.at >= from && picture.colour == colour) {
                return picture.at;
            }
        }
        return std::nullopt;
    }
    // The colour on screen at `at`.
    std::optional<Colour> at(double time) const {
        std::optional<Colour> colour;
        for (const Shown& picture : shown) {
            if (picture.at <= time) {
                colour = picture.colour;
            }
        }
        return colour;
    }

    std::vector<Shown> shown;
    std::vector<std::pair<double, std::string>> slates;

  private:
    double seconds() const { return Seconds(m_clock.now() - m_origin).count(); }
    const Clock& m_clock;
    SteadyTime m_origin = m_clock.now();
};

std::filesystem::path media(const char* name) {
    return std::filesystem::path(KIOSK_TEST_MEDIA_DIR) / name;
}

ScreenProgramme looping(std::string name, std::vector<const char*> files) {
    ScreenProgramme programme;
    programme.playlist.name = std::move(name);
    for (const char* file : files) {
        programme.playlist.items.push_back(content::PlaylistItem{media(file), std::nullopt, std::nullopt});
    }
    return programme;
}

class ProgrammeChangeTest : public ::testing::Test {
  protected:
    ManualClock clock{SteadyTime{} + 1h};
    ColourLog log{clock};

    // Steps `player` until manual time `until` (seconds since the test began).
    // While the player is only waiting for the decoder, real time passes and
    // manual time is held (a bounded number of times), so a loaded machine
    // slows the test down instead of making pictures late.
    void run_until(ScreenPlayer& player, double until) {
        const SteadyTime end = m_began + to_duration(until);
        int holds = 0;
        while (clock.now() < end) {
            player.step(clock.now());
            std::this_thread::sleep_for(kRealPause);
            if (player.next_wake() <= clock.now() + kDecoderPoll && ++holds < kMaxHolds) {
                continue;
            }
            holds = 0;
            clock.advance(kStep);
        }
    }
    SteadyTime at(double seconds) const { return m_began + to_duration(seconds); }

  private:
    SteadyTime m_began = clock.now();
};

TEST_F(ProgrammeChangeTest, ScheduleBoundaryCutsInOnTheDot) {
    ScreenPlayer player(looping("morning", {"red.mp4"}), SourceOptions{}, log, nullptr, clock);
    run_until(player, 0.4);
    // Told 0.6 s ahead, as the zone's director does.
    player.change_programme(ProgrammeChange{looping("afternoon", {"blue.mp4"}), at(1.0), false}, clock.now());
    run_until(player, 1.6);

    const std::optional<double> first_blue = log.first(Colour::blue);
    ASSERT_TRUE(first_blue.has_value());
    EXPECT_NEAR(*first_blue, 1.0, kFrame);  // on the dot, mid-film: red.mp4 is 2 s long
    EXPECT_EQ(log.at(0.95), Colour::red);
    // (A late red picture may share the step in which blue cuts in; none may follow it.)
    EXPECT_FALSE(log.first(Colour::red, *first_blue + 1e-6).has_value());
    EXPECT_LT(player.stats().max_transition_gap_ms, kFrame * 1000.0);
}

TEST_F(ProgrammeChangeTest, InterruptPlaysOnceThenTheLoopResumesWithTheItemItCut) {
    ScreenPlayer player(looping("loop", {"red.mp4", "green.mp4"}), SourceOptions{}, log, nullptr, clock);
    run_until(player, 0.2);
    ScreenProgramme lecture = looping("policy lecture", {"blue.mp4"});
    lecture.passes = 1;
    player.change_programme(ProgrammeChange{lecture, at(0.5), true}, clock.now());
    run_until(player, 5.0);

    ASSERT_TRUE(log.first(Colour::blue).has_value());
    EXPECT_NEAR(*log.first(Colour::blue), 0.5, kFrame);
    // blue.mp4 lasts 2 s; then red.mp4, which the lecture cut, starts again.
    const std::optional<double> resumed = log.first(Colour::red, 0.6);
    ASSERT_TRUE(resumed.has_value());
    EXPECT_NEAR(*resumed, 2.5, 2 * kFrame);
    EXPECT_EQ(log.at(4.4), Colour::red);  // the whole 2 s of it, not the rest of the cut
    EXPECT_EQ(log.at(4.6), Colour::green);
    EXPECT_FALSE(player.finished());
}

TEST_F(ProgrammeChangeTest, ClosedHoursShowTheSlateAndNoMorePictures) {
    ScreenPlayer player(looping("day", {"red.mp4"}), SourceOptions{}, log, nullptr, clock);
    run_until(player, 0.3);
    ScreenProgramme closed;
    closed.playlist.name = "closed";
    closed.slate = Slate{"已闭馆", "Closed", false};
    player.change_programme(ProgrammeChange{closed, at(0.8), false}, clock.now());
    run_until(player, 2.0);

    ASSERT_FALSE(log.slates.empty());
    EXPECT_EQ(log.slates.back().second, "已闭馆");
    EXPECT_NEAR(log.slates.back().first, 0.8, kFrame);
    EXPECT_TRUE(log.shown.back().at < 0.8 + kFrame);
    EXPECT_FALSE(player.finished());  // closed is a state, not the end
}

TEST_F(ProgrammeChangeTest, AnEditTakesEffectAtTheNextItemBoundary) {
    ScreenPlayer player(looping("loop", {"red.mp4"}), SourceOptions{}, log, nullptr, clock);
    run_until(player, 0.5);
    player.change_programme(ProgrammeChange{looping("edited", {"blue.mp4"}), std::nullopt, false},
                            clock.now());
    run_until(player, 3.0);

    // The programme began with the first red picture; red.mp4 lasts 2 s.
    const std::optional<double> first_red = log.first(Colour::red);
    ASSERT_TRUE(first_red.has_value());
    EXPECT_EQ(log.at(*first_red + 1.9), Colour::red);  // the item on screen plays to its end
    ASSERT_TRUE(log.first(Colour::blue).has_value());
    EXPECT_NEAR(*log.first(Colour::blue), *first_red + 2.0, kFrame);
}

TEST_F(ProgrammeChangeTest, ProofOfPlayHearsStartsEndsAndCuts) {
    std::vector<PlayEvent> events;  // outlives the player, which reports its last item's end as it goes
    ScreenPlayer player(looping("loop", {"red.mp4", "missing.mp4"}), SourceOptions{}, log, nullptr, clock);
    player.on_play_event([&](const PlayEvent& event) { events.push_back(event); });
    run_until(player, 0.5);
    player.change_programme(ProgrammeChange{looping("next", {"blue.mp4"}), at(1.0), false}, clock.now());
    run_until(player, 1.5);

    ASSERT_GE(events.size(), 3u);
    EXPECT_EQ(events[0].kind, PlayEvent::Kind::started);
    EXPECT_EQ(std::filesystem::path(events[0].path).filename(), "red.mp4");
    auto skipped = std::find_if(events.begin(), events.end(), [](const PlayEvent& event) {
        return event.kind == PlayEvent::Kind::skipped;
    });
    ASSERT_NE(skipped, events.end());
    EXPECT_EQ(std::filesystem::path(skipped->path).filename(), "missing.mp4");
    EXPECT_FALSE(skipped->reason.empty());
    auto ended = std::find_if(events.begin(), events.end(),
                              [](const PlayEvent& event) { return event.kind == PlayEvent::Kind::ended; });
    ASSERT_NE(ended, events.end());
    EXPECT_EQ(ended->reason, "cut");
    EXPECT_EQ(events.back().kind, PlayEvent::Kind::started);
    EXPECT_EQ(events.back().programme, "next");
}

// ramp_gop1s.mp4: 6 s at 30 fps, a keyframe every whole second, and each picture's luma is 16 plus
// its frame number, so a picture on screen tells its own time in the film.
double ramp_seconds(int luma) {
    return (luma - 16) / 30.0;
}

TEST_F(ProgrammeChangeTest, AnInterruptedFilmResumesAtTheKeyframeBeforeTheCut) {
    std::vector<PlayEvent> events;
    ScreenPlayer player(looping("loop", {"ramp_gop1s.mp4"}), SourceOptions{}, log, nullptr, clock);
    player.on_play_event([&](const PlayEvent& event) { events.push_back(event); });
    run_until(player, 0.5);
    ASSERT_FALSE(log.shown.empty());
    const double film_start = log.shown.front().at;  // the film's second 0
    const double cut = film_start + 3.4;
    ScreenProgramme lecture = looping("lecture", {"blue.mp4"});
    lecture.passes = 1;
    run_until(player, 2.8);
    player.change_programme(ProgrammeChange{lecture, at(cut), true}, clock.now());
    run_until(player, cut + 2.0 + 1.0);

    // The last picture before the cut is the one due at 3.4 s (or a frame before).
    const auto before_cut =
        std::find_if(log.shown.rbegin(), log.shown.rend(),
                     [&](const ColourLog::Shown& shown) { return shown.at < cut - 1e-6; });
    ASSERT_NE(before_cut, log.shown.rend());
    EXPECT_NEAR(ramp_seconds(before_cut->luma), 3.4, 2 * kFrame);
    // blue.mp4 plays its 2 s; then the film, from the keyframe at or before the cut.
    EXPECT_NEAR(*log.first(Colour::blue, cut - kFrame), cut, kFrame);
    const auto resumed = std::find_if(log.shown.begin(), log.shown.end(), [&](const ColourLog::Shown& shown) {
        return shown.at > cut + 1.0 && shown.colour != Colour::blue;
    });
    ASSERT_NE(resumed, log.shown.end());
    EXPECT_NEAR(resumed->at, cut + 2.0, 2 * kFrame);
    const double resumed_at = ramp_seconds(resumed->luma);
    EXPECT_LE(resumed_at, 3.4 + 0.5 * kFrame) << "at or before the cut";
    EXPECT_GE(resumed_at, 3.4 - 1.0) << "within one GOP of the cut";
    EXPECT_NEAR(resumed_at, 3.0, 0.5 * kFrame) << "the keyframe of second 3";

    // The rest of the film plays to its end (3 s), and the loop goes on with it from its start.
    const double resumed_shown_at = resumed->at;
    run_until(player, cut + 2.0 + 3.5);
    // At its own pace: a second later, a second further into the film.
    const auto later = std::find_if(log.shown.begin(), log.shown.end(), [&](const ColourLog::Shown& shown) {
        return shown.at >= resumed_shown_at + 1.0;
    });
    ASSERT_NE(later, log.shown.end());
    EXPECT_NEAR(ramp_seconds(later->luma), resumed_at + 1.0, 2 * kFrame);
    ASSERT_GE(events.size(), 6u);
    const auto film = [](const PlayEvent& event) {
        return std::filesystem::path(event.path).filename() == "ramp_gop1s.mp4";
    };
    EXPECT_TRUE(events[0].kind == PlayEvent::Kind::started && film(events[0]));
    EXPECT_TRUE(events[1].kind == PlayEvent::Kind::ended && film(events[1]));
    EXPECT_EQ(events[1].reason, "cut");
    EXPECT_EQ(events[2].kind, PlayEvent::Kind::started);
    EXPECT_EQ(events[2].programme, "lecture");
    EXPECT_EQ(events[3].kind, PlayEvent::Kind::ended);
    EXPECT_EQ(events[3].reason, "");
    EXPECT_TRUE(events[4].kind == PlayEvent::Kind::started && film(events[4])) << "started again";
    EXPECT_EQ(events[4].programme, "loop");
    EXPECT_TRUE(events[5].kind == PlayEvent::Kind::ended && film(events[5]));
    EXPECT_EQ(events[5].reason, "") << "the resumed film ends as any film does";
    const auto restarted =
        std::find_if(log.shown.begin(), log.shown.end(), [&](const ColourLog::Shown& shown) {
            return shown.at > resumed_shown_at && ramp_seconds(shown.luma) < 0.5;
        });
    ASSERT_NE(restarted, log.shown.end());
    EXPECT_NEAR(restarted->at, cut + 2.0 + (6.0 - resumed_at), 2 * kFrame);
}

}  // namespace
}  // namespace kiosk::playback

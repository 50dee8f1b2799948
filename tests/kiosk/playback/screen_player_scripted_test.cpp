// ScreenPlayer on scripted sources: the programme's logic (joins, changes on the dot, interrupts and
// resumes, skips, the slate and its retry) against a manual clock, with no decoding. Each step waits
// for the preparer's thread before time moves on, so the runs are exact and take milliseconds.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "playback/audio_ring.h"
#include "playback/audio_timeline.h"
#include "playback/clock.h"
#include "playback/screen_player.h"
#include "playback/video_output.h"
#include "scripted_media_source.h"

namespace kiosk::playback {
namespace {

using namespace std::chrono_literals;
using test::ScriptedFilm;
using test::ScriptedLibrary;

constexpr double kFrame = 1.0 / 30.0;
// The longest a step may leave manual time still: the player's own wake-up
// times are exact, this only bounds the steps between them.
constexpr auto kLongestStep = 20ms;

class Screen final : public VideoOutput {
  public:
    struct Shown {
        double at;  // seconds since the screen was made
        int luma;
    };
    explicit Screen(const Clock& clock) : m_clock(clock), m_origin(clock.now()) {}

    void show_picture(const Picture& picture, int) override {
        const PicturePlane& luma = picture.plane(0);
        shown.push_back(
            Shown{seconds(), luma.data[(picture.height() / 2) * luma.stride + picture.width() / 2]});
    }
    void show_slate(const std::string& title, const std::string& subtitle) override {
        slates.push_back({seconds(), title + "|" + subtitle});
    }
    bool save_screenshot(const std::filesystem::path&) override { return false; }

    // The first picture of `luma` at or after `from`.
    std::optional<Shown> first(int luma, double from = 0.0) const {
        for (const Shown& picture : shown) {
            if (picture.at >= from - 1e-9 && picture.luma == luma) {
                return picture;
            }
        }
        return std::nullopt;
    }
    std::optional<Shown> first_after(double from) const {
        for (const Shown& picture : shown) {
            if (picture.at >= from - 1e-9) {
                return picture;
            }
        }
        return std::nullopt;
    }

    std::vector<Shown> shown;
    std::vector<std::pair<double, std::string>> slates;

  private:
    double seconds() const { return Seconds(m_clock.now() - m_origin).count(); }
    const Clock& m_clock;
    SteadyTime m_origin;
};

ScreenProgramme programme(std::string name, const std::vector<std::string>& files,
                          std::optional<int> passes) {
    ScreenProgramme result;
    result.playlist.name = std::move(name);
    for (const std::string& file : files) {
        result.playlist.items.push_back(content::PlaylistItem{file, std::nullopt, std::nullopt});
    }
    result.passes = passes;
    return result;
}

class ScriptedPlayerTest : public ::testing::Test {
  protected:
    ScriptedPlayerTest() {
        library.add("red", ScriptedFilm::solid(81));
        library.add("blue", ScriptedFilm::solid(41));
        library.add("green", ScriptedFilm::solid(145));
        library.add("ramp", ScriptedFilm::ramp_with_sound(6.0));  // a keyframe every second
        library.add("broken", ScriptedFilm::refused(content::MediaError{content::MediaErrorKind::damaged,
                                                                        "no frame could be decoded"}));
    }

    void start(ScreenProgramme programme, AudioTimeline* audio = nullptr) {
        SourceOptions options;
        if (audio != nullptr) {
            options.audio = AudioFormat{audio->sample_rate(), audio->channels()};
        }
        player = std::make_unique<ScreenPlayer>(std::move(programme), options, screen, audio, clock,
                                                MediaOpening{library.opener(), &clock});
        player->on_play_event([this](const PlayEvent& event) { events.push_back(event); });
    }

    SteadyTime at(double seconds) const { return m_origin + to_duration(seconds); }
    double now() const { return Seconds(clock.now() - m_origin).count(); }

    // Steps the player until `until` (seconds since the test began), waking it when it asks to be
    // woken; whatever it asked the preparer for is answered before time moves on.
    void run_until(double until) {
        const SteadyTime end = at(until);
        while (clock.now() < end) {
            step();
            const SteadyTime wake = std::min({player->next_wake(), end, clock.now() + kLongestStep});
            clock.advance(std::max(wake - clock.now(), std::chrono::nanoseconds(1us)));
        }
        step();
    }
    // Steps until the player has nothing with the preparer: an answer it takes may lead to the
    // next request (a skip), all at the same instant.
    void step() {
        const auto limit = std::chrono::steady_clock::now() + 5s;
        player->step(clock.now());
        while (player->preparing() && std::chrono::steady_clock::now() < limit) {
            while (player->preparing() && std::chrono::steady_clock::now() < limit) {
                std::this_thread::sleep_for(50us);
            }
            player->step(clock.now());
        }
    }

    ManualClock clock{SteadyTime{} + 1h};
    Screen screen{clock};
    ScriptedLibrary library;
    std::vector<PlayEvent> events;  // outlives the player, which reports its last item's end as it goes
    std::unique_ptr<ScreenPlayer> player;

  private:
    SteadyTime m_origin = clock.now();
};

TEST_F(ScriptedPlayerTest, PlaysFilmsBackToBackOnTheFrameGrid) {
    start(programme("loop", {"red", "blue"}, 1));
    run_until(5.0);

    ASSERT_TRUE(player->finished());
    EXPECT_EQ(player->state(), PlayerState::finished);
    ASSERT_EQ(screen.shown.size(), 120u);
    for (std::size_t i = 0; i < screen.shown.size(); ++i) {
        EXPECT_NEAR(screen.shown[i].at, static_cast<double>(i) * kFrame, 1e-6) << "picture " << i;
        EXPECT_EQ(screen.shown[i].luma, i < 60 ? 81 : 41) << "picture " << i;
    }
    EXPECT_EQ(player->stats().items_played, 2);
    EXPECT_EQ(player->stats().frames_dropped, 0);
    EXPECT_LT(player->stats().max_transition_gap_ms, 0.01);
}

TEST_F(ScriptedPlayerTest, WithAWakeHookItSleepsUntilThePreparerWakesIt) {
    // The film opens only when the test lets it, so the player is surely
    // waiting on its preparer when it steps.
    std::promise<void> let_open;
    std::shared_future<void> may_open = let_open.get_future().share();
    MediaOpening opening{[inner = library.opener(), may_open](const std::filesystem::path& path,
                                                              const SourceOptions& options) {
                             may_open.wait();
                             return inner(path, options);
                         },
                         &clock};
    player = std::make_unique<ScreenPlayer>(programme("loop", {"red"}, std::nullopt), SourceOptions{}, screen,
                                            nullptr, clock, std::move(opening));
    std::atomic<int> wakes{0};
    player->wake_with([&] { ++wakes; });
    player->step(clock.now());
    // No polling while it opens: its next wake-up of its own is the backstop.
    EXPECT_GE(player->next_wake() - clock.now(), 1s);
    EXPECT_EQ(wakes.load(), 0);
    let_open.set_value();
    const auto limit = std::chrono::steady_clock::now() + 5s;
    while (wakes.load() == 0 && std::chrono::steady_clock::now() < limit) {
        std::this_thread::sleep_for(100us);
    }
    EXPECT_EQ(wakes.load(), 1);  // the preparer's thread woke the loop, once
    run_until(1.0);
    EXPECT_EQ(screen.shown.size(), 31u);  // then every frame on time, woken by its due time
}

TEST_F(ScriptedPlayerTest, AProgrammeChangeCutsInOnTheDot) {
    start(programme("morning", {"red"}, std::nullopt));
    run_until(0.4);
    player->change_programme(ProgrammeChange{programme("afternoon", {"blue"}, std::nullopt), at(1.0), false},
                             clock.now());
    run_until(1.5);

    const auto first_blue = screen.first(41);
    ASSERT_TRUE(first_blue);
    EXPECT_NEAR(first_blue->at, 1.0, 1e-6);
    EXPECT_FALSE(screen.first(81, 1.0));
    ASSERT_GE(events.size(), 3u);
    EXPECT_EQ(events[1].kind, PlayEvent::Kind::ended);
    EXPECT_EQ(events[1].reason, "cut");
    EXPECT_EQ(events[2].programme, "afternoon");
}

TEST_F(ScriptedPlayerTest, AnInterruptedFilmResumesAtTheKeyframeBeforeItsCut) {
    start(programme("loop", {"ramp"}, std::nullopt));
    run_until(3.0);
    player->change_programme(ProgrammeChange{programme("lecture", {"blue"}, 1), at(3.4), true}, clock.now());
    run_until(6.0);

    // Cut at 3.4 s (picture 102), blue for its 2 s, then the film from its keyframe at 3 s (picture 90).
    EXPECT_NEAR(screen.first(41, 3.0)->at, 3.4, 1e-6);
    const auto resumed = screen.first_after(5.4);
    ASSERT_TRUE(resumed);
    EXPECT_NEAR(resumed->at, 5.4, 1e-6);
    EXPECT_EQ(resumed->luma, 16 + 90);
    const std::vector<ScriptedLibrary::Opened> opened = library.opened();
    const auto reopened =
        std::find_if(opened.begin(), opened.end(), [](const auto& open) { return open.start_seconds > 0.0; });
    ASSERT_NE(reopened, opened.end());
    EXPECT_EQ(reopened->name, "ramp");
    EXPECT_NEAR(reopened->start_seconds, 3.4, 1e-6)
        << "asked for at the cut; the source starts at its keyframe";

    run_until(9.0);
    // The rest of the film (3 s of it), then the loop starts it again from the beginning.
    EXPECT_NEAR(screen.first_after(8.4 - 1e-6)->at, 8.4, 1e-6);
    EXPECT_EQ(screen.first_after(8.4 - 1e-6)->luma, 16);
    ASSERT_GE(events.size(), 7u);
    EXPECT_EQ(events[4].kind, PlayEvent::Kind::started);
    EXPECT_EQ(events[4].programme, "loop");
    EXPECT_EQ(events[5].kind, PlayEvent::Kind::ended);
    EXPECT_EQ(events[5].reason, "");
}

TEST_F(ScriptedPlayerTest, EndingAnInterruptResumesTheFilmItCut) {
    start(programme("loop", {"ramp"}, std::nullopt));
    run_until(2.0);
    player->change_programme(ProgrammeChange{programme("visitor", {"blue"}, 1), at(2.5), true}, clock.now());
    run_until(3.0);
    player->end_interrupt(clock.now());
    run_until(4.0);

    // (The blue picture due at 3.0 s went up in the step before the visitor closed it.)
    const auto resumed =
        std::find_if(screen.shown.begin(), screen.shown.end(),
                     [](const Screen::Shown& shown) { return shown.at >= 3.0 && shown.luma != 41; });
    ASSERT_NE(resumed, screen.shown.end());
    EXPECT_NEAR(resumed->at, 3.0, 1e-6);
    EXPECT_EQ(resumed->luma, 16 + 60) << "the keyframe at 2 s, before the cut at 2.5 s";
}

TEST_F(ScriptedPlayerTest, AFilmCutInItsFirstSecondStartsAgainAndInItsLastSecondIsDone) {
    start(programme("loop", {"red", "green"}, std::nullopt));
    run_until(0.3);
    player->change_programme(ProgrammeChange{programme("lecture", {"blue"}, 1), at(0.5), true}, clock.now());
    run_until(2.6);
    EXPECT_EQ(screen.first_after(2.5 - 1e-6)->luma, 81);
    EXPECT_NEAR(screen.first_after(2.5 - 1e-6)->at, 2.5, 1e-6);
    EXPECT_EQ(library.opened().back().start_seconds, 0.0) << "red again, whole";

    // Red runs 2.5-4.5; cut at 4.3, in its last second: the loop goes on with green.
    player->change_programme(ProgrammeChange{programme("lecture", {"blue"}, 1), at(4.3), true}, clock.now());
    run_until(6.5);
    EXPECT_EQ(screen.first_after(6.3 - 1e-6)->luma, 145);
}

TEST_F(ScriptedPlayerTest, AnItemThatCannotPlayIsSkippedWithoutAGap) {
    start(programme("loop", {"red", "broken", "missing", "blue"}, 1));
    run_until(5.0);

    ASSERT_TRUE(player->finished());
    EXPECT_EQ(player->stats().items_skipped, 2);
    EXPECT_EQ(player->stats().items_played, 2);
    ASSERT_EQ(screen.shown.size(), 120u);
    EXPECT_NEAR(screen.first(41)->at, 2.0, 1e-6);
    const auto skipped = std::count_if(events.begin(), events.end(), [](const PlayEvent& event) {
        return event.kind == PlayEvent::Kind::skipped;
    });
    EXPECT_EQ(skipped, 2);
    EXPECT_TRUE(screen.slates.empty());
}

TEST_F(ScriptedPlayerTest, NothingPlayableShowsTheSlateAndTriesAgainAfterAPause) {
    ScreenProgramme nothing = programme("broken films", {"broken", "missing"}, std::nullopt);
    nothing.retry_seconds = 0.5;
    start(nothing);
    run_until(0.1);
    EXPECT_EQ(player->state(), PlayerState::retrying);
    ASSERT_EQ(screen.slates.size(), 1u);
    EXPECT_EQ(screen.slates[0].second, "节目暂不可用|Programme unavailable");

    // The film is put right: the next try plays it.
    library.add("broken", ScriptedFilm::solid(81));
    run_until(1.0);
    const auto shown = screen.first(81);
    ASSERT_TRUE(shown);
    EXPECT_NEAR(shown->at, 0.5, 1e-6) << "tried again after retry_seconds";
    EXPECT_EQ(player->state(), PlayerState::ready) << "playing it, the next one prepared";
}

TEST_F(ScriptedPlayerTest, ClosedHoursAreASlateNotAnEnd) {
    start(programme("day", {"red"}, std::nullopt));
    run_until(0.3);
    ScreenProgramme closed;
    closed.playlist.name = "closed";
    closed.slate = Slate{"已闭馆", "Closed", false};
    player->change_programme(ProgrammeChange{closed, at(0.8), false}, clock.now());
    run_until(2.0);

    ASSERT_FALSE(screen.slates.empty());
    EXPECT_NEAR(screen.slates.back().first, 0.8, 1e-6);
    EXPECT_EQ(player->state(), PlayerState::slate);
    EXPECT_FALSE(player->finished());
}

TEST_F(ScriptedPlayerTest, AResumedFilmsSoundStartsWhereItsPictureDoes) {
    constexpr int kRate = 48000;
    AudioRing ring(kRate, 2, kRate);
    AudioTimeline timeline(ring, 0);
    start(programme("loop", {"ramp"}, std::nullopt), &timeline);
    run_until(0.0);  // programme second 0 is ring frame 0: nothing has been read yet
    // The ring is read a period at a time, as a device does, and everything read is kept.
    std::vector<float> heard;
    std::vector<float> period(1024 * 2);
    const auto play_until = [&](double until) {
        while (now() < until) {
            ring.read(period, clock.now());
            heard.insert(heard.end(), period.begin(), period.end());
            run_until(now() + 1024.0 / kRate);
        }
    };
    play_until(3.0);
    player->change_programme(ProgrammeChange{programme("lecture", {"blue"}, 1), at(3.4), true}, clock.now());
    play_until(6.0);

    const auto sample_at = [&](double seconds) {
        return heard.at(static_cast<std::size_t>(seconds * kRate) * 2);
    };
    EXPECT_FLOAT_EQ(sample_at(3.3), 0.5f) << "the film's tone before the cut";
    EXPECT_FLOAT_EQ(sample_at(4.4), 0.0f) << "blue has no sound";
    // The first sound after the interrupt is the resumed film's, with its picture at 5.4 s.
    const auto resumed = std::find_if(heard.begin() + static_cast<std::ptrdiff_t>(3.5 * kRate * 2),
                                      heard.end(), [](float sample) { return sample != 0.0f; });
    ASSERT_NE(resumed, heard.end());
    EXPECT_NEAR(static_cast<double>(resumed - heard.begin()) / 2 / kRate, 5.4, 0.005);
    EXPECT_FLOAT_EQ(sample_at(5.6), 0.5f) << "faded in, then at full volume";
}

}  // namespace
}  // namespace kiosk::playback

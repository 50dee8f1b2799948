// ScreenPlayer: a screen's programme played from real files against a manual clock.
//
// The player is stepped in 5 ms steps of manual time, with a 1 ms real sleep per step so the decoder
// threads (which run in real time) keep up. Manual time is held while the player is only polling for
// a picture the decoder has not delivered yet, so a slow machine slows the test down instead of
// making frames late. A real-time deadline guards every run.
#include "playback/screen_player.h"

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "playback/audio_ring.h"
#include "playback/audio_timeline.h"
#include "playback/clock.h"
#include "playback/video_output.h"

namespace kiosk::playback {
namespace {

using namespace std::chrono_literals;

constexpr auto kStep = 5ms;
constexpr auto kDecoderPoll = 2ms;  // the player's wake-up while a picture is not decoded yet
constexpr auto kRealDeadline = 30s;
constexpr double kFrame = 1.0 / 30.0;

// Centre luma of the solid-colour clips (BT.601 limited range).
constexpr int kRedLuma = 81;
constexpr int kBlueLuma = 41;
constexpr int kYellowLuma = 210;
constexpr int kLumaTolerance = 12;

std::filesystem::path media(const std::string& name) {
    return std::filesystem::path(KIOSK_TEST_MEDIA_DIR) / name;
}

double seconds_between(SteadyTime from, SteadyTime to) {
    return Seconds(to - from).count();
}

class RecordingOutput final : public VideoOutput {
  public:
    struct Picture {
        int width = 0;
        int height = 0;
        int centre_luma = 0;
        int rotation_degrees = 0;
        SteadyTime at{};
    };
    struct Slate {
        std::string title;
        std::string subtitle;
        SteadyTime at{};
    };

    explicit RecordingOutput(const Clock& clock) : m_clock(clock) {}

    void show_picture(const playback::Picture& picture, int rotation_degrees) override {
        const PicturePlane& luma = picture.plane(0);
        const int centre = (picture.height() / 2) * luma.stride + picture.width() / 2;
        pictures.push_back(
            Picture{picture.width(), picture.height(), luma.data[centre], rotation_degrees, m_clock.now()});
    }
    void show_slate(const std::string& title, const std::string& subtitle) override {
        slates.push_back(Slate{title, subtitle, m_clock.now()});
    }
    bool save_screenshot(const std::filesystem::path&) override { return false; }

    std::vector<Picture> pictures;
    std::vector<Slate> slates;

  private:
    const Clock& m_clock;
};

class ScreenPlayerTest : public ::testing::Test {
  protected:
    void start(const std::vector<content::PlaylistItem>& items, std::optional<int> passes = 1,
               double retry_seconds = 1.0) {
        ScreenProgramme programme;
        programme.playlist = content::Playlist{"test", items};
        programme.passes = passes;
        programme.retry_seconds = retry_seconds;
        SourceOptions options;  // no sound: audio unset, and no audio timeline below
        options.hardware_decoding = false;
        player = std::make_unique<ScreenPlayer>(programme, options, output, nullptr, clock);
    }

    // Steps the player until `done()` or `manual_limit` of manual time; false on either deadline.
    bool run_until(const std::function<bool()>& done, Seconds manual_limit) {
        const SteadyTime manual_end =
            clock.now() + std::chrono::duration_cast<std::chrono::nanoseconds>(manual_limit);
        const auto real_end = std::chrono::steady_clock::now() + kRealDeadline;
        int holds = 0;
        while (clock.now() < manual_end && std::chrono::steady_clock::now() < real_end) {
            player->step(clock.now());
            if (done()) {
                return true;
            }
            std::this_thread::sleep_for(1ms);
            // Waiting on the decoder: give it real time, not manual time (bounded, in case
            // the player wakes this soon for another reason).
            if (player->next_wake() <= clock.now() + kDecoderPoll && ++holds < 200) {
                continue;
            }
            holds = 0;
            clock.advance(kStep);
        }
        return false;
    }

    bool run_until_finished(Seconds manual_limit) {
        return run_until([&] { return player->finished(); }, manual_limit);
    }

    ManualClock clock{SteadyTime{} + 1000s};
    RecordingOutput output{clock};
    std::unique_ptr<ScreenPlayer> player;
};

content::PlaylistItem item(const std::string& name) {
    return content::PlaylistItem{media(name), std::nullopt, std::nullopt};
}

int count_near(const std::vector<RecordingOutput::Picture>& pictures, int luma) {
    int count = 0;
    for (const auto& picture : pictures) {
        count += std::abs(picture.centre_luma - luma) <= kLumaTolerance ? 1 : 0;
    }
    return count;
}

TEST_F(ScreenPlayerTest, PlaysTwoFilmsBackToBackWithoutAGap) {
    start({item("red.mp4"), item("blue.mp4")});
    ASSERT_TRUE(run_until_finished(10s));

    const PlaybackStats& stats = player->stats();
    EXPECT_EQ(stats.frames_presented, 120) << "60 frames each";
    EXPECT_EQ(stats.frames_dropped, 0);
    EXPECT_EQ(stats.items_played, 2);
    EXPECT_EQ(stats.items_skipped, 0);
    EXPECT_EQ(stats.played,
              (std::vector<std::string>{media("red.mp4").string(), media("blue.mp4").string()}));
    EXPECT_LT(stats.max_transition_gap_ms, 6.0);
    ASSERT_TRUE(stats.first_frame_ms.has_value());
    EXPECT_TRUE(output.slates.empty());

    ASSERT_EQ(output.pictures.size(), 120u);
    for (std::size_t i = 0; i < output.pictures.size(); ++i) {
        const auto& picture = output.pictures[i];
        EXPECT_EQ(picture.width, 320);
        EXPECT_EQ(picture.height, 240);
        EXPECT_EQ(picture.rotation_degrees, 0);
        EXPECT_NEAR(picture.centre_luma, i < 60 ? kRedLuma : kBlueLuma, kLumaTolerance) << "picture " << i;
    }
}

TEST_F(ScreenPlayerTest, SwitchesToTheNextFilmWhenTheFirstEnds) {
    start({item("red.mp4"), item("blue.mp4")});
    ASSERT_TRUE(run_until_finished(10s));
    ASSERT_EQ(output.pictures.size(), 120u);

    // Programme second 0 is the first picture; the first blue one is due at 2.0 s.
    const SteadyTime programme_start = output.pictures.front().at;
    const double switch_at = seconds_between(programme_start, output.pictures[60].at);
    EXPECT_NEAR(switch_at, 2.0, kFrame);
    EXPECT_NEAR(output.pictures[60].centre_luma, kBlueLuma, kLumaTolerance);
    EXPECT_NEAR(output.pictures[59].centre_luma, kRedLuma, kLumaTolerance);
    // Pictures keep their 30 fps spacing (within one 5 ms step) across the join.
    for (std::size_t i = 1; i < output.pictures.size(); ++i) {
        const double interval = seconds_between(output.pictures[i - 1].at, output.pictures[i].at);
        EXPECT_NEAR(interval, kFrame, 0.0051) << "between pictures " << i - 1 << " and " << i;
    }
}

TEST_F(ScreenPlayerTest, SkipsAMissingFileAndStaysGapless) {
    start({item("red.mp4"), item("missing.mp4"), item("blue.mp4")});
    ASSERT_TRUE(run_until_finished(10s));

    const PlaybackStats& stats = player->stats();
    EXPECT_EQ(stats.items_skipped, 1);
    ASSERT_EQ(stats.skipped.size(), 1u);
    EXPECT_EQ(stats.skipped[0].path, media("missing.mp4").string());
    EXPECT_FALSE(stats.skipped[0].reason.empty());
    EXPECT_EQ(stats.items_played, 2);
    EXPECT_EQ(stats.played,
              (std::vector<std::string>{media("red.mp4").string(), media("blue.mp4").string()}));
    EXPECT_EQ(stats.frames_presented, 120);
    EXPECT_EQ(stats.frames_dropped, 0);
    EXPECT_LT(stats.max_transition_gap_ms, 6.0);
    EXPECT_EQ(count_near(output.pictures, kRedLuma), 60);
    EXPECT_EQ(count_near(output.pictures, kBlueLuma), 60);
    EXPECT_TRUE(output.slates.empty()) << "one playable item is enough to avoid the slate";
}

TEST_F(ScreenPlayerTest, ShowsASlateWhenNothingInTheListCanPlay) {
    start({item("missing.mp4"), item("also_missing.mp4")}, /*passes=*/2, /*retry_seconds=*/0.2);
    ASSERT_TRUE(run_until_finished(10s)) << "a list of missing files must still finish its passes";

    const PlaybackStats& stats = player->stats();
    EXPECT_EQ(stats.items_played, 0);
    EXPECT_EQ(stats.items_skipped, 4) << "both items, in both passes";
    EXPECT_EQ(stats.frames_presented, 0);
    EXPECT_TRUE(output.pictures.empty());
    ASSERT_EQ(output.slates.size(), 2u) << "one slate per failed pass";
    EXPECT_EQ(output.slates[0].subtitle, "Programme unavailable");
    EXPECT_FALSE(output.slates[0].title.empty());
    EXPECT_GE(seconds_between(output.slates[0].at, output.slates[1].at), 0.2)
        << "the list is tried again only after retry_seconds";
}

TEST_F(ScreenPlayerTest, ShowsAStillPictureForItsDisplayTime) {
    start({content::PlaylistItem{media("still.png"), std::chrono::milliseconds(500), std::nullopt}});
    ASSERT_TRUE(run_until_finished(10s));

    ASSERT_EQ(output.pictures.size(), 1u);
    EXPECT_EQ(output.pictures[0].width, 320);
    EXPECT_NEAR(output.pictures[0].centre_luma, kYellowLuma, kLumaTolerance);
    const double shown_for = seconds_between(output.pictures[0].at, clock.now());
    EXPECT_NEAR(shown_for, 0.5, Seconds(kStep).count());
    EXPECT_EQ(player->stats().items_played, 1);
    EXPECT_EQ(player->stats().frames_presented, 1);
}

TEST_F(ScreenPlayerTest, StillPictureStaysUpUntilItsTimeIsOver) {
    start({content::PlaylistItem{media("still.png"), std::chrono::milliseconds(500), std::nullopt}});
    ASSERT_TRUE(run_until([&] { return !output.pictures.empty(); }, 5s));
    const SteadyTime shown_at = output.pictures[0].at;

    EXPECT_FALSE(run_until_finished(400ms)) << "finished before its display time";
    EXPECT_LT(seconds_between(shown_at, clock.now()), 0.5);
    EXPECT_TRUE(run_until_finished(1s));
}

// A sound device on manual time: it takes the ring's samples a period at a time, each period
// taken whole when it begins, as NullAudioOutput and SDL's callback do in real time.
class ManualSoundDevice {
  public:
    static constexpr int kRate = 48000;
    static constexpr std::size_t kPeriodFrames = 1024;
    static constexpr double kPeriodSeconds = static_cast<double>(kPeriodFrames) / kRate;

    explicit ManualSoundDevice(SteadyTime start) : m_first_read(start), m_next_read(start) {}

    void run_until(SteadyTime now) {
        while (m_next_read <= now) {
            ring.read(m_period, m_next_read);
            ++m_reads;
            // From the first read, so nanosecond rounding does not add up.
            m_next_read = m_first_read + to_duration(static_cast<double>(m_reads) * kPeriodSeconds);
        }
    }

    AudioRing ring{kRate, 2, kRate};
    AudioTimeline timeline{ring, 0};

  private:
    std::vector<float> m_period = std::vector<float>(kPeriodFrames * 2);
    SteadyTime m_first_read;
    SteadyTime m_next_read;
    std::int64_t m_reads = 0;
};

// Films with sound, on a screen with a sound device. The loop wakes the player when it asks to
// be woken, as the kiosk's main loop does, so nothing is done sooner than the player arranges.
class ScreenPlayerSoundTest : public ::testing::Test {
  protected:
    void start(const std::vector<content::PlaylistItem>& items) {
        ScreenProgramme programme;
        programme.playlist = content::Playlist{"test", items};
        programme.passes = 1;
        SourceOptions options;
        options.audio = AudioFormat{ManualSoundDevice::kRate, 2};
        options.hardware_decoding = false;
        player = std::make_unique<ScreenPlayer>(programme, options, output, &device.timeline, clock);
    }

    // Runs the programme to its end; false when it does not finish within `manual_limit` of
    // manual time or the real-time deadline. `each_step` sees the clock after every step.
    bool run_to_end(Seconds manual_limit, const std::function<void()>& each_step) {
        const SteadyTime manual_end =
            clock.now() + std::chrono::duration_cast<std::chrono::nanoseconds>(manual_limit);
        const auto real_end = std::chrono::steady_clock::now() + kRealDeadline;
        int holds = 0;
        while (clock.now() < manual_end && std::chrono::steady_clock::now() < real_end) {
            device.run_until(clock.now());
            player->step(clock.now());
            each_step();
            if (player->finished()) {
                return true;
            }
            std::this_thread::sleep_for(1ms);
            const SteadyTime wake = player->next_wake();
            if (wake <= clock.now() + kDecoderPoll && ++holds < 200) {
                continue;  // waiting on the decoder: real time, not manual time
            }
            holds = 0;
            clock.advance(std::max(wake - clock.now(), std::chrono::nanoseconds(1ms)));
        }
        return false;
    }

    ManualClock clock{SteadyTime{} + 1000s};
    ManualSoundDevice device{clock.now()};
    RecordingOutput output{clock};
    std::unique_ptr<ScreenPlayer> player;
};

TEST_F(ScreenPlayerSoundTest, NextFilmStartsOnTheFrameSlotAfterTheLastPicture) {
    // 3 s of H.264 and 3 s of AAC each. AAC decodes whole 1024-sample frames, so the last one runs
    // 8 ms past the end the MP4 gives the sound; the film must still be 3 s long.
    start({item("clip_3s_00.mp4"), item("clip_3s_01.mp4")});
    ASSERT_TRUE(run_to_end(15s, [] {}));

    const PlaybackStats& stats = player->stats();
    EXPECT_EQ(stats.items_played, 2);
    EXPECT_EQ(stats.frames_dropped, 0);
    ASSERT_EQ(output.pictures.size(), 180u) << "90 pictures each";
    const SteadyTime programme_start = output.pictures.front().at;
    EXPECT_NEAR(seconds_between(programme_start, output.pictures[90].at), 3.0, 0.001)
        << "the second film's first picture is due at 3 s";
    EXPECT_NEAR(seconds_between(output.pictures[89].at, output.pictures[90].at), kFrame, 0.001)
        << "the last picture stays up for one frame interval, no longer";
    EXPECT_LT(stats.max_transition_gap_ms, 1.0);
}

TEST_F(ScreenPlayerSoundTest, NextFilmsSoundIsInTheRingBeforeTheDeviceReachesTheJoin) {
    start({item("clip_3s_00.mp4"), item("clip_3s_01.mp4")});
    std::optional<SteadyTime> programme_start;
    std::optional<SteadyTime> next_sound_written_at;
    std::uint64_t underrun_after_start = 0;
    std::uint64_t underrun_at_join = 0;
    ASSERT_TRUE(run_to_end(15s, [&] {
        if (!programme_start && !output.pictures.empty()) {
            programme_start = output.pictures.front().at;
        }
        if (!programme_start) {
            return;
        }
        const double programme = seconds_between(*programme_start, clock.now());
        if (programme < 0.5) {
            underrun_after_start = device.ring.underrun_frames();
        } else if (programme < 3.5) {
            underrun_at_join = device.ring.underrun_frames();
        }
        // A period of the next film's sound in the ring, past the join at 3 s.
        if (!next_sound_written_at &&
            device.timeline.written_until() >= 3.0 + ManualSoundDevice::kPeriodSeconds) {
            next_sound_written_at = clock.now();
        }
    }));

    ASSERT_TRUE(programme_start && next_sound_written_at);
    // The device takes a period at a time, up to a period ahead of what is heard; sound that is
    // late for its period is silence, and the start of the next film's sound is lost.
    EXPECT_LE(seconds_between(*programme_start, *next_sound_written_at),
              3.0 - ManualSoundDevice::kPeriodSeconds)
        << "the next film's sound must be queued before the device takes the period of the join";
    EXPECT_EQ(underrun_at_join, underrun_after_start) << "no silence across the join";
}

}  // namespace
}  // namespace kiosk::playback

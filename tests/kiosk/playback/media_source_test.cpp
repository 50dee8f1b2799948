// MediaSource: real demuxing and decoding of the generated test media on the source's own threads.
//
// Every wait on the decoder threads has a generous deadline, so a broken source fails a test instead
// of hanging it.
#include "playback/ffmpeg_media_source.h"

#include <cctype>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <gtest/gtest.h>

namespace kiosk::playback {
namespace {

using content::MediaErrorKind;
using namespace std::chrono_literals;

constexpr auto kDecodeDeadline = 10s;

std::filesystem::path media(const std::string& name) {
    return std::filesystem::path(KIOSK_TEST_MEDIA_DIR) / name;
}

SourceOptions with_sound() {
    SourceOptions options;
    options.audio = AudioFormat{48000, 2};
    options.hardware_decoding = false;  // system-memory yuv420p on every machine
    return options;
}

SourceOptions without_sound() {
    SourceOptions options;
    options.hardware_decoding = false;
    return options;
}

std::unique_ptr<MediaSource> open_or_fail(const std::string& name, const SourceOptions& options) {
    auto source = FfmpegMediaSource::open(media(name), options);
    if (!source) {
        ADD_FAILURE() << name << ": " << source.error().message;
        return nullptr;
    }
    return std::move(*source);
}

// The next item, or nothing when none arrives before the deadline.
template <typename T>
std::optional<T> pop_before(BoundedQueue<T>& queue, SteadyTime deadline) {
    if (!queue.wait_until_not_empty(deadline)) {
        return std::nullopt;
    }
    return queue.try_pop();
}

// Every video frame up to (not including) the end-of-stream marker; fails the test when the
// marker does not arrive in time.
std::vector<VideoFrame> pop_all_video(MediaSource& source) {
    const SteadyTime deadline = std::chrono::steady_clock::now() + kDecodeDeadline;
    std::vector<VideoFrame> frames;
    while (auto frame = pop_before(source.video_frames(), deadline)) {
        if (frame->end_of_stream) {
            return frames;
        }
        frames.push_back(std::move(*frame));
    }
    ADD_FAILURE() << "no end of video stream within the deadline";
    return frames;
}

std::vector<AudioChunk> pop_all_audio(MediaSource& source) {
    const SteadyTime deadline = std::chrono::steady_clock::now() + kDecodeDeadline;
    std::vector<AudioChunk> chunks;
    while (auto chunk = pop_before(source.audio_chunks(), deadline)) {
        if (chunk->end_of_stream) {
            return chunks;
        }
        chunks.push_back(std::move(*chunk));
    }
    ADD_FAILURE() << "no end of audio stream within the deadline";
    return chunks;
}

// Item seconds at which the last chunk's sound ends (stereo chunks).
double sound_end(const std::vector<AudioChunk>& chunks, int sample_rate) {
    const AudioChunk& last = chunks.back();
    return last.pts + static_cast<double>(last.samples.size() / 2) / sample_rate;
}

TEST(MediaSource, DescribesAFilmWithSound) {
    auto source = open_or_fail("h264_aac.mp4", with_sound());
    ASSERT_TRUE(source);
    const StreamInfo& info = source->info();
    EXPECT_TRUE(info.has_video);
    EXPECT_TRUE(info.has_audio);
    EXPECT_FALSE(info.is_still);
    EXPECT_EQ(info.width, 320);
    EXPECT_EQ(info.height, 240);
    EXPECT_EQ(info.rotation_degrees, 0);
    EXPECT_NEAR(info.nominal_frame_interval, 1.0 / 30.0, 1e-3);
    EXPECT_FALSE(info.hardware_decoding);
    EXPECT_EQ(source->path(), media("h264_aac.mp4"));
}

TEST(MediaSource, DecodesEveryVideoFrameInOrder) {
    auto source = open_or_fail("h264_aac.mp4", with_sound());
    ASSERT_TRUE(source);
    ASSERT_TRUE(
        source->wait_for_first_frame(std::chrono::steady_clock::now() + kDecodeDeadline, real_clock()));
    source->start_playing();

    const std::vector<VideoFrame> frames = pop_all_video(*source);
    ASSERT_EQ(frames.size(), 60u) << "2 s at 30 fps";
    EXPECT_NEAR(frames.front().pts, 0.0, 1e-3);
    EXPECT_NEAR(frames.back().pts, 59.0 / 30.0, 1e-3);
    for (std::size_t i = 0; i < frames.size(); ++i) {
        ASSERT_TRUE(frames[i].picture) << "frame " << i;
        EXPECT_EQ(frames[i].picture.layout(), PixelLayout::yuv420p) << "frame " << i;
        EXPECT_EQ(frames[i].picture.width(), 320);
        EXPECT_EQ(frames[i].picture.height(), 240);
        EXPECT_NEAR(frames[i].duration, 1.0 / 30.0, 1e-3) << "frame " << i;
        if (i > 0) {
            EXPECT_GT(frames[i].pts, frames[i - 1].pts) << "frame " << i;
        }
    }
    EXPECT_EQ(source->decode_errors(), 0);
}

TEST(MediaSource, DecodesAboutTwoSecondsOfSoundInTheRequestedFormat) {
    auto source = open_or_fail("h264_aac.mp4", with_sound());
    ASSERT_TRUE(source);
    source->start_playing();
    pop_all_video(*source);  // the audio decoder runs ahead only so far; video must not block it

    const std::vector<AudioChunk> chunks = pop_all_audio(*source);
    ASSERT_FALSE(chunks.empty());
    std::size_t frames = 0;
    for (const AudioChunk& chunk : chunks) {
        EXPECT_EQ(chunk.samples.size() % 2, 0u) << "interleaved stereo";
        frames += chunk.samples.size() / 2;
    }
    EXPECT_NEAR(static_cast<double>(frames), 2.0 * 48000, 0.05 * 2.0 * 48000);
    EXPECT_NEAR(chunks.front().pts, 0.0, 0.03);
    for (std::size_t i = 1; i < chunks.size(); ++i) {
        EXPECT_GT(chunks[i].pts, chunks[i - 1].pts) << "chunk " << i;
    }
}

TEST(MediaSource, SoundEndsWhereTheContainerEndsItNotWithTheCodecsPadding) {
    // AAC decodes whole 1024-sample frames: 2 s of sound is 94 frames, 256 samples more than the
    // MP4's edit list keeps. Played, that padding would hold every join 5 ms.
    auto source = open_or_fail("h264_aac.mp4", with_sound());
    ASSERT_TRUE(source);
    source->start_playing();
    pop_all_video(*source);

    const std::vector<AudioChunk> chunks = pop_all_audio(*source);
    ASSERT_FALSE(chunks.empty());
    EXPECT_NEAR(sound_end(chunks, 48000), 2.0, 1.0 / 48000);
}

TEST(MediaSource, SoundKeepsFramesWhoseDurationTheContainerOnlyRounds) {
    // Matroska keeps milliseconds: a 21.333 ms AAC frame is written as 21 ms. That is rounding,
    // not padding, and no sound may be cut for it.
    auto source = open_or_fail("hevc.mkv", with_sound());
    ASSERT_TRUE(source);
    source->start_playing();
    pop_all_video(*source);

    const std::vector<AudioChunk> chunks = pop_all_audio(*source);
    ASSERT_GT(chunks.size(), 2u);
    for (std::size_t i = 0; i + 1 < chunks.size(); ++i) {
        EXPECT_EQ(chunks[i].samples.size(), 1024u * 2) << "chunk " << i << " is a whole AAC frame";
    }
    EXPECT_GE(sound_end(chunks, 48000), 2.0 - 0.001);
}

TEST(MediaSource, ScreenWithoutSoundDecodesNoAudio) {
    auto source = open_or_fail("h264_aac.mp4", without_sound());
    ASSERT_TRUE(source);
    EXPECT_FALSE(source->info().has_audio);
    source->start_playing();
    EXPECT_EQ(pop_all_video(*source).size(), 60u);
    EXPECT_FALSE(source->audio_chunks().try_pop().has_value());
}

TEST(MediaSource, WaitingForTheFirstFrameLeavesItQueued) {
    auto source = open_or_fail("h264_aac.mp4", without_sound());
    ASSERT_TRUE(source);
    ASSERT_TRUE(
        source->wait_for_first_frame(std::chrono::steady_clock::now() + kDecodeDeadline, real_clock()));
    ASSERT_GE(source->video_frames().size(), 1u);
    double first_pts = -1.0;
    EXPECT_TRUE(source->video_frames().peek([&](const VideoFrame& frame) { first_pts = frame.pts; }));
    EXPECT_NEAR(first_pts, 0.0, 1e-3) << "the first picture is still there for the player";
}

TEST(MediaSource, ReportsTheDisplayRotationOfAPortraitFilm) {
    auto source = open_or_fail("rotated_portrait.mp4", without_sound());
    ASSERT_TRUE(source);
    // A quarter turn. Which way depends on the ffmpeg that generated the clip: ffmpeg 5.1 writes its
    // "rotate=90" as a counter-clockwise matrix (its own autorotate then turns the picture by
    // transpose=cclock), i.e. 270 clockwise. The direction itself is pinned by media_input_test.
    const int rotation = source->info().rotation_degrees;
    EXPECT_TRUE(rotation == 90 || rotation == 270) << rotation;
    EXPECT_EQ(source->info().width, 320) << "the coded size, before turning";
}

TEST(MediaSource, ConvertsPixelFormatsTheScreenCannotTake) {
    auto source = open_or_fail("yuv444.mp4", without_sound());
    ASSERT_TRUE(source);
    source->start_playing();
    const std::vector<VideoFrame> frames = pop_all_video(*source);
    ASSERT_EQ(frames.size(), 60u);
    for (const VideoFrame& frame : frames) {
        ASSERT_EQ(frame.picture.layout(), PixelLayout::yuv420p);
        ASSERT_EQ(frame.picture.width(), 320);
    }
    EXPECT_GT(frames[1].pts, frames[0].pts) << "timestamps survive the conversion";
}

TEST(MediaSource, StillPictureIsOneFrameShownForTheStillTime) {
    SourceOptions options = without_sound();
    options.still_seconds = 2.5;
    auto source = open_or_fail("still.png", options);
    ASSERT_TRUE(source);
    EXPECT_TRUE(source->info().is_still);
    EXPECT_TRUE(source->info().has_video);
    ASSERT_TRUE(
        source->wait_for_first_frame(std::chrono::steady_clock::now() + kDecodeDeadline, real_clock()));
    source->start_playing();

    const std::vector<VideoFrame> frames = pop_all_video(*source);
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_EQ(frames[0].pts, 0.0);
    EXPECT_EQ(frames[0].duration, 2.5);
    ASSERT_TRUE(frames[0].picture);
    EXPECT_EQ(frames[0].picture.width(), 320);
}

TEST(MediaSource, StartingMidWayBeginsAtTheKeyframeAtOrBeforeTheStart) {
    // ramp_gop1s.mp4: a keyframe every second; each picture's luma is 16 plus its number (30 fps).
    SourceOptions options = without_sound();
    options.start_seconds = 3.4;
    auto source = open_or_fail("ramp_gop1s.mp4", options);
    ASSERT_TRUE(source);
    EXPECT_NEAR(source->info().duration, 6.0, 0.05);
    source->start_playing();
    const std::vector<VideoFrame> frames = pop_all_video(*source);
    ASSERT_FALSE(frames.empty());
    EXPECT_NEAR(frames.front().pts, 3.0, 1e-3) << "the keyframe of second 3, at its own time";
    const PicturePlane& luma = frames.front().picture.plane(0);
    EXPECT_NEAR(luma.data[120 * luma.stride + 160], 16 + 90, 2);
    EXPECT_EQ(frames.size(), 90u) << "from there to the end";
}

TEST(MediaSource, SoundStartsMidWayWithThePicture) {
    SourceOptions options = with_sound();
    options.start_seconds = 3.4;
    auto source = open_or_fail("ramp_gop1s.mp4", options);
    ASSERT_TRUE(source);
    const SteadyTime deadline = std::chrono::steady_clock::now() + kDecodeDeadline;
    const std::optional<AudioChunk> first = pop_before(source->audio_chunks(), deadline);
    ASSERT_TRUE(first.has_value());
    EXPECT_LE(first->pts, 3.0 + 1e-3) << "at or before the picture";
    EXPECT_GE(first->pts, 3.0 - 0.1);
}

TEST(MediaSource, AStillIgnoresAStartMidWay) {
    SourceOptions options = without_sound();
    options.start_seconds = 4.0;
    auto source = open_or_fail("still.png", options);
    ASSERT_TRUE(source);
    source->start_playing();
    const std::vector<VideoFrame> frames = pop_all_video(*source);
    ASSERT_EQ(frames.size(), 1u);
    EXPECT_EQ(frames[0].pts, 0.0);
}

// Opens a file and waits for its first picture: the two places a bad file is turned away.
tl::expected<void, content::MediaError> open_and_wait(const std::string& name) {
    auto source = FfmpegMediaSource::open(media(name), with_sound());
    if (!source) {
        return tl::unexpected(source.error());
    }
    return (*source)->wait_for_first_frame(std::chrono::steady_clock::now() + kDecodeDeadline, real_clock());
}

struct DamagedCase {
    const char* file;
    std::optional<MediaErrorKind> kind;  // nothing: any kind will do
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const DamagedCase& c, std::ostream* os) {
    *os << c.file;
}

class MediaSourceDamaged : public ::testing::TestWithParam<DamagedCase> {};

TEST_P(MediaSourceDamaged, IsRefusedWithAReason) {
    const DamagedCase& c = GetParam();
    const auto result = open_and_wait(c.file);
    ASSERT_FALSE(result) << c.file << " was accepted";
    EXPECT_FALSE(result.error().message.empty());
    if (c.kind) {
        EXPECT_EQ(result.error().kind, *c.kind)
            << "got " << content::to_string(result.error().kind) << ": " << result.error().message;
    }
}

INSTANTIATE_TEST_SUITE_P(Files, MediaSourceDamaged,
                         ::testing::Values(DamagedCase{"missing.mp4", MediaErrorKind::missing},
                                           DamagedCase{"empty.mp4", MediaErrorKind::not_media},
                                           DamagedCase{"not_media.mp4", MediaErrorKind::not_media},
                                           DamagedCase{"truncated.mp4", std::nullopt},
                                           DamagedCase{"unsupported.mkv", MediaErrorKind::unsupported}),
                         [](const ::testing::TestParamInfo<DamagedCase>& info) {
                             std::string name = info.param.file;
                             for (char& c : name) {
                                 c = std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
                             }
                             return name;
                         });

// Destroys `source` on a detached thread: true when that finished within `limit`. A destructor that
// never returns fails the test instead of hanging it.
bool destroyed_within(std::unique_ptr<MediaSource> source, std::chrono::milliseconds limit) {
    auto done = std::make_shared<std::promise<void>>();
    std::future<void> destroyed = done->get_future();
    std::thread([source = std::move(source), done]() mutable {
        source.reset();
        done->set_value();
    }).detach();
    return destroyed.wait_for(limit) == std::future_status::ready;
}

// Waits (real decoding) until both output queues hold something and neither has grown for a while:
// nobody takes from them, so the decoders are blocked on full queues. False after the deadline.
bool wait_until_queues_stay_full(MediaSource& source) {
    const auto sizes = [&] { return std::pair(source.video_frames().size(), source.audio_chunks().size()); };
    const auto deadline = std::chrono::steady_clock::now() + kDecodeDeadline;
    auto last = sizes();
    auto unchanged_since = std::chrono::steady_clock::now();
    while (std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(5ms);
        const auto now = std::chrono::steady_clock::now();
        if (sizes() != last) {
            last = sizes();
            unchanged_since = now;
        } else if (last.first > 0 && last.second > 0 && now - unchanged_since >= 200ms) {
            return true;
        }
    }
    return false;
}

TEST(MediaSource, DestroyingASourceWithBlockedThreadsReturnsPromptly) {
    // 3 s of sound is more than the source buffers, so its demuxer blocks too.
    auto source = open_or_fail("clip_3s_00.mp4", with_sound());
    ASSERT_TRUE(source);
    source->start_playing();
    ASSERT_TRUE(wait_until_queues_stay_full(*source));

    EXPECT_TRUE(destroyed_within(std::move(source), 1000ms)) << "the abort path did not stop the threads";
}

TEST(MediaSource, DestroyingASourceBeforeItPlaysReturnsPromptly) {
    auto source = open_or_fail("clip_3s_01.mp4", with_sound());
    ASSERT_TRUE(source);
    ASSERT_TRUE(
        source->wait_for_first_frame(std::chrono::steady_clock::now() + kDecodeDeadline, real_clock()));
    EXPECT_TRUE(destroyed_within(std::move(source), 1000ms)) << "the preroll source did not stop its threads";
}

}  // namespace
}  // namespace kiosk::playback

// probe_media: the facts staff are shown about a file, from the generated test media.
#include "media/media_probe.h"

#include <cctype>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include <gtest/gtest.h>

namespace media {
namespace {

using content::MediaErrorKind;
using content::MediaFacts;
using content::MediaLimits;
using content::to_string;

std::filesystem::path test_media(const std::string& name) {
    return std::filesystem::path(KIOSK_TEST_MEDIA_DIR) / name;
}

MediaFacts probe_or_fail(const std::string& name) {
    auto facts = probe_media(test_media(name));
    if (!facts) {
        ADD_FAILURE() << name << ": " << to_string(facts.error().kind) << ": " << facts.error().message;
        return {};
    }
    return *facts;
}

TEST(ProbeMedia, DescribesAnH264FilmWithAacSound) {
    const MediaFacts facts = probe_or_fail("h264_aac.mp4");
    EXPECT_NE(facts.container.find("mp4"), std::string::npos) << facts.container;
    EXPECT_NEAR(facts.duration_seconds, 2.0, 0.1);
    EXPECT_FALSE(facts.is_still);

    ASSERT_TRUE(facts.video.has_value());
    EXPECT_EQ(facts.video->codec, "h264");
    EXPECT_EQ(facts.video->width, 320);
    EXPECT_EQ(facts.video->height, 240);
    EXPECT_EQ(facts.video->pixel_format, "yuv420p");
    EXPECT_NEAR(facts.video->frame_rate, 30.0, 0.1);
    EXPECT_EQ(facts.video->rotation_degrees, 0);

    ASSERT_TRUE(facts.audio.has_value());
    EXPECT_EQ(facts.audio->codec, "aac");
    EXPECT_EQ(facts.audio->sample_rate, 48000);
    EXPECT_EQ(facts.audio->channels, 2);
}

TEST(ProbeMedia, ReportsTheRotationOfAPortraitFilm) {
    const MediaFacts facts = probe_or_fail("rotated_portrait.mp4");
    ASSERT_TRUE(facts.video.has_value());
    // A quarter turn; see media_source_test for why the generated clip may turn either way, and
    // media_input_test for the direction.
    const int rotation = facts.video->rotation_degrees;
    EXPECT_TRUE(rotation == 90 || rotation == 270) << rotation;
    EXPECT_EQ(facts.video->width, 320) << "the coded size, before turning";
}

TEST(ProbeMedia, RecognisesAStillPicture) {
    const MediaFacts facts = probe_or_fail("still.png");
    EXPECT_TRUE(facts.is_still);
    EXPECT_EQ(facts.duration_seconds, 0.0) << "a still picture has no length of its own";
    ASSERT_TRUE(facts.video.has_value());
    EXPECT_EQ(facts.video->width, 320);
    EXPECT_EQ(facts.video->height, 240);
    EXPECT_FALSE(facts.audio.has_value());
}

TEST(ProbeMedia, FilmIsNotAStill) {
    EXPECT_FALSE(probe_or_fail("video_only.mp4").is_still);
}

TEST(ProbeMedia, SoundOnlyFileHasNoVideo) {
    const MediaFacts facts = probe_or_fail("audio_only.m4a");
    EXPECT_FALSE(facts.video.has_value());
    EXPECT_FALSE(facts.is_still);
    ASSERT_TRUE(facts.audio.has_value());
    EXPECT_EQ(facts.audio->codec, "aac");
    EXPECT_NEAR(facts.duration_seconds, 2.0, 0.1);
}

struct DamagedCase {
    const char* file;
    std::optional<MediaErrorKind> kind;  // nothing: any kind will do
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const DamagedCase& c, std::ostream* os) {
    *os << c.file;
}

class ProbeDamaged : public ::testing::TestWithParam<DamagedCase> {};

TEST_P(ProbeDamaged, IsAnErrorWithAKindAndAMessage) {
    const DamagedCase& c = GetParam();
    const auto facts = probe_media(test_media(c.file));
    ASSERT_FALSE(facts) << c.file << " was reported playable";
    EXPECT_FALSE(facts.error().message.empty());
    if (c.kind) {
        EXPECT_EQ(facts.error().kind, *c.kind)
            << "got " << to_string(facts.error().kind) << ": " << facts.error().message;
    }
}

INSTANTIATE_TEST_SUITE_P(Files, ProbeDamaged,
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

TEST(ProbeMedia, DirectoryIsNotMedia) {
    const auto facts = probe_media(std::filesystem::path(KIOSK_TEST_MEDIA_DIR));
    ASSERT_FALSE(facts);
    EXPECT_EQ(facts.error().kind, MediaErrorKind::not_media);
}

TEST(ProbeMedia, PictureOverThePixelLimitIsTooLarge) {
    MediaLimits limits;
    limits.max_pixels = 1920LL * 1080LL - 1;
    const auto facts = probe_media(test_media("red_1080p.mp4"), limits);
    ASSERT_FALSE(facts);
    EXPECT_EQ(facts.error().kind, MediaErrorKind::too_large);
    EXPECT_NE(facts.error().message.find("1920x1080"), std::string::npos) << facts.error().message;
}

// The package check's prober is probe_media under the limits it was given.
TEST(FfmpegMediaProber, ProbesUnderItsLimits) {
    const FfmpegMediaProber ffmpeg;
    const content::MediaProber& prober = ffmpeg;
    const auto facts = prober.probe(test_media("h264_aac.mp4"));
    ASSERT_TRUE(facts) << facts.error().message;
    ASSERT_TRUE(facts->video);
    EXPECT_EQ(facts->video->codec, "h264");

    MediaLimits limits;
    limits.max_pixels = 1280LL * 720LL;
    const auto refused = FfmpegMediaProber(limits).probe(test_media("red_1080p.mp4"));
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().kind, MediaErrorKind::too_large);
}

TEST(MediaErrorKind, EveryKindHasAName) {
    EXPECT_STREQ(to_string(MediaErrorKind::missing), "missing");
    EXPECT_STREQ(to_string(MediaErrorKind::not_media), "not media");
    EXPECT_STREQ(to_string(MediaErrorKind::unsupported), "unsupported");
    EXPECT_STREQ(to_string(MediaErrorKind::damaged), "damaged");
}

}  // namespace
}  // namespace media

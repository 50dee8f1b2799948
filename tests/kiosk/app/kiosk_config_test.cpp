// load_kiosk_config: the kiosk's TOML configuration, read from real temporary files.
#include "app/kiosk_config.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <ostream>
#include <string>

#include <sys/stat.h>

#include <chrono>
#include <cmath>

#include <gtest/gtest.h>

#include "../../support/hostile_input.h"

namespace kiosk::app {
namespace {

namespace fs = std::filesystem;

// Each test gets a fresh directory for its config files.
class KioskConfigTest : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "kiosk-config-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        dir = pattern;
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(dir, ignored);
    }

    fs::path write(const std::string& text, const std::string& name = "kiosk.toml") {
        const fs::path path = dir / name;
        std::ofstream(path) << text;
        return path;
    }

    fs::path dir;
};

TEST_F(KioskConfigTest, ReadsAFullConfiguration) {
    const fs::path path = write(R"(image_seconds = 7.5
decoder_threads = 2
hardware_decoding = false
log_level = "debug"
audio_device = "hw:1"

[[screen]]
zone = "boards"
display = 1
media = ["films/a.mp4", "/srv/media/b.mp4"]

[[screen]]
zone = "health"
display = 2
media_dir = "health-films"
)");
    const auto config = load_kiosk_config(path);
    ASSERT_TRUE(config) << config.error().message;

    EXPECT_DOUBLE_EQ(config->image_seconds, 7.5);
    EXPECT_EQ(config->decoder_threads, 2);
    EXPECT_FALSE(config->hardware_decoding);
    EXPECT_EQ(config->log_level, "debug");
    EXPECT_EQ(config->audio_device, "hw:1");

    ASSERT_EQ(config->screens.size(), 2u);
    const ScreenConfig& boards = config->screens[0];
    EXPECT_EQ(boards.zone, "boards");
    EXPECT_EQ(boards.display, 1);
    ASSERT_EQ(boards.media.size(), 2u);
    EXPECT_EQ(boards.media[0], dir / "films/a.mp4") << "relative to the config file";
    EXPECT_EQ(boards.media[1], fs::path("/srv/media/b.mp4")) << "absolute paths stay as written";
    EXPECT_FALSE(boards.media_dir.has_value());
    EXPECT_TRUE(boards.sound) << "the first screen plays sound unless told not to";

    const ScreenConfig& health = config->screens[1];
    EXPECT_EQ(health.zone, "health");
    EXPECT_EQ(health.display, 2);
    EXPECT_TRUE(health.media.empty());
    EXPECT_EQ(health.media_dir, dir / "health-films");
    EXPECT_FALSE(health.sound) << "only the first screen has sound by default";
}

TEST_F(KioskConfigTest, EmptyFileGivesTheDefaults) {
    const auto config = load_kiosk_config(write(""));
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_TRUE(config->screens.empty());
    EXPECT_DOUBLE_EQ(config->image_seconds, 10.0);
    EXPECT_EQ(config->decoder_threads, 1);
    EXPECT_TRUE(config->hardware_decoding);
    EXPECT_EQ(config->log_level, "info");
    EXPECT_FALSE(config->audio_device.has_value());
}

TEST_F(KioskConfigTest, ScreenKeysAreOptional) {
    const auto config = load_kiosk_config(write("[[screen]]\n"));
    ASSERT_TRUE(config) << config.error().message;
    ASSERT_EQ(config->screens.size(), 1u);
    EXPECT_EQ(config->screens[0].zone, "av");
    EXPECT_EQ(config->screens[0].display, 0);
    EXPECT_TRUE(config->screens[0].sound);
}

TEST_F(KioskConfigTest, ExplicitSoundSettingsWin) {
    const auto config = load_kiosk_config(write(R"([[screen]]
zone = "av"
sound = false

[[screen]]
zone = "models"
sound = true
)"));
    ASSERT_TRUE(config) << config.error().message;
    ASSERT_EQ(config->screens.size(), 2u);
    EXPECT_FALSE(config->screens[0].sound);
    EXPECT_TRUE(config->screens[1].sound);
}

// One PC with four HDMI screens has four sound outputs: a screen may name
// its own, and a screen given one plays its sound there.
TEST_F(KioskConfigTest, EachScreenMayHaveASoundDeviceOfItsOwn) {
    const fs::path path = write(R"(audio_device = "HDA Intel PCH"

[[screen]]
zone = "av"

[[screen]]
zone = "boards"
audio_device = "HDMI 1"

[[screen]]
zone = "models"
audio_device = "HDMI 2"
sound = false

[[screen]]
zone = "health"
)");
    const auto config = load_kiosk_config(path);
    ASSERT_TRUE(config) << config.error().message;
    ASSERT_EQ(config->screens.size(), 4U);
    EXPECT_EQ(config->audio_device, "HDA Intel PCH");
    EXPECT_TRUE(config->screens[0].sound);
    EXPECT_EQ(config->screens[0].audio_device, std::nullopt) << "the configuration's device";
    EXPECT_TRUE(config->screens[1].sound);
    EXPECT_EQ(config->screens[1].audio_device, "HDMI 1");
    EXPECT_FALSE(config->screens[2].sound) << "sound = false wins";
    EXPECT_FALSE(config->screens[3].sound) << "only the first screen plays sound by default";
}

TEST_F(KioskConfigTest, IntegerImageSecondsIsAccepted) {
    const auto config = load_kiosk_config(write("image_seconds = 5\n"));
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_DOUBLE_EQ(config->image_seconds, 5.0);
}

TEST_F(KioskConfigTest, FourScreensAreAllowed) {
    std::string text;
    for (int display = 0; display < 4; ++display) {
        text += "[[screen]]\ndisplay = " + std::to_string(display) + "\n";
    }
    const auto config = load_kiosk_config(write(text));
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->screens.size(), 4u);
}

TEST_F(KioskConfigTest, MissingFileIsAnErrorNamingTheFile) {
    const fs::path path = dir / "absent.toml";
    const auto config = load_kiosk_config(path);
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find(path.string()), std::string::npos) << config.error().message;
}

// A file with one mistake, the line it is on and the key the message must name.
struct BadConfig {
    const char* name;
    const char* text;
    int line;
    const char* key;
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const BadConfig& c, std::ostream* os) {
    *os << c.name;
}

class KioskConfigError : public KioskConfigTest, public ::testing::WithParamInterface<BadConfig> {};

TEST_P(KioskConfigError, ReportsFileLineAndKey) {
    const BadConfig& bad = GetParam();
    const fs::path path = write(bad.text);
    const auto config = load_kiosk_config(path);
    ASSERT_FALSE(config) << "accepted:\n" << bad.text;
    const std::string& message = config.error().message;
    const std::string location = path.string() + ":" + std::to_string(bad.line) + ":";
    EXPECT_EQ(message.rfind(location, 0), 0u) << "message should start with " << location << ": " << message;
    EXPECT_NE(message.find(bad.key), std::string::npos)
        << "message should name " << bad.key << ": " << message;
}

constexpr const char* kFiveScreens = R"(log_level = "info"

[[screen]]
display = 0
[[screen]]
display = 1
[[screen]]
display = 2
[[screen]]
display = 3
[[screen]]
display = 4
)";

INSTANTIATE_TEST_SUITE_P(
    Cases, KioskConfigError,
    ::testing::Values(
        BadConfig{"unknown_zone", "[[screen]]\ndisplay = 0\nzone = \"lobby\"\n", 3, "zone"},
        BadConfig{"zone_not_a_string", "[[screen]]\nzone = 3\n", 2, "zone"},
        BadConfig{"display_too_large", "[[screen]]\nzone = \"av\"\ndisplay = 8\n", 3, "display"},
        BadConfig{"display_negative", "\n[[screen]]\ndisplay = -1\n", 3, "display"},
        BadConfig{"image_seconds_not_a_number", "log_level = \"info\"\nimage_seconds = \"ten\"\n", 2,
                  "image_seconds"},
        BadConfig{"image_seconds_out_of_range", "image_seconds = 0\n", 1, "image_seconds"},
        BadConfig{"decoder_threads_out_of_range", "decoder_threads = 17\n", 1, "decoder_threads"},
        BadConfig{"hardware_decoding_not_boolean", "\nhardware_decoding = \"yes\"\n", 2, "hardware_decoding"},
        BadConfig{"unknown_log_level", "log_level = \"loud\"\n", 1, "log_level"},
        BadConfig{"sound_not_boolean", "[[screen]]\nsound = 1\n", 2, "sound"},
        BadConfig{"media_not_a_list", "[[screen]]\nmedia = \"a.mp4\"\n", 2, "media"},
        BadConfig{"media_entry_not_a_path", "[[screen]]\nmedia = [\"a.mp4\", 7]\n", 2, "media"},
        BadConfig{"media_dir_not_a_path", "[[screen]]\n\nmedia_dir = false\n", 3, "media_dir"},
        BadConfig{"screen_not_a_list", "screen = 1\n", 1, "screen"},
        BadConfig{"misspelt_top_level_key", "image_second = 5\n", 1, "image_second"},
        BadConfig{"misspelt_screen_key", "[[screen]]\nzone = \"av\"\nzon = \"boards\"\n", 3, "zon"},
        BadConfig{"decoder_threads_not_whole", "decoder_threads = 2.5\n", 1, "decoder_threads"},
        BadConfig{"audio_device_not_a_name", "audio_device = 3\n", 1, "audio_device"},
        BadConfig{"time_zone_empty", "time_zone = \"\"\n", 1, "time_zone"},
        BadConfig{"more_than_four_screens", kFiveScreens, 3, "screen"},
        // nan compares false with every bound; it must be refused by name.
        BadConfig{"image_seconds_nan", "image_seconds = nan\n", 1, "image_seconds"},
        BadConfig{"idle_timeout_nan", "\nidle_timeout = -nan\n", 2, "idle_timeout"},
        BadConfig{"pixels_per_mm_nan", "pixels_per_mm = nan\n", 1, "pixels_per_mm"},
        BadConfig{"idle_timeout_infinite", "idle_timeout = inf\n", 1, "idle_timeout"},
        // A NUL would cut a path short without a word.
        BadConfig{"content_dir_with_nul", "content_dir = \"a\\u0000b\"\n", 1, "content_dir"},
        BadConfig{"media_with_line_break", "[[screen]]\nmedia = [\"a\\nb.mp4\"]\n", 2, "media"},
        BadConfig{"screen_audio_device_not_a_name", "[[screen]]\naudio_device = 1\n", 2, "audio_device"},
        BadConfig{"consultation_not_a_table", "consultation = 3\n", 1, "consultation"},
        BadConfig{"misspelt_consultation_key", "[consultation]\nwhere = \"desk\"\n", 2, "where"},
        BadConfig{"where_zh_empty", "[consultation]\n\nwhere_zh = \"\"\n", 3, "where_zh"},
        BadConfig{"where_en_not_text", "[consultation]\nwhere_en = 1\n", 2, "where_en"},
        BadConfig{"retention_zero", "[consultation]\ncallback_retention_days = 0\n", 2,
                  "callback_retention_days"},
        BadConfig{"retention_too_long", "[consultation]\ncallback_retention_days = 3651\n", 2,
                  "from 1 to 3650"},
        BadConfig{"retention_not_whole", "[consultation]\ncallback_retention_days = 2.5\n", 2,
                  "callback_retention_days"},
        BadConfig{"desk_screen_missing_screen", "[consultation]\ndesk_screen = 1\n", 2, "desk_screen"},
        BadConfig{
            "desk_screen_past_the_screens",
            "[[screen]]\nzone = \"av\"\n[[screen]]\nzone = \"boards\"\n[consultation]\ndesk_screen = 2\n", 6,
            "from 0 to 1"},
        BadConfig{"desk_screen_negative", "[consultation]\ndesk_screen = -1\n", 2, "desk_screen"},
        BadConfig{"unknown_category", "[[consultation.category]]\nid = \"tax\"\n", 2,
                  "policy, legal-aid, employment"},
        BadConfig{"category_without_id", "[[consultation.category]]\nzh = \"政策\"\n", 1, "needs its id"},
        BadConfig{"category_twice",
                  "[[consultation.category]]\nid = \"policy\"\n[[consultation.category]]\nid = \"policy\"\n",
                  4, "twice"},
        BadConfig{"misspelt_category_key", "[[consultation.category]]\nid = \"policy\"\nlabel = \"x\"\n", 3,
                  "label"},
        BadConfig{"category_zh_empty", "[[consultation.category]]\nid = \"policy\"\nzh = \"\"\n", 3, "zh"},
        BadConfig{"badge_two_characters", "[[consultation.category]]\nid = \"policy\"\nbadge = \"政策\"\n", 3,
                  "badge"},
        BadConfig{"topics_not_a_list", "[[consultation.category]]\nid = \"policy\"\ntopics = \"社保\"\n", 3,
                  "topics"},
        BadConfig{"topic_without_zh", "[[consultation.category]]\nid = \"policy\"\ntopics = [{en = \"x\"}]\n",
                  3, "zh"},
        BadConfig{"topic_twice",
                  "[[consultation.category]]\nid = \"policy\"\ntopics = [{zh = \"社保\"}, {zh = \"社保\"}]\n",
                  3, "twice"},
        BadConfig{"topic_with_line_break",
                  "[[consultation.category]]\nid = \"policy\"\n\ntopics = [{zh = \"a\\nb\"}]\n", 4, "zh"},
        BadConfig{"nested_too_deep", "\n\nx = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]\n", 3,
                  "nested too deep"}),
    [](const ::testing::TestParamInfo<BadConfig>& info) { return std::string(info.param.name); });

TEST_F(KioskConfigTest, ConsultationHasDefaultsWithoutItsSection) {
    const auto config = load_kiosk_config(write("log_level = \"info\"\n"));
    ASSERT_TRUE(config) << config.error().message;
    const ConsultationConfig& consultation = config->consultation;
    EXPECT_FALSE(consultation.where_zh.empty());
    EXPECT_FALSE(consultation.where_en.empty());
    EXPECT_EQ(consultation.callback_retention_days, 30);
    EXPECT_EQ(consultation.desk_screen, std::nullopt);
    ASSERT_EQ(consultation.categories.list().size(), 10U);
    EXPECT_EQ(consultation.categories.list()[1].zh, "法律援助");
}

// A hall renames a category, gives it a picture and its own topics; the
// others keep their defaults, and the tiles keep their order.
TEST_F(KioskConfigTest, ReadsTheConsultationSection) {
    const fs::path path = write(R"([[screen]]
zone = "av"

[[screen]]
zone = "boards"

[consultation]
where_zh = "二楼咨询室"
where_en = "the consultation room, first floor"
callback_retention_days = 14
desk_screen = 1

[[consultation.category]]
id = "legal-aid"
zh = "法律服务"
en = "Legal services"
badge = "律"
picture = "icons/legal.png"
topics = [{zh = "劳动争议", en = "Labour disputes"}, {zh = "遗产继承"}]

[[consultation.category]]
id = "policy"
topics = []
)");
    const auto config = load_kiosk_config(path);
    ASSERT_TRUE(config) << config.error().message;
    const ConsultationConfig& consultation = config->consultation;
    EXPECT_EQ(consultation.where_zh, "二楼咨询室");
    EXPECT_EQ(consultation.where_en, "the consultation room, first floor");
    EXPECT_EQ(consultation.callback_retention_days, 14);
    EXPECT_EQ(consultation.desk_screen, 1);
    const auto& list = consultation.categories.list();
    ASSERT_EQ(list.size(), 10U);
    EXPECT_EQ(list[0].id, "policy");
    EXPECT_TRUE(list[0].topics.empty()) << "an empty list removes the default topics";
    EXPECT_EQ(list[0].zh, "政策咨询");
    const records::Category* legal = consultation.categories.find("legal-aid");
    ASSERT_NE(legal, nullptr);
    EXPECT_EQ(legal, &list[1]) << "configuring a category keeps its place";
    EXPECT_EQ(legal->zh, "法律服务");
    EXPECT_EQ(legal->en, "Legal services");
    EXPECT_EQ(legal->badge, "律");
    EXPECT_EQ(legal->picture, "icons/legal.png");
    ASSERT_EQ(legal->topics.size(), 2U);
    EXPECT_EQ(legal->topics[0].zh, "劳动争议");
    EXPECT_EQ(legal->topics[0].en, "Labour disputes");
    EXPECT_EQ(legal->topics[1].zh, "遗产继承");
    EXPECT_EQ(legal->topics[1].en, "");
    EXPECT_EQ(list[2].zh, "就业推荐") << "a category not configured keeps its defaults";
    EXPECT_FALSE(list[2].topics.empty());
}

TEST_F(KioskConfigTest, TheOnlyScreenMayBeTheDesks) {
    const auto config = load_kiosk_config(write("[consultation]\ndesk_screen = 0\n"));
    ASSERT_TRUE(config) << config.error().message;
    EXPECT_EQ(config->consultation.desk_screen, 0);
}

// The message names every id a category may have, so staff can correct it.
TEST_F(KioskConfigTest, AnUnknownCategoryIsRefusedWithTheValidIds) {
    const fs::path path = write("[consultation]\n[[consultation.category]]\nid = \"tax-advice\"\n");
    const auto config = load_kiosk_config(path);
    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().message,
              path.string() +
                  ":3:6: id \"tax-advice\": not a category (the ids are policy, legal-aid, employment, "
                  "school-enrolment, residence-permit, business-licence, housing-rental, dispute-mediation, "
                  "reproductive-health, health-screening)");
}

// Limits are stated in the message, numbers written as people write them.
TEST_F(KioskConfigTest, AnOutOfRangeNumberIsRefusedWithItsLimits) {
    const fs::path path = write("image_seconds = nan\n");
    const auto config = load_kiosk_config(path);
    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().message,
              path.string() + ":1:17: image_seconds must be a number from 0.1 to 3600 seconds");
}

TEST_F(KioskConfigTest, AFileThatIsNotRegularIsRefusedAtOnce) {
    const fs::path fifo = dir / "fifo.toml";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const auto from_fifo = load_kiosk_config(fifo);
    ASSERT_FALSE(from_fifo);
    EXPECT_EQ(from_fifo.error().message,
              fifo.string() + ": cannot read the configuration: not a regular file (a FIFO)");
    const auto from_device = load_kiosk_config("/dev/zero");
    ASSERT_FALSE(from_device);
    EXPECT_NE(from_device.error().message.find("not a regular file (a device)"), std::string::npos);
}

TEST_F(KioskConfigTest, AHugeFileIsRefusedNamingTheLimit) {
    const fs::path path = write("# " + std::string(1024 * 1024, 'x') + "\n");
    const auto config = load_kiosk_config(path);
    ASSERT_FALSE(config);
    EXPECT_NE(config.error().message.find("at most 1 MiB"), std::string::npos) << config.error().message;
}

// A dotted key 20,000 parts long would make toml++ nest as many tables.
TEST_F(KioskConfigTest, ADeeplyDottedKeyIsRefusedWithItsPlace) {
    std::string key = "a";
    for (int i = 0; i < 20000; ++i) {
        key += ".a";
    }
    const fs::path path = write("log_level = \"info\"\n" + key + " = 1\n");
    const auto config = load_kiosk_config(path);
    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().message.rfind(path.string() + ":2:", 0), 0u)
        << config.error().message.substr(0, 300);
}

TEST_F(KioskConfigTest, RandomAndMutatedFilesAreAnsweredInBoundedTime) {
    const std::string valid = R"(image_seconds = 7.5
decoder_threads = 2
hardware_decoding = false
log_level = "debug"
time_zone = "Asia/Shanghai"
idle_timeout = 90
pixels_per_mm = 3.6

[[screen]]
zone = "boards"
display = 1
media = ["films/a.mp4", "/srv/media/b.mp4"]

[[screen]]
zone = "health"
media_dir = "health-films"

[consultation]
where_zh = "一楼服务台"
callback_retention_days = 30
desk_screen = 1

[[consultation.category]]
id = "legal-aid"
zh = "法律援助"
badge = "法"
topics = [{zh = "劳动争议", en = "Labour disputes"}]
)";
    kiosk::test::Mutator mutator(7);
    for (int round = 0; round < 1500; ++round) {
        const std::string text = round % 10 == 0 ? mutator.noise(2048) : mutator.mutate(valid);
        const fs::path path = write(text);
        const auto took = kiosk::test::time_to_answer([&] {
            const auto config = load_kiosk_config(path);
            if (config) {
                EXPECT_TRUE(std::isfinite(config->image_seconds) &&
                            std::isfinite(config->idle_timeout_seconds) &&
                            std::isfinite(config->pixels_per_mm))
                    << "round " << round;
            } else {
                EXPECT_FALSE(config.error().message.empty());
            }
        });
        ASSERT_LT(took, kiosk::test::kMostPerHostileInput) << "round " << round;
    }
}

TEST_F(KioskConfigTest, SyntaxErrorReportsItsLine) {
    const fs::path path = write("log_level = \"info\"\n\n[[screen]]\nzone = \"av\n");
    const auto config = load_kiosk_config(path);
    ASSERT_FALSE(config);
    const std::string location = path.string() + ":4:";
    EXPECT_EQ(config.error().message.rfind(location, 0), 0u) << config.error().message;
    EXPECT_GT(config.error().message.size(), location.size() + 2) << "a description follows the location";
}

TEST_F(KioskConfigTest, DuplicateKeyIsASyntaxError) {
    const fs::path path = write("image_seconds = 3\nimage_seconds = 4\n");
    const auto config = load_kiosk_config(path);
    ASSERT_FALSE(config);
    EXPECT_EQ(config.error().message.rfind(path.string() + ":2:", 0), 0u) << config.error().message;
}

}  // namespace
}  // namespace kiosk::app

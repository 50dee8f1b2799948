// End-to-end tests of the kiosk and kioskctl binaries: they are run as child processes on the generated
// test media, and judged by exit status, stderr, the stats JSON and screenshots.
#include <stdlib.h>

#include <cctype>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "png_pixels.h"
#include "process.h"

namespace kiosk::test {
namespace {

// Real-time playback checks allow for sanitizers' slowdown (see tests/CMakeLists.txt).
constexpr bool kSanitized = KIOSK_SANITIZED_BUILD;

namespace fs = std::filesystem;
using json = nlohmann::json;
using namespace std::chrono_literals;

const EnvOverrides kHeadlessEnv = {{"SDL_AUDIODRIVER", "dummy"}, {"SDL_VIDEODRIVER", "offscreen"}};

std::string media(const std::string& name) {
    return (fs::path(KIOSK_TEST_MEDIA_DIR) / name).string();
}

std::vector<std::string> media_list(const std::vector<std::string>& names) {
    std::vector<std::string> paths;
    for (const auto& name : names) {
        paths.push_back(media(name));
    }
    return paths;
}

std::vector<std::string> concat(std::vector<std::string> a, const std::vector<std::string>& b) {
    a.insert(a.end(), b.begin(), b.end());
    return a;
}

// A file name as a test name: "h264_aac.mp4" -> "h264_aac_mp4".
std::string test_name(std::string file) {
    for (char& c : file) {
        if (std::isalnum(static_cast<unsigned char>(c)) == 0) {
            c = '_';
        }
    }
    return file;
}

std::string filename(const json& path) {
    return fs::path(path.get<std::string>()).filename().string();
}

// Frame count of a file's first video stream as ffprobe decodes it.
int ffprobe_frame_count(const std::string& path) {
    const ProcessResult r = run_process({"ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0",
                                         "-show_entries", "stream=nb_read_frames", "-of", "csv=p=0", path},
                                        60s);
    if (r.exit_code != 0) {
        throw std::runtime_error("ffprobe failed on " + path + ": " + r.err);
    }
    return std::stoi(r.out);
}

// Each test runs in a fresh temporary directory that holds the data dir, stats JSON and screenshots.
class KioskCli : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "kiosk-e2e-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr) << "mkdtemp " << pattern;
        dir_ = pattern;
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(dir_, ignored);
    }

    // kiosk --headless --size SIZE --data-dir DIR --stats-json DIR/stats.json OPTIONS... --play FILES...
    ProcessResult play(const std::vector<std::string>& files, const std::vector<std::string>& options = {},
                       const std::string& size = "320x240", std::chrono::seconds timeout = 60s) const {
        std::vector<std::string> argv = {KIOSK_BINARY, "--headless", "--size",       size,
                                         "--data-dir", data_dir(),   "--stats-json", stats_path()};
        argv.insert(argv.end(), options.begin(), options.end());
        argv.push_back("--play");
        argv.insert(argv.end(), files.begin(), files.end());
        return run_process(argv, timeout, kHeadlessEnv);
    }

    // Options that take a screenshot `at_seconds` into playback, read back with screenshot().
    std::vector<std::string> screenshot_at(double at_seconds) const {
        return {"--screenshot-at", std::to_string(at_seconds), "--screenshot", screenshot_path()};
    }

    ProcessResult probe(const std::vector<std::string>& args) const {
        std::vector<std::string> argv = {KIOSKCTL_BINARY, "probe"};
        argv.insert(argv.end(), args.begin(), args.end());
        return run_process(argv, 60s, kHeadlessEnv);
    }

    json stats() const {
        std::ifstream in(stats_path());
        if (!in) {
            throw std::runtime_error("the stats JSON " + stats_path() + " was not written");
        }
        return json::parse(in);
    }

    Image screenshot() const { return Image::load(screenshot_path()); }

    std::string data_dir() const { return (dir_ / "data").string(); }
    std::string stats_path() const { return (dir_ / "stats.json").string(); }
    std::string screenshot_path() const { return (dir_ / "shot.png").string(); }

    fs::path dir_;
};

// Every key of the stats contract is there with the right type.
void expect_stats_schema(const json& s) {
    for (const char* key : {"frames_presented", "frames_dropped", "items_played", "items_skipped"}) {
        EXPECT_TRUE(s.contains(key) && s[key].is_number_integer()) << key << " in " << s.dump();
    }
    for (const char* key : {"max_transition_gap_ms", "av_sync_max_ms", "first_frame_ms"}) {
        EXPECT_TRUE(s.contains(key) && s[key].is_number()) << key << " in " << s.dump();
    }
    EXPECT_TRUE(s.contains("skipped") && s["skipped"].is_array()) << s.dump();
    EXPECT_TRUE(s.contains("played") && s["played"].is_array()) << s.dump();
}

// --- Good clips --------------------------------------------------------------------------------------

struct GoodClip {
    std::string file;
    int expected_frames;  // duration × frame rate
};

void PrintTo(const GoodClip& clip, std::ostream* os) {
    *os << clip.file;
}

class GoodClipPlays : public KioskCli, public ::testing::WithParamInterface<GoodClip> {};

TEST_P(GoodClipPlays, PresentsEveryFrameOnce) {
    const GoodClip& clip = GetParam();
    const ProcessResult r = play({media(clip.file)});
    ASSERT_EQ(r.exit_code, 0) << r;
    json s = stats();
    expect_stats_schema(s);
    EXPECT_EQ(s["items_played"], 1);
    EXPECT_EQ(s["items_skipped"], 0);
    EXPECT_TRUE(s["skipped"].empty()) << s.dump();
    EXPECT_NEAR(s["frames_presented"].get<double>(), clip.expected_frames, 0.1 * clip.expected_frames);
}

INSTANTIATE_TEST_SUITE_P(Media, GoodClipPlays,
                         ::testing::Values(GoodClip{"h264_aac.mp4", 60}, GoodClip{"vp9_opus.webm", 60},
                                           GoodClip{"hevc.mkv", 50}, GoodClip{"mpeg2.ts", 50},
                                           GoodClip{"rotated_portrait.mp4", 60},
                                           GoodClip{"video_only.mp4", 60}, GoodClip{"fps60.mp4", 120},
                                           GoodClip{"yuv444.mp4", 60}),
                         [](const auto& info) { return test_name(info.param.file); });

TEST_F(KioskCli, AudioOnlyFilePlays) {
    const ProcessResult r = play({media("audio_only.m4a")});
    ASSERT_EQ(r.exit_code, 0) << r;
    json s = stats();
    EXPECT_EQ(s["items_played"], 1);
    EXPECT_EQ(s["items_skipped"], 0);
}

TEST_F(KioskCli, VariableFrameRatePresentsEveryFrame) {
    const int frames = ffprobe_frame_count(media("vfr.mkv"));
    const ProcessResult r = play({media("vfr.mkv")});
    ASSERT_EQ(r.exit_code, 0) << r;
    json s = stats();
    EXPECT_EQ(s["items_played"], 1);
    EXPECT_GE(s["frames_presented"], frames - 3);
    EXPECT_LE(s["frames_presented"].get<double>(), 1.1 * frames + 1) << "frames were repeated";
}

TEST_F(KioskCli, CorruptMiddleStillPlays) {
    const ProcessResult r = play({media("corrupt_middle.ts")});
    ASSERT_EQ(r.exit_code, 0) << r;
    json s = stats();
    EXPECT_EQ(s["items_played"], 1);
    EXPECT_EQ(s["items_skipped"], 0);
    EXPECT_GT(s["frames_presented"], 60) << "expected most of the 120 frames";
}

// --- Screenshots -------------------------------------------------------------------------------------

TEST_F(KioskCli, SolidRedFillsTheScreen) {
    const ProcessResult r = play({media("red.mp4")}, screenshot_at(1.0));
    ASSERT_EQ(r.exit_code, 0) << r;
    const Image shot = screenshot();
    EXPECT_EQ(shot.width(), 320);
    EXPECT_EQ(shot.height(), 240);
    EXPECT_PRED1(is_red, shot.centre());
    EXPECT_PRED1(is_red, shot.at(5, 5)) << "a 4:3 clip on a 4:3 screen needs no bars";
}

TEST_F(KioskCli, WideClipOnSquareScreenIsLetterboxed) {
    const ProcessResult r = play({media("red_1080p.mp4")}, screenshot_at(1.0), "400x400");
    ASSERT_EQ(r.exit_code, 0) << r;
    const Image shot = screenshot();
    ASSERT_EQ(shot.width(), 400);
    ASSERT_EQ(shot.height(), 400);
    EXPECT_PRED1(is_black, shot.at(200, 5)) << "top bar";
    EXPECT_PRED1(is_black, shot.at(200, 394)) << "bottom bar";
    EXPECT_PRED1(is_red, shot.centre());
    EXPECT_PRED1(is_red, shot.at(5, 200)) << "the picture spans the full width";
}

TEST_F(KioskCli, RotatedClipIsShownUprightWithSideBars) {
    const ProcessResult r = play({media("rotated_portrait.mp4")}, screenshot_at(1.0));
    ASSERT_EQ(r.exit_code, 0) << r;
    const Image shot = screenshot();
    // 320x240 turned by 90° is 240x320, shown 180x240 in the middle of a 320x240 screen.
    EXPECT_PRED1(is_black, shot.at(5, 120)) << "left bar";
    EXPECT_PRED1(is_black, shot.at(314, 120)) << "right bar";
    EXPECT_FALSE(is_black(shot.centre())) << shot.centre();
    EXPECT_FALSE(is_black(shot.at(160, 5))) << "the picture spans the full height";
}

TEST_F(KioskCli, PlaylistPlaysInOrder) {
    const ProcessResult r = play(media_list({"red.mp4", "blue.mp4", "green.mp4"}), screenshot_at(3.0));
    ASSERT_EQ(r.exit_code, 0) << r;
    json s = stats();
    EXPECT_EQ(s["items_played"], 3);
    ASSERT_EQ(s["played"].size(), 3u) << s.dump();
    EXPECT_EQ(filename(s["played"][0]), "red.mp4");
    EXPECT_EQ(filename(s["played"][1]), "blue.mp4");
    EXPECT_EQ(filename(s["played"][2]), "green.mp4");
    EXPECT_PRED1(is_blue, screenshot().centre()) << "3.0 s is the middle of the second item";
}

TEST_F(KioskCli, PngStillIsShown) {
    const ProcessResult r = play({media("still.png")}, concat(screenshot_at(0.5), {"--image-seconds", "1"}));
    ASSERT_EQ(r.exit_code, 0) << r;
    EXPECT_EQ(stats()["items_played"], 1);
    EXPECT_PRED1(is_yellow, screenshot().centre());
}

TEST_F(KioskCli, JpegStillIsShown) {
    const ProcessResult r = play({media("still.jpg")}, concat(screenshot_at(0.5), {"--image-seconds", "1"}));
    ASSERT_EQ(r.exit_code, 0) << r;
    EXPECT_EQ(stats()["items_played"], 1);
    EXPECT_PRED1(is_magenta, screenshot().centre());
}

// --- Damaged inputs ----------------------------------------------------------------------------------

class DamagedItemIsSkipped : public KioskCli, public ::testing::WithParamInterface<std::string> {};

TEST_P(DamagedItemIsSkipped, AndTheNeighboursPlay) {
    const std::string& bad = GetParam();
    const ProcessResult r = play(media_list({"red.mp4", bad, "blue.mp4"}));
    ASSERT_EQ(r.exit_code, 0) << r;
    json s = stats();
    expect_stats_schema(s);
    EXPECT_EQ(s["items_played"], 2);
    EXPECT_EQ(s["items_skipped"], 1);
    ASSERT_EQ(s["skipped"].size(), 1u) << s.dump();
    EXPECT_EQ(filename(s["skipped"][0]["path"]), bad);
    EXPECT_FALSE(s["skipped"][0]["reason"].get<std::string>().empty());
    ASSERT_EQ(s["played"].size(), 2u) << s.dump();
    EXPECT_EQ(filename(s["played"][0]), "red.mp4");
    EXPECT_EQ(filename(s["played"][1]), "blue.mp4");
    EXPECT_LE(s["max_transition_gap_ms"], 1000);
}

INSTANTIATE_TEST_SUITE_P(Media, DamagedItemIsSkipped,
                         ::testing::Values("missing.mp4", "empty.mp4", "truncated.mp4", "not_media.mp4",
                                           "unsupported.mkv"),
                         [](const auto& info) { return test_name(info.param); });

TEST_F(KioskCli, AllItemsUnplayableShowsSlateAndExits3) {
    const ProcessResult r =
        play(media_list({"missing.mp4", "empty.mp4"}), concat(screenshot_at(0.5), {"--loop", "2"}));
    EXPECT_EQ(r.exit_code, 3) << r;
    json s = stats();
    EXPECT_EQ(s["items_played"], 0);
    EXPECT_GE(s["items_skipped"], 2);
    const Image shot = screenshot();
    EXPECT_GT(shot.count([](Rgb c) { return !is_black(c); }), 0u) << "the slate shows no text";
}

// --- Transitions and screens -------------------------------------------------------------------------

TEST_F(KioskCli, TenClipsPlayGaplessly) {
    std::vector<std::string> clips;
    for (int i = 0; i < 10; ++i) {
        clips.push_back(media("clip_3s_0" + std::to_string(i) + ".mp4"));
    }
    const ProcessResult r = play(clips, {}, "320x240", 150s);
    ASSERT_EQ(r.exit_code, 0) << r;
    json s = stats();
    EXPECT_EQ(s["items_played"], 10);
    EXPECT_EQ(s["items_skipped"], 0);
    EXPECT_LE(s["max_transition_gap_ms"], kSanitized ? 200 : 34)
        << "more than one frame at 30 fps between clips";
    const double presented = s["frames_presented"].get<double>();
    EXPECT_NEAR(presented, 900, 90);
    EXPECT_LE(s["frames_dropped"].get<double>(), (kSanitized ? 0.10 : 0.02) * presented);
}

TEST_F(KioskCli, LoopRepeatsThePlaylist) {
    const ProcessResult r = play({media("red.mp4")}, {"--loop", "2"});
    ASSERT_EQ(r.exit_code, 0) << r;
    json s = stats();
    EXPECT_EQ(s["items_played"], 2);
    EXPECT_NEAR(s["frames_presented"].get<double>(), 120, 12);
}

// One PC, two screens, each with a sound device of its own (headless: a null
// output each, on its own clock): both screens' films are heard.
TEST_F(KioskCli, EachScreenPlaysItsSoundOnItsOwnDevice) {
    const fs::path config = dir_ / "kiosk.toml";
    std::ofstream(config) << "[[screen]]\nzone = \"av\"\nmedia = [\"" << media("h264_aac.mp4")
                          << "\"]\naudio_device = \"HDMI 1\"\n\n[[screen]]\nzone = \"boards\"\ndisplay = 1\n"
                          << "media = [\"" << media("h264_aac.mp4") << "\"]\naudio_device = \"HDMI 2\"\n";
    const ProcessResult r =
        run_process({KIOSK_BINARY, "--headless", "--size", "320x240", "--config", config.string(),
                     "--data-dir", data_dir(), "--stats-json", stats_path(), "--run-for", "3"},
                    60s, kHeadlessEnv);
    ASSERT_EQ(r.exit_code, 0) << r;
    const json s = stats();
    ASSERT_EQ(s["screens"].size(), 2u);
    for (const json& screen : s["screens"]) {
        EXPECT_GE(screen["items_played"].get<int>(), 1) << screen;
        // A 2 s film, looping for 3 s: at least its first pass is heard.
        EXPECT_GE(screen["sound_seconds"].get<double>(), 1.9) << screen;
    }
}

TEST_F(KioskCli, TwoScreensPresentTwiceTheFrames) {
    const ProcessResult r = play({media("red.mp4")}, {"--screens", "2"});
    ASSERT_EQ(r.exit_code, 0) << r;
    EXPECT_NEAR(stats()["frames_presented"].get<double>(), 2 * 60, 12);
}

// --- Bad arguments -----------------------------------------------------------------------------------

struct BadArgs {
    std::string name;
    std::vector<std::string> options;
};

void PrintTo(const BadArgs& args, std::ostream* os) {
    *os << ::testing::PrintToString(args.options);
}

class BadArguments : public KioskCli, public ::testing::WithParamInterface<BadArgs> {};

TEST_P(BadArguments, Exit2WithAMessage) {
    const ProcessResult r = play({media("red.mp4")}, GetParam().options);
    EXPECT_EQ(r.exit_code, 2) << r;
    EXPECT_FALSE(r.err.empty());
}

INSTANTIATE_TEST_SUITE_P(Cli, BadArguments,
                         ::testing::Values(BadArgs{"loop_not_a_number", {"--loop", "x"}},
                                           BadArgs{"unknown_option", {"--no-such-option"}},
                                           BadArgs{"too_many_screens", {"--screens", "9"}}),
                         [](const auto& info) { return info.param.name; });

// --- kioskctl probe ----------------------------------------------------------------------------------

TEST_F(KioskCli, ProbeJsonDescribesH264Clip) {
    const ProcessResult r = probe({media("h264_aac.mp4"), "--json"});
    ASSERT_EQ(r.exit_code, 0) << r;
    json j = json::parse(r.out);
    EXPECT_EQ(filename(j["path"]), "h264_aac.mp4");
    EXPECT_TRUE(j["playable"].get<bool>());
    EXPECT_NEAR(j["duration_s"].get<double>(), 2.0, 0.1);
    EXPECT_NE(j["container"].get<std::string>().find("mp4"), std::string::npos) << j["container"];
    EXPECT_EQ(j["video"]["codec"], "h264");
    EXPECT_EQ(j["video"]["pixel_format"], "yuv420p");
    EXPECT_NEAR(j["video"]["frame_rate"].get<double>(), 30.0, 0.01);
    EXPECT_EQ(j["video"]["width"], 320);
    EXPECT_EQ(j["video"]["height"], 240);
    EXPECT_EQ(j["video"]["rotation_deg"], 0);
    EXPECT_EQ(j["audio"]["codec"], "aac");
    EXPECT_EQ(j["audio"]["sample_rate"], 48000);
    EXPECT_EQ(j["audio"]["channels"], 2);
}

TEST_F(KioskCli, ProbeJsonReportsAbsentStreamsAsNull) {
    const ProcessResult video_only = probe({media("video_only.mp4"), "--json"});
    ASSERT_EQ(video_only.exit_code, 0) << video_only;
    EXPECT_TRUE(json::parse(video_only.out)["audio"].is_null());

    const ProcessResult audio_only = probe({media("audio_only.m4a"), "--json"});
    ASSERT_EQ(audio_only.exit_code, 0) << audio_only;
    json j = json::parse(audio_only.out);
    EXPECT_TRUE(j["video"].is_null());
    EXPECT_EQ(j["audio"]["codec"], "aac");
}

TEST_F(KioskCli, ProbeJsonReportsRotation) {
    const ProcessResult r = probe({media("rotated_portrait.mp4"), "--json"});
    ASSERT_EQ(r.exit_code, 0) << r;
    const int rotation = json::parse(r.out)["video"]["rotation_deg"].get<int>();
    EXPECT_TRUE(rotation == 90 || rotation == -90 || rotation == 270) << rotation;
}

TEST_F(KioskCli, ProbeJsonExplainsUnplayableFile) {
    const ProcessResult r = probe({media("not_media.mp4"), "--json"});
    EXPECT_NE(r.exit_code, 0) << r;
    json j = json::parse(r.out);
    EXPECT_FALSE(j["playable"].get<bool>());
    EXPECT_FALSE(j["error"].get<std::string>().empty());
}

TEST_F(KioskCli, ProbeTextNamesCodecAndSize) {
    const ProcessResult r = probe({media("h264_aac.mp4")});
    ASSERT_EQ(r.exit_code, 0) << r;
    EXPECT_NE(r.out.find("h264"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("320x240"), std::string::npos) << r.out;
}

TEST_F(KioskCli, ProbeTextFailsOnUnplayableFile) {
    const ProcessResult r = probe({media("not_media.mp4")});
    EXPECT_NE(r.exit_code, 0) << r;
    EXPECT_FALSE(r.err.empty());
}

}  // namespace
}  // namespace kiosk::test

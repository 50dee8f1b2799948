// The running kiosk follows the schedule staff edit with kioskctl: edits show
// on screen at the next item boundary without a restart, an interrupt cuts in
// on time and the loop resumes, neither side ever sees "database is locked",
// and every play is in the proof-of-play report. Real binaries, a real SQLite
// file, real decoding.
#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "png_pixels.h"
#include "process.h"

namespace kiosk::test {
namespace {

using namespace std::chrono_literals;
namespace fs = std::filesystem;

constexpr auto kCommandTimeout = 30s;

std::string media(const char* name) {
    return (fs::path(KIOSK_TEST_MEDIA_DIR) / name).string();
}

// HH:MM:SS in UTC (the test's config runs the hall on UTC).
std::string utc_clock(std::time_t at) {
    std::tm parts{};
    gmtime_r(&at, &parts);
    char text[16];
    std::strftime(text, sizeof text, "%H:%M:%S", &parts);
    return text;
}

std::string utc_today() {
    const std::time_t now = std::time(nullptr);
    std::tm parts{};
    gmtime_r(&now, &parts);
    char text[16];
    std::strftime(text, sizeof text, "%Y-%m-%d", &parts);
    return text;
}

class ScheduleEndToEnd : public ::testing::Test {
  protected:
    void SetUp() override {
        char pattern[] = "/tmp/kiosk-schedule-XXXXXX";
        ASSERT_NE(mkdtemp(pattern), nullptr);
        m_dir = pattern;
        std::ofstream(m_dir / "kiosk.toml")
            << "time_zone = \"UTC\"\nimage_seconds = 2\n[[screen]]\nzone = \"av\"\n";
        ctl_ok({"media", "add", media("red.mp4"), media("blue.mp4"), media("green.mp4")});
        ctl_ok({"playlist", "create", "loop"});
        ctl_ok({"playlist", "add", "loop", "red"});
        ctl_ok({"schedule", "add", "default", "--zone", "av", "--playlist", "loop"});
    }
    void TearDown() override { fs::remove_all(m_dir); }

    ProcessResult ctl(std::vector<std::string> arguments) {
        std::vector<std::string> argv{KIOSKCTL_BINARY, "--config", (m_dir / "kiosk.toml").string(),
                                      "--data-dir", m_dir.string()};
        argv.insert(argv.end(), arguments.begin(), arguments.end());
        return run_process(argv, kCommandTimeout);
    }
    void ctl_ok(std::vector<std::string> arguments) {
        const ProcessResult result = ctl(arguments);
        ASSERT_EQ(result.exit_code, 0) << result;
        ASSERT_EQ(result.err.find("locked"), std::string::npos) << result;
    }

    // Starts the kiosk on the schedule for `seconds`, with a screenshot at `shot_at`.
    std::thread start_kiosk(double seconds, double shot_at, ProcessResult& result) {
        std::vector<std::string> argv{KIOSK_BINARY,      "--headless",
                                      "--config",        (m_dir / "kiosk.toml").string(),
                                      "--data-dir",      m_dir.string(),
                                      "--size",          "320x240",
                                      "--run-for",       std::to_string(seconds),
                                      "--screenshot-at", std::to_string(shot_at),
                                      "--screenshot",    shot().string()};
        return std::thread([argv, &result] { result = run_process(argv, 60s); });
    }
    fs::path shot() const { return m_dir / "shot.png"; }

    fs::path m_dir;
};

TEST_F(ScheduleEndToEnd, AnEditReachesTheScreenAtTheNextItemBoundaryAndNothingLocks) {
    ProcessResult kiosk;
    std::thread running = start_kiosk(9.0, 7.5, kiosk);
    std::this_thread::sleep_for(2500ms);
    ctl_ok({"playlist", "create", "edited"});
    ctl_ok({"playlist", "add", "edited", "blue"});
    ctl_ok({"schedule", "add", "default", "--zone", "av", "--playlist", "edited"});
    // Staff keep editing while the kiosk reads and records: never "locked".
    for (int round = 0; round < 10; ++round) {
        ctl_ok({"playlist", "create", "scratch"});
        ctl_ok({"playlist", "remove", "scratch"});
    }
    running.join();
    ASSERT_EQ(kiosk.exit_code, 0) << kiosk;
    EXPECT_EQ(kiosk.err.find("locked"), std::string::npos) << kiosk;

    const Image image = Image::load(shot().string());
    EXPECT_TRUE(is_blue(image.centre())) << image.centre();

    const ProcessResult report =
        ctl({"report", "plays", "--from", utc_today(), "--to", utc_today(), "--format", "json"});
    ASSERT_EQ(report.exit_code, 0) << report;
    const auto plays = nlohmann::json::parse(report.out).at("plays");
    ASSERT_GE(plays.size(), 3u);
    EXPECT_EQ(plays.front().at("media"), "red");
    EXPECT_EQ(plays.front().at("outcome"), "played");
    EXPECT_EQ(plays.front().at("zone"), "av");
    EXPECT_EQ(plays.back().at("media"), "blue");
    EXPECT_EQ(plays.back().at("reason"), "shutdown");
}

TEST_F(ScheduleEndToEnd, AnInterruptCutsInOnTimeAndTheLoopResumes) {
    ctl_ok({"playlist", "create", "lecture"});
    ctl_ok({"playlist", "add", "lecture", "green"});
    // Whole seconds: the interrupt is at the start of a second 4-5 s from now.
    const std::time_t at_time = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now() + 5s);
    const std::string at = utc_clock(at_time);
    const std::string just_before = utc_clock(at_time - 1);  // a cut on the dot may log a millisecond early
    ctl_ok({"schedule", "add", "interrupt", "--zone", "av", "--playlist", "lecture", "--at", at, "--on",
            utc_today()});
    ProcessResult kiosk;
    std::thread running = start_kiosk(10.0, 9.5, kiosk);
    running.join();
    ASSERT_EQ(kiosk.exit_code, 0) << kiosk;

    const ProcessResult report =
        ctl({"report", "plays", "--from", utc_today(), "--to", utc_today(), "--format", "json"});
    ASSERT_EQ(report.exit_code, 0) << report;
    const auto plays = nlohmann::json::parse(report.out).at("plays");
    std::vector<std::string> order;
    std::string lecture_started;
    std::string cut_reason;
    for (const auto& play : plays) {
        order.push_back(play.at("media"));
        if (play.at("media") == "green") {
            lecture_started = play.at("started");
        }
        if (play.at("reason") == "schedule change") {
            cut_reason = play.at("media");
        }
    }
    ASSERT_NE(std::find(order.begin(), order.end(), "green"), order.end()) << report.out;
    EXPECT_TRUE(lecture_started.find(at) != std::string::npos ||
                lecture_started.find(just_before) != std::string::npos)
        << lecture_started << " vs " << at;
    // The loop's film was cut by the interrupt (unless it happened to end on
    // that very second), and the loop resumed after it.
    if (!cut_reason.empty()) {
        EXPECT_EQ(cut_reason, "red");
    }
    const auto green = std::find(order.begin(), order.end(), "green");
    ASSERT_NE(green, order.begin());
    EXPECT_EQ(*(green - 1), "red");
    ASSERT_NE(green + 1, order.end());
    EXPECT_EQ(*(green + 1), "red");
}

}  // namespace
}  // namespace kiosk::test

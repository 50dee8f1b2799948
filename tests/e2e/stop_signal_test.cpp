// End-to-end: SIGTERM, the way systemd stops the kiosk. Whatever it is doing,
// the kiosk is gone within a second with exit status 0: at once while it
// starts (here, checking a package of 300 films before its first picture),
// and once it runs, after closing its screens and writing its report.
#include <signal.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "process.h"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

// Sanitized builds start and run slower; the second to stop in is the same.
constexpr int kSlowdown = KIOSK_SANITIZED_BUILD ? 3 : 1;
const EnvOverrides kHeadlessEnv = {{"SDL_AUDIODRIVER", "dummy"}, {"SDL_VIDEODRIVER", "offscreen"}};

// Whether process `pid` blocks `signal` in its main thread: the kiosk does so
// first thing, and from then on the signal is its own to answer.
bool blocks(int pid, int signal) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(status, line);) {
        if (line.starts_with("SigBlk:")) {
            const unsigned long long mask = std::stoull(line.substr(7), nullptr, 16);
            return ((mask >> (signal - 1)) & 1U) != 0;
        }
    }
    return false;
}

class StopSignal : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "kiosk-stop-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr) << "mkdtemp " << pattern;
        m_dir = pattern;
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }

    // A package whose zone's programme is `films` copies of a generated 1080p
    // film: the kiosk probes each before it starts.
    fs::path write_package_of_films(int films) const {
        const fs::path package = m_dir / "package";
        fs::create_directories(package / "films");
        nlohmann::json programme = nlohmann::json::array();
        for (int index = 0; index < films; ++index) {
            const std::string name = "films/film-" + std::to_string(index) + ".mp4";
            fs::copy_file(fs::path(KIOSK_TEST_MEDIA_DIR) / "red_1080p.mp4", package / name);
            programme.push_back(name);
        }
        const nlohmann::json board = {{"id", "board"},
                                      {"title", {{"zh", "展板"}, {"en", "Board"}}},
                                      {"body", {{"zh", {"正文"}}, {"en", {"Text"}}}}};
        const nlohmann::json manifest = {
            {"format", "pcw-content/1"},
            {"package", {{"id", "films"}, {"version", "1"}, {"title", {{"zh", "影片"}, {"en", "Films"}}}}},
            {"zones",
             {{{"id", "boards"},
               {"title", {{"zh", "展板区"}, {"en", "Boards"}}},
               {"programme", programme},
               {"sections",
                {{{"id", "policies"},
                  {"kind", "policies"},
                  {"title", {{"zh", "政策"}, {"en", "Policies"}}},
                  {"boards", {board}}}}}}}}};
        std::ofstream(package / "manifest.json") << manifest.dump(2);
        return package;
    }

    std::vector<std::string> kiosk(const std::vector<std::string>& arguments) const {
        std::vector<std::string> argv = {KIOSK_BINARY,   "--headless",
                                         "--data-dir",   (m_dir / "data").string(),
                                         "--stats-json", stats_path().string()};
        argv.insert(argv.end(), arguments.begin(), arguments.end());
        return argv;
    }
    fs::path stats_path() const { return m_dir / "stats.json"; }

    fs::path m_dir;
};

TEST_F(StopSignal, AKioskStoppedWhileCheckingItsPackageEndsWithinASecond) {
    const fs::path package = write_package_of_films(300);
    const auto started = Clock::now();
    SignalPlan plan;
    plan.signal = SIGTERM;
    // Well into the start, once the kiosk has taken the signal over; without
    // that, after a second all the same.
    plan.ready = [started](int pid, const ProcessResult&) {
        return Clock::now() - started >= 300ms && blocks(pid, SIGTERM);
    };
    plan.latest = 1000ms;
    const ProcessResult result =
        run_process(kiosk({"--content", package.string(), "--zone", "boards", "--run-for", "30"}),
                    120s * kSlowdown, kHeadlessEnv, plan);
    ASSERT_TRUE(result.signal_to_exit.has_value()) << result;
    ASSERT_EQ(result.exit_code, 0) << result;
    EXPECT_LT(*result.signal_to_exit, 1000ms) << result;
    const std::string log = result.out + result.err;
    EXPECT_NE(log.find("SIGTERM while starting: stopped"), std::string::npos) << log;
    EXPECT_EQ(log.find("home screen ready"), std::string::npos) << "the signal came after the start: " << log;
    EXPECT_FALSE(fs::exists(stats_path())) << "stopped before it ran: nothing to report";
}

TEST_F(StopSignal, ARunningKioskStopsWithinASecondAndWritesItsReport) {
    SignalPlan plan;
    plan.signal = SIGTERM;
    plan.ready = [](int, const ProcessResult& so_far) {
        return so_far.out.find("playing") != std::string::npos;
    };
    plan.latest = 30s * kSlowdown;
    const ProcessResult result =
        run_process(kiosk({"--play", (fs::path(KIOSK_TEST_MEDIA_DIR) / "red.mp4").string(), "--loop", "100"}),
                    120s * kSlowdown, kHeadlessEnv, plan);
    ASSERT_TRUE(result.signal_to_exit.has_value()) << result;
    ASSERT_EQ(result.exit_code, 0) << "a stop asked for is a clean end, even before a film ends: " << result;
    EXPECT_LT(*result.signal_to_exit, 1000ms) << result;
    EXPECT_NE(result.out.find("SIGTERM: stopping"), std::string::npos) << result.out;
    std::ifstream report(stats_path());
    ASSERT_TRUE(report) << "the report is written on the way out";
    EXPECT_GT(nlohmann::json::parse(report).at("frames_presented").get<int>(), 0);
}

}  // namespace
}  // namespace kiosk::test

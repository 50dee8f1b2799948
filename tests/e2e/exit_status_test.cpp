// Both programs' exit statuses, the contract scripts and installers rely on:
// 0 done, 1 refused or failed (with the reason), 2 a bad command line or
// configuration, 3 and up as a command documents. Every kioskctl command is
// found from the help itself, so a command added later is covered too.
#include <stdlib.h>
#include <sys/stat.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "process.h"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

const EnvOverrides kHeadlessEnv = {{"SDL_AUDIODRIVER", "dummy"}, {"SDL_VIDEODRIVER", "offscreen"}};

// The kiosk logs to standard output; its command-line errors go to standard error.
std::string said(const ProcessResult& result) {
    return result.out + result.err;
}

class ExitStatus : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "exit-status-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }

    ProcessResult kioskctl(const std::vector<std::string>& arguments) const {
        std::vector<std::string> argv{KIOSKCTL_BINARY, "--data-dir", (m_dir / "data").string()};
        argv.insert(argv.end(), arguments.begin(), arguments.end());
        return run_process(argv, 60s);
    }

    ProcessResult kiosk(const std::vector<std::string>& arguments) const {
        std::vector<std::string> argv{KIOSK_BINARY, "--headless", "--data-dir", (m_dir / "data").string()};
        argv.insert(argv.end(), arguments.begin(), arguments.end());
        return run_process(argv, 60s, kHeadlessEnv);
    }

    fs::path write(const std::string& name, const std::string& text) const {
        std::ofstream(m_dir / name, std::ios::binary) << text;
        return m_dir / name;
    }

    // Every command path kioskctl's help lists, down to the leaves:
    // {"probe"}, {"schedule", "add", "rule"}, ...
    std::vector<std::vector<std::string>> leaf_commands(const std::vector<std::string>& path = {}) const {
        std::vector<std::string> arguments = path;
        arguments.push_back("--help");
        const ProcessResult help = kioskctl(arguments);
        EXPECT_EQ(help.exit_code, 0) << help;
        std::vector<std::string> children;
        std::istringstream lines(help.out);
        bool in_subcommands = false;
        for (std::string line; std::getline(lines, line);) {
            if (line == "Subcommands:") {
                in_subcommands = true;
            } else if (in_subcommands && line.starts_with("  ") && line.size() > 2 && line[2] != ' ' &&
                       line[2] != '-') {
                children.push_back(line.substr(2, line.find(' ', 2) - 2));
            } else if (in_subcommands && line.empty()) {
                in_subcommands = false;
            }
        }
        if (children.empty()) {
            return {path};
        }
        std::vector<std::vector<std::string>> leaves;
        for (const std::string& child : children) {
            std::vector<std::string> child_path = path;
            child_path.push_back(child);
            for (auto& leaf : leaf_commands(child_path)) {
                leaves.push_back(std::move(leaf));
            }
        }
        return leaves;
    }

    fs::path m_dir;
};

TEST_F(ExitStatus, EveryKioskctlCommandExitsTwoOnAnUnknownFlag) {
    const auto commands = leaf_commands();
    ASSERT_GE(commands.size(), 32U) << "the help should list every command";
    for (const auto& command : commands) {
        std::string name;
        for (const std::string& word : command) {
            name += (name.empty() ? "" : " ") + word;
        }
        std::vector<std::string> arguments = command;
        arguments.push_back("--no-such-flag");
        const ProcessResult result = kioskctl(arguments);
        EXPECT_EQ(result.exit_code, 2) << name << ": " << result;
        EXPECT_NE(result.err.find("kioskctl: "), std::string::npos) << name << ": " << result;
    }
}

TEST_F(ExitStatus, KioskctlExitsTwoOnAnUnknownCommandOrAMissingConfiguration) {
    const ProcessResult unknown = kioskctl({"launch-rockets"});
    EXPECT_EQ(unknown.exit_code, 2) << unknown;
    const ProcessResult no_command = kioskctl({});
    EXPECT_EQ(no_command.exit_code, 2) << no_command;
    const ProcessResult missing =
        run_process({KIOSKCTL_BINARY, "--config", (m_dir / "absent.toml").string(), "media", "list"}, 60s);
    EXPECT_EQ(missing.exit_code, 2) << missing;
    EXPECT_NE(missing.err.find("absent.toml"), std::string::npos) << missing;
    const ProcessResult bad = run_process(
        {KIOSKCTL_BINARY, "--config", write("bad.toml", "image_seconds = nan\n").string(), "media", "list"},
        60s);
    EXPECT_EQ(bad.exit_code, 2) << bad;
    EXPECT_NE(bad.err.find("image_seconds must be a number from 0.1 to 3600 seconds"), std::string::npos)
        << bad;
}

TEST_F(ExitStatus, KioskctlHelpIsExitZero) {
    const ProcessResult help = kioskctl({"--help"});
    EXPECT_EQ(help.exit_code, 0) << help;
    const ProcessResult command_help = kioskctl({"schedule", "import", "--help"});
    EXPECT_EQ(command_help.exit_code, 0) << command_help;
}

// Both programs name their version, the commit they were built from and the
// libraries they run on, for installers and bug reports.
TEST_F(ExitStatus, BothProgramsSayTheirVersionAndLibraries) {
    for (const auto& [binary, name] :
         {std::pair{KIOSK_BINARY, "kiosk"}, std::pair{KIOSKCTL_BINARY, "kioskctl"}}) {
        const ProcessResult result = run_process({binary, "--version"}, 60s);
        EXPECT_EQ(result.exit_code, 0) << result;
        EXPECT_EQ(result.out.rfind(std::string(name) + " 0.", 0), 0U) << result.out;
        for (const char* library : {"SDL 2.", "SDL_ttf 2.", "SDL_image 2.", "libavcodec ", "SQLite 3."}) {
            EXPECT_NE(result.out.find(library), std::string::npos) << library << " in: " << result.out;
        }
    }
}

TEST_F(ExitStatus, KioskctlExitsOneWhenARequestIsRefused) {
    const ProcessResult refused = kioskctl({"probe", (m_dir / "absent.mp4").string()});
    EXPECT_EQ(refused.exit_code, 1) << refused;
}

TEST_F(ExitStatus, TheKioskExitsTwoOnABadCommandLineOrConfiguration) {
    const ProcessResult flag = kiosk({"--no-such-flag"});
    EXPECT_EQ(flag.exit_code, 2) << flag;
    const ProcessResult missing = kiosk({"--config", (m_dir / "absent.toml").string()});
    EXPECT_EQ(missing.exit_code, 2) << missing;
    // nan passes every comparison; it once made the kiosk run with stills shown for no time.
    const ProcessResult nan_option = kiosk({"--image-seconds", "nan", "--run-for", "1"});
    EXPECT_EQ(nan_option.exit_code, 2) << nan_option;
    EXPECT_NE(nan_option.err.find("must be a number from 0.1 to 3600 seconds, got \"nan\""),
              std::string::npos)
        << nan_option;
    const ProcessResult huge = kiosk({"--size", "99999x99999", "--run-for", "1"});
    EXPECT_EQ(huge.exit_code, 2) << huge;
    EXPECT_NE(huge.err.find("from 64 to 8192 pixels"), std::string::npos) << huge;
    const ProcessResult nan = kiosk({"--config", write("bad.toml", "idle_timeout = nan\n").string()});
    EXPECT_EQ(nan.exit_code, 2) << nan;
    EXPECT_NE(said(nan).find("idle_timeout must be a number from 1 to 86400 seconds"), std::string::npos)
        << nan;
}

// A kiosk that cannot start for a reason of the machine, not of its
// command line, says why and exits 1.
TEST_F(ExitStatus, TheKioskExitsOneWhenItCannotStart) {
    const ProcessResult no_data_dir =
        run_process({KIOSK_BINARY, "--headless", "--data-dir", "/proc/no-such-place/kiosk", "--run-for", "1"},
                    60s, kHeadlessEnv);
    EXPECT_EQ(no_data_dir.exit_code, 1) << no_data_dir;
    EXPECT_NE(said(no_data_dir).find("cannot create the data directory"), std::string::npos) << no_data_dir;
    const ProcessResult no_display =
        run_process({KIOSK_BINARY, "--data-dir", (m_dir / "data").string(), "--run-for", "1"}, 60s,
                    {{"SDL_VIDEODRIVER", "x11"}, {"DISPLAY", ":4321"}, {"WAYLAND_DISPLAY", ""}});
    EXPECT_EQ(no_display.exit_code, 1) << no_display;
    EXPECT_NE(said(no_display).find("cannot start SDL"), std::string::npos) << no_display;
}

// /dev/zero and a FIFO were read (or waited on) for ever.
TEST_F(ExitStatus, TheKioskRefusesAnInputScriptThatIsNotARegularFileAtOnce) {
    const ProcessResult device = kiosk({"--input-script", "/dev/zero"});
    EXPECT_EQ(device.exit_code, 2) << device;
    EXPECT_NE(said(device).find("not a regular file (a device)"), std::string::npos) << device;
    const fs::path fifo = m_dir / "script.fifo";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const ProcessResult from_fifo = kiosk({"--input-script", fifo.string()});
    EXPECT_FALSE(from_fifo.timed_out) << from_fifo;
    EXPECT_EQ(from_fifo.exit_code, 2) << from_fifo;
    EXPECT_NE(said(from_fifo).find("not a regular file (a FIFO)"), std::string::npos) << from_fifo;
}

TEST_F(ExitStatus, TheKioskRefusesAShotIntoAFolderThatDoesNotExist) {
    const fs::path script =
        write("s.txt", "wait 100\nshot " + (m_dir / "none" / "a.png").string() + "\nquit\n");
    const ProcessResult result = kiosk({"--input-script", script.string()});
    EXPECT_EQ(result.exit_code, 2) << result;
    EXPECT_NE(said(result).find("line 2: shot: no folder"), std::string::npos) << result;
}

// The log quotes a refused line's word at most 200 characters long.
TEST_F(ExitStatus, TheKioskQuotesARefusedScriptLineShort) {
    const fs::path script = write("s.txt", "wait 10\n" + std::string(100000, 'z') + "\n");
    const ProcessResult result = kiosk({"--input-script", script.string()});
    EXPECT_EQ(result.exit_code, 2) << result;
    EXPECT_NE(said(result).find("line 2: unknown step \"" + std::string(200, 'z') + "…\""), std::string::npos)
        << result;
    EXPECT_LT(said(result).size(), 2000U);
}

}  // namespace
}  // namespace kiosk::test

#pragma once
// The real kioskctl binary on a fresh data directory, for the tests of its
// staff commands: each run judged by exit status and what it prints.

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "process.h"
#include "temp_dir.h"

namespace scheduler::test {

using kiosk::test::ProcessResult;
using kiosk::test::run_process;
using namespace std::chrono_literals;

inline std::string media(const std::string& name) {
    return (std::filesystem::path(KIOSK_TEST_MEDIA_DIR) / name).string();
}

class Kioskctl : public ::testing::Test {
  protected:
    ProcessResult run(std::vector<std::string> args) {
        args.insert(args.begin(), {KIOSKCTL_BINARY, "--data-dir", dir.path().string()});
        return run_process(args, 60s);
    }
    // Runs and expects success.
    std::string ok(const std::vector<std::string>& args) {
        const ProcessResult result = run(args);
        EXPECT_EQ(result.exit_code, 0) << result;
        return result.out;
    }
    void write(const std::string& name, const std::string& text) { std::ofstream(dir.path() / name) << text; }

    // A small programme: media, two playlists, a default, a rule, an interrupt, closed hours.
    void build_programme() {
        ok({"media", "add", media("red.mp4"), media("blue.mp4"), media("still.png")});
        ok({"playlist", "create", "loop"});
        ok({"playlist", "add", "loop", "red", "still", "--display", "4"});
        ok({"playlist", "create", "lecture"});
        ok({"playlist", "add", "lecture", "blue"});
        ok({"schedule", "add", "default", "--zone", "all", "--playlist", "loop"});
        ok({"schedule", "add", "rule", "--playlist", "lecture", "--zone", "av", "--from", "09:00", "--to",
            "12:00", "--days", "mon-fri", "--priority", "5"});
        ok({"schedule", "add", "interrupt", "--playlist", "lecture", "--zone", "av,boards", "--at", "10:00",
            "--days", "tue-fri"});
        ok({"schedule", "add", "closed", "--zone", "all", "--from", "18:00", "--to", "08:30", "--mode",
            "blank"});
    }

    TempDir dir;
};

}  // namespace scheduler::test

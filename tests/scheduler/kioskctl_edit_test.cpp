// kioskctl's edits refuse what would break the programme or its listings,
// with the reason and the limit, and two edits made at once are judged one
// after the other.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <thread>

#include "kioskctl_fixture.h"

namespace scheduler::test {
namespace {

// Two `schedule add interrupt` run at once for one zone, three seconds
// apart: exactly one is accepted every time (both were, 4 times in 14), so
// the programme always exports to a file that imports back.
TEST_F(Kioskctl, InterruptsAddedAtOnceByTwoProcessesNeverBothLand) {
    build_programme();
    for (int round = 0; round < 12; ++round) {
        const std::string on = "2027-01-" + std::string(round < 9 ? "0" : "") + std::to_string(round + 1);
        ProcessResult first;
        ProcessResult second;
        std::thread one([&] {
            first = run({"schedule", "add", "interrupt", "--playlist", "lecture", "--zone", "health", "--at",
                         "15:00:00", "--on", on});
        });
        std::thread two([&] {
            second = run({"schedule", "add", "interrupt", "--playlist", "lecture", "--zone", "health", "--at",
                          "15:00:01", "--on", on});
        });
        one.join();
        two.join();
        ASSERT_NE(first.exit_code == 0, second.exit_code == 0) << "round " << round << first << second;
        const ProcessResult& refused = first.exit_code == 0 ? second : first;
        EXPECT_EQ(refused.exit_code, 1) << refused;
        EXPECT_NE(refused.err.find("--at: overlaps interrupt i"), std::string::npos) << refused.err;
        EXPECT_EQ(refused.err.find("constraint"), std::string::npos) << refused.err;
    }
    const std::string file = (dir.path() / "programme.json").string();
    ok({"schedule", "export", file});
    const ProcessResult imported = run({"schedule", "import", "--dry-run", file});
    EXPECT_EQ(imported.exit_code, 0) << imported;
    EXPECT_NE(imported.out.find("0 added, 0 changed, 0 removed"), std::string::npos) << imported.out;
}

TEST_F(Kioskctl, NamesWithControlCharactersOrTooLongAreRefused) {
    ok({"media", "add", media("red.mp4")});
    for (const std::string& name : {std::string("a\nb"), std::string("tab\there"), std::string("esc\x1b[2J"),
                                    std::string(101, 'x'), std::string(100'000, 'x'), std::string("   ")}) {
        const ProcessResult refused = run({"playlist", "create", name});
        EXPECT_EQ(refused.exit_code, 1) << refused;
        EXPECT_NE(refused.err.find("bad playlist name"), std::string::npos) << refused.err;
        EXPECT_LT(refused.err.size(), 400U);
        EXPECT_EQ(refused.err.find('\n'), refused.err.size() - 1) << refused.err;
        const ProcessResult media_name = run({"media", "add", media("blue.mp4"), "--name", name});
        EXPECT_EQ(media_name.exit_code, 1) << media_name;
        EXPECT_NE(media_name.err.find("bad media name"), std::string::npos) << media_name.err;
    }
    ok({"playlist", "create", "人口文化 \"循环\""});
    const std::string listed = ok({"playlist", "list"});
    EXPECT_NE(listed.find("人口文化 \"循环\""), std::string::npos) << listed;
    EXPECT_EQ(listed.find("a\nb"), std::string::npos);
}

TEST_F(Kioskctl, NumbersAreCheckedBeforeTheyAreStoredAndTheMessageGivesTheRange) {
    build_programme();
    for (const char* seconds : {"nan", "inf", "0", "-5", "86401", "0.0001"}) {
        const ProcessResult refused = run({"playlist", "add", "loop", "still", "--display", seconds});
        EXPECT_EQ(refused.exit_code, 1) << seconds << refused;
        EXPECT_NE(refused.err.find("give a number of seconds from 0.001 to 86400"), std::string::npos)
            << refused.err;
    }
    EXPECT_NE(run({"playlist", "add", "loop", "still", "--display", "86401"}).err.find("--display 86401:"),
              std::string::npos);
    const ProcessResult volume = run({"playlist", "add", "loop", "still", "--volume", "101"});
    EXPECT_EQ(volume.exit_code, 1) << volume;
    EXPECT_NE(volume.err.find("volume 101 is out of range: give 0 to 100 (percent)"), std::string::npos)
        << volume.err;
    const ProcessResult priority = run({"schedule", "add", "rule", "--playlist", "loop", "--zone", "models",
                                        "--from", "09:00", "--to", "10:00", "--priority", "2000000"});
    EXPECT_EQ(priority.exit_code, 1) << priority;
    EXPECT_NE(priority.err.find("--priority: priority 2000000 is out of range: give -1000000 to 1000000"),
              std::string::npos)
        << priority.err;
    // An id too large for 64 bits ended the program with an uncaught exception.
    for (const char* id : {"r99999999999999999999999", "i-1", "c+2", "r", "x3"}) {
        const ProcessResult bad = run({"schedule", "remove", id});
        EXPECT_EQ(bad.exit_code, 1) << id << bad;
        EXPECT_NE(bad.err.find("not an id"), std::string::npos) << bad.err;
    }
    EXPECT_EQ(run({"schedule", "remove", "r99999"}).exit_code, 1);
}

TEST_F(Kioskctl, MediaAddSaysWhyAFileCannotBeRegistered) {
    const std::string fifo = (dir.path() / "film.mp4").string();
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const auto refused = [&](const std::string& file, const std::string& reason) {
        const ProcessResult result = run({"media", "add", file});
        EXPECT_EQ(result.exit_code, 1) << result;
        EXPECT_FALSE(result.timed_out);
        EXPECT_NE(result.err.find(file + ": cannot play: " + reason), std::string::npos) << result.err;
    };
    // Each said "no such file" before.
    refused(fifo, "not a regular file (a FIFO)");
    refused(dir.path().string(), "not a regular file (a folder)");
    refused("/dev/null", "not a regular file (a device)");
    refused((dir.path() / "missing.mp4").string(), "no such file");
}

}  // namespace
}  // namespace scheduler::test

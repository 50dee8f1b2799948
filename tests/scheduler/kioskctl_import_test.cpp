// `kioskctl schedule import` never loses the programme in force by
// surprise: an empty file is refused, one that would remove anything (a file
// cut short, one from another hall) needs --replace, --dry-run shows every
// change, and a file that cannot be read says why at once.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>

#include "kioskctl_fixture.h"

namespace scheduler::test {
namespace {

class KioskctlImport : public Kioskctl {
  protected:
    std::string path(const std::string& name) const { return (dir.path() / name).string(); }
    std::string read(const std::string& name) const {
        std::ifstream in(dir.path() / name);
        return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
    }
    std::string listing() { return ok({"schedule", "list"}) + ok({"playlist", "list"}); }
};

TEST_F(KioskctlImport, AnEmptyFileIsRefusedAndChangesNothing) {
    build_programme();
    const std::string before = listing();
    write("empty.toml", "");
    write("blank.toml", "\n  \n# nothing yet\n");
    write("empty.json", "{}");
    write("nothing.json", R"({"format": "pcw-programme", "version": 1, "playlists": [], "rules": []})");
    for (const char* name : {"empty.toml", "blank.toml", "empty.json", "nothing.json"}) {
        for (const char* flag : {"--replace", "--dry-run"}) {
            const ProcessResult refused = run({"schedule", "import", flag, path(name)});
            EXPECT_EQ(refused.exit_code, 1) << name << refused;
            EXPECT_TRUE(refused.err.find("the file is empty") != std::string::npos ||
                        refused.err.find("the file holds no programme") != std::string::npos)
                << refused.err;
            EXPECT_NE(refused.err.find("the programme in force is unchanged"), std::string::npos)
                << refused.err;
        }
    }
    EXPECT_EQ(listing(), before);
}

TEST_F(KioskctlImport, AnExportCutShortNeedsReplaceAndSaysWhatItWouldRemove) {
    build_programme();
    ok({"schedule", "export", path("programme.toml")});
    const std::string whole = read("programme.toml");
    // Cut at a line boundary, where TOML still parses: the interrupts and closed hours are lost.
    write("cut.toml", whole.substr(0, whole.find("[[interrupts]]")));
    const std::string before = listing();
    const ProcessResult refused = run({"schedule", "import", path("cut.toml")});
    EXPECT_EQ(refused.exit_code, 1) << refused;
    EXPECT_NE(refused.err.find("would remove: interrupt i1: \"lecture\" in av,boards at 10:00 tue-fri"),
              std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("would remove: closed hours c1: all zones 18:00-08:30 daily"),
              std::string::npos)
        << refused.err;
    EXPECT_NE(
        refused.err.find("would remove the 2 things above from the programme in force; the programme in "
                         "force is unchanged (give --replace"),
        std::string::npos)
        << refused.err;
    EXPECT_EQ(listing(), before);

    const ProcessResult dry = run({"schedule", "import", "--dry-run", path("cut.toml")});
    EXPECT_EQ(dry.exit_code, 1) << dry;
    EXPECT_NE(dry.out.find("0 added, 0 changed, 2 removed"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("  would remove: interrupt i1"), std::string::npos) << dry.out;
    EXPECT_NE(dry.err.find("would be refused"), std::string::npos) << dry.err;
    const ProcessResult dry_replace = run({"schedule", "import", "--dry-run", "--replace", path("cut.toml")});
    EXPECT_EQ(dry_replace.exit_code, 0) << dry_replace;
    EXPECT_NE(dry_replace.out.find("nothing changed (--dry-run)"), std::string::npos) << dry_replace.out;
    EXPECT_EQ(listing(), before);

    const ProcessResult replaced = run({"schedule", "import", "--replace", path("cut.toml")});
    EXPECT_EQ(replaced.exit_code, 0) << replaced;
    EXPECT_NE(replaced.out.find("0 added, 0 changed, 2 removed"), std::string::npos) << replaced.out;
    EXPECT_EQ(ok({"schedule", "list"}).find("i2"), std::string::npos);
    // Nothing is removed by the whole file: no --replace needed to bring them back.
    const ProcessResult restored = run({"schedule", "import", path("programme.toml")});
    EXPECT_EQ(restored.exit_code, 0) << restored;
    EXPECT_NE(restored.out.find("2 added, 0 changed, 0 removed"), std::string::npos) << restored.out;
}

TEST_F(KioskctlImport, DryRunPrintsWhatWouldBeAddedChangedAndRemovedAndChangesNothing) {
    build_programme();
    ok({"schedule", "export", path("programme.json")});
    std::string text = read("programme.json");
    text.replace(text.find("\"shuffle\": false"), 16, "\"shuffle\": true");
    text.replace(text.find("\"priority\": 5"), 13, "\"priority\": 6");
    write("edited.json", text);
    const std::string before = listing();
    const ProcessResult dry = run({"schedule", "import", "--dry-run", path("edited.json")});
    EXPECT_EQ(dry.exit_code, 0) << dry;  // edited in place: nothing removed, no --replace needed
    EXPECT_NE(dry.out.find("0 added, 2 changed, 0 removed"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("  would change: playlist \"loop\": shuffle on"), std::string::npos) << dry.out;
    EXPECT_NE(
        dry.out.find("  would change: rule r1: from \"lecture\" in av 09:00-12:00 mon-fri, priority 5 to "
                     "\"lecture\" in av 09:00-12:00 mon-fri, priority 6"),
        std::string::npos)
        << dry.out;
    EXPECT_EQ(listing(), before);
    const ProcessResult same = run({"schedule", "import", "--dry-run", path("programme.json")});
    EXPECT_EQ(same.exit_code, 0) << same;
    EXPECT_NE(same.out.find("0 added, 0 changed, 0 removed"), std::string::npos) << same.out;
}

TEST_F(KioskctlImport, ARuleMovedToOtherZonesOrItemsDroppedAreRemovalsNotChanges) {
    // Leftovers were paired in order as changes: a rule moved to other zones,
    // or playlists emptied, imported without --replace.
    build_programme();
    ok({"schedule", "export", path("programme.json")});
    const std::string text = read("programme.json");
    std::string moved = text;
    moved.replace(moved.find("\"zones\": \"av\""), 13, "\"zones\": \"models\"");
    write("moved.json", moved);
    const ProcessResult dry = run({"schedule", "import", "--dry-run", path("moved.json")});
    EXPECT_EQ(dry.exit_code, 1) << dry;
    EXPECT_NE(dry.out.find("1 added, 0 changed, 1 removed"), std::string::npos) << dry.out;
    EXPECT_NE(dry.out.find("  would remove: rule r1: \"lecture\" in av 09:00-12:00"), std::string::npos)
        << dry.out;
    EXPECT_NE(dry.out.find("  would add: rule: \"lecture\" in models 09:00-12:00"), std::string::npos)
        << dry.out;

    std::string emptied = text;
    const std::size_t items = emptied.find("\"items\": [");
    emptied.replace(items, emptied.find(']', items) - items + 1, "\"items\": [{\"media\": \"red\"}]");
    write("emptied.json", emptied);
    const ProcessResult refused = run({"schedule", "import", path("emptied.json")});
    EXPECT_EQ(refused.exit_code, 1) << refused;
    EXPECT_NE(refused.err.find("would remove: playlist \"loop\": items from 2 to 1"), std::string::npos)
        << refused.err;
    const ProcessResult replaced = run({"schedule", "import", "--replace", path("emptied.json")});
    EXPECT_EQ(replaced.exit_code, 0) << replaced;
}

TEST_F(KioskctlImport, AFileIsReadBeforeTheWriteLockIsTaken) {
    // The file was parsed holding the write lock the kiosk's proof of play
    // waits for; a refused file now never takes it.
    build_programme();
    ok({"schedule", "export", path("programme.json")});
    std::string text = read("programme.json");
    text.replace(text.find("\"red\""), 5, "\"green\"");
    write("unknown.json", text);
    SQLite::Database writer((dir.path() / "kiosk.db").string(), SQLite::OPEN_READWRITE);
    SQLite::Transaction lock(writer, SQLite::TransactionBehavior::IMMEDIATE);
    const auto started = std::chrono::steady_clock::now();
    const ProcessResult refused = run({"schedule", "import", path("unknown.json")});
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(3));
    EXPECT_EQ(refused.exit_code, 1) << refused;
    EXPECT_NE(refused.err.find("unknown.json refused (1 error)"), std::string::npos) << refused.err;
    EXPECT_EQ(refused.err.find("busy"), std::string::npos) << refused.err;
}

TEST_F(KioskctlImport, AFileThatCannotBeReadSaysWhyAtOnce) {
    build_programme();
    const std::string fifo = path("programme.toml");
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    // A FIFO blocked for ever; /dev/zero was read until the process was killed (3+ GB).
    for (const std::string& file :
         {fifo, std::string("/dev/zero"), dir.path().string(), path("missing.json")}) {
        const ProcessResult refused = run({"schedule", "import", file});
        EXPECT_EQ(refused.exit_code, 1) << file << refused;
        EXPECT_FALSE(refused.timed_out);
        EXPECT_NE(refused.err.find(file + ": cannot read the file: "), std::string::npos) << refused.err;
    }
    EXPECT_NE(run({"schedule", "import", fifo}).err.find("not a regular file (a FIFO)"), std::string::npos);
    EXPECT_NE(run({"schedule", "import", "/dev/zero"}).err.find("not a regular file (a device)"),
              std::string::npos);
    EXPECT_NE(run({"schedule", "import", path("missing.json")}).err.find("no such file"), std::string::npos);
    const ProcessResult export_fifo = run({"schedule", "export", fifo});
    EXPECT_EQ(export_fifo.exit_code, 1) << export_fifo;
    EXPECT_NE(export_fifo.err.find("not a regular file (a FIFO)"), std::string::npos) << export_fifo.err;
}

TEST_F(KioskctlImport, DeepNestingDuplicateKeysAndWrappingNumbersAreRefusedWithTheirPlace) {
    build_programme();
    const std::string before = listing();
    write("deep.json", "{\"rules\": " + std::string(20000, '[') + std::string(20000, ']') + "}");
    const ProcessResult deep = run({"schedule", "import", path("deep.json")});
    EXPECT_EQ(deep.exit_code, 1) << deep;  // a crash (stack overflow) before
    EXPECT_NE(deep.err.find("deep.json:1:42: error: nested deeper than 32 levels"), std::string::npos)
        << deep.err;

    ok({"schedule", "export", path("programme.json")});
    std::string text = read("programme.json");
    write("twice.json", text.substr(0, text.rfind('}')) + ",\n  \"rules\": []\n}\n");
    const ProcessResult twice = run({"schedule", "import", "--replace", path("twice.json")});
    EXPECT_EQ(twice.exit_code, 1) << twice;
    EXPECT_NE(twice.err.find("twice.json: /rules: error: field given twice (only one may be)"),
              std::string::npos)
        << twice.err;

    text.replace(text.find("\"priority\": 5"), 13, "\"priority\": 18446744073709551516");
    write("wrapped.json", text);
    const ProcessResult wrapped = run({"schedule", "import", "--replace", path("wrapped.json")});
    EXPECT_EQ(wrapped.exit_code, 1) << wrapped;
    EXPECT_NE(wrapped.err.find("/rules/0/priority: error: must be a whole number from -1000000 to 1000000 "
                               "(higher wins), not 18446744073709551516"),
              std::string::npos)
        << wrapped.err;
    EXPECT_EQ(listing(), before);
}

}  // namespace
}  // namespace scheduler::test

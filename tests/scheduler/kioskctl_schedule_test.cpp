// End to end: the staff commands of the real kioskctl binary on a fresh data
// directory, judged by exit status and what they print.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "kioskctl_fixture.h"

namespace scheduler::test {
namespace {

TEST_F(Kioskctl, MediaAddListRemove) {
    const std::string added = ok({"media", "add", media("red.mp4"), "--name", "birth-of-life"});
    EXPECT_NE(added.find("registered \"birth-of-life\""), std::string::npos) << added;
    const ProcessResult refused = run({"media", "add", media("not_media.mp4")});
    EXPECT_EQ(refused.exit_code, 1);
    EXPECT_NE(refused.err.find("not_media.mp4: cannot play: not media"), std::string::npos) << refused.err;
    const std::string listed = ok({"media", "list", "--json"});
    const auto list = nlohmann::json::parse(listed);
    ASSERT_EQ(list.size(), 1U);
    EXPECT_EQ(list[0]["name"], "birth-of-life");
    EXPECT_EQ(list[0]["sha256"].get<std::string>().size(), 64U);
    EXPECT_EQ(list[0]["width"], 320);
    ok({"media", "remove", "birth-of-life"});
    EXPECT_NE(ok({"media", "list"}).find("no media"), std::string::npos);
}

TEST_F(Kioskctl, PlaylistCommands) {
    ok({"media", "add", media("red.mp4"), media("blue.mp4"), media("still.png")});
    ok({"playlist", "create", "loop", "--shuffle"});
    ok({"playlist", "add", "loop", "red", "blue"});
    ok({"playlist", "add", "loop", "still", "--at", "1", "--display", "15", "--volume", "40"});
    ok({"playlist", "move", "loop", "1", "3"});
    const std::string shown = ok({"playlist", "show", "loop"});
    EXPECT_NE(shown.find("3 items"), std::string::npos) << shown;
    EXPECT_NE(shown.find("shuffled"), std::string::npos) << shown;
    EXPECT_LT(shown.find("red"), shown.find("blue"));
    EXPECT_LT(shown.find("blue"), shown.find("still"));
    EXPECT_NE(shown.find("0:15 on screen, volume 40%"), std::string::npos) << shown;
    ok({"playlist", "remove", "loop", "2"});
    EXPECT_EQ(ok({"playlist", "show", "loop"}).find("blue"), std::string::npos);
    const ProcessResult bad = run({"playlist", "move", "loop", "1", "9"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("playlist move: cannot move item 1 to 9: positions go from 1 to 2"),
              std::string::npos)
        << bad.err;
    const ProcessResult unknown = run({"playlist", "add", "loop", "nothing"});
    EXPECT_NE(unknown.err.find("no media called \"nothing\""), std::string::npos) << unknown.err;
    EXPECT_NE(ok({"playlist", "list"}).find("loop"), std::string::npos);
    ok({"playlist", "remove", "loop"});
}

TEST_F(Kioskctl, ScheduleShowAndResolve) {
    build_programme();
    const std::string day = ok({"schedule", "show", "--zone", "av", "--day", "2026-12-02"});
    const char* expected[] = {"00:00-08:30",    "closed (screen blanked)",
                              "08:30-09:00",    "\"loop\" (default playlist)",
                              "09:00-10:00",    "\"lecture\" (rule r1)",
                              "10:00-10:00:02", "(interrupt i1)",
                              "10:00:02-12:00", "12:00-18:00",
                              "18:00-24:00"};
    std::size_t at = 0;
    for (const char* piece : expected) {
        const std::size_t found = day.find(piece, at);
        ASSERT_NE(found, std::string::npos) << piece << " in\n" << day;
        at = found;
    }
    const std::string resolved = ok({"schedule", "resolve", "--zone", "av", "--at", "2026-12-02T10:00"});
    EXPECT_NE(resolved.find("\"lecture\" (interrupt i1)"), std::string::npos) << resolved;
    EXPECT_NE(resolved.find("until 2026-12-02T10:00:02, then \"lecture\" (rule r1)"), std::string::npos)
        << resolved;
    const std::string closed = ok({"schedule", "resolve", "--zone", "health", "--at", "2026-12-02T20:00"});
    EXPECT_NE(closed.find("closed (screen blanked)"), std::string::npos) << closed;
    EXPECT_NE(closed.find("until 2026-12-03T08:30:00"), std::string::npos) << closed;
    const ProcessResult bad = run({"schedule", "resolve", "--zone", "lobby", "--at", "2026-12-02T10:00"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("--zone \"lobby\": unknown zone"), std::string::npos) << bad.err;
    const ProcessResult bad_time = run({"schedule", "resolve", "--zone", "av", "--at", "2026-12-02T25:00"});
    EXPECT_NE(bad_time.err.find("--at: bad time"), std::string::npos) << bad_time.err;
}

TEST_F(Kioskctl, ScheduleAddRefusesOverlapsAndBadValuesAndRemoveWorks) {
    build_programme();
    const ProcessResult overlap = run({"schedule", "add", "interrupt", "--playlist", "lecture", "--zone",
                                       "boards", "--at", "10:00:01", "--on", "2026-12-02"});
    EXPECT_EQ(overlap.exit_code, 1);
    EXPECT_NE(overlap.err.find("overlaps interrupt i1 in zone boards on 2026-12-02"), std::string::npos)
        << overlap.err;
    const ProcessResult bad = run({"schedule", "add", "rule", "--playlist", "lecture", "--zone", "av",
                                   "--from", "09:00", "--to", "09:00"});
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_NE(bad.err.find("--to: the daypart is empty"), std::string::npos) << bad.err;
    const ProcessResult days = run({"schedule", "add", "rule", "--playlist", "lecture", "--zone", "av",
                                    "--from", "09:00", "--to", "10:00", "--days", "someday"});
    EXPECT_NE(days.err.find("--days: bad days \"someday\""), std::string::npos) << days.err;
    const std::string listed = ok({"schedule", "list"});
    EXPECT_NE(listed.find("r1"), std::string::npos);
    EXPECT_NE(listed.find("i1"), std::string::npos);
    EXPECT_NE(listed.find("c1"), std::string::npos);
    ok({"schedule", "remove", "i1"});
    EXPECT_EQ(run({"schedule", "remove", "i1"}).exit_code, 1);
    const ProcessResult removed_default = run({"schedule", "remove", "default", "--zone", "av"});
    EXPECT_EQ(removed_default.exit_code, 0);
    EXPECT_NE(removed_default.err.find("warning: zone av (default): zone av has no default playlist"),
              std::string::npos)
        << removed_default.err;
    const ProcessResult in_use = run({"playlist", "remove", "lecture"});
    EXPECT_EQ(in_use.exit_code, 1);
    EXPECT_NE(in_use.err.find("in use by rule r1"), std::string::npos) << in_use.err;
}

TEST_F(Kioskctl, ExportImportRoundTripAndABadFileChangesNothing) {
    build_programme();
    const std::string before = ok({"schedule", "show", "--zone", "av", "--day", "2026-12-02"});
    const auto toml = (dir.path() / "programme.toml").string();
    const auto json = (dir.path() / "programme.json").string();
    ok({"schedule", "export", toml});
    ok({"schedule", "export", json});
    ok({"schedule", "import", json});
    // The same timeline; rules and interrupts have new ids (r2, i2).
    const std::string imported = ok({"schedule", "show", "--zone", "av", "--day", "2026-12-02"});
    EXPECT_NE(imported.find("\"lecture\" (interrupt i2)"), std::string::npos) << imported;
    const auto without_ids = [](std::string text) {
        for (const char* id : {"r1", "r2", "i1", "i2"}) {
            for (std::size_t at; (at = text.find(id)) != std::string::npos;)
                text.replace(at, 2, "#");
        }
        return text;
    };
    EXPECT_EQ(without_ids(imported), without_ids(before));

    write("bad.toml", R"([zones.av]
default = "loop"
[[playlists]]
name = "loop"
items = ["red", "ghost"]
[[rules]]
playlist = "loop"
zones = ["av", "attic"]
from = "9:00"
to = "10:00"
[[interrupts]]
playlist = "loop"
zones = ["av"]
at = "10:00"
[[interrupts]]
playlist = "loop"
zones = ["av"]
at = "10:00:01"
)");
    const ProcessResult refused = run({"schedule", "import", (dir.path() / "bad.toml").string()});
    EXPECT_EQ(refused.exit_code, 1);
    const auto bad = (dir.path() / "bad.toml").string();
    EXPECT_NE(refused.err.find(bad + ":5:17: playlists[0].items[1]: error: unknown media \"ghost\""),
              std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find(bad + ":8:9: rules[0].zones: error: unknown zone \"attic\""),
              std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find(bad + ":9:8: rules[0].from: error: bad time \"9:00\""), std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("interrupts[1].at: error: overlaps interrupt i1"), std::string::npos)
        << refused.err;
    EXPECT_NE(refused.err.find("the programme in force is unchanged"), std::string::npos) << refused.err;
    EXPECT_EQ(ok({"schedule", "show", "--zone", "av", "--day", "2026-12-02"}), imported);

    write("broken.json", "{\"zones\": {\n  \"av\": {\"default\": \"loop\",}\n}}\n");
    const ProcessResult syntax = run({"schedule", "import", (dir.path() / "broken.json").string()});
    EXPECT_EQ(syntax.exit_code, 1);
    EXPECT_NE(syntax.err.find("broken.json:2:28: error: not valid JSON"), std::string::npos) << syntax.err;

    const ProcessResult dry = run({"schedule", "import", "--dry-run", toml});
    EXPECT_EQ(dry.exit_code, 0) << dry;
    EXPECT_NE(dry.out.find("nothing changed"), std::string::npos);
}

TEST_F(Kioskctl, TimeZoneComesFromTheConfiguration) {
    build_programme();
    write("kiosk.toml", "time_zone = \"America/New_York\"\n");
    const std::string config = (dir.path() / "kiosk.toml").string();
    const ProcessResult shown =
        run({"--config", config, "schedule", "show", "--zone", "av", "--day", "2026-11-01"});
    EXPECT_EQ(shown.exit_code, 0) << shown;
    EXPECT_NE(shown.out.find("America/New_York, the clocks change today"), std::string::npos) << shown.out;
    write("bad.toml", "time_zone = \"Mars/Base\"\n");
    const ProcessResult bad = run({"--config", (dir.path() / "bad.toml").string(), "schedule", "list"});
    EXPECT_EQ(bad.exit_code, 2);
    EXPECT_NE(bad.err.find("unknown time zone \"Mars/Base\""), std::string::npos) << bad.err;
}

TEST_F(Kioskctl, ReportPlaysIsEmptyOnAFreshHallAndRejectsBadDates) {
    const std::string table = ok({"report", "plays", "--from", "2026-12-01", "--to", "2026-12-31"});
    EXPECT_NE(table.find("0 items"), std::string::npos) << table;
    const auto json = nlohmann::json::parse(
        ok({"report", "plays", "--from", "2026-12-01", "--to", "2026-12-31", "--format", "json"}));
    EXPECT_TRUE(json["plays"].empty());
    EXPECT_EQ(ok({"report", "plays", "--from", "2026-12-01", "--to", "2026-12-01", "--format", "csv"}),
              "zone,playlist,media,path,started,ended,outcome,reason\n");
    const ProcessResult backwards = run({"report", "plays", "--from", "2026-12-31", "--to", "2026-12-01"});
    EXPECT_EQ(backwards.exit_code, 1);
    EXPECT_NE(backwards.err.find("--to 2026-12-01 is before --from 2026-12-31"), std::string::npos);
}

TEST_F(Kioskctl, ProbeStillWorks) {
    const std::string probed = ok({"probe", media("red.mp4")});
    EXPECT_NE(probed.find("playable"), std::string::npos);
}

}  // namespace
}  // namespace scheduler::test

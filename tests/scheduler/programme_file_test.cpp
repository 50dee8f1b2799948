// The programme as a JSON or TOML file: round trips, and malformed files
// refused with the place and reason of every problem.
#include <gtest/gtest.h>

#include "hall_programme.h"
#include "scheduler/programme_file.h"

namespace scheduler::test {
namespace {

const date::time_zone& shanghai() {
    return *date::locate_zone("Asia/Shanghai");
}

// The hall's media library, for the files to name.
std::vector<MediaFile> library() {
    return make_hall_programme().programme.media;
}

std::vector<FileProblem> refused(const std::string& text, ProgrammeFormat format, const std::string& name) {
    auto result = parse_programme(text, format, name, library(), shanghai());
    if (result) {
        ADD_FAILURE() << "accepted:\n" << text;
        return {};
    }
    return result.error();
}

std::string all(const std::vector<FileProblem>& problems) {
    std::string text;
    for (const auto& problem : problems)
        text += to_string(problem) + "\n";
    return text;
}

bool has(const std::vector<FileProblem>& problems, const std::string& where, const std::string& message) {
    for (const auto& problem : problems) {
        if (problem.where.find(where) != std::string::npos &&
            problem.message.find(message) != std::string::npos) {
            return true;
        }
    }
    return false;
}

// Same programme, compared by what it means (names, not ids).
void expect_same(const Programme& a, const Programme& b) {
    ASSERT_EQ(a.playlists.size(), b.playlists.size());
    for (std::size_t i = 0; i < a.playlists.size(); ++i) {
        EXPECT_EQ(a.playlists[i].name, b.playlists[i].name);
        EXPECT_EQ(a.playlists[i].shuffle, b.playlists[i].shuffle);
        ASSERT_EQ(a.playlists[i].items.size(), b.playlists[i].items.size());
        for (std::size_t j = 0; j < a.playlists[i].items.size(); ++j) {
            EXPECT_EQ(a.find_media(a.playlists[i].items[j].media)->name,
                      b.find_media(b.playlists[i].items[j].media)->name);
            EXPECT_EQ(a.playlists[i].items[j].display_time, b.playlists[i].items[j].display_time);
            EXPECT_EQ(a.playlists[i].items[j].volume_percent, b.playlists[i].items[j].volume_percent);
        }
    }
    ASSERT_EQ(a.rules.size(), b.rules.size());
    for (std::size_t i = 0; i < a.rules.size(); ++i) {
        EXPECT_EQ(a.find_playlist(a.rules[i].playlist)->name, b.find_playlist(b.rules[i].playlist)->name);
        EXPECT_EQ(a.rules[i].zones, b.rules[i].zones);
        EXPECT_EQ(a.rules[i].daypart, b.rules[i].daypart);
        EXPECT_EQ(a.rules[i].weekdays, b.rules[i].weekdays);
        EXPECT_EQ(a.rules[i].dates, b.rules[i].dates);
        EXPECT_EQ(a.rules[i].priority, b.rules[i].priority);
    }
    ASSERT_EQ(a.interrupts.size(), b.interrupts.size());
    for (std::size_t i = 0; i < a.interrupts.size(); ++i) {
        EXPECT_EQ(a.interrupts[i].zones, b.interrupts[i].zones);
        EXPECT_EQ(a.interrupts[i].at, b.interrupts[i].at);
        EXPECT_EQ(a.interrupts[i].on, b.interrupts[i].on);
        EXPECT_EQ(a.interrupts[i].weekdays, b.interrupts[i].weekdays);
    }
    ASSERT_EQ(a.closed_hours.size(), b.closed_hours.size());
    for (std::size_t i = 0; i < a.closed_hours.size(); ++i) {
        EXPECT_EQ(a.closed_hours[i].zones, b.closed_hours[i].zones);
        EXPECT_EQ(a.closed_hours[i].daypart, b.closed_hours[i].daypart);
        EXPECT_EQ(a.closed_hours[i].weekdays, b.closed_hours[i].weekdays);
    }
    ASSERT_EQ(a.zones.size(), b.zones.size());
    for (const ZoneSettings& zone : a.zones) {
        const ZoneSettings* other = b.find_zone(zone.zone);
        ASSERT_NE(other, nullptr);
        EXPECT_EQ(a.find_playlist(*zone.default_playlist)->name,
                  b.find_playlist(*other->default_playlist)->name);
        EXPECT_EQ(zone.closed_mode, other->closed_mode);
    }
}

class RoundTrip : public ::testing::TestWithParam<ProgrammeFormat> {};

TEST_P(RoundTrip, ExportThenImportGivesTheSameProgramme) {
    Programme hall = make_hall_programme().programme;
    hall.playlists[0].items[3].display_time = std::chrono::milliseconds(12500);
    hall.playlists[0].items[0].volume_percent = 70;
    hall.playlists[1].shuffle = true;
    const std::string text = format_programme(hall, GetParam());
    auto imported = parse_programme(text, GetParam(), "programme", hall.media, shanghai());
    ASSERT_TRUE(imported) << all(imported.error()) << text;
    EXPECT_TRUE(imported->warnings.empty()) << all(imported->warnings);
    expect_same(hall, imported->programme);
    EXPECT_EQ(format_programme(imported->programme, GetParam()), text);
}

INSTANTIATE_TEST_SUITE_P(Formats, RoundTrip, ::testing::Values(ProgrammeFormat::json, ProgrammeFormat::toml));

TEST(ProgrammeFile, RuleOrderInTheFileDecidesWhichIsNewer) {
    const std::string text = R"(
[zones.av]
default = "av-loop"
[[playlists]]
name = "av-loop"
items = ["birth-of-life"]
[[playlists]]
name = "other"
items = ["birth-spacing", { media = "policy-poster", display_seconds = 5 }]
[[rules]]
playlist = "av-loop"
zones = "av"
from = "09:00"
to = "10:00"
[[rules]]
playlist = "other"
zones = ["av"]
from = "09:00"
to = "10:00"
)";
    auto imported = parse_programme(text, ProgrammeFormat::toml, "p.toml", library(), shanghai());
    ASSERT_TRUE(imported) << all(imported.error());
    EXPECT_GT(imported->programme.rules[1].id, imported->programme.rules[0].id);
    EXPECT_EQ(imported->programme.playlists[1].items[1].display_time, std::chrono::seconds(5));
    // The other three zones have nothing: a warning, not a refusal.
    EXPECT_EQ(imported->warnings.size(), 3U) << all(imported->warnings);
}

TEST(ProgrammeFile, TomlSyntaxErrorGivesLineAndColumn) {
    const auto problems = refused("[zones.av]\ndefault = \"x\"\n[[rules]\n", ProgrammeFormat::toml, "p.toml");
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_EQ(problems[0].where.rfind("p.toml:3:", 0), 0U) << problems[0].where;
    EXPECT_NE(problems[0].message.find("not valid TOML"), std::string::npos);
}

TEST(ProgrammeFile, JsonSyntaxErrorGivesLineAndColumn) {
    const auto problems = refused("{\n  \"zones\": {},\n  \"rules\": [\n    {\"from\": \"09:00\",}\n  ]\n}\n",
                                  ProgrammeFormat::json, "p.json");
    ASSERT_EQ(problems.size(), 1U);
    EXPECT_EQ(problems[0].where, "p.json:4:22");
    EXPECT_NE(problems[0].message.find("not valid JSON"), std::string::npos);
}

// One file with every kind of mistake: each is reported, at its place.
const char* kBadToml = R"(format = "pcw-programme"
version = 1

[zones.av]
default = "av-loop"

[zones.lobby]
default = "av-loop"

[[playlists]]
name = "av-loop"
items = ["birth-of-life", "no-such-film"]

[[playlists]]
name = "lecture"
items = ["policy-lecture"]

[[rules]]
playlist = "av-loop"
zones = ["av"]
from = "25:00"
to = "12:00"

[[rules]]
playlist = "missing-playlist"
zones = ["av"]
from = "09:00"
to = "10:00"

[[rules]]
playlist = "lecture"
zones = ["av", "roof"]
from = "09:00"
to = "10:00"
dates = "2026-12-31..2026-12-01"

[[interrupts]]
playlist = "lecture"
zones = ["av"]
at = "10:00"
days = "mon-fri"

[[interrupts]]
playlist = "lecture"
zones = ["av"]
at = "10:05"
on = "2026-12-02"

[[closed]]
zones = ["av"]
from = "18:00"
to = "18:00"
)";

TEST(ProgrammeFile, MalformedTomlReportsEveryProblemWithItsPlace) {
    const auto problems = refused(kBadToml, ProgrammeFormat::toml, "bad.toml");
    const std::string text = all(problems);
    EXPECT_TRUE(has(problems, "bad.toml:12:27: playlists[0].items[1]", "unknown media \"no-such-film\""))
        << text;
    EXPECT_TRUE(has(problems, "bad.toml:21:8: rules[0].from", "bad time \"25:00\"")) << text;
    EXPECT_TRUE(has(problems, "bad.toml:25:12: rules[1].playlist", "unknown playlist \"missing-playlist\""))
        << text;
    EXPECT_TRUE(has(problems, "rules[2].zones", "unknown zone \"roof\"")) << text;
    EXPECT_TRUE(
        has(problems, "bad.toml:35:9: rules[2].dates", "ends (2026-12-01) before it starts (2026-12-31)"))
        << text;
    EXPECT_TRUE(has(problems, "interrupts[1].at", "overlaps interrupt i1 in zone av on 2026-12-02")) << text;
    EXPECT_TRUE(has(problems, "bad.toml:52:6: closed[0].to", "the daypart is empty")) << text;
    EXPECT_TRUE(has(problems, "zones.lobby", "unknown zone \"lobby\"")) << text;
    for (const auto& problem : problems) {
        EXPECT_EQ(problem.where.rfind("bad.toml:", 0), 0U) << problem.where;
    }
}

TEST(ProgrammeFile, MalformedJsonReportsFieldPointers) {
    const std::string text = R"({
  "zones": {"av": {"default": "av-loop", "closed_mode": "dim"}},
  "playlists": [{"name": "av-loop", "items": [{"media": "birth-of-life", "volume": 150}]}],
  "rules": [{"playlist": "av-loop", "zones": "av", "from": "9am", "to": "10:00", "priority": "high"}],
  "interrupts": [{"playlist": "av-loop", "zones": ["av"], "at": "10:00", "on": "2026-02-30"}],
  "closed": [{"zones": ["av"], "from": "18:00", "to": "08:30", "days": "weekdayz"}],
  "extra": true
})";
    const auto problems = refused(text, ProgrammeFormat::json, "bad.json");
    const std::string listing = all(problems);
    EXPECT_TRUE(has(problems, "bad.json: /zones/av/closed_mode", "\"slate\"")) << listing;
    EXPECT_TRUE(has(problems, "bad.json: /playlists/0/items/0/volume", "0 to 100")) << listing;
    EXPECT_TRUE(has(problems, "bad.json: /rules/0/from", "bad time \"9am\"")) << listing;
    EXPECT_TRUE(has(problems, "bad.json: /rules/0/priority", "must be a whole number")) << listing;
    EXPECT_TRUE(has(problems, "bad.json: /interrupts/0/on", "no such day")) << listing;
    EXPECT_TRUE(has(problems, "bad.json: /closed/0/days", "bad days")) << listing;
    EXPECT_TRUE(has(problems, "bad.json: /extra", "unknown key")) << listing;
}

// A file may hold whatever staff can build one edit at a time (so every
// backup restores): gaps are imported, with a warning saying what the screens will show.
TEST(ProgrammeFile, AZoneWithRulesButNoDefaultIsImportedWithAWarning) {
    const std::string text = R"(
[[playlists]]
name = "p"
items = ["birth-of-life"]
[[rules]]
playlist = "p"
zones = ["boards"]
from = "09:00"
to = "10:00"
)";
    auto imported = parse_programme(text, ProgrammeFormat::toml, "p.toml", library(), shanghai());
    ASSERT_TRUE(imported) << all(imported.error());
    EXPECT_TRUE(has(imported->warnings, "p.toml", "zone boards has no default playlist"))
        << all(imported->warnings);
}

TEST(ProgrammeFile, AnEmptyScheduledPlaylistIsImportedWithAWarning) {
    const std::string text =
        R"({"zones": {"av": {"default": "empty"}}, "playlists": [{"name": "empty", "items": []}]})";
    auto imported = parse_programme(text, ProgrammeFormat::json, "p.json", library(), shanghai());
    ASSERT_TRUE(imported) << all(imported.error());
    EXPECT_TRUE(has(imported->warnings, "/zones/av/default", "has no items")) << all(imported->warnings);
}

TEST(ProgrammeFile, TomlDatesAndTimesMayBeUnquoted) {
    const std::string text = R"(
[zones.av]
default = "p"
[[playlists]]
name = "p"
items = ["birth-of-life"]
[[interrupts]]
playlist = "p"
zones = ["av"]
at = 10:00:00
on = 2026-12-02
)";
    auto imported = parse_programme(text, ProgrammeFormat::toml, "p.toml", library(), shanghai());
    ASSERT_TRUE(imported) << all(imported.error());
    EXPECT_EQ(imported->programme.interrupts[0].at, std::chrono::hours(10));
    EXPECT_EQ(imported->programme.interrupts[0].on, day_of("2026-12-02"));
}

TEST(ProgrammeFile, GuessesTheFormat) {
    EXPECT_EQ(guess_programme_format("a.JSON", ""), ProgrammeFormat::json);
    EXPECT_EQ(guess_programme_format("a.toml", "{"), ProgrammeFormat::toml);
    EXPECT_EQ(guess_programme_format("a.txt", "  {\"zones\": {}}"), ProgrammeFormat::json);
    EXPECT_EQ(guess_programme_format("a.txt", "[zones.av]"), ProgrammeFormat::toml);
}

TEST(ProgrammeFile, TheDeployedExamplesAreGood) {
    for (const char* name : {"programme.toml", "programme.json"}) {
        const std::filesystem::path file = std::filesystem::path(KIOSK_SOURCE_DIR) / "deploy/examples" / name;
        auto imported = read_programme_file(file, library(), shanghai());
        ASSERT_TRUE(imported) << all(imported.error());
        EXPECT_TRUE(imported->warnings.empty()) << all(imported->warnings);
        EXPECT_GE(imported->programme.rules.size(), 3U);
    }
}

}  // namespace
}  // namespace scheduler::test

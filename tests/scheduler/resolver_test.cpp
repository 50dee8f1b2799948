// Resolution: precedence, overnight dayparts, interrupts, closed hours, exact since/until.
#include <gtest/gtest.h>

#include "programme_builder.h"
#include "scheduler/resolver.h"

namespace scheduler::test {
namespace {

using std::chrono::minutes;

const date::time_zone& shanghai() {
    return *date::locate_zone("Asia/Shanghai");
}

class Resolver : public ::testing::Test {
  protected:
    ZoneResolution at(const std::string& zone, const std::string& when) {
        return resolve(b.programme(), zone, local(when, shanghai()), shanghai());
    }
    Instant t(const std::string& when) { return local(when, shanghai()); }

    ProgrammeBuilder b;
};

TEST_F(Resolver, DefaultPlaylistPlaysWhenNothingElseDoes) {
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    b.default_playlist("av", loop);
    const ZoneResolution r = at("av", "2026-12-02T10:00");
    EXPECT_EQ(r.state.kind, StateKind::playing);
    EXPECT_EQ(r.state.source, PlaySource::default_playlist);
    EXPECT_EQ(r.state.playlist, loop);
    EXPECT_TRUE(r.until_is_horizon);
}

TEST_F(Resolver, ZoneWithNothingIsUnscheduled) {
    const ZoneResolution r = at("health", "2026-12-02T10:00");
    EXPECT_EQ(r.state.kind, StateKind::unscheduled);
    EXPECT_TRUE(r.until_is_horizon);
}

TEST_F(Resolver, RuleReplacesDefaultDuringItsDaypartExactly) {
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    const PlaylistId morning = b.playlist_of("morning", minutes(5));
    b.default_playlist("av", loop);
    const RuleId rule = b.rule(morning, {"av"}, "09:00", "12:00", "mon-fri");

    const ZoneResolution before = at("av", "2026-12-02T08:59:59");
    EXPECT_EQ(before.state.playlist, loop);
    EXPECT_EQ(before.until, t("2026-12-02T09:00"));
    EXPECT_EQ(before.since, t("2026-12-01T12:00"));

    const ZoneResolution during = at("av", "2026-12-02T09:00");
    EXPECT_EQ(during.state.source, PlaySource::rule);
    EXPECT_EQ(during.state.source_id, rule);
    EXPECT_EQ(during.since, t("2026-12-02T09:00"));
    EXPECT_EQ(during.until, t("2026-12-02T12:00"));

    // Friday noon to Monday 09:00 is the default's.
    const ZoneResolution weekend = at("av", "2026-12-05T10:00");
    EXPECT_EQ(weekend.state.playlist, loop);
    EXPECT_EQ(weekend.since, t("2026-12-04T12:00"));
    EXPECT_EQ(weekend.until, t("2026-12-07T09:00"));
}

TEST_F(Resolver, HigherPriorityWins) {
    const PlaylistId low = b.playlist_of("low", minutes(5));
    const PlaylistId high = b.playlist_of("high", minutes(5));
    b.rule(low, {"av"}, "08:00", "18:00", "daily", 1);
    const RuleId winner = b.rule(high, {"av"}, "00:00", "24:00", "daily", 2);
    EXPECT_EQ(at("av", "2026-12-02T10:00").state.source_id, winner);
}

TEST_F(Resolver, PriorityTieGoesToTheShorterWindow) {
    const PlaylistId wide = b.playlist_of("wide", minutes(5));
    const PlaylistId narrow = b.playlist_of("narrow", minutes(5));
    const RuleId wide_rule = b.rule(wide, {"av"}, "08:00", "18:00", "daily", 3);
    const RuleId narrow_rule = b.rule(narrow, {"av"}, "10:00", "11:00", "daily", 3);
    // Added later or earlier, the shorter one wins the tie.
    b.rule(wide, {"av"}, "07:00", "19:00", "daily", 3);
    EXPECT_EQ(at("av", "2026-12-02T10:30").state.source_id, narrow_rule);
    const ZoneResolution after = at("av", "2026-12-02T11:00");
    EXPECT_EQ(after.state.source_id, wide_rule);  // 10 h beats 12 h
    EXPECT_EQ(after.since, t("2026-12-02T11:00"));
    EXPECT_EQ(after.until, t("2026-12-02T18:00"));
}

TEST_F(Resolver, FullTieGoesToTheNewerRule) {
    const PlaylistId first = b.playlist_of("first", minutes(5));
    const PlaylistId second = b.playlist_of("second", minutes(5));
    b.rule(first, {"av"}, "09:00", "12:00", "daily", 0);
    const RuleId newer = b.rule(second, {"av"}, "10:00", "13:00", "daily", 0);
    EXPECT_EQ(at("av", "2026-12-02T10:30").state.source_id, newer);
    EXPECT_EQ(at("av", "2026-12-02T09:30").until, t("2026-12-02T10:00"));
}

TEST(Precedence, IsPriorityThenShorterThenNewer) {
    ScheduleRule a;
    ScheduleRule c;
    a.priority = 2;
    c.priority = 1;
    EXPECT_TRUE(takes_precedence(a, c));
    c.priority = 2;
    a.daypart = {at_time("09:00"), at_time("10:00")};
    c.daypart = {at_time("22:00"), at_time("02:00")};  // overnight: 4 h
    EXPECT_TRUE(takes_precedence(a, c));
    c.daypart = {at_time("23:30"), at_time("00:30")};  // 1 h: a tie on length
    a.id = 1;
    c.id = 2;
    EXPECT_TRUE(takes_precedence(c, a));
    EXPECT_FALSE(takes_precedence(a, c));
}

TEST_F(Resolver, LowerRuleResumesWhenAHigherOneEnds) {
    const PlaylistId base = b.playlist_of("base", minutes(5));
    const PlaylistId top = b.playlist_of("top", minutes(5));
    const RuleId base_rule = b.rule(base, {"av"}, "08:00", "18:00", "daily", 0);
    b.rule(top, {"av"}, "10:00", "11:00", "daily", 5);
    const ZoneResolution r = at("av", "2026-12-02T12:00");
    EXPECT_EQ(r.state.source_id, base_rule);
    EXPECT_EQ(r.since, t("2026-12-02T11:00"));
    EXPECT_EQ(r.until, t("2026-12-02T18:00"));
}

TEST_F(Resolver, OvernightDaypartBelongsToTheDayItStarts) {
    const PlaylistId night = b.playlist_of("night", minutes(5));
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    b.default_playlist("av", loop);
    const RuleId rule = b.rule(night, {"av"}, "22:00", "02:00", "fri");
    // 2026-12-04 is a Friday.
    const ZoneResolution friday_night = at("av", "2026-12-04T23:00");
    EXPECT_EQ(friday_night.state.source_id, rule);
    EXPECT_EQ(friday_night.since, t("2026-12-04T22:00"));
    EXPECT_EQ(friday_night.until, t("2026-12-05T02:00"));
    EXPECT_EQ(at("av", "2026-12-05T01:59:59").state.source_id, rule);
    EXPECT_EQ(at("av", "2026-12-05T02:00").state.playlist, loop);
    // Friday 01:00 is Thursday night: not the rule's.
    EXPECT_EQ(at("av", "2026-12-04T01:00").state.playlist, loop);
    EXPECT_EQ(at("av", "2026-12-04T01:00").until, t("2026-12-04T22:00"));
}

TEST_F(Resolver, OvernightDaypartWithDateRangeCountsTheStartDate) {
    const PlaylistId night = b.playlist_of("night", minutes(5));
    const RuleId rule = b.rule(night, {"av"}, "23:00", "01:00", "daily", 0, "2026-12-31..2026-12-31");
    EXPECT_EQ(at("av", "2027-01-01T00:30").state.source_id, rule);
    EXPECT_EQ(at("av", "2026-12-31T00:30").state.kind, StateKind::unscheduled);
}

TEST_F(Resolver, WholeDayRulesJoinAcrossMidnight) {
    const PlaylistId festive = b.playlist_of("festive", minutes(5));
    const RuleId rule = b.rule(festive, {"models"}, "00:00", "24:00", "daily", 0, "2026-12-01..2026-12-31");
    const ZoneResolution r = at("models", "2026-12-15T12:00");
    EXPECT_EQ(r.state.source_id, rule);
    EXPECT_EQ(r.since, t("2026-12-01T00:00"));
    EXPECT_EQ(r.until, t("2027-01-01T00:00"));
    b.rule(festive, {"models"}, "00:00", "24:00", "sat,sun", -1);
    const ZoneResolution weekend = resolve(b.programme(), "models", t("2027-01-02T12:00"), shanghai());
    EXPECT_EQ(weekend.since, t("2027-01-02T00:00"));
    EXPECT_EQ(weekend.until, t("2027-01-04T00:00"));
}

TEST_F(Resolver, ClosedHoursWinOverEverything) {
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    const PlaylistId top = b.playlist_of("top", minutes(5));
    b.default_playlist("av", loop, ClosedMode::blank);
    b.rule(top, {"av"}, "00:00", "24:00", "daily", 100);
    b.closed({"av"}, "18:00", "08:30");
    const ZoneResolution night = at("av", "2026-12-02T03:00");
    EXPECT_EQ(night.state.kind, StateKind::closed);
    EXPECT_EQ(night.state.closed_mode, ClosedMode::blank);
    EXPECT_EQ(night.since, t("2026-12-01T18:00"));
    EXPECT_EQ(night.until, t("2026-12-02T08:30"));
    const ZoneResolution open = at("av", "2026-12-02T08:30");
    EXPECT_EQ(open.state.playlist, top);
    EXPECT_EQ(open.since, t("2026-12-02T08:30"));
    EXPECT_EQ(open.until, t("2026-12-02T18:00"));
}

TEST_F(Resolver, OverlappingClosedWindowsJoin) {
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    b.default_playlist("av", loop);
    b.closed({"av"}, "18:00", "08:30");
    b.closed({"av"}, "00:00", "24:00", "mon");
    // Sunday 18:00 to Tuesday 08:30 is one closed stretch (2026-12-06 is a Sunday).
    const ZoneResolution r = at("av", "2026-12-07T12:00");
    EXPECT_EQ(r.state.kind, StateKind::closed);
    EXPECT_EQ(r.since, t("2026-12-06T18:00"));
    EXPECT_EQ(r.until, t("2026-12-08T08:30"));
}

TEST_F(Resolver, InterruptCutsInOnTimeAndTheRuleResumes) {
    const PlaylistId morning = b.playlist_of("morning", minutes(30));
    const PlaylistId lecture = b.playlist_of("lecture", minutes(15));
    const RuleId rule = b.rule(morning, {"av"}, "09:00", "12:00", "daily");
    const InterruptId interrupt = b.interrupt(lecture, {"av"}, "10:00", "tue-fri");

    const ZoneResolution before = at("av", "2026-12-02T09:30");
    EXPECT_EQ(before.state.source_id, rule);
    EXPECT_EQ(before.until, t("2026-12-02T10:00"));

    const ZoneResolution cut = at("av", "2026-12-02T10:00");
    EXPECT_EQ(cut.state.source, PlaySource::interrupt);
    EXPECT_EQ(cut.state.source_id, interrupt);
    EXPECT_EQ(cut.state.playlist, lecture);
    EXPECT_EQ(cut.since, t("2026-12-02T10:00"));
    EXPECT_EQ(cut.until, t("2026-12-02T10:15"));

    const ZoneResolution after = at("av", "2026-12-02T10:15");
    EXPECT_EQ(after.state, before.state);  // the same rule: the kiosk resumes its loop
    EXPECT_EQ(after.since, t("2026-12-02T10:15"));
    EXPECT_EQ(after.until, t("2026-12-02T12:00"));

    // Not on Mondays (2026-12-07).
    EXPECT_EQ(at("av", "2026-12-07T10:05").state.source_id, rule);
}

TEST_F(Resolver, InterruptLengthSumsFilmsAndStills) {
    ProgrammeBuilder& pb = b;
    const MediaId film = pb.film("film", std::chrono::seconds(95));
    const MediaId poster = pb.still("poster");
    const PlaylistId welcome = pb.playlist("welcome", {film, poster, poster});
    pb.programme().playlists.back().items[2].display_time = std::chrono::seconds(20);
    EXPECT_EQ(playlist_length(pb.programme(), welcome), std::chrono::seconds(95 + 10 + 20));
    pb.interrupt_once(welcome, {"av"}, "14:30", "2026-12-02");
    EXPECT_EQ(at("av", "2026-12-02T14:31").until, t("2026-12-02T14:32:05"));
    ResolveOptions longer_stills;
    longer_stills.still_time = std::chrono::seconds(15);
    const ZoneResolution r = resolve(pb.programme(), "av", t("2026-12-02T14:31"), shanghai(), longer_stills);
    EXPECT_EQ(r.until, t("2026-12-02T14:32:10"));
}

TEST_F(Resolver, OneOffInterruptHappensOnce) {
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    const PlaylistId welcome = b.playlist_of("welcome", minutes(5));
    b.default_playlist("av", loop);
    b.interrupt_once(welcome, {"av"}, "14:30", "2026-12-02");
    EXPECT_EQ(at("av", "2026-12-02T14:32").state.playlist, welcome);
    EXPECT_EQ(at("av", "2026-12-03T14:32").state.playlist, loop);
    const ZoneResolution after = at("av", "2026-12-03T14:32");
    EXPECT_EQ(after.since, t("2026-12-02T14:35"));
    EXPECT_TRUE(after.until_is_horizon);
}

TEST_F(Resolver, InterruptDuringClosedHoursDoesNotPlay) {
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    const PlaylistId lecture = b.playlist_of("lecture", minutes(60));
    b.default_playlist("av", loop);
    b.closed({"av"}, "18:00", "08:30");
    b.interrupt(lecture, {"av"}, "08:00");
    // Started while closed: when the zone opens at 08:30 the default plays, not the rest of the lecture.
    const ZoneResolution r = at("av", "2026-12-02T08:45");
    EXPECT_EQ(r.state.playlist, loop);
    EXPECT_EQ(r.since, t("2026-12-02T08:30"));
}

TEST_F(Resolver, ClosedHoursCutAnInterruptShort) {
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    const PlaylistId lecture = b.playlist_of("lecture", minutes(60));
    b.default_playlist("av", loop);
    b.closed({"av"}, "18:00", "08:30");
    b.interrupt(lecture, {"av"}, "17:30");
    const ZoneResolution r = at("av", "2026-12-02T17:45");
    EXPECT_EQ(r.state.playlist, lecture);
    EXPECT_EQ(r.until, t("2026-12-02T18:00"));
}

TEST_F(Resolver, ALaterInterruptCutsAnEarlierOne) {
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    const PlaylistId one = b.playlist_of("one", minutes(30));
    const PlaylistId two = b.playlist_of("two", minutes(5));
    b.default_playlist("av", loop);
    b.interrupt(one, {"av"}, "10:00");
    b.interrupt(two, {"av"}, "10:10");
    EXPECT_EQ(at("av", "2026-12-02T10:05").until, t("2026-12-02T10:10"));
    EXPECT_EQ(at("av", "2026-12-02T10:12").state.playlist, two);
    const ZoneResolution after = at("av", "2026-12-02T10:20");
    EXPECT_EQ(after.state.playlist, loop);
    EXPECT_EQ(after.since, t("2026-12-02T10:15"));
}

TEST_F(Resolver, ZonesAreIndependent) {
    const PlaylistId av = b.playlist_of("av", minutes(5));
    const PlaylistId boards = b.playlist_of("boards", minutes(5));
    b.default_playlist("av", av);
    b.default_playlist("boards", boards);
    b.rule(boards, {"av"}, "10:00", "11:00");
    EXPECT_EQ(at("boards", "2026-12-02T10:30").state.source, PlaySource::default_playlist);
    EXPECT_EQ(at("av", "2026-12-02T10:30").state.source, PlaySource::rule);
}

TEST_F(Resolver, TimelineOfADayListsEveryStretch) {
    const PlaylistId loop = b.playlist_of("loop", minutes(5));
    const PlaylistId morning = b.playlist_of("morning", minutes(5));
    const PlaylistId lecture = b.playlist_of("lecture", minutes(15));
    b.default_playlist("av", loop);
    b.closed({"av"}, "18:00", "08:30");
    b.rule(morning, {"av"}, "09:00", "12:00");
    b.interrupt(lecture, {"av"}, "10:00");
    const ZoneSchedule schedule = ZoneSchedule::compile(b.programme(), "av");
    const auto entries = day_timeline(schedule, day_of("2026-12-02"), shanghai());
    const std::vector<std::pair<std::string, PlaylistId>> expected{
        {"00:00", 0},       {"08:30", loop}, {"09:00", morning}, {"10:00", lecture},
        {"10:15", morning}, {"12:00", loop}, {"18:00", 0}};
    ASSERT_EQ(entries.size(), expected.size());
    for (std::size_t i = 0; i < entries.size(); ++i) {
        EXPECT_EQ(entries[i].from, t("2026-12-02T" + expected[i].first)) << i;
        EXPECT_EQ(entries[i].state.playlist, expected[i].second) << i;
        if (i > 0) {
            EXPECT_EQ(entries[i].from, entries[i - 1].to);
            EXPECT_NE(entries[i].state, entries[i - 1].state);
        }
    }
    EXPECT_EQ(entries.back().to, t("2026-12-03T00:00"));
}

TEST_F(Resolver, CompiledScheduleSortsRulesByPrecedence) {
    const PlaylistId p = b.playlist_of("p", minutes(5));
    b.rule(p, {"av"}, "09:00", "12:00", "daily", 1);
    b.rule(p, {"av"}, "09:00", "10:00", "daily", 1);
    b.rule(p, {"av"}, "09:00", "12:00", "daily", 7);
    b.rule(p, {"boards"}, "09:00", "12:00", "daily", 9);
    const ZoneSchedule schedule = ZoneSchedule::compile(b.programme(), "av");
    ASSERT_EQ(schedule.rules().size(), 3U);
    EXPECT_EQ(schedule.rules()[0].id, 3);
    EXPECT_EQ(schedule.rules()[1].id, 2);
    EXPECT_EQ(schedule.rules()[2].id, 1);
}

}  // namespace
}  // namespace scheduler::test

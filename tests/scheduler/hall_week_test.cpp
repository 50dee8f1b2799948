// A fake clock runs a week of the hall's programme through the resolver, the
// way the kiosk does: wake at `until`, resolve, repeat. Every switch is asserted.
#include <gtest/gtest.h>

#include <chrono>
#include <map>

#include "hall_programme.h"
#include "scheduler/resolver.h"

namespace scheduler::test {
namespace {

const date::time_zone& shanghai() {
    return *date::locate_zone("Asia/Shanghai");
}

// Stands in for the kiosk's wall clock: it only moves when told to.
class FakeClock {
  public:
    explicit FakeClock(Instant start) : m_now(start) {}
    Instant now() const { return m_now; }
    void sleep_until(Instant at) {
        ASSERT_GT(at, m_now) << "the clock must move forward";
        m_now = at;
    }

  private:
    Instant m_now;
};

std::string label(const Programme& programme, const ZoneState& state) {
    switch (state.kind) {
        case StateKind::closed:
            return std::string("closed ") + to_string(state.closed_mode);
        case StateKind::unscheduled:
            return "UNSCHEDULED";
        case StateKind::playing:
            break;
    }
    return std::string(to_string(state.source)) + " " + programme.find_playlist(state.playlist)->name;
}

// "Tue 08:30 default av-loop", as the kiosk would log each switch.
std::vector<std::string> run_week(const Programme& programme, const std::string& zone) {
    const ZoneSchedule schedule = ZoneSchedule::compile(programme, zone);
    const Instant start = local("2026-11-30T00:00", shanghai());  // a Monday
    const Instant end = local("2026-12-07T00:00", shanghai());
    FakeClock clock(start);
    std::vector<std::string> switches;
    std::optional<ZoneState> showing;
    static const char* kDays[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    while (clock.now() < end) {
        const ZoneResolution r = resolve(schedule, clock.now(), shanghai());
        EXPECT_LE(r.since, clock.now());
        if (r.state != showing) {
            const std::string when = format_local_moment(clock.now(), shanghai());
            const auto days = (clock.now() - start) / std::chrono::days(1);
            std::string time = when.substr(11);
            if (time.ends_with(":00"))
                time = time.substr(0, 5);
            switches.push_back(std::string(kDays[days]) + " " + time + " " + label(programme, r.state));
            showing = r.state;
        } else {
            ADD_FAILURE() << "woke at " << format_local_moment(clock.now(), shanghai()) << " for no change";
        }
        clock.sleep_until(r.until);
    }
    return switches;
}

TEST(HallWeek, AudioVisualZone) {
    const HallProgramme hall = make_hall_programme();
    const std::vector<std::string> expected{"Mon 00:00 closed slate",
                                            "Tue 08:30 default av-loop",
                                            "Tue 09:00 rule av-weekday-morning",
                                            "Tue 10:00 interrupt policy-lecture",
                                            "Tue 10:15 rule av-weekday-morning",
                                            "Tue 12:00 rule av-lunch",
                                            "Tue 13:00 default av-loop",
                                            "Tue 18:00 closed slate",
                                            "Wed 08:30 default av-loop",
                                            "Wed 09:00 rule av-weekday-morning",
                                            "Wed 10:00 interrupt policy-lecture",
                                            "Wed 10:15 rule av-weekday-morning",
                                            "Wed 12:00 rule av-lunch",
                                            "Wed 13:00 default av-loop",
                                            "Wed 14:30 interrupt delegation-welcome",
                                            "Wed 14:35 default av-loop",
                                            "Wed 18:00 closed slate",
                                            "Thu 08:30 default av-loop",
                                            "Thu 09:00 rule av-weekday-morning",
                                            "Thu 10:00 interrupt policy-lecture",
                                            "Thu 10:15 rule av-weekday-morning",
                                            "Thu 12:00 rule av-lunch",
                                            "Thu 13:00 default av-loop",
                                            "Thu 18:00 closed slate",
                                            "Fri 08:30 default av-loop",
                                            "Fri 09:00 rule av-weekday-morning",
                                            "Fri 10:00 interrupt policy-lecture",
                                            "Fri 10:15 rule av-weekday-morning",
                                            "Fri 12:00 rule av-lunch",
                                            "Fri 13:00 default av-loop",
                                            "Fri 18:00 closed slate",
                                            "Sat 08:30 default av-loop",
                                            "Sat 12:00 rule av-lunch",
                                            "Sat 13:00 rule av-weekend",
                                            "Sat 17:00 default av-loop",
                                            "Sat 18:00 closed slate",
                                            "Sun 08:30 default av-loop",
                                            "Sun 12:00 rule av-lunch",
                                            "Sun 13:00 rule av-weekend",
                                            "Sun 17:00 default av-loop",
                                            "Sun 18:00 closed slate"};
    EXPECT_EQ(run_week(hall.programme, "av"), expected);
}

TEST(HallWeek, ExhibitBoardsZone) {
    const HallProgramme hall = make_hall_programme();
    const std::vector<std::string> expected{"Mon 00:00 closed blank",
                                            "Tue 08:30 default boards-loop",
                                            "Tue 10:00 interrupt policy-lecture",
                                            "Tue 10:15 default boards-loop",
                                            "Tue 18:00 closed blank",
                                            "Wed 08:30 default boards-loop",
                                            "Wed 09:30 rule school-visit",
                                            "Wed 10:00 interrupt policy-lecture",
                                            "Wed 10:15 rule school-visit",
                                            "Wed 11:30 default boards-loop",
                                            "Wed 14:30 interrupt delegation-welcome",
                                            "Wed 14:35 default boards-loop",
                                            "Wed 18:00 closed blank",
                                            "Thu 08:30 default boards-loop",
                                            "Thu 10:00 interrupt policy-lecture",
                                            "Thu 10:15 default boards-loop",
                                            "Thu 18:00 closed blank",
                                            "Fri 08:30 default boards-loop",
                                            "Fri 10:00 interrupt policy-lecture",
                                            "Fri 10:15 default boards-loop",
                                            "Fri 18:00 closed blank",
                                            "Sat 08:30 default boards-loop",
                                            "Sat 18:00 closed blank",
                                            "Sun 08:30 default boards-loop",
                                            "Sun 18:00 closed blank"};
    EXPECT_EQ(run_week(hall.programme, "boards"), expected);
}

TEST(HallWeek, ModelsZoneSwitchesToTheFestiveReelOnTheFirstOfDecember) {
    const HallProgramme hall = make_hall_programme();
    const std::vector<std::string> expected{"Mon 00:00 closed blank",
                                            "Tue 08:30 rule festive",
                                            "Tue 18:00 closed blank",
                                            "Wed 08:30 rule festive",
                                            "Wed 14:30 interrupt delegation-welcome",
                                            "Wed 14:35 rule festive",
                                            "Wed 18:00 closed blank",
                                            "Thu 08:30 rule festive",
                                            "Thu 18:00 closed blank",
                                            "Fri 08:30 rule festive",
                                            "Fri 18:00 closed blank",
                                            "Sat 08:30 rule festive",
                                            "Sat 18:00 closed blank",
                                            "Sun 08:30 rule festive",
                                            "Sun 18:00 closed blank"};
    EXPECT_EQ(run_week(hall.programme, "models"), expected);
}

TEST(HallWeek, HealthZoneOpensWeekdaysOnly) {
    const HallProgramme hall = make_hall_programme();
    const std::vector<std::string> expected{"Mon 00:00 closed blank",
                                            "Tue 09:00 default health-loop",
                                            "Tue 16:30 closed blank",
                                            "Wed 09:00 default health-loop",
                                            "Wed 14:30 interrupt delegation-welcome",
                                            "Wed 14:35 default health-loop",
                                            "Wed 16:30 closed blank",
                                            "Thu 09:00 default health-loop",
                                            "Thu 16:30 closed blank",
                                            "Fri 09:00 default health-loop",
                                            "Fri 16:30 closed blank"};
    EXPECT_EQ(run_week(hall.programme, "health"), expected);
}

TEST(HallWeek, AWeekOfFourZonesTakesWellUnderASecond) {
    const HallProgramme hall = make_hall_programme();
    const auto start = std::chrono::steady_clock::now();
    std::size_t switches = 0;
    for (const std::string& zone : known_zones()) {
        switches += run_week(hall.programme, zone).size();
    }
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_EQ(switches, 41U + 25U + 15U + 11U);
    EXPECT_LT(elapsed, std::chrono::milliseconds(250));
}

}  // namespace
}  // namespace scheduler::test

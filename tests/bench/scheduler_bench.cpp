// Scheduler speed: one resolution with 1,000 rules, and a week's timeline of
// four zones. Prints the figures against the targets (10 µs per query, 50 ms
// per week). Run it through tests/bench/scheduler_bench.sh (a Release build).
//
//   scheduler_bench [--queries N] [--strict]     --strict: exit 1 when a target is missed

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include "hall_programme.h"
#include "scheduler/resolver.h"

namespace {

using namespace scheduler;
using Clock = std::chrono::steady_clock;

// Dayparts of whole quarter hours, some overnight; random days, priorities and date ranges.
Programme many_rules(std::size_t count, const std::vector<std::string>& zones, std::uint64_t seed) {
    Programme programme = test::make_hall_programme().programme;
    programme.rules.clear();
    std::mt19937_64 random(seed);
    const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<std::uint64_t>(n)); };
    for (std::size_t i = 0; i < count; ++i) {
        ScheduleRule rule;
        rule.id = static_cast<RuleId>(i) + 1;
        rule.playlist =
            programme.playlists[static_cast<std::size_t>(pick(static_cast<int>(programme.playlists.size())))]
                .id;
        rule.zones = {zones[i % zones.size()]};
        const int start = pick(96) * 15;
        int length = (1 + pick(32)) * 15;
        rule.daypart = {std::chrono::minutes(start), std::chrono::minutes((start + length) % (24 * 60))};
        if (rule.daypart.end == std::chrono::minutes(0))
            rule.daypart.end = kEndOfDay;
        rule.weekdays = Weekdays{static_cast<std::uint8_t>(1 + pick(127))};
        if (pick(3) == 0) {
            const auto first = date::sys_days{date::year{2026} / 1 / 1} + date::days{pick(365)};
            rule.dates = {Date{first}, Date{first + date::days{7 + pick(90)}}};
        }
        rule.priority = pick(20);
        programme.rules.push_back(rule);
    }
    return programme;
}

std::vector<Instant> instants_in_2026(std::size_t count, const date::time_zone& tz) {
    std::mt19937_64 random(7);
    const Instant start = start_of_day(Date{date::year{2026} / 1 / 1}, tz);
    std::vector<Instant> instants;
    for (std::size_t i = 0; i < count; ++i) {
        instants.push_back(start + std::chrono::seconds(random() % (365ULL * 86400)));
    }
    return instants;
}

double per_query_us(const std::vector<Instant>& instants, const auto& query) {
    std::int64_t checksum = 0;
    const auto begin = Clock::now();
    for (const Instant at : instants)
        checksum += query(at);
    const auto elapsed = std::chrono::duration<double, std::micro>(Clock::now() - begin).count();
    if (checksum == 42)
        std::puts("");  // keeps the work observable
    return elapsed / static_cast<double>(instants.size());
}

// Best of `rounds` (the machine may be busy with something else for one of them).
double best_week_ms(const Programme& programme, const date::time_zone& tz, int rounds, std::size_t* entries) {
    double best = 1e9;
    for (int round = 0; round < rounds; ++round) {
        const auto begin = Clock::now();
        std::size_t count = 0;
        for (const std::string& zone : known_zones()) {
            const ZoneSchedule schedule = ZoneSchedule::compile(programme, zone);
            for (int day = 0; day < 7; ++day) {
                const Date date{date::sys_days{date::year{2026} / 11 / 30} + date::days{day}};
                count += day_timeline(schedule, date, tz).size();
            }
        }
        best = std::min(best, std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
        *entries = count;
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t queries = 200'000;
    bool strict = false;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--queries") == 0 && i + 1 < argc) {
            queries = std::stoul(argv[++i]);
        } else if (std::strcmp(argv[i], "--strict") == 0) {
            strict = true;
        } else {
            std::fprintf(stderr, "usage: scheduler_bench [--queries N] [--strict]\n");
            return 2;
        }
    }
    bool met = true;
    const auto report = [&](const char* what, double value, const char* unit, double target) {
        const bool ok = value <= target;
        met = met && ok;
        std::printf("%-66s %9.3f %s  (target <= %g: %s)\n", what, value, unit, target, ok ? "met" : "MISSED");
    };
    const auto info = [](const char* what, double value, const char* unit) {
        std::printf("%-66s %9.3f %s\n", what, value, unit);
    };

    for (const char* zone_name : {"Asia/Shanghai", "America/New_York"}) {
        const date::time_zone& tz = *date::locate_zone(zone_name);
        std::printf("time zone %s\n", zone_name);
        const Programme one_zone = many_rules(1000, {"av"}, 1);
        const ZoneSchedule schedule = ZoneSchedule::compile(one_zone, "av");
        const auto instants = instants_in_2026(queries, tz);
        report("  resolve: 1,000 rules in one zone, schedule compiled once",
               per_query_us(
                   instants,
                   [&](Instant at) { return resolve(schedule, at, tz).until.time_since_epoch().count(); }),
               "us/query", 10);
        // The worst case: no rule applies at the query (all 1,000 on Sundays, queries on weekdays),
        // so every rule is looked at for the next start and the last end.
        Programme sundays = one_zone;
        for (ScheduleRule& rule : sundays.rules)
            rule.weekdays = Weekdays{0x40};
        const ZoneSchedule idle = ZoneSchedule::compile(sundays, "av");
        std::vector<Instant> weekdays;
        for (const Instant at : instants) {
            if (date::weekday{date::floor<date::days>(to_local(at, tz))} != date::Sunday)
                weekdays.push_back(at);
        }
        report(
            "  resolve: 1,000 rules, none active (every rule scanned)",
            per_query_us(weekdays,
                         [&](Instant at) { return resolve(idle, at, tz).until.time_since_epoch().count(); }),
            "us/query", 10);
        const std::vector<Instant> fewer(instants.begin(),
                                         instants.begin() + static_cast<long>(queries / 20));
        info("  resolve: 1,000 rules, compiling the zone for every query",
             per_query_us(fewer,
                          [&](Instant at) {
                              return resolve(one_zone, "av", at, tz).until.time_since_epoch().count();
                          }),
             "us/query");
        const auto compile_begin = Clock::now();
        for (int i = 0; i < 100; ++i) {
            (void)ZoneSchedule::compile(one_zone, "av");
        }
        info("  compile: 1,000 rules (once per programme version)",
             std::chrono::duration<double, std::milli>(Clock::now() - compile_begin).count() / 100, "ms");

        std::size_t entries = 0;
        const Programme hall = test::make_hall_programme().programme;
        report("  week timeline, four zones, the hall's programme", best_week_ms(hall, tz, 5, &entries), "ms",
               50);
        std::printf("    (%zu timeline entries)\n", entries);
        const Programme busy = many_rules(1000, known_zones(), 2);
        report("  week timeline, four zones, 1,000 rules spread over them",
               best_week_ms(busy, tz, 5, &entries), "ms", 50);
        std::printf("    (%zu timeline entries)\n", entries);
        const Programme heavy = many_rules(1000, {"av"}, 3);
        Programme all_zones = heavy;
        for (ScheduleRule& rule : all_zones.rules)
            rule.zones = known_zones();
        report("  week timeline, four zones, 1,000 rules in every zone",
               best_week_ms(all_zones, tz, 3, &entries), "ms", 50);
        std::printf("    (%zu timeline entries)\n", entries);
    }
    return strict && !met ? 1 : 0;
}

// Whatever the store holds exports to a file that imports back to the same
// programme: random programmes built by staff edits (so only what the edits
// let through), exported as JSON and as TOML, imported into a fresh
// database, and compared by meaning and by the text they export to.
#include <gtest/gtest.h>

#include <random>

#include "programme_builder.h"
#include "scheduler/edit_check.h"
#include "scheduler/limits.h"
#include "scheduler/programme_changes.h"
#include "scheduler/programme_file.h"
#include "scheduler/schedule_store.h"
#include "temp_dir.h"

namespace scheduler::test {
namespace {

using std::chrono::milliseconds;

const date::time_zone& shanghai() {
    return *date::locate_zone("Asia/Shanghai");
}

// Names that a careless writer would break: quotes, backslashes, TOML and
// JSON punctuation, dots, spaces, Chinese, the longest allowed.
const std::vector<std::string>& tricky_names() {
    static const std::vector<std::string> names{
        "av-loop",
        "say \"hi\"",
        "back\\slash",
        "#not-a-comment",
        "a = b",
        "[zones.av]",
        "a.b.c",
        "it's",
        "  spaced  ",
        "人口文化展厅",
        "{\"json\": true}",
        "zones",
        "rules",
        std::string(kMaxNameLength, 'n'),
        "ünïcödé ✓",
        "'''",
        "\"\"\"",
    };
    return names;
}

class RandomProgramme {
  public:
    RandomProgramme(ScheduleStore& store, unsigned seed) : m_store(store), m_random(seed) {}

    void build() {
        for (int i = 0; i < 6; ++i) {
            add_media(i);
        }
        const int playlists = between(1, 5);
        for (int i = 0; i < playlists; ++i) {
            add_playlist(i);
        }
        for (int i = between(0, 8); i > 0; --i) {
            add_rule();
        }
        for (int i = between(0, 6); i > 0; --i) {
            add_interrupt();
        }
        for (int i = between(0, 4); i > 0; --i) {
            add_closed_hours();
        }
        for (const std::string& zone : known_zones()) {
            if (chance(0.7)) {
                (void)m_store.set_default_playlist({zone}, pick(m_playlists), check());
            }
            if (chance(0.3)) {
                (void)m_store.set_closed_mode({zone}, chance(0.5) ? ClosedMode::blank : ClosedMode::slate,
                                              check());
            }
        }
        if (chance(0.3)) {
            (void)m_store.set_default_playlist({pick(known_zones())}, std::nullopt, check());
        }
        if (chance(0.3)) {
            (void)m_store.remove_playlist_item(pick(m_playlists), 1, check());
        }
    }

  private:
    int between(int low, int high) { return std::uniform_int_distribution<int>(low, high)(m_random); }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_random); }
    template <typename T>
    const T& pick(const std::vector<T>& from) {
        return from[static_cast<std::size_t>(between(0, static_cast<int>(from.size()) - 1))];
    }
    EditCheck check() { return refuse_new_errors(shanghai(), kDefaultStillTime); }

    void add_media(int index) {
        MediaFile media;
        media.name = "media " + std::to_string(index) + " " + pick(tricky_names()).substr(0, 80);
        media.path = "/srv/media/" + std::to_string(index) + ".mp4";
        media.sha256 = std::string(64, 'b');
        media.is_still = index >= 4;
        media.duration = media.is_still ? milliseconds(0) : milliseconds(between(1, 20 * 60 * 1000));
        media.container = "mov,mp4";
        ASSERT_TRUE(m_store.add_media(media));
        m_media.push_back(media.name);
    }

    void add_playlist(int index) {
        const std::string name = index == 0
                                     ? pick(tricky_names())
                                     : pick(tricky_names()).substr(0, 90) + " " + std::to_string(index);
        if (!m_store.create_playlist(name, chance(0.3), check())) {
            return;  // a name picked twice
        }
        m_playlists.push_back(name);
        for (int i = between(0, 4); i > 0; --i) {
            PlaylistItem options;
            if (chance(0.4)) {
                const std::int64_t extremes[] = {kMinDisplayTime.count(), kMaxDisplayTime.count(),
                                                 between(1, 86'400'000)};
                options.display_time = milliseconds(extremes[between(0, 2)]);
            }
            if (chance(0.4)) {
                options.volume_percent = between(kMinVolumePercent, kMaxVolumePercent);
            }
            (void)m_store.add_playlist_items(name, {pick(m_media)}, std::nullopt, options, check());
        }
    }

    std::vector<std::string> zones() {
        std::vector<std::string> all = known_zones();
        std::shuffle(all.begin(), all.end(), m_random);
        all.resize(static_cast<std::size_t>(between(1, 4)));
        return all;
    }
    TimeOfDay time(bool end) {
        if (end && chance(0.2)) {
            return kEndOfDay;
        }
        return TimeOfDay{chance(0.5) ? between(0, 23) * 3600 + between(0, 3) * 900 : between(0, 86399)};
    }
    Weekdays weekdays() { return Weekdays{static_cast<std::uint8_t>(between(1, 0x7f))}; }
    Date date() {
        return Date{date::year{between(2000, 2099)}, date::month{static_cast<unsigned>(between(1, 12))},
                    date::day{static_cast<unsigned>(between(1, 28))}};
    }
    DateRange dates() {
        DateRange range;
        if (chance(0.5)) {
            return range;
        }
        range.first = chance(0.7) ? std::optional(date()) : std::nullopt;
        range.last = chance(0.7) ? std::optional(date()) : std::nullopt;
        if (range.first && range.last && *range.last < *range.first) {
            std::swap(range.first, range.last);
        }
        return range;
    }
    Daypart daypart() {
        Daypart daypart{time(false), time(true)};
        if (daypart.start == daypart.end) {
            daypart.end = kEndOfDay;
        }
        return daypart;
    }

    void add_rule() {
        const int priorities[] = {kMinPriority, kMaxPriority, between(-100, 100), 0};
        (void)m_store.add_rule(pick(m_playlists),
                               {0, 0, zones(), daypart(), weekdays(), dates(), priorities[between(0, 3)]},
                               check());
    }
    void add_interrupt() {
        Interrupt interrupt{0, 0, zones(), time(false), std::nullopt, Weekdays::every_day(), {}};
        if (chance(0.4)) {
            interrupt.on = date();
        } else {
            interrupt.weekdays = weekdays();
            interrupt.dates = dates();
        }
        (void)m_store.add_interrupt(pick(m_playlists), interrupt, check());  // overlaps are refused
    }
    void add_closed_hours() {
        std::optional<ClosedMode> mode;
        if (chance(0.3)) {
            mode = chance(0.5) ? ClosedMode::blank : ClosedMode::slate;
        }
        (void)m_store.add_closed_hours({0, zones(), daypart(), weekdays(), dates()}, mode, check());
    }

    ScheduleStore& m_store;
    std::mt19937 m_random;
    std::vector<std::string> m_media;
    std::vector<std::string> m_playlists;
};

std::unique_ptr<ScheduleStore> open_store(const std::filesystem::path& file) {
    auto store = open_schedule_store(file);
    if (!store)
        throw std::runtime_error(store.error().message);
    return std::move(*store);
}

std::string all(const std::vector<FileProblem>& problems) {
    std::string text;
    for (const auto& problem : problems)
        text += to_string(problem) + "\n";
    return text;
}

TEST(RoundTrip, WhateverTheStoreHoldsExportsToAFileThatImportsBackToTheSameProgramme) {
    constexpr unsigned kProgrammes = 60;
    for (unsigned seed = 1; seed <= kProgrammes; ++seed) {
        TempDir dir;
        auto store = open_store(database_path(dir.path()));
        RandomProgramme(*store, seed).build();
        const Programme held = *store->load_programme();
        ASSERT_FALSE(has_errors(check_programme(held, shanghai(), CheckPolicy::lenient))) << "seed " << seed;
        for (const ProgrammeFormat format : {ProgrammeFormat::json, ProgrammeFormat::toml}) {
            const std::string text = format_programme(held, format);
            TempDir fresh_dir;
            auto fresh = open_store(database_path(fresh_dir.path()));
            for (const MediaFile& media : held.media) {
                ASSERT_TRUE(fresh->add_media(media));
            }
            std::vector<FileProblem> problems;
            const ProgrammeSource source = [&](const Programme& in_force) -> tl::expected<Programme, Error> {
                auto imported = parse_programme(text, format, "export", in_force.media, shanghai());
                if (!imported) {
                    problems = imported.error();
                    return tl::unexpected(Error{ErrorKind::invalid_input, "refused"});
                }
                return imported->programme;
            };
            ASSERT_TRUE(fresh->replace_programme(source)) << "seed " << seed << "\n" << all(problems) << text;
            const Programme restored = *fresh->load_programme();
            for (const ProgrammeChange& change : compare_programmes(held, restored)) {
                ADD_FAILURE() << "seed " << seed << ": " << to_string(change.kind, false) << " "
                              << change.what;
            }
            EXPECT_EQ(format_programme(restored, format), text) << "seed " << seed;
        }
    }
}

}  // namespace
}  // namespace scheduler::test

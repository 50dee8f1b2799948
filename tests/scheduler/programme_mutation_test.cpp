// The programme readers under hostile input: the hall's real programme as
// JSON and TOML, mutated a few thousand times (cut, repeated, nested, bytes
// flipped, numbers past every range), and plain noise. Each must be answered
// in bounded time, without a crash; whatever is accepted holds only values in
// their ranges and exports to a file that imports back.
#include <chrono>
#include <cmath>

#include <gtest/gtest.h>

#include "../support/hostile_input.h"
#include "hall_programme.h"
#include "scheduler/limits.h"
#include "scheduler/programme_file.h"

namespace scheduler::test {
namespace {

using kiosk::test::kMostPerHostileInput;

void expect_in_range(const Programme& programme, int round) {
    for (const ScheduleRule& rule : programme.rules) {
        EXPECT_GE(rule.priority, kMinPriority) << "round " << round;
        EXPECT_LE(rule.priority, kMaxPriority) << "round " << round;
    }
    for (const Playlist& playlist : programme.playlists) {
        for (const PlaylistItem& item : playlist.items) {
            if (item.display_time) {
                EXPECT_GE(*item.display_time, kMinDisplayTime) << "round " << round;
                EXPECT_LE(*item.display_time, kMaxDisplayTime) << "round " << round;
            }
            if (item.volume_percent) {
                EXPECT_GE(*item.volume_percent, kMinVolumePercent) << "round " << round;
                EXPECT_LE(*item.volume_percent, kMaxVolumePercent) << "round " << round;
            }
        }
    }
}

void fuzz(ProgrammeFormat format, std::uint32_t seed) {
    const date::time_zone& tz = *date::locate_zone("Asia/Shanghai");
    const HallProgramme hall = make_hall_programme();
    const std::string valid = format_programme(hall.programme, format);
    kiosk::test::Mutator mutator(seed);
    for (int round = 0; round < 1500; ++round) {
        const std::string text = round % 10 == 0 ? mutator.noise(4096) : mutator.mutate(valid);
        const auto took = kiosk::test::time_to_answer([&] {
            const auto read = parse_programme(text, format, "p", hall.programme.media, tz);
            if (!read) {
                for (const FileProblem& problem : read.error()) {
                    ASSERT_FALSE(problem.message.empty()) << "round " << round;
                }
                return;
            }
            expect_in_range(read->programme, round);
            const auto again = parse_programme(format_programme(read->programme, format), format, "p",
                                               hall.programme.media, tz);
            EXPECT_TRUE(again.has_value())
                << "round " << round << ": an accepted file must export and import back";
        });
        ASSERT_LT(took, kMostPerHostileInput) << "round " << round << ": " << text.substr(0, 200);
    }
}

TEST(ProgrammeMutation, JsonFilesAreAnsweredInBoundedTime) {
    fuzz(ProgrammeFormat::json, 1);
}

TEST(ProgrammeMutation, TomlFilesAreAnsweredInBoundedTime) {
    fuzz(ProgrammeFormat::toml, 2);
}

}  // namespace
}  // namespace scheduler::test

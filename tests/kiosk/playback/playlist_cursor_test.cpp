// PlaylistCursor: item order, passes, endless loops and the "whole pass failed" signal.
#include "playback/playlist_cursor.h"

#include <cstddef>
#include <optional>
#include <vector>

#include <gtest/gtest.h>
#include <algorithm>
#include <numeric>
#include <set>

namespace kiosk::playback {
namespace {

// Advances until the cursor says the programme is over (or `limit` calls).
std::vector<std::size_t> drain(PlaylistCursor& cursor, int limit = 1000) {
    std::vector<std::size_t> order;
    for (int call = 0; call < limit; ++call) {
        const auto index = cursor.advance();
        if (!index) {
            break;
        }
        order.push_back(*index);
    }
    return order;
}

TEST(PlaylistCursor, OnePassVisitsEveryItemInOrderThenEnds) {
    PlaylistCursor cursor(3, 1);
    EXPECT_EQ(drain(cursor), (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_EQ(cursor.passes_completed(), 1);
    EXPECT_FALSE(cursor.advance().has_value()) << "a finished programme stays finished";
}

TEST(PlaylistCursor, CountsCompletedPassesOnlyWhenWrapping) {
    PlaylistCursor cursor(2, 3);
    EXPECT_EQ(cursor.passes_completed(), 0);
    cursor.advance();
    cursor.advance();
    EXPECT_EQ(cursor.passes_completed(), 0) << "the pass is done only once the next item is asked for";
    cursor.advance();
    EXPECT_EQ(cursor.passes_completed(), 1);
}

TEST(PlaylistCursor, SeveralPassesRepeatTheListThatManyTimes) {
    PlaylistCursor cursor(3, 2);
    EXPECT_EQ(drain(cursor), (std::vector<std::size_t>{0, 1, 2, 0, 1, 2}));
    EXPECT_EQ(cursor.passes_completed(), 2);
}

TEST(PlaylistCursor, WithoutAPassLimitLoopsForEver) {
    PlaylistCursor cursor(3, std::nullopt);
    for (int pass = 0; pass < 100; ++pass) {
        for (std::size_t item = 0; item < 3; ++item) {
            cursor.record_played();
            ASSERT_EQ(cursor.advance(), item) << "pass " << pass;
        }
    }
    EXPECT_EQ(cursor.passes_completed(), 99);
}

TEST(PlaylistCursor, SingleItemLoops) {
    PlaylistCursor cursor(1, std::nullopt);
    EXPECT_EQ(cursor.advance(), 0u);
    EXPECT_EQ(cursor.advance(), 0u);
    EXPECT_EQ(cursor.advance(), 0u);
    EXPECT_EQ(cursor.passes_completed(), 2);
}

TEST(PlaylistCursor, EmptyListHasNothingToPlayEvenWhenLooping) {
    PlaylistCursor looping(0, std::nullopt);
    EXPECT_FALSE(looping.advance().has_value());
    EXPECT_FALSE(looping.advance().has_value());
    EXPECT_FALSE(looping.last_pass_failed()) << "an empty list is not a failed pass";

    PlaylistCursor limited(0, 1);
    EXPECT_FALSE(limited.advance().has_value());
}

TEST(PlaylistCursor, ZeroPassesPlaysNothing) {
    PlaylistCursor cursor(3, 0);
    EXPECT_FALSE(cursor.advance().has_value());
}

TEST(PlaylistCursor, PassWithNoItemPlayedIsReportedFailedWhenWrapping) {
    PlaylistCursor cursor(2, std::nullopt);
    cursor.advance();
    EXPECT_FALSE(cursor.last_pass_failed());
    cursor.advance();
    EXPECT_FALSE(cursor.last_pass_failed()) << "the pass is not over yet";
    EXPECT_EQ(cursor.advance(), 0u);
    EXPECT_TRUE(cursor.last_pass_failed());
}

TEST(PlaylistCursor, FailedPassIsReportedOnlyRightAfterTheWrap) {
    PlaylistCursor cursor(2, std::nullopt);
    cursor.advance();
    cursor.advance();
    cursor.advance();
    ASSERT_TRUE(cursor.last_pass_failed());
    cursor.advance();
    EXPECT_FALSE(cursor.last_pass_failed());
}

TEST(PlaylistCursor, OnePlayedItemMakesThePassGood) {
    PlaylistCursor cursor(3, std::nullopt);
    cursor.advance();
    cursor.advance();
    cursor.record_played();  // item 1 played, items 0 and 2 did not
    cursor.advance();
    cursor.advance();
    EXPECT_FALSE(cursor.last_pass_failed());
}

TEST(PlaylistCursor, ThePlayOfTheLastItemCountsForItsPass) {
    PlaylistCursor cursor(2, std::nullopt);
    cursor.advance();
    cursor.advance();
    cursor.record_played();
    cursor.advance();
    EXPECT_FALSE(cursor.last_pass_failed());
}

TEST(PlaylistCursor, PlaysDoNotCarryOverIntoTheNextPass) {
    PlaylistCursor cursor(2, std::nullopt);
    cursor.advance();
    cursor.record_played();
    cursor.advance();
    cursor.advance();  // pass 1 done: good
    ASSERT_FALSE(cursor.last_pass_failed());
    cursor.advance();
    cursor.advance();  // pass 2 done: nothing played
    EXPECT_TRUE(cursor.last_pass_failed());
}

TEST(PlaylistCursor, LastFailedPassOfALimitedProgrammeIsReportedAsItEnds) {
    PlaylistCursor cursor(2, 1);
    cursor.advance();
    cursor.advance();
    EXPECT_FALSE(cursor.advance().has_value());
    EXPECT_TRUE(cursor.last_pass_failed()) << "the player shows its slate from this";
    EXPECT_EQ(cursor.passes_completed(), 1);
}

std::vector<std::size_t> one_pass(PlaylistCursor& cursor, std::size_t count) {
    std::vector<std::size_t> order;
    for (std::size_t item = 0; item < count; ++item) {
        order.push_back(*cursor.advance());
    }
    return order;
}

TEST(PlaylistCursor, ShuffledPassesPlayEveryItemOnceInAFreshOrder) {
    constexpr std::size_t kItems = 12;
    PlaylistCursor cursor(kItems, std::nullopt, true);
    std::vector<std::size_t> sorted(kItems);
    std::iota(sorted.begin(), sorted.end(), std::size_t{0});
    std::set<std::vector<std::size_t>> orders;
    for (int pass = 0; pass < 5; ++pass) {
        std::vector<std::size_t> order = one_pass(cursor, kItems);
        orders.insert(order);
        std::sort(order.begin(), order.end());
        EXPECT_EQ(order, sorted) << "pass " << pass << " must play each item once";
    }
    // Five passes of 12 items in one order by chance: 1 in (12!)^4.
    EXPECT_GT(orders.size(), 1u);
}

TEST(PlaylistCursor, RestartAtFindsTheItemInAShuffledPass) {
    PlaylistCursor cursor(8, std::nullopt, true);
    const std::vector<std::size_t> order = one_pass(cursor, 4);
    cursor.restart_at(order[1]);
    EXPECT_EQ(cursor.advance(), order[1]);
    EXPECT_EQ(cursor.advance(), order[2]);
}

}  // namespace
}  // namespace kiosk::playback

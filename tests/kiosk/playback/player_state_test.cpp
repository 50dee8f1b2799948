// The screen player's states and where an interrupted programme resumes, as tables of values.
#include "playback/player_state.h"

#include <gtest/gtest.h>

#include "playback/resume_point.h"

namespace kiosk::playback {
namespace {

TEST(PlayerState, AnItemIsAskedForPreparedAndTaken) {
    PlayerState state = PlayerState::idle;
    state = next_state(state, PlayerEvent::asked);
    EXPECT_EQ(state, PlayerState::opening);
    state = next_state(state, PlayerEvent::prepared);
    EXPECT_EQ(state, PlayerState::ready);
    state = next_state(state, PlayerEvent::taken);
    EXPECT_EQ(state, PlayerState::idle);
}

TEST(PlayerState, ARefusedItemLeavesTheProgrammeToAskAgain) {
    EXPECT_EQ(next_state(PlayerState::opening, PlayerEvent::refused), PlayerState::idle);
}

TEST(PlayerState, AFailedPassWaitsToRetry) {
    EXPECT_EQ(next_state(PlayerState::idle, PlayerEvent::pass_failed), PlayerState::retrying);
    EXPECT_EQ(next_state(PlayerState::retrying, PlayerEvent::retry_due), PlayerState::idle);
}

TEST(PlayerState, TheListEndsInFinishedOrTheSlate) {
    EXPECT_EQ(next_state(PlayerState::idle, PlayerEvent::passes_done), PlayerState::finished);
    EXPECT_EQ(next_state(PlayerState::idle, PlayerEvent::nothing_to_play), PlayerState::slate);
}

TEST(PlayerStateDeathTest, AnEventThatCannotHappenAborts) {
    EXPECT_DEATH(next_state(PlayerState::ready, PlayerEvent::asked), "");
    EXPECT_DEATH(next_state(PlayerState::finished, PlayerEvent::prepared), "");
}

TEST(ResumeAfterCut, AFilmCutMidWayResumesFromTheCut) {
    EXPECT_EQ(resume_after_cut(3.4, 6.0, false), Resume::from_cut);
    EXPECT_EQ(resume_after_cut(1.0, 6.0, false), Resume::from_cut);
    EXPECT_EQ(resume_after_cut(30.0, 0.0, false), Resume::from_cut) << "length unknown";
}

TEST(ResumeAfterCut, AFilmCutInItsFirstSecondStartsAgain) {
    EXPECT_EQ(resume_after_cut(0.0, 6.0, false), Resume::from_start);
    EXPECT_EQ(resume_after_cut(0.99, 6.0, false), Resume::from_start);
}

TEST(ResumeAfterCut, AFilmCutInItsLastSecondIsDone) {
    EXPECT_EQ(resume_after_cut(5.5, 6.0, false), Resume::next_item);
    EXPECT_EQ(resume_after_cut(1.5, 2.0, false), Resume::next_item);
}

TEST(ResumeAfterCut, AStillPictureIsShownAgainWhole) {
    EXPECT_EQ(resume_after_cut(4.0, 0.0, true), Resume::from_start);
}

}  // namespace
}  // namespace kiosk::playback

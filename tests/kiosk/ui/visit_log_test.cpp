// What a screen notes of its visitors: a visit ends at the last touch, not
// when the idle timeout noticed; a board is read until the visitor moves on.

#include "ui/visit_log.h"

#include <gtest/gtest.h>

namespace kiosk::ui {
namespace {

ExhibitView at(View view, std::string board = {}) {
    ExhibitView place;
    place.view = view;
    place.board = std::move(board);
    return place;
}

TEST(VisitLogTest, AVisitEndsAtTheLastTouchBeforeTheIdleReturn) {
    VisitLog log;
    ExhibitReaction started;
    started.started_visit = true;
    EXPECT_FALSE(log.after(started, at(View::home), 100.0, 100.0).visit);
    EXPECT_FALSE(log.after({}, at(View::section), 130.0, 130.0).visit);
    ExhibitReaction gone;
    gone.walked_away = true;
    const VisitNotes notes = log.after(gone, at(View::attract), 190.0, 130.0);
    ASSERT_TRUE(notes.visit);
    EXPECT_DOUBLE_EQ(notes.visit->started, 100.0);
    EXPECT_DOUBLE_EQ(notes.visit->ended, 130.0) << "the 60 s of the timeout are nobody's visit";
    EXPECT_FALSE(log.after(gone, at(View::attract), 250.0, 130.0).visit) << "one visit, recorded once";
}

TEST(VisitLogTest, ABoardIsReadWhileItOrItsPicturesShow) {
    VisitLog log;
    EXPECT_FALSE(log.after({}, at(View::board, "b1"), 10.0, 10.0).board);
    EXPECT_FALSE(log.after({}, at(View::picture, "b1"), 15.0, 15.0).board) << "its picture is part of it";
    const VisitNotes next = log.after({}, at(View::board, "b2"), 25.0, 25.0);
    ASSERT_TRUE(next.board);
    EXPECT_EQ(next.board->board, "b1");
    EXPECT_DOUBLE_EQ(next.board->opened, 10.0);
    EXPECT_DOUBLE_EQ(next.board->closed, 25.0);
    ExhibitReaction gone;
    gone.walked_away = true;
    const VisitNotes left = log.after(gone, at(View::attract), 100.0, 40.0);
    ASSERT_TRUE(left.board);
    EXPECT_EQ(left.board->board, "b2");
    EXPECT_DOUBLE_EQ(left.board->closed, 40.0) << "read until the last touch, not until the timeout";
}

TEST(VisitLogTest, ABoardLeftForAnotherPageEndsWhenTheVisitorMovedOn) {
    VisitLog log;
    log.after({}, at(View::board, "b1"), 10.0, 10.0);
    const VisitNotes back = log.after({}, at(View::section), 18.0, 18.0);
    ASSERT_TRUE(back.board);
    EXPECT_DOUBLE_EQ(back.board->closed - back.board->opened, 8.0);
    EXPECT_FALSE(log.after({}, at(View::section), 30.0, 30.0).board);
}

}  // namespace
}  // namespace kiosk::ui

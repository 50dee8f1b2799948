// Navigator: where a visitor is in a zone's exhibit and how each touch moves
// them, on a small zone built here (no package files, no screen).
#include "ui/navigator.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace kiosk::ui {
namespace {

using content::LifeStage;
using Kind = Action::Kind;

content::Board board(const std::string& id, std::vector<LifeStage> audiences = {}, int pictures = 0) {
    content::Board result;
    result.id = id;
    result.title = {id + "（中）", id + " (en)"};
    result.audiences = std::move(audiences);
    for (int index = 0; index < pictures; ++index) {
        result.images.push_back(content::Picture{"/pkg/images/" + id + ".png", {"图", "Picture"}});
    }
    return result;
}

// Section 0 mixes boards for everyone with boards for one stage, so the
// filter both narrows it and hides boards between visible ones; section 1
// has one board; the model's hotspot opens a board of section 0.
content::Zone make_zone() {
    content::Zone zone;
    zone.id = "boards";
    zone.title = {"展板区", "Boards"};
    content::Section policies;
    policies.id = "policies";
    policies.title = {"政策法规", "Policies"};
    policies.boards = {board("all-first", {}, 2), board("wedding", {LifeStage::newly_wed}, 1),
                       board("pregnancy", {LifeStage::pregnancy}), board("all-last")};
    content::Section procedures;
    procedures.id = "procedures";
    procedures.kind = content::SectionKind::procedures;
    procedures.title = {"办事流程", "Procedures"};
    procedures.boards = {board("registration")};
    zone.sections = {policies, procedures};
    content::Model model;
    model.id = "body";
    model.title = {"人体模型", "Body model"};
    model.hotspots = {content::Hotspot{{"婚前", "Before marriage"}, 0.1, 0.1, 0.2, 0.2, "wedding"}};
    zone.models = {model};
    return zone;
}

class NavigatorTest : public ::testing::Test {
  protected:
    // Applies each action, expecting each to change the view.
    void walk(const std::vector<Action>& actions) {
        for (const Action& action : actions) {
            ASSERT_TRUE(navigator.apply(action)) << "action " << static_cast<int>(action.kind);
        }
    }

    std::vector<std::string> visible_ids(int section) const {
        std::vector<std::string> ids;
        for (const content::Board* shown : navigator.visible_boards(section)) {
            ids.push_back(shown->id);
        }
        return ids;
    }

    content::Zone zone = make_zone();
    Navigator navigator{zone};
};

const Action kStart{Kind::start};
const Action kHome{Kind::home};
const Action kBack{Kind::back};
const Action kClose{Kind::close_overlay};
Action section(int index) {
    return Action{Kind::open_section, index};
}
Action open(const std::string& id) {
    return Action{Kind::open_board, -1, id};
}
Action filter(std::optional<LifeStage> stage) {
    return Action{Kind::set_filter, -1, {}, stage};
}

TEST_F(NavigatorTest, ANewVisitorMeetsTheAttractLoopInChineseWithNormalTextAndNoFilter) {
    EXPECT_EQ(navigator.view(), ExhibitView{});
    EXPECT_EQ(navigator.view().view, View::attract);
    EXPECT_EQ(navigator.view().language, content::Language::zh);
    EXPECT_FALSE(navigator.view().large_text);
    EXPECT_FALSE(navigator.view().filter);
    EXPECT_FALSE(navigator.apply(kBack)) << "nothing is behind the attract loop";
}

TEST_F(NavigatorTest, TouchToStartOpensHomeWithNothingToGoBackTo) {
    EXPECT_TRUE(navigator.apply(kStart));
    EXPECT_EQ(navigator.view().view, View::home);
    EXPECT_FALSE(navigator.apply(kBack));
    EXPECT_FALSE(navigator.apply(kHome)) << "home on the home screen changes nothing";
    EXPECT_EQ(navigator.view().view, View::home);
}

TEST_F(NavigatorTest, BackRetracesHomeSectionBoardPictureStepByStep) {
    walk({kStart, section(0), open("all-first"), Action{Kind::open_picture, 1}});
    EXPECT_EQ(navigator.view().view, View::picture);
    EXPECT_EQ(navigator.view().picture, 1);
    ASSERT_TRUE(navigator.apply(kBack));
    EXPECT_EQ(navigator.view().view, View::board);
    EXPECT_EQ(navigator.view().board, "all-first");
    ASSERT_TRUE(navigator.apply(kBack));
    EXPECT_EQ(navigator.view().view, View::section);
    EXPECT_EQ(navigator.view().section, 0);
    EXPECT_TRUE(navigator.view().board.empty());
    ASSERT_TRUE(navigator.apply(kBack));
    EXPECT_EQ(navigator.view().view, View::home);
    EXPECT_FALSE(navigator.apply(kBack));
}

TEST_F(NavigatorTest, HomeFromDeepInsideForgetsTheWayThere) {
    walk({kStart, section(1), open("registration"), Action{Kind::toggle_language},
          Action{Kind::toggle_large_text}});
    ASSERT_TRUE(navigator.apply(kHome));
    EXPECT_EQ(navigator.view().view, View::home);
    EXPECT_FALSE(navigator.apply(kBack)) << "home starts the history afresh";
    // The visitor's own settings go home with them.
    EXPECT_EQ(navigator.view().language, content::Language::en);
    EXPECT_TRUE(navigator.view().large_text);
}

TEST_F(NavigatorTest, PlacesThatDoNotExistAreRefusedAndLeaveTheViewAlone) {
    walk({kStart});
    const ExhibitView home = navigator.view();
    EXPECT_FALSE(navigator.apply(section(2)));
    EXPECT_FALSE(navigator.apply(section(-1)));
    EXPECT_FALSE(navigator.apply(open("no-such-board")));
    EXPECT_FALSE(navigator.apply(Action{Kind::open_model, 1}));
    EXPECT_FALSE(navigator.apply(Action{Kind::open_picture, 0})) << "no board is open";
    EXPECT_FALSE(navigator.apply(Action{Kind::next_board})) << "no board is open";
    EXPECT_EQ(navigator.view(), home);
    walk({section(0), open("wedding")});
    EXPECT_FALSE(navigator.apply(Action{Kind::open_picture, 1})) << "the board has one picture";
    EXPECT_FALSE(navigator.apply(Action{Kind::play_film})) << "a film is no change of place";
    EXPECT_EQ(navigator.view().view, View::board);
}

TEST_F(NavigatorTest, OpeningABoardByIdFindsItsSection) {
    walk({kStart, open("registration")});
    EXPECT_EQ(navigator.view().section, 1);
    ASSERT_NE(navigator.current_board(), nullptr);
    EXPECT_EQ(navigator.current_board()->id, "registration");
}

TEST_F(NavigatorTest, AModelHotspotOpensItsBoardAndBackReturnsToTheModel) {
    walk({kStart, Action{Kind::open_model, 0}});
    EXPECT_EQ(navigator.view().view, View::model);
    EXPECT_EQ(navigator.view().model, 0);
    walk({open(zone.models[0].hotspots[0].board)});
    EXPECT_EQ(navigator.view().view, View::board);
    EXPECT_EQ(navigator.view().board, "wedding");
    EXPECT_EQ(navigator.view().section, 0);
    walk({kBack});
    EXPECT_EQ(navigator.view().view, View::model);
}

TEST_F(NavigatorTest, NextAndPreviousTurnThroughTheSectionAndStopAtItsEnds) {
    walk({kStart, section(0), open("all-first")});
    EXPECT_EQ(navigator.board_position(), (std::pair{0, 4}));
    EXPECT_FALSE(navigator.apply(Action{Kind::previous_board}));
    for (const char* expected : {"wedding", "pregnancy", "all-last"}) {
        ASSERT_TRUE(navigator.apply(Action{Kind::next_board}));
        EXPECT_EQ(navigator.view().board, expected);
    }
    EXPECT_EQ(navigator.board_position(), (std::pair{3, 4}));
    EXPECT_FALSE(navigator.apply(Action{Kind::next_board}));
    ASSERT_TRUE(navigator.apply(Action{Kind::previous_board}));
    EXPECT_EQ(navigator.view().board, "pregnancy");
    // Turning pages replaces the page: back goes to the list, not the page before.
    ASSERT_TRUE(navigator.apply(kBack));
    EXPECT_EQ(navigator.view().view, View::section);
}

TEST_F(NavigatorTest, TheFilterNarrowsASectionToItsStageAndBoardsForEveryone) {
    EXPECT_EQ(visible_ids(0), (std::vector<std::string>{"all-first", "wedding", "pregnancy", "all-last"}));
    walk({kStart, Action{Kind::choose_filter}, filter(LifeStage::pregnancy)});
    EXPECT_EQ(navigator.view().view, View::home) << "choosing closes the chooser";
    EXPECT_EQ(visible_ids(0), (std::vector<std::string>{"all-first", "pregnancy", "all-last"}));
    EXPECT_EQ(visible_ids(1), (std::vector<std::string>{"registration"}));
    EXPECT_TRUE(visible_ids(5).empty()) << "a section that does not exist lists nothing";
}

TEST_F(NavigatorTest, NextAndPreviousSkipBoardsTheFilterHides) {
    walk({kStart, Action{Kind::choose_filter}, filter(LifeStage::pregnancy), section(0), open("all-first")});
    EXPECT_EQ(navigator.board_position(), (std::pair{0, 3}));
    walk({Action{Kind::next_board}});
    EXPECT_EQ(navigator.view().board, "pregnancy");
    EXPECT_EQ(navigator.board_position(), (std::pair{1, 3}));
    walk({Action{Kind::previous_board}});
    EXPECT_EQ(navigator.view().board, "all-first");
}

TEST_F(NavigatorTest, AFilterThatHidesTheBoardBeingReadReturnsToItsSection) {
    walk({kStart, section(0), open("wedding"), Action{Kind::choose_filter}});
    EXPECT_EQ(navigator.view().view, View::filter_chooser);
    ASSERT_TRUE(navigator.apply(filter(LifeStage::pregnancy)));
    EXPECT_EQ(navigator.view().view, View::section);
    EXPECT_EQ(navigator.view().section, 0);
    EXPECT_EQ(navigator.current_board(), nullptr);
    ASSERT_TRUE(navigator.apply(kBack));
    EXPECT_EQ(navigator.view().view, View::home);
}

TEST_F(NavigatorTest, AFilterThatKeepsTheBoardBeingReadStaysOnIt) {
    walk({kStart, section(0), open("wedding"), Action{Kind::choose_filter}, filter(LifeStage::newly_wed)});
    EXPECT_EQ(navigator.view().view, View::board);
    EXPECT_EQ(navigator.view().board, "wedding");
    EXPECT_EQ(navigator.view().filter, LifeStage::newly_wed);
}

TEST_F(NavigatorTest, BackPassesOverABoardTheFilterHasHiddenSinceItWasRead) {
    // Any page above a hidden board: here another section, opened by id.
    walk({kStart, section(0), open("wedding"), section(1), Action{Kind::choose_filter},
          filter(LifeStage::pregnancy)});
    EXPECT_EQ(navigator.view().view, View::section);
    EXPECT_EQ(navigator.view().section, 1);
    ASSERT_TRUE(navigator.apply(kBack));
    EXPECT_EQ(navigator.view().view, View::section);
    EXPECT_EQ(navigator.view().section, 0);
    EXPECT_EQ(navigator.view().filter, LifeStage::pregnancy) << "back keeps the visitor's filter";
}

TEST_F(NavigatorTest, ShowingEverythingAgainListsEveryBoard) {
    walk({kStart, Action{Kind::choose_filter}, filter(LifeStage::later_life), section(0)});
    EXPECT_EQ(visible_ids(0).size(), 2u);
    walk({filter(std::nullopt)});
    EXPECT_EQ(navigator.view().view, View::section)
        << "set outside the chooser, the filter stays on the page";
    EXPECT_EQ(visible_ids(0).size(), 4u);
}

TEST_F(NavigatorTest, ThePictureViewerClosesBackToItsBoard) {
    walk({kStart, section(0), open("all-first"), Action{Kind::open_picture, 0}});
    ASSERT_TRUE(navigator.apply(kClose));
    EXPECT_EQ(navigator.view().view, View::board);
    EXPECT_EQ(navigator.view().picture, -1);
    EXPECT_EQ(navigator.view().board, "all-first");
}

TEST_F(NavigatorTest, TheChooserOpenedOverAPictureReplacesItInsteadOfStacking) {
    walk({kStart, section(0), open("all-first"), Action{Kind::open_picture, 0}, Action{Kind::choose_filter}});
    EXPECT_EQ(navigator.view().view, View::filter_chooser);
    ASSERT_TRUE(navigator.apply(kClose));
    EXPECT_EQ(navigator.view().view, View::board);
}

TEST_F(NavigatorTest, TheChooserClosedWithoutChoosingLeavesThePageAndFilterAsTheyWere) {
    walk({kStart, section(1), Action{Kind::choose_filter}});
    ASSERT_TRUE(navigator.apply(kBack));
    EXPECT_EQ(navigator.view().view, View::section);
    EXPECT_EQ(navigator.view().section, 1);
    EXPECT_FALSE(navigator.view().filter);
}

TEST_F(NavigatorTest, LanguageAndLargeTextChangeTheTextButNotThePlace) {
    walk({kStart, section(0), open("pregnancy")});
    const ExhibitView before = navigator.view();
    walk({Action{Kind::toggle_language}, Action{Kind::toggle_large_text}});
    EXPECT_EQ(navigator.view().language, content::Language::en);
    EXPECT_TRUE(navigator.view().large_text);
    EXPECT_EQ(navigator.view().view, before.view);
    EXPECT_EQ(navigator.view().board, before.board);
    walk({Action{Kind::toggle_language}});
    EXPECT_EQ(navigator.view().language, content::Language::zh);
    ASSERT_TRUE(navigator.apply(kBack));
    EXPECT_EQ(navigator.view().view, View::section) << "toggles are not steps to go back over";
    EXPECT_EQ(navigator.view().language, content::Language::zh);
}

TEST_F(NavigatorTest, WalkingAwayResetsEverythingForTheNextVisitor) {
    walk({kStart, Action{Kind::toggle_language}, Action{Kind::toggle_large_text}, Action{Kind::choose_filter},
          filter(LifeStage::adolescence), section(0), open("all-first"), Action{Kind::open_picture, 0}});
    navigator.walk_away();
    EXPECT_EQ(navigator.view(), ExhibitView{});
    EXPECT_FALSE(navigator.apply(kBack)) << "the last visitor's way is forgotten";
    walk({kStart});
    EXPECT_EQ(navigator.view().language, content::Language::zh);
    EXPECT_FALSE(navigator.view().large_text);
    EXPECT_FALSE(navigator.view().filter);
    EXPECT_EQ(visible_ids(0).size(), 4u);
}

TEST_F(NavigatorTest, ANewVersionOfTheZoneKeepsTheVisitorOnABoardThatStillExists) {
    walk({kStart, section(0), open("pregnancy"), Action{Kind::toggle_language}});
    const content::Zone newer = make_zone();
    navigator.set_zone(newer);
    EXPECT_EQ(&navigator.zone(), &newer);
    EXPECT_EQ(navigator.view().view, View::board);
    EXPECT_EQ(navigator.view().board, "pregnancy");
    EXPECT_EQ(navigator.view().language, content::Language::en);
    ASSERT_NE(navigator.current_board(), nullptr);
    EXPECT_EQ(navigator.current_board(), &newer.sections[0].boards[2])
        << "the board is read from the new zone";
    ASSERT_TRUE(navigator.apply(kBack));
    EXPECT_EQ(navigator.view().view, View::section);
}

TEST_F(NavigatorTest, ANewVersionFollowsABoardThatMovedToAnotherSection) {
    walk({kStart, open("registration")});
    content::Zone newer = make_zone();
    std::swap(newer.sections[0], newer.sections[1]);
    navigator.set_zone(newer);
    EXPECT_EQ(navigator.view().view, View::board);
    EXPECT_EQ(navigator.view().section, 0) << "ids are stable across versions, indices are not";
    ASSERT_NE(navigator.current_board(), nullptr);
    EXPECT_EQ(navigator.current_board()->id, "registration");
}

TEST_F(NavigatorTest, ANewVersionWithoutTheBoardBeingReadGoesHome) {
    walk({kStart, section(0), open("wedding"), Action{Kind::toggle_large_text}});
    content::Zone newer = make_zone();
    newer.sections[0].boards.erase(newer.sections[0].boards.begin() + 1);
    navigator.set_zone(newer);
    EXPECT_EQ(navigator.view().view, View::home);
    EXPECT_TRUE(navigator.view().board.empty());
    EXPECT_TRUE(navigator.view().large_text) << "the visitor's settings stay";
    EXPECT_FALSE(navigator.apply(kBack)) << "no way back into places that are gone";
}

TEST_F(NavigatorTest, ANewVersionWithFewerSectionsSendsAVisitorInAMissingOneHome) {
    walk({kStart, section(1)});
    content::Zone newer = make_zone();
    newer.sections.pop_back();
    navigator.set_zone(newer);
    EXPECT_EQ(navigator.view().view, View::home);
}

TEST_F(NavigatorTest, ANewVersionWithoutAPictureBeingViewedGoesHome) {
    walk({kStart, section(0), open("all-first"), Action{Kind::open_picture, 1}});
    content::Zone newer = make_zone();
    newer.sections[0].boards[0].images.pop_back();
    navigator.set_zone(newer);
    EXPECT_EQ(navigator.view().view, View::home);
}

TEST_F(NavigatorTest, ANewVersionLeavesTheAttractLoopAlone) {
    content::Zone newer = make_zone();
    newer.sections.pop_back();
    navigator.set_zone(newer);
    EXPECT_EQ(navigator.view(), ExhibitView{});
}

}  // namespace
}  // namespace kiosk::ui

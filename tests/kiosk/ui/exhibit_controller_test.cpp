// ExhibitController: the exhibit screen's policy as numbers. Gestures and
// keys become places, pages scroll and keep their place, films are asked for
// and let go, and an idle visitor is let go; scenes are built here by hand,
// times are plain seconds, nothing is drawn.
#include "ui/exhibit_controller.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "ui/film_flow.h"

namespace kiosk::ui {
namespace {

using Kind = Action::Kind;
using PointerKind = PointerEvent::Kind;

constexpr double kIdle = 60.0;

content::Board board(const std::string& id, bool with_film = false) {
    content::Board result;
    result.id = id;
    result.title = {id + "（中）", id + " (en)"};
    result.images.push_back(content::Picture{"/pkg/images/" + id + ".png", {"图", "Picture"}});
    if (with_film) {
        result.video = content::Picture{"/pkg/films/" + id + ".mp4", {"片", "Film"}};
    }
    return result;
}

content::Zone make_zone() {
    content::Zone zone;
    zone.id = "boards";
    zone.title = {"展板区", "Boards"};
    content::Section section;
    section.id = "policies";
    section.title = {"政策法规", "Policies"};
    section.boards = {board("first", true), board("second"), board("third")};
    zone.sections = {section};
    return zone;
}

class FixedSizes : public PictureSizes {
  public:
    std::optional<PictureSize> size_of(const std::filesystem::path&) const override {
        return PictureSize{4000, 3000};
    }
};

// A page as the layout would make it: a button bar over a tall scrolling
// column, each target a 100-pixel band.
Scene page(std::vector<Action> bar, std::vector<Action> column, int content_height = 3000) {
    Scene scene;
    int x = 0;
    for (const Action& action : bar) {
        scene.targets.push_back(HitTarget{Rect{x, 0, 100, 100}, action});
        x += 100;
    }
    ScrollArea area;
    area.viewport = Rect{0, 100, 1920, 980};
    area.content_height = content_height;
    int y = 0;
    for (const Action& action : column) {
        area.targets.push_back(HitTarget{Rect{0, y, 1920, 100}, action});
        y += 100;
    }
    scene.scroll = area;
    return scene;
}

class ExhibitControllerTest : public ::testing::Test {
  protected:
    ExhibitControllerTest()
        : zone(make_zone()), controller(zone, ScreenMetrics{1920, 1080, 3.6}, kIdle, 0.0) {
        show(Scene{});
    }

    void show(Scene next) {
        scene = std::move(next);
        controller.show(scene);
    }

    ExhibitReaction tap(double x, double y, double at) {
        controller.on_pointer(PointerEvent{PointerKind::down, 1, x, y, at});
        return controller.on_pointer(PointerEvent{PointerKind::up, 1, x, y, at + 0.05});
    }

    // One finger from (x, y0) to (x, y1) over `seconds`, in steps of 10 ms;
    // what the whole drag asked for.
    ExhibitReaction drag(double x, double y0, double y1, double at, double seconds) {
        ExhibitReaction all;
        auto add = [&](const ExhibitReaction& reaction) {
            all.relayout = all.relayout || reaction.relayout;
            all.scrolled = all.scrolled || reaction.scrolled;
            all.for_visitor = all.for_visitor || reaction.for_visitor;
        };
        add(controller.on_pointer(PointerEvent{PointerKind::down, 1, x, y0, at}));
        const int steps = static_cast<int>(seconds / 0.01);
        for (int step = 1; step <= steps; ++step) {
            add(controller.on_pointer(
                PointerEvent{PointerKind::move, 1, x, y0 + (y1 - y0) * step / steps, at + step * 0.01}));
        }
        add(controller.on_pointer(PointerEvent{PointerKind::up, 1, x, y1, at + seconds}));
        return all;
    }

    // From the attract loop to the section's page, with the page shown.
    void open_section(double at) {
        controller.apply(Action{Kind::home}, at);
        ASSERT_TRUE(controller.apply(Action{Kind::open_section, 0}, at).relayout);
        show(page({Action{Kind::back}},
                  {Action{Kind::open_board, -1, "first"}, Action{Kind::open_board, -1, "second"}}));
    }

    content::Zone zone;
    ExhibitController controller;
    Scene scene;
};

TEST_F(ExhibitControllerTest, ATouchOnTheAttractLoopStartsAVisit) {
    const ExhibitReaction reaction = tap(500, 500, 1.0);
    EXPECT_EQ(controller.view().view, View::home);
    EXPECT_TRUE(reaction.relayout);
    EXPECT_TRUE(reaction.started_visit);
    EXPECT_TRUE(reaction.for_visitor);
}

TEST_F(ExhibitControllerTest, ATapOnATargetDoesItsAction) {
    controller.apply(Action{Kind::home}, 0.5);
    show(page({}, {Action{Kind::open_section, 0}}));
    const ExhibitReaction reaction = tap(500, 150, 1.0);
    EXPECT_EQ(controller.view().view, View::section);
    EXPECT_TRUE(reaction.relayout);
    EXPECT_FALSE(reaction.started_visit);
}

TEST_F(ExhibitControllerTest, ATapOnEmptySpaceDoesNothing) {
    controller.apply(Action{Kind::home}, 0.5);
    show(page({}, {Action{Kind::open_section, 0}}));
    const ExhibitReaction reaction = tap(500, 900, 1.0);
    EXPECT_EQ(controller.view().view, View::home);
    EXPECT_FALSE(reaction.relayout);
    EXPECT_FALSE(reaction.for_visitor);
}

TEST_F(ExhibitControllerTest, OpeningABoardIsReportedForTheBoardFigure) {
    open_section(1.0);
    const ExhibitReaction reaction = tap(500, 150, 2.0);
    EXPECT_EQ(controller.view().view, View::board);
    EXPECT_EQ(controller.view().board, "first");
    EXPECT_TRUE(reaction.opened_board);
}

TEST_F(ExhibitControllerTest, ASidewaysSwipeOnABoardTurnsToTheNextOrPreviousBoard) {
    open_section(1.0);
    controller.apply(Action{Kind::open_board, -1, "first"}, 1.5);
    show(page({}, {}));
    // A fast flick to the left: the next board.
    controller.on_pointer(PointerEvent{PointerKind::down, 1, 1500, 500, 2.0});
    controller.on_pointer(PointerEvent{PointerKind::move, 1, 1200, 505, 2.05});
    controller.on_pointer(PointerEvent{PointerKind::move, 1, 900, 510, 2.1});
    ExhibitReaction reaction = controller.on_pointer(PointerEvent{PointerKind::up, 1, 900, 510, 2.1});
    EXPECT_EQ(controller.view().board, "second");
    EXPECT_TRUE(reaction.opened_board);
    // And back to the right.
    controller.on_pointer(PointerEvent{PointerKind::down, 1, 600, 500, 3.0});
    controller.on_pointer(PointerEvent{PointerKind::move, 1, 900, 505, 3.05});
    controller.on_pointer(PointerEvent{PointerKind::move, 1, 1200, 510, 3.1});
    reaction = controller.on_pointer(PointerEvent{PointerKind::up, 1, 1200, 510, 3.1});
    EXPECT_EQ(controller.view().board, "first");
}

TEST_F(ExhibitControllerTest, ASwipeOnASectionPageDoesNotChangePlace) {
    open_section(1.0);
    controller.on_pointer(PointerEvent{PointerKind::down, 1, 1500, 500, 2.0});
    controller.on_pointer(PointerEvent{PointerKind::move, 1, 1200, 505, 2.05});
    controller.on_pointer(PointerEvent{PointerKind::move, 1, 900, 510, 2.1});
    const ExhibitReaction reaction = controller.on_pointer(PointerEvent{PointerKind::up, 1, 900, 510, 2.1});
    EXPECT_EQ(controller.view().view, View::section);
    EXPECT_FALSE(reaction.relayout);
}

TEST_F(ExhibitControllerTest, ADragInThePageScrollsItAndAFlickCoastsUntilAFingerStopsIt) {
    open_section(1.0);
    const ExhibitReaction reaction = drag(500, 900, 400, 2.0, 0.1);
    EXPECT_TRUE(reaction.scrolled);
    EXPECT_GT(controller.scroll_offset(), 400.0);
    EXPECT_TRUE(controller.coasting());
    EXPECT_LE(controller.next_step_due(), 2.2);  // a coasting page needs frames now
    const double released_at = controller.scroll_offset();
    EXPECT_TRUE(controller.step(2.3).scrolled);
    EXPECT_GT(controller.scroll_offset(), released_at);
    // A finger on the moving page stops it where it is.
    const ExhibitReaction press = controller.on_pointer(PointerEvent{PointerKind::down, 2, 500, 500, 2.35});
    EXPECT_TRUE(press.scrolled);
    EXPECT_FALSE(controller.coasting());
}

TEST_F(ExhibitControllerTest, ADragOutsideTheScrollingPartDoesNotScroll) {
    open_section(1.0);
    drag(50, 50, 90, 2.0, 0.1);  // on the bar above the page
    EXPECT_EQ(controller.scroll_offset(), 0.0);
}

TEST_F(ExhibitControllerTest, KeysGoBackHomeAndScrollByALineOrAPage) {
    open_section(1.0);
    EXPECT_TRUE(controller.on_key("Down", 2.0).scrolled);
    EXPECT_DOUBLE_EQ(controller.scroll_offset(), 120.0);
    controller.on_key("PageDown", 2.1);
    EXPECT_DOUBLE_EQ(controller.scroll_offset(), 120.0 + 980 * 0.9);
    controller.on_key("Up", 2.2);
    EXPECT_DOUBLE_EQ(controller.scroll_offset(), 980 * 0.9);
    EXPECT_TRUE(controller.on_key("Escape", 2.3).relayout);
    EXPECT_EQ(controller.view().view, View::home);
    controller.apply(Action{Kind::open_section, 0}, 2.4);
    controller.on_key("Home", 2.5);
    EXPECT_EQ(controller.view().view, View::home);
}

TEST_F(ExhibitControllerTest, AnyKeyOnTheAttractLoopStartsAVisit) {
    const ExhibitReaction reaction = controller.on_key("Down", 1.0);
    EXPECT_EQ(controller.view().view, View::home);
    EXPECT_TRUE(reaction.started_visit);
}

TEST_F(ExhibitControllerTest, ANewPageStartsAtItsTopAndAnotherLanguageKeepsThePlace) {
    open_section(1.0);
    controller.on_key("PageDown", 2.0);
    const double reading = controller.scroll_offset();
    ASSERT_GT(reading, 0.0);
    controller.apply(Action{Kind::toggle_language}, 2.1);
    EXPECT_DOUBLE_EQ(controller.scroll_offset(), reading);
    controller.apply(Action{Kind::toggle_large_text}, 2.2);
    EXPECT_DOUBLE_EQ(controller.scroll_offset(), reading);
    controller.apply(Action{Kind::open_board, -1, "first"}, 2.3);
    show(page({}, {}));
    EXPECT_EQ(controller.scroll_offset(), 0.0);
}

TEST_F(ExhibitControllerTest, ClosingAPictureReturnsToWhereThePageWasScrolled) {
    open_section(1.0);
    controller.apply(Action{Kind::open_board, -1, "first"}, 1.5);
    show(page({}, {Action{Kind::open_picture, 0}}));
    controller.on_key("Down", 2.0);
    controller.on_key("Down", 2.1);
    ASSERT_DOUBLE_EQ(controller.scroll_offset(), 240.0);
    controller.apply(Action{Kind::open_picture, 0}, 2.2);
    show(Scene{});  // the viewer: nothing scrolls
    EXPECT_EQ(controller.view().view, View::picture);
    EXPECT_EQ(controller.scroll_offset(), 0.0);
    controller.apply(Action{Kind::close_overlay}, 2.3);
    show(page({}, {Action{Kind::open_picture, 0}}));
    EXPECT_EQ(controller.view().view, View::board);
    EXPECT_DOUBLE_EQ(controller.scroll_offset(), 240.0);
}

TEST_F(ExhibitControllerTest, AnOpenPictureZoomsByDoubleTapAndPansByDrag) {
    open_section(1.0);
    controller.apply(Action{Kind::open_board, -1, "first"}, 1.5);
    controller.apply(Action{Kind::open_picture, 0}, 1.6);
    FixedSizes sizes;
    const std::optional<Rect> fitted = controller.zoomed_picture(sizes);
    ASSERT_TRUE(fitted);
    EXPECT_EQ(fitted->h, 1080);  // a 4:3 picture fitted to the full HD screen's height
    show(Scene{});
    tap(960, 540, 2.0);
    const ExhibitReaction second = tap(960, 540, 2.2);
    EXPECT_TRUE(second.relayout);
    const std::optional<Rect> zoomed = controller.zoomed_picture(sizes);
    ASSERT_TRUE(zoomed);
    EXPECT_GT(zoomed->w, fitted->w);
    const ExhibitReaction pan = drag(960, 540, 700, 3.0, 0.2);
    EXPECT_TRUE(pan.relayout);
    EXPECT_NE(controller.zoomed_picture(sizes)->y, zoomed->y);
    // Leaving the picture forgets its zoom.
    controller.apply(Action{Kind::close_overlay}, 4.0);
    EXPECT_FALSE(controller.zoomed_picture(sizes));
}

TEST_F(ExhibitControllerTest, AnIdleVisitorIsLetGoAfterTheTimeoutAndTheNextOneStartsAfresh) {
    open_section(1.0);
    controller.apply(Action{Kind::toggle_language}, 1.5);
    controller.on_key("PageDown", 2.0);
    EXPECT_DOUBLE_EQ(controller.next_step_due(), 2.0 + kIdle);
    EXPECT_FALSE(controller.step(2.0 + kIdle - 0.01).walked_away);
    const ExhibitReaction reaction = controller.step(2.0 + kIdle);
    EXPECT_TRUE(reaction.walked_away);
    EXPECT_TRUE(reaction.relayout);
    EXPECT_FALSE(reaction.for_visitor);
    EXPECT_EQ(controller.view().view, View::attract);
    EXPECT_EQ(controller.view().language, content::Language::zh);
    EXPECT_EQ(controller.scroll_offset(), 0.0);
    EXPECT_TRUE(std::isinf(controller.next_step_due()));
}

TEST_F(ExhibitControllerTest, ABoardsFilmIsAskedForAndLetGoWhenClosed) {
    controller.add_flow(std::make_unique<FilmFlow>());
    open_section(1.0);
    controller.apply(Action{Kind::open_board, -1, "first"}, 1.5);
    ExhibitReaction reaction = controller.apply(Action{Kind::play_film}, 2.0);
    ASSERT_EQ(reaction.requests.size(), 1u);
    EXPECT_EQ(reaction.requests[0].kind, ExhibitRequest::Kind::play_film);
    EXPECT_EQ(reaction.requests[0].film, "/pkg/films/first.mp4");
    EXPECT_TRUE(reaction.relayout);
    ASSERT_NE(controller.flow_on_screen(), nullptr);
    // Back closes the film, not the board.
    reaction = controller.on_key("Escape", 3.0);
    ASSERT_EQ(reaction.requests.size(), 1u);
    EXPECT_EQ(reaction.requests[0].kind, ExhibitRequest::Kind::stop_film);
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
    EXPECT_EQ(controller.view().view, View::board);
}

TEST_F(ExhibitControllerTest, ClosingAFilmReturnsToWhereTheBoardWasScrolled) {
    controller.add_flow(std::make_unique<FilmFlow>());
    open_section(1.0);
    controller.apply(Action{Kind::open_board, -1, "first"}, 1.5);
    show(page({}, {Action{Kind::play_film}}));
    controller.on_key("PageDown", 2.0);
    const double reading = controller.scroll_offset();
    ASSERT_GT(reading, 0.0);
    controller.apply(Action{Kind::play_film}, 2.5);
    show(Scene{});  // the film full screen: nothing scrolls
    controller.on_key("Escape", 3.0);
    show(page({}, {Action{Kind::play_film}}));
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
    EXPECT_DOUBLE_EQ(controller.scroll_offset(), reading);
}

TEST_F(ExhibitControllerTest, AShorterPageInAnotherLanguageKeepsAsMuchOfThePlaceAsItHas) {
    open_section(1.0);
    controller.on_key("PageDown", 2.0);
    controller.on_key("PageDown", 2.1);
    controller.apply(Action{Kind::toggle_language}, 2.2);
    show(page({}, {}, 1500));  // 1500 long, 980 visible: at most 520 down
    EXPECT_DOUBLE_EQ(controller.scroll_offset(), 520.0);
}

// A flow of the kind consultation and check-in will be: started from a
// button on the pages, a few steps of its own, ended by its last step or
// cancelled by back or the idle timeout, nothing left behind either way.
class AskForHelpFlow final : public ExhibitFlow {
  public:
    enum Step { start, choose_topic, submit };
    bool on_screen() const override { return m_topic.has_value(); }
    FlowOutcome apply(const Action& action, const Navigator&, std::vector<ExhibitRequest>&) override {
        if (action.kind == Action::Kind::flow_step && action.flow == "ask") {
            if (action.index == start) {
                m_topic = -1;
            } else if (action.index == choose_topic && m_topic) {
                m_topic = 1;
            } else if (action.index == submit && m_topic) {
                submitted.push_back(*m_topic);
                m_topic.reset();
            }
            return FlowOutcome::changed;
        }
        if (m_topic && action.kind == Action::Kind::back) {
            m_topic.reset();
            return FlowOutcome::changed;
        }
        return FlowOutcome::not_mine;
    }
    void walk_away(std::vector<ExhibitRequest>&) override { m_topic.reset(); }
    Scene lay_out(const LayoutInput&) const override { return Scene{}; }

    std::vector<int> submitted;

  private:
    std::optional<int> m_topic;  // on screen while set; -1: none chosen yet
};

TEST_F(ExhibitControllerTest, ANewFlowIsOneClassThatTakesItsOwnSteps) {
    auto owned = std::make_unique<AskForHelpFlow>();
    AskForHelpFlow& ask = *owned;
    controller.add_flow(std::move(owned));
    open_section(1.0);
    // Another flow's step and the pages' actions pass it by.
    EXPECT_FALSE(controller.apply(Action::flow_step("check-in", AskForHelpFlow::start), 1.5).relayout);
    EXPECT_TRUE(controller.apply(Action::flow_step("ask", AskForHelpFlow::start), 2.0).relayout);
    EXPECT_EQ(controller.flow_on_screen(), &ask);
    controller.apply(Action::flow_step("ask", AskForHelpFlow::choose_topic), 2.5);
    controller.apply(Action::flow_step("ask", AskForHelpFlow::submit), 3.0);
    EXPECT_EQ(ask.submitted, std::vector<int>{1});
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
    EXPECT_EQ(controller.view().view, View::section);  // the page it was started from
    // Back cancels it; so does walking away, and neither submits anything.
    controller.apply(Action::flow_step("ask", AskForHelpFlow::start), 4.0);
    controller.on_key("Escape", 4.5);
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
    EXPECT_EQ(controller.view().view, View::section);
    controller.apply(Action::flow_step("ask", AskForHelpFlow::start), 5.0);
    controller.apply(Action::flow_step("ask", AskForHelpFlow::choose_topic), 5.5);
    EXPECT_TRUE(controller.step(5.5 + kIdle).walked_away);
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
    EXPECT_EQ(ask.submitted, std::vector<int>{1});
}

TEST_F(ExhibitControllerTest, ABoardWithoutAFilmOrAScreenWithoutAPlayerPlaysNothing) {
    open_section(1.0);
    controller.apply(Action{Kind::open_board, -1, "first"}, 1.5);
    ExhibitReaction reaction = controller.apply(Action{Kind::play_film}, 2.0);  // no film flow: no player
    EXPECT_TRUE(reaction.requests.empty());
    EXPECT_FALSE(reaction.relayout);
    controller.add_flow(std::make_unique<FilmFlow>());
    controller.apply(Action{Kind::next_board}, 2.5);
    reaction = controller.apply(Action{Kind::play_film}, 3.0);
    EXPECT_TRUE(reaction.requests.empty());
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
}

TEST_F(ExhibitControllerTest, WalkingAwayFromAFilmLetsTheZonesProgrammeResume) {
    controller.add_flow(std::make_unique<FilmFlow>());
    open_section(1.0);
    controller.apply(Action{Kind::open_board, -1, "first"}, 1.5);
    controller.apply(Action{Kind::play_film}, 2.0);
    const ExhibitReaction reaction = controller.step(2.0 + kIdle);
    ASSERT_EQ(reaction.requests.size(), 1u);
    EXPECT_EQ(reaction.requests[0].kind, ExhibitRequest::Kind::stop_film);
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
    EXPECT_EQ(controller.view().view, View::attract);
}

}  // namespace
}  // namespace kiosk::ui

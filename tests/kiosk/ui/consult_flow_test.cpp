// ConsultFlow: asking for help as numbers, driven through the exhibit's
// controller as a visitor's touches would: the steps of a request, the
// call-back's consent and keypad, what goes out to the records and when,
// what the idle timeout and the back and home buttons leave behind
// (nothing), the desk's rating, and "please see the desk".
#include "ui/consult_flow.h"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "ui/exhibit_controller.h"

namespace kiosk::ui {
namespace {

using Kind = Action::Kind;
using Screen = ConsultScreen;
using Step = ConsultStep;

constexpr double kIdle = 60.0;

content::Zone make_zone() {
    content::Zone zone;
    zone.id = "health";
    zone.title = {"健康区", "Health"};
    content::Section section;
    section.id = "checks";
    section.title = {"体检", "Check-ups"};
    content::Board board;
    board.id = "first";
    board.title = {"第一块", "First"};
    section.boards = {board};
    zone.sections = {section};
    return zone;
}

ConsultSettings make_settings() {
    std::vector<records::Category> list = records::default_categories();
    list[1].topics.clear();  // legal-aid: a category without topics
    return ConsultSettings{
        records::Categories(list), {"二楼咨询室", "the consultation room, first floor"}, 30};
}

class ConsultFlowTest : public ::testing::Test {
  protected:
    ConsultFlowTest() : zone(make_zone()), controller(zone, ScreenMetrics{1920, 1080, 3.6}, kIdle, 0.0) {
        auto owned = std::make_unique<ConsultFlow>(make_settings());
        flow = owned.get();
        controller.add_flow(std::move(owned));
        controller.apply(Action{Kind::home}, 0.5);  // a visitor is at the home screen
    }

    // A touch on the flow's target for `step`, at `now`.
    ExhibitReaction touch(Step step, int parameter = 0) {
        now += 1.0;
        ExhibitReaction reaction = controller.apply(ConsultFlow::action(step, parameter), now);
        collect(reaction);
        return reaction;
    }
    ExhibitReaction press(Kind kind) {
        now += 1.0;
        ExhibitReaction reaction = controller.apply(Action{kind}, now);
        collect(reaction);
        return reaction;
    }
    void collect(const ExhibitReaction& reaction) {
        for (const ExhibitRequest& request : reaction.requests) {
            if (request.consultation) {
                submitted.push_back(*request.consultation);
            }
            if (request.rating) {
                rated.push_back(*request.rating);
            }
        }
    }
    void type(const std::string& digits) {
        for (const char digit : digits) {
            touch(Step::digit, digit - '0');
        }
    }
    // Through the call-back's consent to its keypad.
    void to_keypad() {
        touch(Step::open);
        touch(Step::category, 0);
        touch(Step::topic, 1);
        touch(Step::call_back);
        touch(Step::tick_consent);
        touch(Step::consent_given);
    }
    Screen screen() const { return flow->state().screen; }

    content::Zone zone;
    ExhibitController controller;
    ConsultFlow* flow = nullptr;
    double now = 1.0;
    std::vector<ConsultationRequest> submitted;
    std::vector<RatingRequest> rated;
};

TEST_F(ConsultFlowTest, ACategoryAndTopicAreSubmittedAndTheNumberShowsOnlyOnceCommitted) {
    EXPECT_TRUE(touch(Step::open).relayout);
    EXPECT_EQ(controller.flow_on_screen(), flow);
    EXPECT_EQ(screen(), Screen::categories);
    touch(Step::category, 0);  // policy: it has topics
    EXPECT_EQ(screen(), Screen::topics);
    touch(Step::topic, 2);
    EXPECT_EQ(screen(), Screen::summary);
    EXPECT_TRUE(submitted.empty()) << "nothing goes out before submit";
    touch(Step::submit);
    ASSERT_EQ(submitted.size(), 1u);
    EXPECT_EQ(submitted[0].category, "policy");
    EXPECT_EQ(submitted[0].topic, records::default_categories()[0].topics[2].zh);
    EXPECT_TRUE(submitted[0].phone.empty());
    EXPECT_EQ(screen(), Screen::saving);
    EXPECT_TRUE(flow->state().queue_number.empty());
    // A second submit from the saving screen sends nothing more.
    touch(Step::submit);
    EXPECT_EQ(submitted.size(), 1u);

    EXPECT_TRUE(flow->committed(submitted[0].serial, records::Committed{7, "A003"}));
    EXPECT_EQ(screen(), Screen::confirmed);
    EXPECT_EQ(flow->state().queue_number, "A003");
    touch(Step::face, static_cast<int>(records::Rating::very_satisfied));
    ASSERT_EQ(rated.size(), 1u);
    EXPECT_EQ(rated[0].consultation, 7);
    EXPECT_EQ(rated[0].rating, records::Rating::very_satisfied);
    EXPECT_TRUE(rated[0].reason.empty());
    EXPECT_EQ(screen(), Screen::thanks);
    // Thanks → home: the flow closes and the pages are home.
    press(Kind::home);
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
    EXPECT_EQ(controller.view().view, View::home);
}

TEST_F(ConsultFlowTest, ACategoryWithoutTopicsGoesStraightToTheSummaryAndOtherMeansNoTopic) {
    touch(Step::open);
    touch(Step::category, 1);  // legal-aid, without topics here
    EXPECT_EQ(screen(), Screen::summary);
    press(Kind::back);
    EXPECT_EQ(screen(), Screen::categories) << "back skips the topics it never showed";
    touch(Step::category, 2);
    touch(Step::other_topic);
    EXPECT_EQ(flow->state().topic, -1);
    touch(Step::submit);
    ASSERT_EQ(submitted.size(), 1u);
    EXPECT_EQ(submitted[0].category, "employment");
    EXPECT_EQ(submitted[0].topic, "");
}

TEST_F(ConsultFlowTest, TheKeypadComesOnlyAfterTheSeparateConsent) {
    touch(Step::open);
    touch(Step::category, 0);
    touch(Step::other_topic);
    touch(Step::call_back);
    EXPECT_EQ(screen(), Screen::consent);
    EXPECT_FALSE(flow->state().consent) << "never ticked for the visitor";
    touch(Step::consent_given);
    EXPECT_EQ(screen(), Screen::consent);
    EXPECT_TRUE(flow->state().consent_missing);
    touch(Step::digit, 1);  // no keypad yet: nothing typed
    EXPECT_TRUE(flow->state().digits.empty());
    touch(Step::tick_consent);
    EXPECT_TRUE(flow->state().consent);
    EXPECT_FALSE(flow->state().consent_missing);
    touch(Step::tick_consent);  // and off again
    touch(Step::consent_given);
    EXPECT_EQ(screen(), Screen::consent);
    touch(Step::tick_consent);
    touch(Step::consent_given);
    EXPECT_EQ(screen(), Screen::keypad);
}

TEST_F(ConsultFlowTest, TheKeypadTakesOnlyAMainlandMobileNumber) {
    to_keypad();
    type("123");
    touch(Step::number_done);
    EXPECT_EQ(screen(), Screen::keypad);
    EXPECT_TRUE(flow->state().number_refused);
    touch(Step::delete_digit);
    EXPECT_FALSE(flow->state().number_refused) << "typing clears the message";
    EXPECT_EQ(flow->state().digits, "12");
    touch(Step::delete_digit);
    touch(Step::delete_digit);
    touch(Step::delete_digit);  // (nothing left to delete)
    type("12812345678");        // 11 digits, but 12 is no mobile prefix
    touch(Step::number_done);
    EXPECT_TRUE(flow->state().number_refused);
    for (int i = 0; i < 11; ++i) {
        touch(Step::delete_digit);
    }
    type("1381234567899");  // the keypad stops at 11
    EXPECT_EQ(flow->state().digits, "13812345678");
    touch(Step::number_done);
    EXPECT_EQ(screen(), Screen::summary);
    EXPECT_TRUE(flow->state().callback);
    touch(Step::submit);
    ASSERT_EQ(submitted.size(), 1u);
    EXPECT_EQ(submitted[0].phone, "13812345678");
    EXPECT_TRUE(flow->state().digits.empty()) << "the screen keeps no copy of the number";
}

TEST_F(ConsultFlowTest, ACallBackNumberCanBeTakenBackBeforeSubmitting) {
    to_keypad();
    type("13912345678");
    touch(Step::number_done);
    touch(Step::remove_call_back);
    EXPECT_FALSE(flow->state().callback);
    touch(Step::submit);
    ASSERT_EQ(submitted.size(), 1u);
    EXPECT_TRUE(submitted[0].phone.empty());
}

TEST_F(ConsultFlowTest, WalkingAwayMidRequestRecordsNothingAndForgetsTheNumber) {
    to_keypad();
    type("13812345678");
    const ExhibitReaction reaction = controller.step(now + kIdle);
    collect(reaction);
    EXPECT_TRUE(reaction.walked_away);
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
    EXPECT_EQ(controller.view().view, View::attract);
    EXPECT_TRUE(submitted.empty());
    EXPECT_TRUE(rated.empty());
    EXPECT_TRUE(flow->state().digits.empty());
    // The next visitor starts afresh.
    now += kIdle + 1;
    controller.apply(Action{Kind::start}, now);
    touch(Step::open);
    EXPECT_EQ(screen(), Screen::categories);
    EXPECT_EQ(flow->state().category, -1);
    EXPECT_FALSE(flow->state().callback);
}

TEST_F(ConsultFlowTest, AnAnswerForARequestGivenUpIsIgnored) {
    touch(Step::open);
    touch(Step::category, 1);
    touch(Step::submit);
    ASSERT_EQ(submitted.size(), 1u);
    collect(controller.step(now + kIdle));  // the visitor left while it was saved
    EXPECT_FALSE(flow->committed(submitted[0].serial, records::Committed{1, "A001"}));
    EXPECT_EQ(controller.flow_on_screen(), nullptr) << "no number shows for nobody";
    // A newer request is not answered by an older answer.
    now += kIdle + 1;
    controller.apply(Action{Kind::start}, now);
    touch(Step::open);
    touch(Step::category, 1);
    touch(Step::submit);
    ASSERT_EQ(submitted.size(), 2u);
    EXPECT_NE(submitted[0].serial, submitted[1].serial);
    EXPECT_FALSE(flow->committed(submitted[0].serial, records::Committed{1, "A001"}));
    EXPECT_EQ(screen(), Screen::saving);
    EXPECT_TRUE(flow->committed(submitted[1].serial, records::Committed{2, "A002"}));
    EXPECT_EQ(flow->state().queue_number, "A002");
}

TEST_F(ConsultFlowTest, BackHomeAndCloseCancelAnUnfinishedRequest) {
    touch(Step::open);
    touch(Step::category, 0);
    press(Kind::back);
    press(Kind::back);
    EXPECT_EQ(controller.flow_on_screen(), nullptr) << "back from the categories closes the flow";
    EXPECT_EQ(controller.view().view, View::home);
    touch(Step::open);
    touch(Step::category, 0);
    touch(Step::topic, 0);
    EXPECT_TRUE(press(Kind::home).relayout);
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
    touch(Step::open);
    press(Kind::close_overlay);
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
    EXPECT_TRUE(submitted.empty());
}

TEST_F(ConsultFlowTest, TheLanguageAndLargeTextChangeUnderTheFlowWhichStays) {
    touch(Step::open);
    touch(Step::category, 0);
    EXPECT_TRUE(press(Kind::toggle_language).relayout);
    EXPECT_TRUE(press(Kind::toggle_large_text).relayout);
    EXPECT_EQ(controller.view().language, content::Language::en);
    EXPECT_TRUE(controller.view().large_text);
    EXPECT_EQ(screen(), Screen::topics);
}

TEST_F(ConsultFlowTest, SkippingTheRatingIsOneTouchAndRecordsNothing) {
    touch(Step::open);
    touch(Step::category, 1);
    touch(Step::submit);
    flow->committed(submitted[0].serial, records::Committed{4, "A004"});
    touch(Step::skip_rating);
    EXPECT_EQ(screen(), Screen::thanks);
    EXPECT_FALSE(flow->state().rating);
    EXPECT_TRUE(rated.empty());
}

TEST_F(ConsultFlowTest, ALowRatingMayCarryAReasonOrNone) {
    touch(Step::open);
    touch(Step::category, 1);
    touch(Step::submit);
    flow->committed(submitted[0].serial, records::Committed{4, "A004"});
    touch(Step::face, static_cast<int>(records::Rating::dissatisfied));
    EXPECT_EQ(screen(), Screen::reason);
    EXPECT_TRUE(rated.empty()) << "recorded once the reason is given or declined";
    press(Kind::back);
    EXPECT_EQ(screen(), Screen::confirmed);
    touch(Step::face, static_cast<int>(records::Rating::very_dissatisfied));
    touch(Step::reason, 0);
    ASSERT_EQ(rated.size(), 1u);
    EXPECT_EQ(rated[0].rating, records::Rating::very_dissatisfied);
    EXPECT_EQ(rated[0].reason, "等候时间长");
    EXPECT_EQ(screen(), Screen::thanks);
}

TEST_F(ConsultFlowTest, UnavailableRecordsSendTheVisitorToTheDeskAndNothingIsSubmitted) {
    flow->set_records_available(false);
    touch(Step::open);
    EXPECT_EQ(screen(), Screen::unavailable);
    press(Kind::back);
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
    // Known unavailable only by the time of submit.
    flow->set_records_available(true);
    touch(Step::open);
    touch(Step::category, 1);
    flow->set_records_available(false);
    touch(Step::submit);
    EXPECT_EQ(screen(), Screen::unavailable);
    EXPECT_TRUE(submitted.empty());
    // Found out by the write itself: the disk filled up.
    flow->set_records_available(true);
    press(Kind::home);
    touch(Step::open);
    touch(Step::category, 1);
    touch(Step::submit);
    ASSERT_EQ(submitted.size(), 1u);
    EXPECT_TRUE(flow->committed(submitted[0].serial, tl::unexpected(records::RecordError{
                                                         records::RecordErrorKind::unavailable, "full"})));
    EXPECT_EQ(screen(), Screen::unavailable);
    EXPECT_TRUE(flow->state().queue_number.empty());
}

TEST_F(ConsultFlowTest, TheDesksRatingShowsOverTheAttractLoopAndSkipIsOneTouch) {
    collect(controller.walk_away());
    flow->offer_rating(42);
    EXPECT_TRUE(touch(Step::rate_at_desk).relayout);
    EXPECT_EQ(controller.view().view, View::attract);
    EXPECT_EQ(controller.flow_on_screen(), flow);
    EXPECT_EQ(screen(), Screen::desk_rating);
    touch(Step::skip_rating);
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
    EXPECT_TRUE(rated.empty());
    // Rated: it goes with the consultation closed; thanks, then back to the loop.
    flow->offer_rating(43);
    touch(Step::rate_at_desk);
    touch(Step::face, static_cast<int>(records::Rating::satisfied));
    ASSERT_EQ(rated.size(), 1u);
    EXPECT_EQ(rated[0].consultation, 43);
    EXPECT_EQ(screen(), Screen::thanks);
    touch(Step::close);
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
    // Left unanswered, it goes with the idle timeout.
    flow->offer_rating(44);
    touch(Step::rate_at_desk);
    EXPECT_TRUE(controller.step(now + kIdle).walked_away);
    EXPECT_EQ(controller.flow_on_screen(), nullptr);
    EXPECT_EQ(rated.size(), 1u);
}

TEST_F(ConsultFlowTest, TheDesksRatingWaitsForAVisitorsRequestUnderWay) {
    touch(Step::open);
    touch(Step::category, 0);
    flow->offer_rating(50);
    EXPECT_FALSE(touch(Step::rate_at_desk).relayout);
    EXPECT_EQ(screen(), Screen::topics) << "the request under way keeps the screen";
    touch(Step::other_topic);
    touch(Step::submit);
    flow->committed(submitted[0].serial, records::Committed{9, "A009"});
    touch(Step::skip_rating);
    press(Kind::home);
    EXPECT_EQ(screen(), Screen::desk_rating) << "shown when the request is over";
    EXPECT_EQ(flow->state().consultation, 50);
}

TEST_F(ConsultFlowTest, ALowRatingCountsWhenTheVisitorLeavesWithoutAReason) {
    touch(Step::open);
    touch(Step::category, 0);
    touch(Step::other_topic);
    touch(Step::submit);
    flow->committed(submitted[0].serial, records::Committed{7, "A007"});
    touch(Step::face, static_cast<int>(records::Rating::very_dissatisfied));
    ASSERT_EQ(screen(), Screen::reason);
    collect(controller.step(now + kIdle));
    ASSERT_EQ(rated.size(), 1u) << "the face touched is the visitor's answer";
    EXPECT_EQ(rated[0].consultation, 7);
    EXPECT_EQ(rated[0].rating, records::Rating::very_dissatisfied);
    EXPECT_TRUE(rated[0].reason.empty());
}

TEST_F(ConsultFlowTest, ALowRatingCountsWhenTheVisitorGoesHomeFromTheReasons) {
    touch(Step::open);
    touch(Step::category, 0);
    touch(Step::other_topic);
    touch(Step::submit);
    flow->committed(submitted[0].serial, records::Committed{8, "A008"});
    touch(Step::face, static_cast<int>(records::Rating::dissatisfied));
    press(Kind::home);
    ASSERT_EQ(rated.size(), 1u);
    EXPECT_EQ(rated[0].rating, records::Rating::dissatisfied);
}

TEST_F(ConsultFlowTest, TheDesksRatingWaitsWhileAVisitorReadsTheirQueueNumber) {
    touch(Step::open);
    touch(Step::category, 0);
    touch(Step::other_topic);
    touch(Step::submit);
    flow->committed(submitted[0].serial, records::Committed{9, "A009"});
    flow->offer_rating(60);
    flow->offer_rating(61);
    EXPECT_FALSE(touch(Step::rate_at_desk).relayout);
    EXPECT_EQ(screen(), Screen::confirmed) << "the queue number stays";
    touch(Step::skip_rating);
    touch(Step::close);
    EXPECT_EQ(screen(), Screen::desk_rating);
    EXPECT_EQ(flow->state().consultation, 60);
    touch(Step::skip_rating);
    EXPECT_EQ(screen(), Screen::desk_rating) << "each consultation closed is offered in turn";
    EXPECT_EQ(flow->state().consultation, 61);
}

}  // namespace
}  // namespace kiosk::ui

// Asking for help end to end: the kiosk binary on the sample package, each
// zone's screen driven by tap-text scripts through the whole request (the
// call-back's consent and keypad included) to the queue number and the
// rating, the record then read back from DATA_DIR/records.db; the idle
// timeout that records nothing; the records unavailable (a records.db that
// cannot be a database, a full disk); the desk's screen offering the rating
// when a consultation is closed; a visit and the board read, recorded; and
// a tap-text with nothing to tap.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

#include "exhibit_session.h"
#include "records/records_store.h"

namespace kiosk::test {
namespace {

namespace fs = std::filesystem;
using namespace std::chrono_literals;

// What a visitor taps, in the language they read.
struct Words {
    std::string ask, legal_aid, labour_disputes, call_back, go_on, agree, done, delete_digit, submit, unhappy,
        long_wait, skip, home;
};
const Words kChinese{"咨询", "法律援助", "劳动争议", "请回电",     "继续", "我同意",  "完成",
                     "删除", "提交",     "不满意",   "等候时间长", "跳过", "返回首页"};
const Words kEnglish{"Ask for help", "Legal aid", "Labour disputes", "Call me back", "Continue",
                     "I agree",      "Done",      "Delete",          "Submit",       "Dissatisfied",
                     "Long wait",    "Skip",      "Back to home"};

struct ZoneVisit {
    std::string zone;
    Rgb colour;
    bool english = false;
    bool large_text = false;
};

void PrintTo(const ZoneVisit& visit, std::ostream* os) {
    *os << visit.zone << (visit.english ? " in English" : "") << (visit.large_text ? " in large text" : "");
}

Script& tap_text(Script& script, const std::string& text) {
    return script.line("tap-text " + text);
}

Script& type_digits(Script& script, const std::string& digits) {
    for (const char digit : digits) {
        tap_text(script, std::string(1, digit));
    }
    return script;
}

std::vector<records::Consultation> consultations_in(const fs::path& data_dir) {
    auto store = records::open_records_store(records::records_file(data_dir), records::Categories{},
                                             *date::locate_zone("Asia/Shanghai"));
    if (!store) {
        ADD_FAILURE() << "records.db: " << store.error().message;
        return {};
    }
    auto list = (*store)->list(records::ConsultationQuery{});
    if (!list) {
        ADD_FAILURE() << "records.db: " << list.error().message;
        return {};
    }
    return *list;
}

class AskForHelpSession : public ExhibitSession {
  protected:
    fs::path data() const { return fs::path(data_dir()); }
};

class AskForHelpOnEveryZone : public AskForHelpSession, public ::testing::WithParamInterface<ZoneVisit> {};

// Home, "ask for help", legal aid, a topic, a call-back (refused without
// the tick, then a number refused, then a good one), submit, the number,
// a low rating with its reason, thanks.
TEST_P(AskForHelpOnEveryZone, AVisitorsRequestWithACallBackIsRecordedAndItsQueueNumberShown) {
    const ZoneVisit& visit = GetParam();
    const Words& words = visit.english ? kEnglish : kChinese;
    Script steps = script();
    steps.tap({960, 540}).wait(300);
    if (visit.english) {
        tap_text(steps, "English");
    }
    if (visit.large_text) {
        tap_text(steps, visit.english ? "Large text" : "大字");
    }
    tap_text(steps, words.ask);
    tap_text(steps, words.legal_aid);
    tap_text(steps, words.labour_disputes);
    tap_text(steps, words.call_back);
    tap_text(steps, words.go_on);  // no tick: no keypad yet
    tap_text(steps, words.agree);
    tap_text(steps, words.go_on);
    type_digits(steps, "123");
    tap_text(steps, words.done);
    tap_text(steps, words.delete_digit);
    tap_text(steps, words.delete_digit);
    tap_text(steps, words.delete_digit);
    type_digits(steps, "13812345678");
    tap_text(steps, words.done);
    tap_text(steps, words.submit).wait(1000).shot("confirmed");
    tap_text(steps, words.unhappy);
    tap_text(steps, words.long_wait).wait(100).shot("thanks");
    tap_text(steps, words.home).wait(200).shot("home").quit();
    const ProcessResult result = run(visit.zone, steps);
    ASSERT_EQ(result.exit_code, 0) << result;

    const std::vector<records::Consultation> recorded = consultations_in(data());
    ASSERT_EQ(recorded.size(), 1u);
    const records::Consultation& request = recorded.front();
    EXPECT_EQ(request.channel, records::Channel::kiosk);
    EXPECT_EQ(request.zone, visit.zone);
    EXPECT_EQ(request.category, "legal-aid");
    EXPECT_EQ(request.topic, "劳动争议") << "recorded in the hall's language whatever the visitor read";
    EXPECT_EQ(request.queue_number, "A001");
    EXPECT_TRUE(request.callback_requested);
    EXPECT_EQ(request.phone, "13812345678");
    EXPECT_EQ(request.status, records::ConsultationStatus::open);
    ASSERT_TRUE(request.rating);
    EXPECT_EQ(*request.rating, records::Rating::dissatisfied);
    EXPECT_EQ(request.rating_reason, "等候时间长");
    EXPECT_NE(log_of(result).find("queue number A001"), std::string::npos) << result;

    // The number, large and in the zone's colour, on its card at the left.
    const Image confirmed = shot("confirmed");
    EXPECT_TRUE(has_title_bar(confirmed, visit.colour));
    EXPECT_GT(rows_with(
                  confirmed, {40, 300, 900, 300}, [&](Rgb c) { return near(c, visit.colour, 30); }, 20),
              60)
        << "the queue number";
    EXPECT_TRUE(has_title_bar(shot("home"), visit.colour));
    if (!visit.large_text) {  // (large text moves the tiles down)
        EXPECT_TRUE(is_home(shot("home"), visit.colour)) << "thanks lead home";
    }
}

INSTANTIATE_TEST_SUITE_P(SamplePackage, AskForHelpOnEveryZone,
                         ::testing::Values(ZoneVisit{"boards", kBoardsRed, false, false},
                                           ZoneVisit{"models", kModelsTeal, true, false},
                                           ZoneVisit{"av", kAvBlue, false, true},
                                           ZoneVisit{"health", kHealthGreen, true, true}),
                         [](const auto& info) { return info.param.zone; });

TEST_F(AskForHelpSession, TheIdleTimeoutCancelsAnUnfinishedRequestAndRecordsNothingOfIt) {
    Script steps = script();
    steps.tap({960, 540}).wait(300);
    tap_text(steps, "咨询");
    tap_text(steps, "政策咨询");
    tap_text(steps, "其他");
    tap_text(steps, "请回电");
    tap_text(steps, "我同意");
    tap_text(steps, "继续");
    type_digits(steps, "13912345678");
    steps.wait(3000).shot("after").quit();
    const ProcessResult result = run("health", steps, {"--idle-timeout", std::to_string(2 * kSlowdown)});
    ASSERT_EQ(result.exit_code, 0) << result;
    EXPECT_TRUE(is_attract(shot("after"), kHealthGreen)) << "the next visitor sees none of it";
    EXPECT_TRUE(consultations_in(data()).empty());
    EXPECT_EQ(log_of(result).find("recorded as consultation"), std::string::npos) << result;
    EXPECT_EQ(log_of(result).find("13912345678"), std::string::npos) << "the number is never logged";
}

// A records.db that is a folder cannot be opened: the records are
// unavailable from the start, and asking for help says so at once.
TEST_F(AskForHelpSession, RecordsThatCannotBeWrittenSendTheVisitorToTheDesk) {
    fs::create_directories(data() / "records.db");
    Script steps = script();
    steps.tap({960, 540}).wait(500);
    tap_text(steps, "咨询");
    steps.wait(100).shot("desk");
    tap_text(steps, "返回首页");  // on "please see the desk" only
    steps.wait(200).shot("home").quit();
    const ProcessResult result = run("boards", steps);
    ASSERT_EQ(result.exit_code, 0) << result;
    EXPECT_TRUE(is_home(shot("home"), kBoardsRed));
    EXPECT_TRUE(fs::is_directory(data() / "records.db")) << "left as it was";
}

// A full disk under the data directory (a small tmpfs, where this machine
// lets the test mount one), filled while the kiosk runs: the request is
// refused by the disk, and the visitor is sent to the desk instead of shown
// a number; nothing crashes.
TEST_F(AskForHelpSession, AFullDiskSendsTheVisitorToTheDeskInsteadOfConfirming) {
    fs::create_directories(data());
    const std::string mount = "mount -t tmpfs -o size=4m tmpfs '" + data_dir() + "' 2>/dev/null";
    if (std::system(mount.c_str()) != 0) {
        GTEST_SKIP()
            << "cannot mount a tmpfs here (needs root): the records.db-folder test covers the screen";
    }
    struct Unmount {
        std::string dir;
        ~Unmount() { std::system(("umount -l '" + dir + "' 2>/dev/null").c_str()); }
    } unmount{data_dir()};
    Script steps = script();
    steps.tap({960, 540}).wait(4000);  // the disk fills up meanwhile
    tap_text(steps, "咨询");
    tap_text(steps, "法律援助");
    tap_text(steps, "其他");
    tap_text(steps, "提交");
    steps.wait(300).shot("desk");
    tap_text(steps, "返回首页");  // "please see the desk", not the number
    steps.quit();
    auto running = std::async(std::launch::async, [&] { return run("av", steps); });
    const fs::path file = records::records_file(data());
    for (int tries = 0; tries < 400 && !fs::exists(file); ++tries) {
        std::this_thread::sleep_for(50ms);
    }
    std::this_thread::sleep_for(1s);
    {
        std::ofstream filler(data() / "filler", std::ios::binary);
        const std::string block(64 * 1024, 'x');
        while (filler.write(block.data(), static_cast<std::streamsize>(block.size())) && filler.flush()) {
        }
    }
    const ProcessResult result = running.get();
    ASSERT_EQ(result.exit_code, 0) << result;
    EXPECT_NE(log_of(result).find("could not be recorded"), std::string::npos) << result;
    EXPECT_EQ(log_of(result).find("queue number"), std::string::npos) << result;
    EXPECT_TRUE(has_title_bar(shot("desk"), kAvBlue));
    fs::remove(data() / "filler");
    EXPECT_TRUE(consultations_in(data()).empty());
}

// The desk's screen: a consultation closed at the desk while the kiosk
// runs is offered for rating on it, over the attract loop.
TEST_F(AskForHelpSession, TheDesksScreenAsksForARatingWhenTheDeskClosesAConsultation) {
    const fs::path config = dir() / "kiosk.toml";
    std::ofstream(config) << "[[screen]]\nzone = \"health\"\n\n[consultation]\ndesk_screen = 0\n";
    Script steps = script();
    steps.wait(6000).shot("prompt");
    tap_text(steps, "非常满意");
    steps.wait(100).shot("thanks");
    tap_text(steps, "完成");
    steps.quit();
    auto running = std::async(std::launch::async, [&] {
        return run("health", steps, {"--config", config.string()});
    });
    // Once the kiosk has its records open, the desk closes a consultation.
    const fs::path file = records::records_file(data());
    for (int tries = 0; tries < 400 && !fs::exists(file); ++tries) {
        std::this_thread::sleep_for(50ms);
    }
    std::this_thread::sleep_for(500ms);
    auto store =
        records::open_records_store(file, records::Categories{}, *date::locate_zone("Asia/Shanghai"));
    ASSERT_TRUE(store) << store.error().message;
    records::NewConsultation handled;
    handled.at = std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    handled.category = "health-screening";
    handled.channel = records::Channel::desk;
    const auto added = (*store)->add(handled);
    ASSERT_TRUE(added) << added.error().message;
    ASSERT_TRUE((*store)->close(added->id, "", handled.at + 1s));
    store->reset();

    const ProcessResult result = running.get();
    ASSERT_EQ(result.exit_code, 0) << result;
    EXPECT_TRUE(has_title_bar(shot("prompt"), kHealthGreen)) << "the rating over the attract loop";
    const std::vector<records::Consultation> recorded = consultations_in(data());
    ASSERT_EQ(recorded.size(), 1u);
    ASSERT_TRUE(recorded[0].rating);
    EXPECT_EQ(*recorded[0].rating, records::Rating::very_satisfied);
}

// A visitor's session, from the first touch to the idle return, and the
// board they read, for how long it showed.
TEST_F(AskForHelpSession, AVisitAndTheBoardsReadAreRecorded) {
    Script steps = script();
    steps.tap({960, 540}).wait(300).tap(at1080::home_tile(0)).wait(300).tap(at1080::kFirstCard).wait(1000);
    steps.key("Escape").wait(3000).quit();
    const ProcessResult result = run("boards", steps, {"--idle-timeout", std::to_string(2 * kSlowdown)});
    ASSERT_EQ(result.exit_code, 0) << result;
    const date::time_zone& tz = *date::locate_zone("Asia/Shanghai");
    auto store = records::open_records_store(records::records_file(data()), records::Categories{}, tz);
    ASSERT_TRUE(store) << store.error().message;
    // Today in the hall, and the days either side of it (a run across midnight).
    const auto today =
        date::year_month_day{date::floor<date::days>(tz.to_local(std::chrono::system_clock::now()))};
    const auto from = date::year_month_day{date::sys_days(today) - date::days(1)};
    const auto to = date::year_month_day{date::sys_days(today) + date::days(1)};
    const auto visits = (*store)->report_visits(from, to);
    ASSERT_TRUE(visits) << visits.error().message;
    EXPECT_EQ(visits->sessions, 1);
    EXPECT_GE(visits->median_seconds, 1.0);
    const auto boards = (*store)->report_boards(from, to);
    ASSERT_TRUE(boards) << boards.error().message;
    ASSERT_EQ(boards->size(), 1u);
    EXPECT_EQ(boards->front().zone, "boards");
    EXPECT_EQ(boards->front().views, 1);
    EXPECT_GE(boards->front().median_dwell_seconds, 0.9);
    EXPECT_LT(boards->front().median_dwell_seconds, 10.0 * kSlowdown)
        << "it ended when the visitor went back";
}

TEST_F(AskForHelpSession, ATapTextWithNothingToTapFailsTheRunNamingItsLineAndText) {
    Script steps = script();
    steps.tap({960, 540}).wait(300);
    tap_text(steps, "没有这个按钮");
    steps.shot("never").quit();
    const auto started = std::chrono::steady_clock::now();
    const ProcessResult result = run("boards", steps);
    EXPECT_EQ(result.exit_code, 2) << result;
    const std::string log = log_of(result);
    EXPECT_NE(log.find("line 3"), std::string::npos) << log;
    EXPECT_NE(log.find("没有这个按钮"), std::string::npos) << log;
    EXPECT_FALSE(fs::exists(Script(dir()).shot_path("never"))) << "the script stopped there";
    EXPECT_LT(std::chrono::steady_clock::now() - started, 30s * kSlowdown);
}

}  // namespace
}  // namespace kiosk::test

// The input script: parsing (every step, every refusal and its message),
// loading from a file, and the player that turns steps into timed actions.
#include "ui/input_script.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <set>

#include <gtest/gtest.h>

#include "../../support/hostile_input.h"

namespace kiosk::ui {
namespace {

using StepKind = ScriptStep::Kind;

// The error a script is refused with, as the kiosk would print it.
std::string refusal(std::string_view text) {
    const auto script = parse_input_script(text);
    if (script) {
        return "accepted";
    }
    return to_string(script.error());
}

InputScript parsed(std::string_view text) {
    auto script = parse_input_script(text);
    EXPECT_TRUE(script.has_value()) << (script ? "" : to_string(script.error()));
    return script ? *script : InputScript{};
}

const PointerEvent& pointer_of(const ScriptAction& action) {
    return std::get<PointerEvent>(action.what);
}

void expect_pointer(const ScriptAction& action, PointerEvent::Kind kind, double x, double y, double time) {
    ASSERT_TRUE(std::holds_alternative<PointerEvent>(action.what));
    const PointerEvent& event = pointer_of(action);
    EXPECT_EQ(event.kind, kind);
    EXPECT_EQ(event.pointer, kScriptFinger);
    EXPECT_DOUBLE_EQ(event.x, x);
    EXPECT_DOUBLE_EQ(event.y, y);
    EXPECT_DOUBLE_EQ(event.time, time);
    EXPECT_DOUBLE_EQ(action.time, time);
}

// --- parsing --------------------------------------------------------------

TEST(ParseInputScript, ReadsEveryKindOfStep) {
    const InputScript script = parsed(
        "wait 1500\n"
        "tap 100 200\n"
        "swipe 1800 540 120 560 300\n"
        "key Escape\n"
        "shot shots/home.png\n"
        "quit\n");
    ASSERT_EQ(script.size(), 6u);

    EXPECT_EQ(script[0].kind, StepKind::wait);
    EXPECT_EQ(script[0].ms, 1500);
    EXPECT_EQ(script[0].line, 1);

    EXPECT_EQ(script[1].kind, StepKind::tap);
    EXPECT_EQ(script[1].x1, 100);
    EXPECT_EQ(script[1].y1, 200);

    EXPECT_EQ(script[2].kind, StepKind::swipe);
    EXPECT_EQ(script[2].x1, 1800);
    EXPECT_EQ(script[2].y1, 540);
    EXPECT_EQ(script[2].x2, 120);
    EXPECT_EQ(script[2].y2, 560);
    EXPECT_EQ(script[2].ms, 300);

    EXPECT_EQ(script[3].kind, StepKind::key);
    EXPECT_EQ(script[3].key, "Escape");

    EXPECT_EQ(script[4].kind, StepKind::shot);
    EXPECT_EQ(script[4].shot_path, std::filesystem::path("shots/home.png"));

    EXPECT_EQ(script[5].kind, StepKind::quit);
    EXPECT_EQ(script[5].line, 6);
}

TEST(ParseInputScript, SkipsBlankLinesAndCommentsButCountsThemAsLines) {
    const InputScript script = parsed(
        "# the home screen\n"
        "\n"
        "   \t\n"
        "tap 10 20   # the first tile\n"
        "#wait 100\n"
        "wait 100#no space before the comment\n");
    ASSERT_EQ(script.size(), 2u);
    EXPECT_EQ(script[0].line, 4);
    EXPECT_EQ(script[1].line, 6);
    EXPECT_EQ(script[1].ms, 100);
}

TEST(ParseInputScript, TakesTabsWindowsLineEndsAByteOrderMarkAndNoFinalNewline) {
    const InputScript script = parsed("\xEF\xBB\xBFtap\t1\t2\r\n  wait   30  \r\nkey F12");
    ASSERT_EQ(script.size(), 3u);
    EXPECT_EQ(script[0].x1, 1);
    EXPECT_EQ(script[0].y1, 2);
    EXPECT_EQ(script[1].ms, 30);
    EXPECT_EQ(script[2].key, "F12");
}

TEST(ParseInputScript, AnEmptyScriptIsValid) {
    EXPECT_TRUE(parsed("").empty());
    EXPECT_TRUE(parsed("# nothing yet\n\n").empty());
}

TEST(ParseInputScript, ZeroAndTheLargestValuesAreAccepted) {
    const InputScript script = parsed("wait 0\nswipe 0 0 32767 32767 86400000\n");
    EXPECT_EQ(script[0].ms, 0);
    EXPECT_EQ(script[1].x2, 32767);
    EXPECT_EQ(script[1].ms, 86400000);
}

TEST(ParseInputScript, SaysHowManyValuesAStepNeeds) {
    EXPECT_EQ(refusal("wait 1\ntap 1 1\nswipe 1 2 3 4\n"),
              "line 3: swipe needs X1 Y1 X2 Y2 MS, got 4 values");
    EXPECT_EQ(refusal("wait"), "line 1: wait needs MS, got 0 values");
    EXPECT_EQ(refusal("wait 1 2"), "line 1: wait needs MS, got 2 values");
    EXPECT_EQ(refusal("tap 5"), "line 1: tap needs X Y, got 1 value");
    EXPECT_EQ(refusal("tap 5 6 7"), "line 1: tap needs X Y, got 3 values");
    EXPECT_EQ(refusal("swipe 1 2 3 4 5 6"), "line 1: swipe needs X1 Y1 X2 Y2 MS, got 6 values");
    EXPECT_EQ(refusal("key"), "line 1: key needs NAME, got 0 values");
    EXPECT_EQ(refusal("key Left Right"), "line 1: key needs NAME, got 2 values");
    EXPECT_EQ(refusal("shot"), "line 1: shot needs PATH.png, got 0 values");
    EXPECT_EQ(refusal("shot my shot.png"), "line 1: shot needs PATH.png, got 2 values");
    EXPECT_EQ(refusal("quit now"), "line 1: quit takes no values, got 1");
}

TEST(ParseInputScript, CoordinatesAreWholePixelsFromZero) {
    const std::string reason = "line 1: X must be a whole number of pixels from 0 to 32767, got ";
    for (const std::string bad :
         {"-1", "1.5", "+3", "1e3", "0x10", "ten", "12px", "32768", "99999999999999999999"}) {
        SCOPED_TRACE(bad);
        EXPECT_EQ(refusal("tap " + bad + " 5"), reason + "\"" + bad + "\"");
    }
    EXPECT_EQ(refusal("swipe 1 2 3 -4 100"),
              "line 1: Y2 must be a whole number of pixels from 0 to 32767, got \"-4\"");
}

TEST(ParseInputScript, MillisecondsAreWholeAndNotNegative) {
    EXPECT_EQ(refusal("wait -5"),
              "line 1: MS must be a whole number of milliseconds from 0 to 86400000, got \"-5\"");
    EXPECT_EQ(refusal("wait 0.5"),
              "line 1: MS must be a whole number of milliseconds from 0 to 86400000, got \"0.5\"");
    EXPECT_EQ(refusal("swipe 1 2 3 4 86400001"),
              "line 1: MS must be a whole number of milliseconds from 0 to 86400000, got \"86400001\"");
}

TEST(ParseInputScript, UnknownStepsAreRefusedAndStepsAreLowerCase) {
    EXPECT_EQ(refusal("tapp 1 2"),
              "line 1: unknown step \"tapp\"; steps are wait, tap, tap-text, swipe, key, shot, quit");
    EXPECT_EQ(refusal("Tap 1 2"),
              "line 1: unknown step \"Tap\"; steps are wait, tap, tap-text, swipe, key, shot, quit");
}

TEST(ParseInputScript, AcceptsEveryKnownKeyName) {
    for (const std::string_view name : known_key_names()) {
        SCOPED_TRACE(name);
        const InputScript script = parsed("key " + std::string(name));
        ASSERT_EQ(script.size(), 1u);
        EXPECT_EQ(script[0].key, name);
    }
}

TEST(ParseInputScript, TheKeyNamesAreTheKiosksNavigationKeysFunctionKeysLettersAndDigits) {
    const auto names = known_key_names();
    const std::set<std::string_view> unique(names.begin(), names.end());
    EXPECT_EQ(unique.size(), names.size());
    EXPECT_EQ(names.size(), 11u + 12u + 26u + 10u);
    for (const std::string_view name : {"Escape", "Return", "Left", "Right", "Up", "Down", "Home", "PageUp",
                                        "PageDown", "Space", "Backspace", "F1", "F12", "A", "Z", "0", "9"}) {
        EXPECT_TRUE(unique.contains(name)) << name;
    }
}

TEST(ParseInputScript, AnUnknownKeyIsRefusedWithAHint) {
    EXPECT_EQ(refusal("key escape"), "line 1: unknown key \"escape\" (did you mean \"Escape\"?)");
    EXPECT_EQ(refusal("key a"), "line 1: unknown key \"a\" (did you mean \"A\"?)");
    EXPECT_EQ(refusal("key PAGEUP"), "line 1: unknown key \"PAGEUP\" (did you mean \"PageUp\"?)");
    const std::string tab = refusal("key Tab");
    EXPECT_EQ(tab.rfind("line 1: unknown key \"Tab\"; keys are Escape Return Left", 0), 0u) << tab;
    EXPECT_NE(tab.find("F12"), std::string::npos);
    EXPECT_NE(tab.find("a letter A-Z or a digit 0-9"), std::string::npos);
    EXPECT_NE(refusal("key F13"), "accepted");
    EXPECT_NE(refusal("key AB"), "accepted");
    EXPECT_NE(refusal("key 10"), "accepted");
}

TEST(ParseInputScript, AShotMustBeAPngFile) {
    EXPECT_EQ(parsed("shot a.png")[0].shot_path, std::filesystem::path("a.png"));
    EXPECT_EQ(parsed("shot /tmp/run-1/../b.png")[0].shot_path, std::filesystem::path("/tmp/run-1/../b.png"));
}

TEST(ParseInputScript, AShotPathNotEndingInPngIsRefused) {
    for (const std::string bad : {"a.jpg", "a.PNG", "a.png.txt", "png", ".png", "shots/.png"}) {
        SCOPED_TRACE(bad);
        EXPECT_EQ(refusal("shot " + bad),
                  "line 1: shot needs a PNG file name ending in .png, got \"" + bad + "\"");
    }
}

TEST(ParseInputScript, OneBadLineRefusesTheWholeScriptAtTheFirstBadLine) {
    EXPECT_EQ(
        refusal("tap 1 1\n\n# fine so far\nwait 10\nkey Enter\nkey Tab\n"),
        "line 5: unknown key \"Enter\"; keys are Escape Return Left Right Up Down Home PageUp PageDown Space "
        "Backspace F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12, a letter A-Z or a digit 0-9");
}

TEST(ParseInputScript, NothingMayFollowQuit) {
    EXPECT_EQ(refusal("quit\n# done\n\ntap 1 1\n"),
              "line 4: nothing may follow quit (line 1): it would never run");
    EXPECT_EQ(parsed("tap 1 1\nquit\n# the end\n\n").size(), 2u);
}

TEST(ScriptError, ToStringNamesTheLineWhenThereIsOne) {
    EXPECT_EQ(to_string(ScriptError{7, "bad"}), "line 7: bad");
    EXPECT_EQ(to_string(ScriptError{0, "input script x: no such file"}), "input script x: no such file");
}

// --- loading ----------------------------------------------------------------

class LoadInputScript : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = std::filesystem::temp_directory_path() /
                ("input_script_test_" +
                 std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        std::filesystem::remove_all(m_dir);
        std::filesystem::create_directories(m_dir);
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }

    std::filesystem::path write(const std::string& name, const std::string& text) {
        const std::filesystem::path path = m_dir / name;
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }

    std::filesystem::path m_dir;
};

TEST_F(LoadInputScript, ReadsAFile) {
    const auto script = load_input_script(write("demo.txt", "wait 10\ntap 3 4\nquit\n"));
    ASSERT_TRUE(script.has_value()) << to_string(script.error());
    EXPECT_EQ(script->size(), 3u);
}

TEST_F(LoadInputScript, AMissingFileIsAnErrorWithoutALine) {
    const auto script = load_input_script(m_dir / "absent.txt");
    ASSERT_FALSE(script.has_value());
    EXPECT_EQ(script.error().line, 0);
    EXPECT_EQ(to_string(script.error()),
              "input script " + (m_dir / "absent.txt").string() + ": no such file");
}

TEST_F(LoadInputScript, ADirectoryIsAnError) {
    const auto script = load_input_script(m_dir);
    ASSERT_FALSE(script.has_value());
    EXPECT_EQ(script.error().line, 0);
    EXPECT_NE(script.error().reason.find("not a regular file (a folder)"), std::string::npos)
        << script.error().reason;
}

TEST_F(LoadInputScript, ABadLineInAFileKeepsItsLineNumber) {
    const auto script = load_input_script(write("bad.txt", "wait 10\r\nswipe 1 2 3 4\r\n"));
    ASSERT_FALSE(script.has_value());
    EXPECT_EQ(to_string(script.error()), "line 2: swipe needs X1 Y1 X2 Y2 MS, got 4 values");
}

// --- the player -------------------------------------------------------------

// /dev/zero would be read until the memory ran out; a FIFO would block.
TEST_F(LoadInputScript, AFileThatIsNotRegularIsRefusedAtOnce) {
    const auto from_device = load_input_script("/dev/zero");
    ASSERT_FALSE(from_device.has_value());
    EXPECT_EQ(to_string(from_device.error()), "input script /dev/zero: not a regular file (a device)");
    const std::filesystem::path fifo = m_dir / "fifo";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const auto from_fifo = load_input_script(fifo);
    ASSERT_FALSE(from_fifo.has_value());
    EXPECT_NE(from_fifo.error().reason.find("not a regular file (a FIFO)"), std::string::npos);
}

TEST_F(LoadInputScript, AScriptOverOneMebibyteIsRefusedNamingTheLimit) {
    const auto script = load_input_script(write("big.txt", std::string(1024 * 1024 + 1, '\n')));
    ASSERT_FALSE(script.has_value());
    EXPECT_NE(script.error().reason.find("at most 1 MiB"), std::string::npos) << script.error().reason;
}

// Known before the first step runs, not when the shot fails minutes later.
TEST_F(LoadInputScript, AShotIntoAFolderThatDoesNotExistIsRefusedWithItsLine) {
    const std::filesystem::path missing = m_dir / "no-such-folder" / "home.png";
    const auto script = load_input_script(
        write("s.txt", "wait 10\nshot " + (m_dir / "ok.png").string() + "\nshot " + missing.string() + "\n"));
    ASSERT_FALSE(script.has_value());
    EXPECT_EQ(to_string(script.error()),
              "line 3: shot: no folder \"" + missing.parent_path().string() + "\" to write the picture in");
}

// A refused line is quoted back, but never a megabyte of it.
TEST(ParseInputScript, QuotesAtMostTwoHundredCharactersOfARefusedWord) {
    const std::string word(100000, 'x');
    for (const std::string& line : {word, "key " + word, "tap " + word + " 1", "shot " + word}) {
        const std::string reason = refusal(line);
        EXPECT_LT(reason.size(), 400U) << reason.substr(0, 100);
        EXPECT_NE(reason.find("\"" + std::string(200, 'x') + "…\""), std::string::npos)
            << reason.substr(0, 100);
    }
    EXPECT_NE(refusal("key " + std::string(300, 'x')).find("\"" + std::string(200, 'x') + "…\""),
              std::string::npos);
    const std::string chinese = "键";
    std::string long_chinese;
    for (int i = 0; i < 300; ++i) {
        long_chinese += chinese;
    }
    std::string cut;
    for (int i = 0; i < 200; ++i) {
        cut += chinese;
    }
    EXPECT_NE(refusal("key " + long_chinese).find("\"" + cut + "…\""), std::string::npos)
        << "cut at a character, not a byte";
}

TEST(ParseInputScript, RandomAndMutatedScriptsAreAnsweredInBoundedTime) {
    const std::string valid =
        "# demo\nwait 100\ntap 10 20\nswipe 0 0 500 500 300\nkey Escape\nshot a.png\nquit\n";
    kiosk::test::Mutator mutator(42);
    for (int round = 0; round < 3000; ++round) {
        const std::string text = round % 10 == 0 ? mutator.noise(2048) : mutator.mutate(valid);
        const auto took = kiosk::test::time_to_answer([&] {
            auto script = parse_input_script(text);
            if (script) {
                ScriptPlayer player(std::move(*script));
                player.start(0);
                (void)player.due(1.0);
            } else {
                EXPECT_LT(to_string(script.error()).size(), 1000U);
            }
        });
        ASSERT_LT(took, kiosk::test::kMostPerHostileInput) << "round " << round;
    }
}

TEST(ScriptPlayer, DoesNothingBeforeStart) {
    ScriptPlayer player(parsed("tap 1 1"));
    EXPECT_FALSE(player.next_time().has_value());
    EXPECT_TRUE(player.due(1e9).empty());
    EXPECT_FALSE(player.finished());
}

TEST(ScriptPlayer, ATapIsADownAndAnUpFiftyMillisecondsLater) {
    ScriptPlayer player(parsed("tap 10 20"));
    player.start(100.0);
    ASSERT_EQ(player.next_time(), 100.0);
    const auto down = player.due(100.0);
    ASSERT_EQ(down.size(), 1u);
    expect_pointer(down[0], PointerEvent::Kind::down, 10.0, 20.0, 100.0);
    EXPECT_EQ(down[0].line, 1);
    ASSERT_TRUE(player.next_time().has_value());
    EXPECT_DOUBLE_EQ(*player.next_time(), 100.05);
    EXPECT_TRUE(player.due(100.049).empty());
    const auto up = player.due(*player.next_time());
    ASSERT_EQ(up.size(), 1u);
    expect_pointer(up[0], PointerEvent::Kind::up, 10.0, 20.0, 100.05);
    EXPECT_TRUE(player.finished());
    EXPECT_FALSE(player.next_time().has_value());
}

TEST(ScriptPlayer, WaitsMoveTheScriptOnAndKeysShotsAndQuitTakeNoTime) {
    ScriptPlayer player(parsed("wait 500\ntap 1 1\nwait 250\nkey Escape\nshot a.png\nquit\n"));
    player.start(0.0);
    const auto all = player.due(1e9);
    ASSERT_EQ(all.size(), 5u);
    EXPECT_DOUBLE_EQ(all[0].time, 0.5);
    EXPECT_DOUBLE_EQ(all[1].time, 0.55);
    EXPECT_DOUBLE_EQ(all[2].time, 0.8);
    EXPECT_EQ(std::get<KeyPress>(all[2].what), KeyPress{"Escape"});
    EXPECT_EQ(all[2].line, 4);
    EXPECT_DOUBLE_EQ(all[3].time, 0.8);
    EXPECT_EQ(std::get<TakeShot>(all[3].what), TakeShot{"a.png"});
    EXPECT_DOUBLE_EQ(all[4].time, 0.8);
    EXPECT_TRUE(std::holds_alternative<QuitKiosk>(all[4].what));
    EXPECT_TRUE(player.finished());
}

TEST(ScriptPlayer, ASwipeSlidesAlongItsLineEverySixteenMilliseconds) {
    ScriptPlayer player(parsed("swipe 0 100 160 20 100\nkey Home\n"));
    player.start(0.0);
    const auto all = player.due(1e9);
    // down, moves at 16 32 48 64 80 96 ms, up at 100 ms, then the key.
    ASSERT_EQ(all.size(), 9u);
    expect_pointer(all[0], PointerEvent::Kind::down, 0.0, 100.0, 0.0);
    for (int step = 1; step <= 6; ++step) {
        SCOPED_TRACE(step);
        const PointerEvent& move = pointer_of(all[step]);
        const double share = 16.0 * step / 100.0;
        EXPECT_EQ(move.kind, PointerEvent::Kind::move);
        EXPECT_DOUBLE_EQ(move.time, 0.016 * step);
        EXPECT_DOUBLE_EQ(move.x, 160.0 * share);
        EXPECT_DOUBLE_EQ(move.y, 100.0 - 80.0 * share);
    }
    expect_pointer(all[7], PointerEvent::Kind::up, 160.0, 20.0, 0.1);
    EXPECT_DOUBLE_EQ(all[8].time, 0.1);  // the next step starts once the swipe is over
}

// A day-long swipe is 5.4 million finger moves: handed out as they fall due,
// never held at once, so ten thousand of them cost nothing at start.
TEST(ScriptPlayer, LongSwipesAreExpandedOnlyAsTheyFallDue) {
    InputScript script;
    for (int i = 0; i < 10000; ++i) {
        ScriptStep swipe;
        swipe.kind = StepKind::swipe;
        swipe.line = i + 1;
        swipe.x2 = 86400;
        swipe.ms = 86'400'000;
        script.push_back(swipe);
    }
    ScriptPlayer player(std::move(script));
    const auto took = kiosk::test::time_to_answer([&] { player.start(0.0); });
    EXPECT_LT(took, std::chrono::seconds(1));
    auto first = player.due(0.0);
    ASSERT_EQ(first.size(), 1U);
    expect_pointer(first[0], PointerEvent::Kind::down, 0, 0, 0.0);
    ASSERT_TRUE(player.next_time().has_value());
    EXPECT_DOUBLE_EQ(*player.next_time(), 0.016);
    const auto moves = player.due(0.048);
    ASSERT_EQ(moves.size(), 3U);
    expect_pointer(moves[2], PointerEvent::Kind::move, 48.0 * 86400 / 86'400'000, 0, 0.048);
    EXPECT_FALSE(player.finished());
}

TEST(ScriptPlayer, AnInstantSwipeIsADownAndAnUpAtOnce) {
    ScriptPlayer player(parsed("swipe 0 0 300 0 0\n"));
    player.start(2.0);
    const auto all = player.due(2.0);
    ASSERT_EQ(all.size(), 2u);
    expect_pointer(all[0], PointerEvent::Kind::down, 0.0, 0.0, 2.0);
    expect_pointer(all[1], PointerEvent::Kind::up, 300.0, 0.0, 2.0);
}

TEST(ScriptPlayer, ActionsComeInOrderAndNextTimeNamesTheWakeUp) {
    ScriptPlayer player(parsed("wait 100\nswipe 0 0 100 100 200\nwait 1000\ntap 5 5\nquit\n"));
    player.start(50.0);
    double previous = 0.0;
    int wake_ups = 0;
    while (!player.finished()) {
        const std::optional<double> next = player.next_time();
        ASSERT_TRUE(next.has_value());
        ASSERT_GE(*next, previous);
        const auto actions = player.due(*next);  // sleeping until exactly then is enough
        ASSERT_FALSE(actions.empty());
        previous = *next;
        ASSERT_LT(++wake_ups, 100);
    }
    EXPECT_DOUBLE_EQ(previous, 50.0 + 0.1 + 0.2 + 1.0 + 0.05);
}

TEST(ScriptPlayer, ALateLoopGetsEveryOverdueActionWithItsScheduledTime) {
    ScriptPlayer player(parsed("tap 1 1\ntap 2 2\n"));
    player.start(0.0);
    const auto all = player.due(5.0);
    ASSERT_EQ(all.size(), 4u);
    EXPECT_DOUBLE_EQ(pointer_of(all[3]).time, 0.1);
}

TEST(ScriptPlayer, StartingAgainPlaysFromTheTop) {
    ScriptPlayer player(parsed("tap 1 1\n"));
    player.start(0.0);
    player.due(1.0);
    ASSERT_TRUE(player.finished());
    player.start(10.0);
    EXPECT_FALSE(player.finished());
    EXPECT_EQ(player.next_time(), 10.0);
}

TEST(ScriptPlayer, AnEmptyScriptFinishesAtStart) {
    ScriptPlayer player(InputScript{});
    player.start(0.0);
    EXPECT_TRUE(player.finished());
}

// The recognizer sees scripted input as the gestures the script means.
std::vector<Gesture::Kind> gestures_of(std::string_view text) {
    GestureRecognizer recognizer(GestureTuning::for_screen(4.0));
    ScriptPlayer player(parsed(text));
    player.start(0.0);
    std::vector<Gesture::Kind> kinds;
    for (const ScriptAction& action : player.due(1e9)) {
        if (const auto* event = std::get_if<PointerEvent>(&action.what)) {
            for (const Gesture& gesture : recognizer.feed(*event)) {
                kinds.push_back(gesture.kind);
            }
        }
    }
    return kinds;
}

TEST(ScriptPlayer, ScriptedTapsAndSwipesAreRecognisedAsSuch) {
    using Kind = Gesture::Kind;
    EXPECT_EQ(gestures_of("tap 100 100\n"), (std::vector<Kind>{Kind::press, Kind::tap}));
    EXPECT_EQ(gestures_of("tap 100 100\nwait 100\ntap 104 100\n"),
              (std::vector<Kind>{Kind::press, Kind::tap, Kind::press, Kind::tap, Kind::double_tap}));
    const auto swipe = gestures_of("swipe 800 500 200 500 300\n");  // 2000 px/s to the left
    ASSERT_GE(swipe.size(), 4u);
    EXPECT_EQ(swipe.front(), Kind::press);
    EXPECT_EQ(swipe[1], Kind::drag_start);
    EXPECT_EQ(swipe[swipe.size() - 2], Kind::drag_end);
    EXPECT_EQ(swipe.back(), Kind::swipe);
}

}  // namespace
}  // namespace kiosk::ui

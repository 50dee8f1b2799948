// tap-text in the input script: its parsing, and the player waiting at it
// until the text is found (the tap follows, the rest of the script moves on
// by the time waited) or two seconds pass (the run has failed).
#include <gtest/gtest.h>

#include <string>

#include "ui/input_script.h"

namespace kiosk::ui {
namespace {

using StepKind = ScriptStep::Kind;

InputScript parsed(std::string_view text) {
    auto script = parse_input_script(text);
    EXPECT_TRUE(script.has_value()) << (script ? "" : to_string(script.error()));
    return script ? *script : InputScript{};
}

std::string refusal(std::string_view text) {
    const auto script = parse_input_script(text);
    return script ? "accepted" : to_string(script.error());
}

TEST(ParseTapText, TakesTheRestOfTheLineTrimmedWithItsInnerSpaces) {
    const InputScript script = parsed(
        "tap-text 提交\n"
        "tap-text   Ask for help  \t\n"
        "tap-text 咨询 · Ask # a comment\n");
    ASSERT_EQ(script.size(), 3u);
    EXPECT_EQ(script[0].kind, StepKind::tap_text);
    EXPECT_EQ(script[0].text, "提交");
    EXPECT_EQ(script[0].line, 1);
    EXPECT_EQ(script[1].text, "Ask for help");
    EXPECT_EQ(script[2].text, "咨询 · Ask");
}

TEST(ParseTapText, NeedsATextToLookFor) {
    EXPECT_EQ(refusal("wait 10\ntap-text\n"), "line 2: tap-text needs the TEXT to look for on the screen");
    EXPECT_EQ(refusal("tap-text    # only a comment\n"),
              "line 1: tap-text needs the TEXT to look for on the screen");
    EXPECT_EQ(refusal("Tap-text 提交\n"),
              "line 1: unknown step \"Tap-text\"; steps are wait, tap, tap-text, swipe, key, shot, quit");
}

TEST(TapTextPlayer, WaitsAtTheStepUntilTheTextIsFoundThenTapsThereAndMovesTheRestOn) {
    ScriptPlayer player(parsed("wait 100\ntap-text 提交\nwait 200\nkey Escape\n"));
    player.start(10.0);
    EXPECT_TRUE(player.due(10.05).empty());
    const auto find = player.due(10.1);
    ASSERT_EQ(find.size(), 1u);
    ASSERT_TRUE(std::holds_alternative<FindText>(find[0].what));
    EXPECT_EQ(std::get<FindText>(find[0].what).text, "提交");
    EXPECT_EQ(find[0].line, 2);
    ASSERT_TRUE(player.waiting_for());
    EXPECT_EQ(player.waiting_for()->text, "提交");
    // Nothing more while it waits, however late.
    EXPECT_TRUE(player.due(11.0).empty());
    EXPECT_FALSE(player.not_found(10.6));
    EXPECT_NEAR(*player.next_time(), 10.6 + kTapTextRetrySeconds, 1e-9) << "it looks again soon";
    EXPECT_FALSE(player.finished());
    // Found half a second after it was due: the tap is then, the rest follows it.
    player.found(300, 400, 10.6);
    EXPECT_FALSE(player.waiting_for());
    const auto tap = player.due(10.6);
    ASSERT_EQ(tap.size(), 1u);
    const auto& down = std::get<PointerEvent>(tap[0].what);
    EXPECT_EQ(down.kind, PointerEvent::Kind::down);
    EXPECT_DOUBLE_EQ(down.x, 300);
    EXPECT_DOUBLE_EQ(down.y, 400);
    EXPECT_NEAR(down.time, 10.6, 1e-9);
    const auto up = player.due(10.65);
    ASSERT_EQ(up.size(), 1u);
    EXPECT_EQ(std::get<PointerEvent>(up[0].what).kind, PointerEvent::Kind::up);
    EXPECT_NEAR(*player.next_time(), 10.85, 1e-9) << "the key, 200 ms after the tap ended";
    const auto key = player.due(10.85);
    ASSERT_EQ(key.size(), 1u);
    EXPECT_TRUE(std::holds_alternative<KeyPress>(key[0].what));
    EXPECT_TRUE(player.finished());
    EXPECT_FALSE(player.failed());
}

TEST(TapTextPlayer, FoundAtOnceItIsAPlainTap) {
    ScriptPlayer player(parsed("tap-text Submit\ntap-text Done\n"));
    player.start(0.0);
    ASSERT_EQ(player.due(0.0).size(), 1u);
    player.found(10, 20, 0.0);
    const auto actions = player.due(0.05);
    ASSERT_EQ(actions.size(), 3u) << "down, up, and the next step's look";
    EXPECT_TRUE(std::holds_alternative<FindText>(actions[2].what));
    EXPECT_NEAR(actions[2].time, 0.05, 1e-9);
}

TEST(TapTextPlayer, GivesUpTwoSecondsAfterTheStepWasDue) {
    ScriptPlayer player(parsed("tap-text 不在这里\nquit\n"));
    player.start(0.0);
    ASSERT_EQ(player.due(0.0).size(), 1u);
    EXPECT_FALSE(player.not_found(1.0));
    EXPECT_FALSE(player.not_found(1.99));
    EXPECT_NEAR(*player.next_time(), 2.0, 1e-9) << "the last look falls on the deadline";
    EXPECT_TRUE(player.not_found(2.0));
    EXPECT_TRUE(player.failed());
    EXPECT_TRUE(player.finished());
    EXPECT_FALSE(player.next_time());
    EXPECT_TRUE(player.due(100.0).empty()) << "the quit never comes";
}

}  // namespace
}  // namespace kiosk::ui

#pragma once
// Scripted input for tests and demos (kiosk --headless --input-script FILE):
// a small text format of waits, taps, swipes, key presses, screenshots and a
// quit, and a player that turns it into timed pointer events.
//
// The format, one step a line ('#' starts a comment, blank lines are skipped):
//   wait MS                  let MS milliseconds pass
//   tap X Y                  a finger touches (X, Y) and lifts 50 ms later
//   tap-text TEXT            a tap on the centre of the visible target whose
//                            label contains TEXT (the rest of the line, spaces
//                            inside kept; as shown, in the screen's current
//                            language: "tap-text 提交", "tap-text Submit").
//                            The script waits for it up to 2 s (a page being
//                            saved, say), then goes on from when it tapped;
//                            when none shows in time the run fails (exit 2)
//                            naming the line and the text. TEXT cannot hold '#'.
//   swipe X1 Y1 X2 Y2 MS     a finger slides from (X1, Y1) to (X2, Y2) in MS ms
//   key NAME                 a key press, NAME as SDL spells it (known_key_names())
//   shot PATH.png            a screenshot of what is shown now
//   quit                     the kiosk exits (nothing may follow)
// Coordinates are screen pixels, whole numbers ≥ 0; MS a whole number ≥ 0.
// Pure logic: no SDL, no clock.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <tl/expected.hpp>

#include "ui/gestures.h"

namespace kiosk::ui {

// A scripted touch lasts this long (ms): a quick, unmistakable tap.
inline constexpr std::int64_t kScriptTapMs = 50;
// How long a tap-text step waits for its text to show (seconds).
inline constexpr double kTapTextWaitSeconds = 2.0;
// How often it looks again meanwhile (seconds), besides whenever the loop turns.
inline constexpr double kTapTextRetrySeconds = 0.05;
// A scripted swipe reports its finger this often (ms): a 60 Hz touch panel.
inline constexpr std::int64_t kScriptSwipeStepMs = 16;
// The finger id scripted touches use.
inline constexpr std::int64_t kScriptFinger = 0;

struct ScriptStep {
    enum class Kind { wait, tap, tap_text, swipe, key, shot, quit };
    Kind kind = Kind::wait;
    int line = 0;         // in the script, from 1
    std::int64_t ms = 0;  // wait, swipe
    int x1 = 0;           // tap: the point; swipe: from (x1, y1) to (x2, y2)
    int y1 = 0;
    int x2 = 0;
    int y2 = 0;
    std::string key;                  // key: the key's name
    std::string text;                 // tap_text: what the target's label contains
    std::filesystem::path shot_path;  // shot: where the PNG goes

    friend bool operator==(const ScriptStep&, const ScriptStep&) = default;
};

using InputScript = std::vector<ScriptStep>;

struct ScriptError {
    int line = 0;  // the offending line, from 1; 0 for the file as a whole
    std::string reason;
};

// "line 3: swipe needs X1 Y1 X2 Y2 MS, got 4 values"; without a line, the reason.
std::string to_string(const ScriptError& error);

// The key names a script may use, exactly as SDL spells them (SDL_GetKeyName
// / SDL_GetKeyFromName): the kiosk's navigation keys, F1..F12, A..Z, 0..9.
std::span<const std::string_view> known_key_names();

// Any bad line refuses the whole script, with the first bad line's error.
tl::expected<InputScript, ScriptError> parse_input_script(std::string_view text);
// Reads and parses the file (at most 1 MiB, a regular file); an unreadable
// file is an error with line 0, a shot into a folder that does not exist an
// error of its line.
tl::expected<InputScript, ScriptError> load_input_script(const std::filesystem::path& path);

struct KeyPress {
    std::string name;
    friend bool operator==(const KeyPress&, const KeyPress&) = default;
};
struct TakeShot {
    std::filesystem::path path;
    friend bool operator==(const TakeShot&, const TakeShot&) = default;
};
struct QuitKiosk {
    friend bool operator==(const QuitKiosk&, const QuitKiosk&) = default;
};
// tap-text: look for the target; the player waits (waiting_for()) until
// found() or not_found() says what came of it.
struct FindText {
    std::string text;
    friend bool operator==(const FindText&, const FindText&) = default;
};

struct ScriptAction {
    int line = 0;     // the script line it comes from, for logs
    double time = 0;  // when it is due, on the clock passed to start()
    std::variant<PointerEvent, KeyPress, TakeShot, QuitKiosk, FindText> what;

    friend bool operator==(const ScriptAction&, const ScriptAction&) = default;
};

// Plays a script against the caller's clock: start() once, then each turn of
// the main loop hands out what is due and sleeps until next_time(). Waits
// move the script's time on; a tap or swipe takes its own duration before
// the next step begins; keys, shots and quit take none. Pointer events carry
// their scheduled time, not the time due() was called, so gestures come out
// the same however late the loop wakes. A tap-text step hands out FindText
// and then nothing until the caller reports found() (the tap follows, and
// every later step moves on by the time waited) or, after 2 s of
// not_found(), the player stops: the run has failed.
class ScriptPlayer {
  public:
    explicit ScriptPlayer(InputScript script);

    void start(double time);
    // Every action due by `time` not handed out yet, in script order.
    std::vector<ScriptAction> due(double time);
    // When the next action is due; none before start() or once finished.
    std::optional<double> next_time() const;
    // Started and every action handed out.
    bool finished() const;

    // The tap-text step waiting for its text, if one is.
    struct TextWait {
        std::string text;
        int line = 0;
        double since = 0;  // when the step was due
    };
    const std::optional<TextWait>& waiting_for() const { return m_waiting; }
    // The text shows at (x, y) at `time`: it is tapped now.
    void found(double x, double y, double time);
    // The text was looked for at `time` and does not show. True once the
    // step has waited its 2 s: the player hands out nothing more.
    bool not_found(double time);
    bool failed() const { return m_failed; }

  private:
    // The actions of a step come out one at a time, so a day-long swipe
    // costs no more memory than a tap.
    static std::size_t action_count(const ScriptStep& step);
    ScriptAction action(std::size_t step, std::size_t index) const;
    // The (step, action) handed out next; none before start() or once finished.
    std::optional<std::pair<std::size_t, std::size_t>> next_action() const;

    InputScript m_script;
    std::vector<std::int64_t> m_step_start_ms;  // built by start(): when each step begins
    double m_start_time = 0;
    std::size_t m_step = 0;    // of the next action
    std::size_t m_action = 0;  // its index within the step
    bool m_started = false;
    std::optional<TextWait> m_waiting;
    double m_last_look = 0;  // while waiting
    double m_found_x = 0;    // where the last tap-text found its text
    double m_found_y = 0;
    bool m_failed = false;
};

}  // namespace kiosk::ui

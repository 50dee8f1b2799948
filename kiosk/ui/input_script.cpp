#include "ui/input_script.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <system_error>

#include "content/bounded_input.h"
#include "content/message_text.h"

namespace kiosk::ui {
namespace {

// Largest coordinate taken: no screen is wider, so a larger number is a typo.
constexpr std::int64_t kMaxCoordinate = 32767;
// Longest wait or swipe taken (one day, in ms): a longer one is a typo.
constexpr std::int64_t kMaxMilliseconds = 86'400'000;
// Largest script read: tens of thousands of steps, far more than any test or demo.
constexpr std::uintmax_t kMaxScriptBytes = 1024 * 1024;
// Longest piece of a refused line quoted back in its error, in characters:
// enough to recognise it, never a log line of megabytes.
constexpr std::size_t kMaxQuotedCharacters = 200;

// The one list of key names a script may use.
constexpr std::array<std::string_view, 59> kKeyNames = {
    "Escape",    "Return", "Left", "Right", "Up", "Down", "Home", "PageUp", "PageDown", "Space",
    "Backspace", "F1",     "F2",   "F3",    "F4", "F5",   "F6",   "F7",     "F8",       "F9",
    "F10",       "F11",    "F12",  "A",     "B",  "C",    "D",    "E",      "F",        "G",
    "H",         "I",      "J",    "K",     "L",  "M",    "N",    "O",      "P",        "Q",
    "R",         "S",      "T",    "U",     "V",  "W",    "X",    "Y",      "Z",        "0",
    "1",         "2",      "3",    "4",     "5",  "6",    "7",    "8",      "9",
};

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// `word` quoted, cut to kMaxQuotedCharacters characters.
std::string quote_cut(std::string_view word) {
    return content::quoted_text(word, kMaxQuotedCharacters);
}

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t position = 0;
    while (position < text.size()) {
        const std::size_t start = text.find_first_not_of(" \t", position);
        if (start == std::string_view::npos) {
            break;
        }
        const std::size_t end = std::min(text.find_first_of(" \t", start), text.size());
        words.push_back(text.substr(start, end - start));
        position = end;
    }
    return words;
}

std::string count_of_values(std::size_t count) {
    return std::to_string(count) + (count == 1 ? " value" : " values");
}

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) {
        return false;
    }
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(a[i]) != lower(b[i])) {
            return false;
        }
    }
    return true;
}

std::string unknown_key_reason(std::string_view name) {
    for (const std::string_view known : kKeyNames) {
        if (equal_ignoring_case(known, name)) {
            return "unknown key " + quote_cut(name) + " (did you mean " + quote_cut(known) + "?)";
        }
    }
    std::string reason = "unknown key " + quote_cut(name) + "; keys are";
    for (const std::string_view known : kKeyNames) {
        if (known.size() > 1) {
            reason += " " + std::string(known);
        }
    }
    return reason + ", a letter A-Z or a digit 0-9";
}

// Parses the words of one line into `step`, or says what is wrong with them.
class LineParser {
  public:
    // `text`: the line itself, comment cut off (tap-text takes the rest of it).
    LineParser(std::vector<std::string_view> words, std::string_view text, int line)
        : m_words(std::move(words)), m_text(text), m_line(line) {}

    tl::expected<ScriptStep, ScriptError> parse() {
        const std::string_view command = m_words.front();
        ScriptStep step;
        step.line = m_line;
        if (command == "wait") {
            step.kind = ScriptStep::Kind::wait;
            if (!expect_values(1, "MS") || !read_milliseconds(1, "MS", step.ms)) {
                return tl::unexpected(m_error);
            }
        } else if (command == "tap") {
            step.kind = ScriptStep::Kind::tap;
            if (!expect_values(2, "X Y") || !read_coordinate(1, "X", step.x1) ||
                !read_coordinate(2, "Y", step.y1)) {
                return tl::unexpected(m_error);
            }
        } else if (command == "tap-text") {
            step.kind = ScriptStep::Kind::tap_text;
            std::string_view rest = m_text.substr(m_text.find(command) + command.size());
            rest.remove_prefix(std::min(rest.find_first_not_of(" \t"), rest.size()));
            rest.remove_suffix(rest.size() - std::min(rest.find_last_not_of(" \t") + 1, rest.size()));
            if (rest.empty()) {
                return fail("tap-text needs the TEXT to look for on the screen");
            }
            step.text = std::string(rest);
        } else if (command == "swipe") {
            step.kind = ScriptStep::Kind::swipe;
            if (!expect_values(5, "X1 Y1 X2 Y2 MS") || !read_coordinate(1, "X1", step.x1) ||
                !read_coordinate(2, "Y1", step.y1) || !read_coordinate(3, "X2", step.x2) ||
                !read_coordinate(4, "Y2", step.y2) || !read_milliseconds(5, "MS", step.ms)) {
                return tl::unexpected(m_error);
            }
        } else if (command == "key") {
            step.kind = ScriptStep::Kind::key;
            if (!expect_values(1, "NAME")) {
                return tl::unexpected(m_error);
            }
            if (std::find(kKeyNames.begin(), kKeyNames.end(), m_words[1]) == kKeyNames.end()) {
                return fail(unknown_key_reason(m_words[1]));
            }
            step.key = std::string(m_words[1]);
        } else if (command == "shot") {
            step.kind = ScriptStep::Kind::shot;
            if (!expect_values(1, "PATH.png")) {
                return tl::unexpected(m_error);
            }
            const std::string_view path = m_words[1];
            if (!path.ends_with(".png") || path.size() == 4 || path.ends_with("/.png")) {
                return fail("shot needs a PNG file name ending in .png, got " + quote_cut(path));
            }
            step.shot_path = std::filesystem::path(std::string(path));
        } else if (command == "quit") {
            step.kind = ScriptStep::Kind::quit;
            if (m_words.size() != 1) {
                return fail("quit takes no values, got " + std::to_string(m_words.size() - 1));
            }
        } else {
            return fail("unknown step " + quote_cut(command) +
                        "; steps are wait, tap, tap-text, swipe, key, shot, quit");
        }
        return step;
    }

  private:
    tl::unexpected<ScriptError> fail(std::string reason) {
        m_error = ScriptError{m_line, std::move(reason)};
        return tl::unexpected(m_error);
    }

    bool expect_values(std::size_t count, std::string_view names) {
        const std::size_t given = m_words.size() - 1;
        if (given == count) {
            return true;
        }
        fail(std::string(m_words.front()) + " needs " + std::string(names) + ", got " +
             count_of_values(given));
        return false;
    }

    // A whole number in [0, max] that is all of word `index`.
    std::optional<std::int64_t> whole_number(std::size_t index, std::int64_t max) const {
        const std::string_view word = m_words[index];
        std::int64_t value = 0;
        const auto [end, error] = std::from_chars(word.data(), word.data() + word.size(), value);
        if (error != std::errc{} || end != word.data() + word.size() || value < 0 || value > max) {
            return std::nullopt;
        }
        return value;
    }

    bool read_coordinate(std::size_t index, std::string_view name, int& out) {
        const std::optional<std::int64_t> value = whole_number(index, kMaxCoordinate);
        if (!value) {
            fail(std::string(name) + " must be a whole number of pixels from 0 to " +
                 std::to_string(kMaxCoordinate) + ", got " + quote_cut(m_words[index]));
            return false;
        }
        out = static_cast<int>(*value);
        return true;
    }

    bool read_milliseconds(std::size_t index, std::string_view name, std::int64_t& out) {
        const std::optional<std::int64_t> value = whole_number(index, kMaxMilliseconds);
        if (!value) {
            fail(std::string(name) + " must be a whole number of milliseconds from 0 to " +
                 std::to_string(kMaxMilliseconds) + ", got " + quote_cut(m_words[index]));
            return false;
        }
        out = *value;
        return true;
    }

    std::vector<std::string_view> m_words;
    std::string_view m_text;
    int m_line;
    ScriptError m_error;
};

}  // namespace

std::string to_string(const ScriptError& error) {
    if (error.line <= 0) {
        return error.reason;
    }
    return "line " + std::to_string(error.line) + ": " + error.reason;
}

std::span<const std::string_view> known_key_names() {
    return kKeyNames;
}

tl::expected<InputScript, ScriptError> parse_input_script(std::string_view text) {
    if (text.starts_with(kByteOrderMark)) {
        text.remove_prefix(kByteOrderMark.size());
    }
    InputScript script;
    std::optional<int> quit_line;
    int line_number = 0;
    while (!text.empty() || line_number == 0) {
        ++line_number;
        const std::size_t line_end = std::min(text.find('\n'), text.size());
        std::string_view line = text.substr(0, line_end);
        text.remove_prefix(std::min(line_end + 1, text.size()));
        line = line.substr(0, std::min(line.find('#'), line.size()));
        if (line.ends_with('\r')) {
            line.remove_suffix(1);
        }
        std::vector<std::string_view> words = split_words(line);
        if (words.empty()) {
            continue;
        }
        if (quit_line) {
            return tl::unexpected(ScriptError{
                line_number,
                "nothing may follow quit (line " + std::to_string(*quit_line) + "): it would never run"});
        }
        auto step = LineParser(std::move(words), line, line_number).parse();
        if (!step) {
            return tl::unexpected(step.error());
        }
        if (step->kind == ScriptStep::Kind::quit) {
            quit_line = line_number;
        }
        script.push_back(std::move(*step));
    }
    return script;
}

tl::expected<InputScript, ScriptError> load_input_script(const std::filesystem::path& path) {
    const std::string where = "input script " + path.string();
    auto text = content::read_regular_file(path, kMaxScriptBytes);
    if (!text) {
        return tl::unexpected(ScriptError{0, where + ": " + text.error().reason});
    }
    auto script = parse_input_script(*text);
    if (!script) {
        return script;
    }
    // A screenshot that cannot be written would fail a test long after it
    // started; a missing folder is known now.
    for (const ScriptStep& step : *script) {
        if (step.kind != ScriptStep::Kind::shot) {
            continue;
        }
        const std::filesystem::path folder =
            step.shot_path.has_parent_path() ? step.shot_path.parent_path() : std::filesystem::path(".");
        std::error_code error;
        if (!std::filesystem::is_directory(folder, error)) {
            return tl::unexpected(ScriptError{
                step.line, "shot: no folder " + quote_cut(folder.string()) + " to write the picture in"});
        }
    }
    return script;
}

ScriptPlayer::ScriptPlayer(InputScript script) : m_script(std::move(script)) {}

void ScriptPlayer::start(double time) {
    m_start_time = time;
    m_step_start_ms.clear();
    m_step_start_ms.reserve(m_script.size());
    m_step = 0;
    m_action = 0;
    m_started = true;
    // Script time is kept in whole milliseconds so no rounding builds up
    // over a long script; each action's time is derived from it once.
    std::int64_t now_ms = 0;
    for (const ScriptStep& step : m_script) {
        m_step_start_ms.push_back(now_ms);
        switch (step.kind) {
            case ScriptStep::Kind::wait:
            case ScriptStep::Kind::swipe:
                now_ms += step.ms;
                break;
            case ScriptStep::Kind::tap:
            case ScriptStep::Kind::tap_text:  // (and however long it waits for its text)
                now_ms += kScriptTapMs;
                break;
            case ScriptStep::Kind::key:
            case ScriptStep::Kind::shot:
            case ScriptStep::Kind::quit:
                break;
        }
    }
}

std::size_t ScriptPlayer::action_count(const ScriptStep& step) {
    switch (step.kind) {
        case ScriptStep::Kind::wait:
            return 0;
        case ScriptStep::Kind::tap:
            return 2;
        case ScriptStep::Kind::tap_text:
            return 3;  // find, then down and up where found
        case ScriptStep::Kind::swipe:
            // Down, a move every kScriptSwipeStepMs strictly inside the swipe, up.
            return 2 + (step.ms > 0 ? static_cast<std::size_t>((step.ms - 1) / kScriptSwipeStepMs) : 0);
        case ScriptStep::Kind::key:
        case ScriptStep::Kind::shot:
        case ScriptStep::Kind::quit:
            return 1;
    }
    return 0;
}

ScriptAction ScriptPlayer::action(std::size_t step_index, std::size_t index) const {
    const ScriptStep& step = m_script[step_index];
    const std::int64_t start_ms = m_step_start_ms[step_index];
    const auto at = [this](std::int64_t ms) { return m_start_time + static_cast<double>(ms) / 1000.0; };
    const auto pointer = [&](PointerEvent::Kind kind, double x, double y, std::int64_t ms) {
        return ScriptAction{
            step.line, at(ms),
            PointerEvent{.kind = kind, .pointer = kScriptFinger, .x = x, .y = y, .time = at(ms)}};
    };
    switch (step.kind) {
        case ScriptStep::Kind::tap:
            return index == 0 ? pointer(PointerEvent::Kind::down, step.x1, step.y1, start_ms)
                              : pointer(PointerEvent::Kind::up, step.x1, step.y1, start_ms + kScriptTapMs);
        case ScriptStep::Kind::tap_text:
            if (index == 0) {
                return ScriptAction{step.line, at(start_ms), FindText{step.text}};
            }
            return index == 1
                       ? pointer(PointerEvent::Kind::down, m_found_x, m_found_y, start_ms)
                       : pointer(PointerEvent::Kind::up, m_found_x, m_found_y, start_ms + kScriptTapMs);
        case ScriptStep::Kind::swipe: {
            if (index == 0) {
                return pointer(PointerEvent::Kind::down, step.x1, step.y1, start_ms);
            }
            if (index + 1 == action_count(step)) {
                return pointer(PointerEvent::Kind::up, step.x2, step.y2, start_ms + step.ms);
            }
            const std::int64_t elapsed = static_cast<std::int64_t>(index) * kScriptSwipeStepMs;
            const double share = static_cast<double>(elapsed) / static_cast<double>(step.ms);
            const double x = step.x1 + (step.x2 - step.x1) * share;
            const double y = step.y1 + (step.y2 - step.y1) * share;
            return pointer(PointerEvent::Kind::move, x, y, start_ms + elapsed);
        }
        case ScriptStep::Kind::key:
            return ScriptAction{step.line, at(start_ms), KeyPress{step.key}};
        case ScriptStep::Kind::shot:
            return ScriptAction{step.line, at(start_ms), TakeShot{step.shot_path}};
        case ScriptStep::Kind::quit:
        case ScriptStep::Kind::wait:
            break;
    }
    return ScriptAction{step.line, at(start_ms), QuitKiosk{}};
}

std::optional<std::pair<std::size_t, std::size_t>> ScriptPlayer::next_action() const {
    if (!m_started) {
        return std::nullopt;
    }
    std::size_t step = m_step;
    std::size_t index = m_action;
    while (step < m_script.size() && index >= action_count(m_script[step])) {
        ++step;
        index = 0;
    }
    if (step >= m_script.size()) {
        return std::nullopt;
    }
    return std::pair{step, index};
}

std::vector<ScriptAction> ScriptPlayer::due(double time) {
    std::vector<ScriptAction> actions;
    if (m_waiting || m_failed) {
        return actions;
    }
    while (const auto next = next_action()) {
        ScriptAction due_action = action(next->first, next->second);
        if (due_action.time > time) {
            break;
        }
        m_step = next->first;
        m_action = next->second + 1;
        if (const auto* find = std::get_if<FindText>(&due_action.what)) {
            // Nothing more until the caller says what it found.
            m_waiting = TextWait{find->text, due_action.line, due_action.time};
            m_last_look = due_action.time;
            actions.push_back(std::move(due_action));
            break;
        }
        actions.push_back(std::move(due_action));
    }
    return actions;
}

void ScriptPlayer::found(double x, double y, double time) {
    if (!m_waiting) {
        return;
    }
    m_found_x = x;
    m_found_y = y;
    // The tap is now, and every later step keeps its distance from it.
    m_start_time += std::max(0.0, time - m_waiting->since);
    m_waiting.reset();
}

bool ScriptPlayer::not_found(double time) {
    if (!m_waiting) {
        return m_failed;
    }
    m_last_look = time;
    if (time - m_waiting->since >= kTapTextWaitSeconds) {
        m_failed = true;
    }
    return m_failed;
}

std::optional<double> ScriptPlayer::next_time() const {
    if (m_failed) {
        return std::nullopt;
    }
    if (m_waiting) {
        return std::min(m_last_look + kTapTextRetrySeconds, m_waiting->since + kTapTextWaitSeconds);
    }
    const auto next = next_action();
    if (!next) {
        return std::nullopt;
    }
    return action(next->first, next->second).time;
}

bool ScriptPlayer::finished() const {
    return m_started && (m_failed || (!m_waiting && !next_action()));
}

}  // namespace kiosk::ui

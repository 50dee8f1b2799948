// Finding a target by what it says, for scripts that tap by text
// ("tap-text 提交") and so keep working when the layout moves.

#include <algorithm>

#include "scene.h"

namespace kiosk::ui {
namespace {

// The texts drawn inside `rect`, for a target without a label of its own:
// one string with nothing between the runs (Chinese breaks anywhere), and
// one with a space between them (English breaks between words).
std::pair<std::string, std::string> texts_inside(const Rect& rect, const std::vector<DrawOp>& ops) {
    std::pair<std::string, std::string> texts;
    for (const DrawOp& op : ops) {
        const auto* text = std::get_if<TextOp>(&op);
        if (text == nullptr || !rect.contains(text->x, text->y)) {
            continue;
        }
        if (!texts.second.empty()) {
            texts.second += ' ';
        }
        texts.first += text->text;
        texts.second += text->text;
    }
    return texts;
}

enum class Match { exactly, containing };

bool matches(const std::string& label, std::string_view text, Match match) {
    return match == Match::exactly ? label == text : label.find(text) != std::string::npos;
}

bool says(const HitTarget& target, std::string_view text, Match match,
          const std::vector<const std::vector<DrawOp>*>& ops) {
    if (!target.label.empty()) {
        return matches(target.label, text, match);
    }
    for (const std::vector<DrawOp>* part : ops) {
        const auto [joined, spaced] = texts_inside(target.rect, *part);
        if (matches(joined, text, match) || matches(spaced, text, match)) {
            return true;
        }
    }
    return false;
}

Rect intersection(const Rect& a, const Rect& b) {
    const int x = std::max(a.x, b.x);
    const int y = std::max(a.y, b.y);
    return {x, y, std::max(0, std::min(a.right(), b.right()) - x),
            std::max(0, std::min(a.bottom(), b.bottom()) - y)};
}

}  // namespace

std::optional<Scene::Point> Scene::find_text(std::string_view text, int scroll_offset) const {
    if (text.empty()) {
        return std::nullopt;
    }
    // A target is visible where a touch at its centre reaches it.
    const auto reachable = [&](const Rect& on_screen, const Action& action) -> std::optional<Point> {
        if (on_screen.w <= 0 || on_screen.h <= 0) {
            return std::nullopt;
        }
        const Point centre{on_screen.x + on_screen.w / 2.0, on_screen.y + on_screen.h / 2.0};
        const std::optional<Action> hit_there = hit(centre.x, centre.y, scroll_offset);
        if (!hit_there || !(*hit_there == action)) {
            return std::nullopt;
        }
        return centre;
    };
    // A label that is the text wins over one that only holds it ("不满意"
    // and "非常不满意"); among equals, the first in the order laid out.
    for (const Match match : {Match::exactly, Match::containing}) {
        for (const HitTarget& target : targets) {
            if (says(target, text, match, {&over, &under})) {
                if (const auto point = reachable(target.rect, target.action)) {
                    return point;
                }
            }
        }
        if (!scroll) {
            continue;
        }
        for (const HitTarget& target : scroll->targets) {
            if (!says(target, text, match, {&scroll->ops})) {
                continue;
            }
            const Rect shifted{scroll->viewport.x + target.rect.x,
                               scroll->viewport.y + target.rect.y - scroll_offset, target.rect.w,
                               target.rect.h};
            if (const auto point = reachable(intersection(shifted, scroll->viewport), target.action)) {
                return point;
            }
        }
    }
    return std::nullopt;
}

}  // namespace kiosk::ui

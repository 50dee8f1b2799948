#include "player_state.h"

#include <array>
#include <cstdlib>

#include <spdlog/spdlog.h>

namespace kiosk::playback {
namespace {

struct Transition {
    PlayerEvent event;
    PlayerState from;
    PlayerState to;
};

// Every move a programme makes. Read with the drawing in player_state.h.
constexpr std::array kTransitions{
    Transition{PlayerEvent::asked, PlayerState::idle, PlayerState::opening},
    Transition{PlayerEvent::prepared, PlayerState::opening, PlayerState::ready},
    Transition{PlayerEvent::refused, PlayerState::opening, PlayerState::idle},
    Transition{PlayerEvent::taken, PlayerState::ready, PlayerState::idle},
    Transition{PlayerEvent::pass_failed, PlayerState::idle, PlayerState::retrying},
    Transition{PlayerEvent::retry_due, PlayerState::retrying, PlayerState::idle},
    Transition{PlayerEvent::passes_done, PlayerState::idle, PlayerState::finished},
    Transition{PlayerEvent::nothing_to_play, PlayerState::idle, PlayerState::slate},
};

}  // namespace

PlayerState next_state(PlayerState state, PlayerEvent event) {
    for (const Transition& transition : kTransitions) {
        if (transition.event == event && transition.from == state) {
            return transition.to;
        }
    }
    spdlog::critical("screen player: '{}' cannot happen while {}", to_string(event), to_string(state));
    std::abort();
}

std::string_view to_string(PlayerState state) {
    switch (state) {
        case PlayerState::idle:
            return "idle";
        case PlayerState::opening:
            return "opening";
        case PlayerState::ready:
            return "ready";
        case PlayerState::retrying:
            return "retrying";
        case PlayerState::slate:
            return "slate";
        case PlayerState::finished:
            return "finished";
    }
    return "?";
}

std::string_view to_string(PlayerEvent event) {
    switch (event) {
        case PlayerEvent::asked:
            return "asked";
        case PlayerEvent::prepared:
            return "prepared";
        case PlayerEvent::refused:
            return "refused";
        case PlayerEvent::taken:
            return "taken";
        case PlayerEvent::pass_failed:
            return "pass failed";
        case PlayerEvent::retry_due:
            return "retry due";
        case PlayerEvent::passes_done:
            return "passes done";
        case PlayerEvent::nothing_to_play:
            return "nothing to play";
    }
    return "?";
}

}  // namespace kiosk::playback

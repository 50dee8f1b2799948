#pragma once
// Where a screen's programme is with its next item, and every move between
// those states, as one table. The programme on screen goes through all of
// them; a programme waiting to cut in only through idle, opening and ready
// (it takes its place, state and all, when it cuts in).
//
//   idle ──asked──▶ opening ──prepared──▶ ready ──taken──▶ idle
//     │   ◀──refused──┘
//     ├──pass_failed──▶ retrying ──retry_due──▶ idle
//     ├──passes_done──▶ finished
//     └──nothing_to_play──▶ slate
//
// idle never lasts: the player asks for an item (or learns there is none)
// in the step that made it idle. Which item plays on screen is the player's
// other fact: a ready item goes up at the join, or at once on a free screen.

#include <string_view>

namespace kiosk::playback {

enum class PlayerState {
    idle,      // no item asked for
    opening,   // the next item is with the preparer
    ready,     // the next item is prepared and waits its turn
    retrying,  // no item of a whole pass could play: "programme unavailable" until the retry time
    slate,     // the programme is a card (closed hours): nothing plays until a change
    finished,  // every pass is done: nothing more plays until a change
};

enum class PlayerEvent {
    asked,            // an item went to the preparer
    prepared,         // it came back ready to play
    refused,          // it came back unplayable: skipped, the next one is asked for
    taken,            // the ready item went on screen: the one after it is asked for
    pass_failed,      // the list wrapped after a pass in which nothing could play
    retry_due,        // the retry time came
    passes_done,      // the list has no more items
    nothing_to_play,  // the programme is a card, not a list
};

// The state `event` leads to from `state`. An event that cannot happen in
// `state` is a broken invariant: it aborts.
PlayerState next_state(PlayerState state, PlayerEvent event);

std::string_view to_string(PlayerState state);
std::string_view to_string(PlayerEvent event);

}  // namespace kiosk::playback

#pragma once
// The window system's events, read in one place, and the main loop's sleep.
// With windows on screen the loop sleeps in SDL's event wait, so a touch
// wakes it at once and a worker's post (MainLoopInbox) arrives as one SDL
// user event; headless, there is no window system to wait on and the loop
// sleeps on the inbox itself. Main thread only, after SDL_Init.

#include <SDL.h>

#include <functional>

#include "main_loop_inbox.h"
#include "playback/clock.h"

namespace kiosk::app {

class WindowEvents {
  public:
    // Registers the wake-up event and hooks it to `inbox`: call before any
    // worker posts. `windows`: the screens are real windows.
    WindowEvents(MainLoopInbox& inbox, bool windows);

    // Hands every queued event to `handle` (a wake-up is not handed on).
    // Returns true when the window system asked to quit.
    bool drain(const std::function<void(const SDL_Event&)>& handle);

    // Sleeps until `deadline` (on `clock`), a window-system event, or a
    // post or wake-up of the inbox, whichever comes first.
    void wait_until(playback::SteadyTime deadline, const playback::Clock& clock);

  private:
    MainLoopInbox& m_inbox;
    bool m_windows;
    Uint32 m_wake_event;
};

}  // namespace kiosk::app

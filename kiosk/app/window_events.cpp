#include "window_events.h"

#include <algorithm>
#include <chrono>

namespace kiosk::app {
namespace {

// SDL's wait takes whole milliseconds: the longest single wait, so that a
// far deadline (SteadyTime::max() when nothing is due) stays in range.
constexpr std::int64_t kLongestWaitMs = 60'000;

}  // namespace

WindowEvents::WindowEvents(MainLoopInbox& inbox, bool windows)
    : m_inbox(inbox), m_windows(windows), m_wake_event(SDL_RegisterEvents(1)) {
    if (m_wake_event == static_cast<Uint32>(-1)) {
        std::abort();  // 32,767 user event types: only a broken SDL runs out
    }
    m_inbox.set_wake_hook([type = m_wake_event] {
        SDL_Event event{};
        event.type = type;
        SDL_PushEvent(&event);  // (thread-safe)
    });
}

bool WindowEvents::drain(const std::function<void(const SDL_Event&)>& handle) {
    bool quit = false;
    SDL_Event event;
    while (SDL_PollEvent(&event) != 0) {
        if (event.type == SDL_QUIT) {
            quit = true;
        } else if (event.type != m_wake_event) {
            handle(event);
        }
    }
    return quit;
}

void WindowEvents::wait_until(playback::SteadyTime deadline, const playback::Clock& clock) {
    if (!m_windows) {
        // Headless: the only other source of events is the main thread itself.
        const auto wait = deadline - clock.now();
        if (wait > playback::SteadyTime::duration::zero()) {
            m_inbox.wait_until(std::chrono::steady_clock::now() +
                               std::min<std::chrono::steady_clock::duration>(
                                   std::chrono::duration_cast<std::chrono::steady_clock::duration>(wait),
                                   std::chrono::milliseconds(kLongestWaitMs)));
        }
        return;
    }
    // A wake-up since the loop last looked may have had its SDL event read
    // (and dropped) with the others: then it must not sleep. A wake after
    // this check pushes a new event, which the wait below sees.
    const auto wait = deadline - clock.now();
    if (wait <= playback::SteadyTime::duration::zero() || m_inbox.woken()) {
        return;
    }
    // Rounded up: waking a little late is a frame on time; waking early
    // would only turn the loop for nothing.
    const auto milliseconds = std::chrono::ceil<std::chrono::milliseconds>(wait).count();
    SDL_WaitEventTimeout(nullptr, static_cast<int>(std::min<std::int64_t>(milliseconds, kLongestWaitMs)));
}

}  // namespace kiosk::app

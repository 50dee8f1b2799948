#pragma once
// The one way into the main loop from another thread. A worker (the
// programme watcher, the package checker, a screen's item preparer and
// decoders, the signal watcher; later the readers and sync) either posts a
// message, which the main thread runs at its next turn, or only wakes the
// loop so it looks again at what is due. Either way the loop, asleep until
// its next due picture or timer, wakes at once: on the inbox's own condition
// variable when it sleeps there (headless), and through the wake hook (one
// SDL user event) when it sleeps in the window system's event wait.
// Messages run on the main thread only, never after the loop has ended.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <vector>

namespace kiosk::app {

class MainLoopInbox {
  public:
    using Message = std::function<void()>;

    MainLoopInbox() = default;
    MainLoopInbox(const MainLoopInbox&) = delete;
    MainLoopInbox& operator=(const MainLoopInbox&) = delete;

    // `hook` runs (on the posting thread) the first time the loop is woken
    // after it last looked, so a burst of posts costs one wake-up. Set it
    // before any worker posts.
    void set_wake_hook(std::function<void()> hook) { m_wake_hook = std::move(hook); }

    // Any thread: `message` runs on the main thread at its next turn.
    void post(Message message);
    // Any thread: the loop looks again at what is due (a worker's queue has
    // something for it).
    void wake();

    // Main thread: runs every message posted so far, in order; returns how
    // many ran. Clears the wake-up.
    std::size_t deliver();
    // Main thread: sleeps until `deadline` or a post or wake, whichever is
    // first. Returns at once when woken since the last deliver().
    void wait_until(std::chrono::steady_clock::time_point deadline);
    // Main thread: woken since the last deliver() (a loop that sleeps
    // elsewhere checks this first: the wake-up event may have been read
    // and dropped with the window system's events in the meantime).
    bool woken();

  private:
    std::function<void()> m_wake_hook;
    std::mutex m_mutex;
    std::condition_variable m_woken_signal;
    std::vector<Message> m_messages;  // under m_mutex
    bool m_woken = false;             // under m_mutex
};

}  // namespace kiosk::app

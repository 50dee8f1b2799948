#include "main_loop_inbox.h"

#include <utility>

namespace kiosk::app {

void MainLoopInbox::post(Message message) {
    bool first = false;
    {
        std::lock_guard lock(m_mutex);
        m_messages.push_back(std::move(message));
        first = !std::exchange(m_woken, true);
    }
    m_woken_signal.notify_one();
    if (first && m_wake_hook) {
        m_wake_hook();
    }
}

void MainLoopInbox::wake() {
    bool first = false;
    {
        std::lock_guard lock(m_mutex);
        first = !std::exchange(m_woken, true);
    }
    m_woken_signal.notify_one();
    if (first && m_wake_hook) {
        m_wake_hook();
    }
}

std::size_t MainLoopInbox::deliver() {
    std::vector<Message> messages;
    {
        std::lock_guard lock(m_mutex);
        messages.swap(m_messages);
        m_woken = false;
    }
    // Run outside the lock: a message may post again.
    for (Message& message : messages) {
        message();
    }
    return messages.size();
}

bool MainLoopInbox::woken() {
    std::lock_guard lock(m_mutex);
    return m_woken;
}

void MainLoopInbox::wait_until(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(m_mutex);
    m_woken_signal.wait_until(lock, deadline, [this] { return m_woken; });
}

}  // namespace kiosk::app

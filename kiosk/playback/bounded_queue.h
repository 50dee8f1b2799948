#pragma once
// The only place playback threads meet: a blocking FIFO with a capacity that
// can be aborted. Producers block while it is full, consumers while it is
// empty; abort() wakes both and makes every later call return at once, which
// is how a source is stopped without a deadlock.

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <utility>

namespace kiosk::playback {

template <typename T>
class BoundedQueue {
  public:
    explicit BoundedQueue(std::size_t capacity) : m_capacity(capacity) {}

    // Blocks while full. False (and `item` dropped) once aborted.
    bool push(T item) {
        std::unique_lock lock(m_mutex);
        m_not_full.wait(lock, [&] { return m_aborted || m_items.size() < m_capacity; });
        if (m_aborted) {
            return false;
        }
        m_items.push_back(std::move(item));
        m_not_empty.notify_one();
        std::function<void()> listener = std::exchange(m_on_next_push, nullptr);
        lock.unlock();
        if (listener) {
            listener();  // (on the producer's thread, outside the lock)
        }
        return true;
    }

    // A consumer that found the queue empty and will not block on it (the
    // main loop) asks to be told of the next item: `listener` runs once, on
    // the producer's thread, when it arrives. False when an item is already
    // waiting or the queue is aborted: look again now instead.
    bool call_on_next_push(std::function<void()> listener) {
        std::lock_guard lock(m_mutex);
        if (m_aborted || !m_items.empty()) {
            return false;
        }
        m_on_next_push = std::move(listener);
        return true;
    }

    // Blocks while empty. Nothing once aborted.
    std::optional<T> pop() {
        std::unique_lock lock(m_mutex);
        m_not_empty.wait(lock, [&] { return m_aborted || !m_items.empty(); });
        return take_front();
    }

    std::optional<T> try_pop() {
        std::lock_guard lock(m_mutex);
        return take_front();
    }

    // True as soon as an item is waiting; false on timeout or abort.
    bool wait_until_not_empty(std::chrono::steady_clock::time_point deadline) {
        std::unique_lock lock(m_mutex);
        m_not_empty.wait_until(lock, deadline, [&] { return m_aborted || !m_items.empty(); });
        return !m_aborted && !m_items.empty();
    }

    // Calls `inspect(const T&)` on the oldest item, if there is one, without
    // taking it; returns whether there was one.
    template <typename Inspect>
    bool peek(Inspect&& inspect) const {
        std::lock_guard lock(m_mutex);
        if (m_items.empty()) {
            return false;
        }
        inspect(m_items.front());
        return true;
    }

    // A larger capacity takes effect at once and wakes a waiting producer;
    // an unchanged one wakes nobody (a producer woken for nothing can take
    // the CPU from the consumer at the moment it is busiest).
    void set_capacity(std::size_t capacity) {
        std::lock_guard lock(m_mutex);
        const bool larger = capacity > m_capacity;
        m_capacity = capacity;
        if (larger) {
            m_not_full.notify_all();
        }
    }

    void abort() {
        std::lock_guard lock(m_mutex);
        m_aborted = true;
        m_on_next_push = nullptr;
        m_not_full.notify_all();
        m_not_empty.notify_all();
    }

    std::size_t size() const {
        std::lock_guard lock(m_mutex);
        return m_items.size();
    }

  private:
    std::optional<T> take_front() {
        if (m_aborted || m_items.empty()) {
            return std::nullopt;
        }
        std::optional<T> item(std::move(m_items.front()));
        m_items.pop_front();
        m_not_full.notify_one();
        return item;
    }

    mutable std::mutex m_mutex;
    std::condition_variable m_not_full;
    std::condition_variable m_not_empty;
    std::deque<T> m_items;
    std::size_t m_capacity;
    bool m_aborted = false;
    std::function<void()> m_on_next_push;  // under m_mutex
};

}  // namespace kiosk::playback

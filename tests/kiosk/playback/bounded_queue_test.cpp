// BoundedQueue: FIFO order, blocking at capacity and when empty, abort, peek and capacity changes.
//
// Blocking is shown with std::async: a call that must block is checked to be still running after a short
// wait (it can never finish by itself, so the check cannot fail spuriously), then the event that must
// release it is triggered and the call is awaited with a generous deadline.
#include "playback/bounded_queue.h"

#include <atomic>
#include <chrono>
#include <future>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace kiosk::playback {
namespace {

using namespace std::chrono_literals;

// How long a blocked call is watched before it is released: long enough for the
// thread to reach its wait, irrelevant to the result.
constexpr auto kStillBlockedWait = 50ms;
// How long a released call may take to return.
constexpr auto kReleaseDeadline = 5s;

template <typename T>
bool still_running(std::future<T>& future) {
    return future.wait_for(kStillBlockedWait) == std::future_status::timeout;
}

template <typename T>
bool finishes(std::future<T>& future) {
    return future.wait_for(kReleaseDeadline) == std::future_status::ready;
}

TEST(BoundedQueue, PopsItemsInTheOrderTheyWerePushed) {
    BoundedQueue<int> queue(8);
    for (int i = 1; i <= 5; ++i) {
        ASSERT_TRUE(queue.push(i));
    }
    EXPECT_EQ(queue.size(), 5u);
    std::vector<int> popped;
    while (auto item = queue.try_pop()) {
        popped.push_back(*item);
    }
    EXPECT_EQ(popped, (std::vector<int>{1, 2, 3, 4, 5}));
    EXPECT_EQ(queue.size(), 0u);
}

TEST(BoundedQueue, TryPopOnEmptyQueueReturnsNothing) {
    BoundedQueue<int> queue(2);
    EXPECT_FALSE(queue.try_pop().has_value());
}

TEST(BoundedQueue, PushBlocksWhileFullUntilAnItemIsPopped) {
    BoundedQueue<std::string> queue(2);
    ASSERT_TRUE(queue.push("a"));
    ASSERT_TRUE(queue.push("b"));

    std::atomic<bool> pushing{false};
    auto producer = std::async(std::launch::async, [&] {
        pushing = true;
        return queue.push("c");
    });
    while (!pushing) {
        std::this_thread::yield();
    }
    ASSERT_TRUE(still_running(producer)) << "push into a full queue returned without waiting";
    EXPECT_EQ(queue.size(), 2u);

    EXPECT_EQ(queue.pop(), "a");
    ASSERT_TRUE(finishes(producer)) << "pop did not wake the blocked producer";
    EXPECT_TRUE(producer.get());
    EXPECT_EQ(queue.size(), 2u);
    EXPECT_EQ(queue.try_pop(), "b");
    EXPECT_EQ(queue.try_pop(), "c");
}

TEST(BoundedQueue, PopBlocksWhileEmptyUntilAnItemIsPushed) {
    BoundedQueue<int> queue(2);
    auto consumer = std::async(std::launch::async, [&] { return queue.pop(); });
    ASSERT_TRUE(still_running(consumer)) << "pop from an empty queue returned without waiting";

    ASSERT_TRUE(queue.push(42));
    ASSERT_TRUE(finishes(consumer)) << "push did not wake the blocked consumer";
    EXPECT_EQ(consumer.get(), 42);
}

TEST(BoundedQueue, AbortWakesABlockedProducerWhosePushFails) {
    BoundedQueue<int> queue(1);
    ASSERT_TRUE(queue.push(1));
    auto producer = std::async(std::launch::async, [&] { return queue.push(2); });
    ASSERT_TRUE(still_running(producer));

    queue.abort();
    ASSERT_TRUE(finishes(producer)) << "abort did not wake the blocked producer";
    EXPECT_FALSE(producer.get());
}

TEST(BoundedQueue, AbortWakesABlockedConsumerWithNothing) {
    BoundedQueue<int> queue(1);
    auto consumer = std::async(std::launch::async, [&] { return queue.pop(); });
    ASSERT_TRUE(still_running(consumer));

    queue.abort();
    ASSERT_TRUE(finishes(consumer)) << "abort did not wake the blocked consumer";
    EXPECT_FALSE(consumer.get().has_value());
}

TEST(BoundedQueue, AfterAbortEveryCallReturnsAtOnceWithoutItems) {
    BoundedQueue<int> queue(1);
    ASSERT_TRUE(queue.push(1));
    queue.abort();

    EXPECT_FALSE(queue.push(2)) << "push into a full, aborted queue must fail, not block";
    EXPECT_FALSE(queue.pop().has_value()) << "items left in an aborted queue are not handed out";
    EXPECT_FALSE(queue.try_pop().has_value());
    EXPECT_FALSE(queue.wait_until_not_empty(std::chrono::steady_clock::now() + kReleaseDeadline));
}

TEST(BoundedQueue, WaitUntilNotEmptyTimesOutOnAnEmptyQueue) {
    BoundedQueue<int> queue(1);
    const auto deadline = std::chrono::steady_clock::now() + 20ms;
    EXPECT_FALSE(queue.wait_until_not_empty(deadline));
    EXPECT_GE(std::chrono::steady_clock::now(), deadline);
}

TEST(BoundedQueue, WaitUntilNotEmptyIsTrueAtOnceWhenAnItemWaits) {
    BoundedQueue<int> queue(1);
    ASSERT_TRUE(queue.push(7));
    EXPECT_TRUE(queue.wait_until_not_empty(std::chrono::steady_clock::now()));
    EXPECT_EQ(queue.size(), 1u) << "waiting must not take the item";
}

TEST(BoundedQueue, WaitUntilNotEmptyWakesWhenAnItemArrives) {
    BoundedQueue<int> queue(1);
    auto waiter = std::async(std::launch::async, [&] {
        return queue.wait_until_not_empty(std::chrono::steady_clock::now() + 1h);
    });
    ASSERT_TRUE(still_running(waiter));

    ASSERT_TRUE(queue.push(1));
    ASSERT_TRUE(finishes(waiter)) << "the waiter slept past the push";
    EXPECT_TRUE(waiter.get());
}

TEST(BoundedQueue, PeekOnEmptyQueueReturnsFalseWithoutCallingTheInspector) {
    const BoundedQueue<int> queue(1);
    bool called = false;
    EXPECT_FALSE(queue.peek([&](const int&) { called = true; }));
    EXPECT_FALSE(called);
}

TEST(BoundedQueue, PeekShowsTheOldestItemWithoutTakingIt) {
    BoundedQueue<int> queue(3);
    ASSERT_TRUE(queue.push(10));
    ASSERT_TRUE(queue.push(20));
    std::optional<int> seen;
    EXPECT_TRUE(queue.peek([&](const int& item) { seen = item; }));
    EXPECT_EQ(seen, 10);
    EXPECT_EQ(queue.size(), 2u);
    EXPECT_EQ(queue.try_pop(), 10);
}

TEST(BoundedQueue, LargerCapacityWakesABlockedProducer) {
    BoundedQueue<int> queue(1);
    ASSERT_TRUE(queue.push(1));
    auto producer = std::async(std::launch::async, [&] { return queue.push(2); });
    ASSERT_TRUE(still_running(producer));

    queue.set_capacity(2);
    ASSERT_TRUE(finishes(producer)) << "set_capacity did not wake the blocked producer";
    EXPECT_TRUE(producer.get());
    EXPECT_EQ(queue.size(), 2u);
    EXPECT_EQ(queue.try_pop(), 1);
    EXPECT_EQ(queue.try_pop(), 2);
}

}  // namespace
}  // namespace kiosk::playback

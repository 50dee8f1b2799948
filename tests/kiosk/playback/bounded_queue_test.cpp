// BoundedQueue: FIFO order, blocking at capacity and when empty, abort, peek and capacity changes.
//
// Blocking is shown with calls on a thread of their own: a call that must block is checked to be still
// running after a short wait (it can never finish by itself, so the check cannot fail spuriously), then
// the event that must release it is triggered and the call is awaited with a generous deadline. Those
// threads are detached and share ownership of the queue, so a queue that never releases a call fails
// its test instead of hanging the suite.
#include "playback/bounded_queue.h"

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <memory>
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

// Runs `call` on a detached thread; its result arrives through the future.
template <typename T>
std::future<T> in_background(std::function<T()> call) {
    std::packaged_task<T()> task(std::move(call));
    std::future<T> result = task.get_future();
    std::thread(std::move(task)).detach();
    return result;
}

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
    auto queue = std::make_shared<BoundedQueue<std::string>>(2);
    ASSERT_TRUE(queue->push("a"));
    ASSERT_TRUE(queue->push("b"));

    auto producer = in_background<bool>([queue] { return queue->push("c"); });
    ASSERT_TRUE(still_running(producer)) << "push into a full queue returned without waiting";
    EXPECT_EQ(queue->size(), 2u);

    EXPECT_EQ(queue->pop(), "a");
    ASSERT_TRUE(finishes(producer)) << "pop did not wake the blocked producer";
    EXPECT_TRUE(producer.get());
    EXPECT_EQ(queue->size(), 2u);
    EXPECT_EQ(queue->try_pop(), "b");
    EXPECT_EQ(queue->try_pop(), "c");
}

TEST(BoundedQueue, PopBlocksWhileEmptyUntilAnItemIsPushed) {
    auto queue = std::make_shared<BoundedQueue<int>>(2);
    auto consumer = in_background<std::optional<int>>([queue] { return queue->pop(); });
    ASSERT_TRUE(still_running(consumer)) << "pop from an empty queue returned without waiting";

    ASSERT_TRUE(queue->push(42));
    ASSERT_TRUE(finishes(consumer)) << "push did not wake the blocked consumer";
    EXPECT_EQ(consumer.get(), 42);
}

TEST(BoundedQueue, AbortWakesABlockedProducerWhosePushFails) {
    auto queue = std::make_shared<BoundedQueue<int>>(1);
    ASSERT_TRUE(queue->push(1));
    auto producer = in_background<bool>([queue] { return queue->push(2); });
    ASSERT_TRUE(still_running(producer));

    queue->abort();
    ASSERT_TRUE(finishes(producer)) << "abort did not wake the blocked producer";
    EXPECT_FALSE(producer.get());
}

TEST(BoundedQueue, AbortWakesABlockedConsumerWithNothing) {
    auto queue = std::make_shared<BoundedQueue<int>>(1);
    auto consumer = in_background<std::optional<int>>([queue] { return queue->pop(); });
    ASSERT_TRUE(still_running(consumer));

    queue->abort();
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
    auto queue = std::make_shared<BoundedQueue<int>>(1);
    auto waiter = in_background<bool>(
        [queue] { return queue->wait_until_not_empty(std::chrono::steady_clock::now() + 1h); });
    ASSERT_TRUE(still_running(waiter));

    ASSERT_TRUE(queue->push(1));
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
    auto queue = std::make_shared<BoundedQueue<int>>(1);
    ASSERT_TRUE(queue->push(1));
    auto producer = in_background<bool>([queue] { return queue->push(2); });
    ASSERT_TRUE(still_running(producer));

    queue->set_capacity(2);
    ASSERT_TRUE(finishes(producer)) << "set_capacity did not wake the blocked producer";
    EXPECT_TRUE(producer.get());
    EXPECT_EQ(queue->size(), 2u);
    EXPECT_EQ(queue->try_pop(), 1);
    EXPECT_EQ(queue->try_pop(), 2);
}

TEST(BoundedQueue, AConsumerThatWillNotBlockIsToldOfTheNextItemOnce) {
    BoundedQueue<int> queue(4);
    std::atomic<int> told{0};
    std::thread::id told_on;
    ASSERT_TRUE(queue.call_on_next_push([&] {
        ++told;
        told_on = std::this_thread::get_id();
    }));
    std::thread::id producer_id;
    std::thread producer([&] {
        producer_id = std::this_thread::get_id();
        queue.push(1);
        queue.push(2);
    });
    producer.join();
    EXPECT_EQ(told.load(), 1);  // once: the second item tells nobody
    EXPECT_EQ(told_on, producer_id);
}

TEST(BoundedQueue, AskingToBeToldWhileAnItemWaitsSaysLookNow) {
    BoundedQueue<int> queue(4);
    queue.push(1);
    bool told = false;
    EXPECT_FALSE(queue.call_on_next_push([&] { told = true; }));
    queue.try_pop();
    queue.push(2);
    EXPECT_FALSE(told);
}

TEST(BoundedQueue, AnAbortedQueueTellsNobody) {
    BoundedQueue<int> queue(4);
    bool told = false;
    ASSERT_TRUE(queue.call_on_next_push([&] { told = true; }));
    queue.abort();
    EXPECT_FALSE(queue.push(1));
    EXPECT_FALSE(told);
    EXPECT_FALSE(queue.call_on_next_push([&] { told = true; }));
}

}  // namespace
}  // namespace kiosk::playback

// MainLoopInbox: the one way into the main loop from a worker thread.
#include "app/main_loop_inbox.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

TEST(MainLoopInbox, MessagesRunOnTheLoopsThreadInTheOrderPosted) {
    MainLoopInbox inbox;
    std::vector<int> ran;
    std::thread::id ran_on;
    std::jthread worker([&] {
        for (int index = 0; index < 3; ++index) {
            inbox.post([&ran, &ran_on, index] {
                ran.push_back(index);
                ran_on = std::this_thread::get_id();
            });
        }
    });
    worker.join();
    EXPECT_TRUE(ran.empty());  // nothing runs until the loop takes it
    EXPECT_EQ(inbox.deliver(), 3u);
    EXPECT_EQ(ran, (std::vector<int>{0, 1, 2}));
    EXPECT_EQ(ran_on, std::this_thread::get_id());
    EXPECT_EQ(inbox.deliver(), 0u);
}

TEST(MainLoopInbox, APostWakesTheSleepingLoopAtOnce) {
    MainLoopInbox inbox;
    const auto start = Clock::now();
    std::jthread worker([&] {
        std::this_thread::sleep_for(50ms);
        inbox.post([] {});
    });
    inbox.wait_until(start + 10s);
    const auto slept = Clock::now() - start;
    EXPECT_GE(slept, 45ms);
    EXPECT_LT(slept, 5s);
    EXPECT_EQ(inbox.deliver(), 1u);
}

TEST(MainLoopInbox, AWakeWithoutAMessageWakesTheLoopToo) {
    MainLoopInbox inbox;
    const auto start = Clock::now();
    std::jthread worker([&] {
        std::this_thread::sleep_for(20ms);
        inbox.wake();
    });
    inbox.wait_until(start + 10s);
    EXPECT_LT(Clock::now() - start, 5s);
    EXPECT_EQ(inbox.deliver(), 0u);
}

TEST(MainLoopInbox, WithNothingPostedTheLoopSleepsUntilItsDeadline) {
    MainLoopInbox inbox;
    const auto start = Clock::now();
    inbox.wait_until(start + 60ms);
    EXPECT_GE(Clock::now() - start, 60ms);
}

TEST(MainLoopInbox, APostBeforeTheSleepIsNotMissed) {
    MainLoopInbox inbox;
    inbox.post([] {});
    const auto start = Clock::now();
    inbox.wait_until(start + 10s);
    EXPECT_LT(Clock::now() - start, 1s);
    inbox.deliver();
    // Taken: the next sleep lasts again.
    const auto again = Clock::now();
    inbox.wait_until(again + 30ms);
    EXPECT_GE(Clock::now() - again, 30ms);
}

TEST(MainLoopInbox, ABurstOfPostsCostsOneWakeUpUntilTheLoopLooks) {
    MainLoopInbox inbox;
    std::atomic<int> wake_ups{0};
    inbox.set_wake_hook([&] { ++wake_ups; });
    inbox.post([] {});
    inbox.wake();
    inbox.post([] {});
    EXPECT_EQ(wake_ups.load(), 1);
    inbox.deliver();
    inbox.wake();
    EXPECT_EQ(wake_ups.load(), 2);
}

}  // namespace
}  // namespace kiosk::app

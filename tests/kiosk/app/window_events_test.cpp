// WindowEvents: the window system's events read in one place, and the main
// loop's sleep with windows on screen (SDL's event wait, woken by the
// inbox's one SDL user event). SDL's dummy video driver stands in for a
// display; the wait path is the windowed one.
#include "app/window_events.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <thread>
#include <vector>

namespace kiosk::app {
namespace {

using namespace std::chrono_literals;

class WindowEventsTest : public ::testing::Test {
  protected:
    void SetUp() override {
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        ASSERT_EQ(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS), 0) << SDL_GetError();
        events.emplace(inbox, true);
        events->drain([](const SDL_Event&) {});  // whatever SDL_Init queued
    }
    void TearDown() override {
        events.reset();
        SDL_Quit();
    }

    double sleep_seconds(std::chrono::seconds longest) {
        const auto start = clock.now();
        events->wait_until(start + longest, clock);
        return playback::Seconds(clock.now() - start).count();
    }

    playback::SteadyClock clock;
    MainLoopInbox inbox;
    std::optional<WindowEvents> events;
};

TEST_F(WindowEventsTest, AWorkersPostWakesTheWindowedLoopAtOnce) {
    std::jthread worker([&] {
        std::this_thread::sleep_for(50ms);
        inbox.post([] {});
    });
    const double slept = sleep_seconds(10s);
    EXPECT_GE(slept, 0.04);
    EXPECT_LT(slept, 5.0);
    EXPECT_EQ(inbox.deliver(), 1u);
}

TEST_F(WindowEventsTest, AWakeWhoseEventWasReadWithTheOthersStillKeepsTheLoopAwake) {
    inbox.deliver();
    inbox.wake();                            // its SDL event is queued...
    events->drain([](const SDL_Event&) {});  // ...and read and dropped here, before the sleep
    std::jthread late([&] {
        std::this_thread::sleep_for(100ms);
        inbox.wake();  // the loop counts as woken already: no second event
    });
    EXPECT_LT(sleep_seconds(3s), 0.05);
}

TEST_F(WindowEventsTest, WithNothingDueOrPostedTheLoopSleepsUntilItsDeadline) {
    inbox.deliver();
    const auto start = clock.now();
    events->wait_until(start + 80ms, clock);
    // (SDL times its wait in whole milliseconds of its own tick: it may
    // return within a millisecond of the deadline, and the loop turns again.)
    EXPECT_GE(clock.now() - start, 78ms);
}

TEST_F(WindowEventsTest, EventsGoToTheHandlerAndAQuitIsReported) {
    SDL_Event key{};
    key.type = SDL_KEYDOWN;
    SDL_PushEvent(&key);
    std::vector<Uint32> handled;
    EXPECT_FALSE(events->drain([&](const SDL_Event& event) { handled.push_back(event.type); }));
    EXPECT_EQ(handled, std::vector<Uint32>{SDL_KEYDOWN});
    inbox.wake();  // the wake-up event is not handed on
    SDL_Event quit{};
    quit.type = SDL_QUIT;
    SDL_PushEvent(&quit);
    handled.clear();
    EXPECT_TRUE(events->drain([&](const SDL_Event& event) { handled.push_back(event.type); }));
    EXPECT_TRUE(handled.empty());
}

}  // namespace
}  // namespace kiosk::app

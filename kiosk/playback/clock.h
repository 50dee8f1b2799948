#pragma once
// Where playback reads the time. Production uses the steady clock; tests use
// ManualClock so a minute of programme runs in a microsecond.

#include <atomic>
#include <chrono>

namespace kiosk::playback {

using SteadyTime = std::chrono::steady_clock::time_point;
using Seconds = std::chrono::duration<double>;

class Clock {
  public:
    virtual ~Clock() = default;
    virtual SteadyTime now() const = 0;
};

class SteadyClock final : public Clock {
  public:
    SteadyTime now() const override { return std::chrono::steady_clock::now(); }
};

// The steady clock, for the parts that are given no clock of their own.
inline const Clock& real_clock() {
    static const SteadyClock clock;
    return clock;
}

// Moves only when told. Read from any thread (a test's player, preparer and
// sound device all read it), advanced by one.
class ManualClock final : public Clock {
  public:
    explicit ManualClock(SteadyTime start = SteadyTime{}) : m_now(start.time_since_epoch().count()) {}
    SteadyTime now() const override { return SteadyTime(SteadyTime::duration(m_now.load())); }
    void advance(std::chrono::nanoseconds step) {
        m_now.fetch_add(std::chrono::duration_cast<SteadyTime::duration>(step).count());
    }

  private:
    std::atomic<SteadyTime::rep> m_now;
};

inline std::chrono::nanoseconds to_duration(double seconds) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Seconds(seconds));
}

}  // namespace kiosk::playback

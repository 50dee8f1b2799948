#pragma once
// Where playback reads the time. Production uses the steady clock; tests use
// ManualClock so a minute of programme runs in a microsecond.

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

class ManualClock final : public Clock {
  public:
    explicit ManualClock(SteadyTime start = SteadyTime{}) : m_now(start) {}
    SteadyTime now() const override { return m_now; }
    void advance(std::chrono::nanoseconds step) { m_now += step; }

  private:
    SteadyTime m_now;
};

inline std::chrono::nanoseconds to_duration(double seconds) {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(Seconds(seconds));
}

}  // namespace kiosk::playback

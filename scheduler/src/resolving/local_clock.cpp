#include "resolving/local_clock.h"

#include <algorithm>
#include <limits>

namespace scheduler::detail {
namespace {

// Bounds that keep offset arithmetic far from overflow (about +-3000 years).
constexpr std::int64_t kFarPast = -100'000'000'000LL;
constexpr std::int64_t kFarFuture = 100'000'000'000LL;

}  // namespace

LocalClock::LocalClock(const date::time_zone& tz, Instant around) : m_tz(&tz) {
    const auto at = std::chrono::floor<std::chrono::seconds>(around);
    const date::sys_info info = tz.get_info(at);
    m_offset = info.offset.count();
    m_sys_first = std::clamp<std::int64_t>(info.begin.time_since_epoch().count(), kFarPast, kFarFuture);
    m_sys_last = std::clamp<std::int64_t>(info.end.time_since_epoch().count(), kFarPast, kFarFuture) - 1;
    m_fast_first = m_sys_first + m_offset + kSecondsPerDay;
    m_fast_last = m_sys_last + m_offset - kSecondsPerDay;
}

WallSeconds LocalClock::wall_at(Instant instant) const {
    const std::int64_t sys = std::chrono::floor<std::chrono::seconds>(instant).time_since_epoch().count();
    if (sys >= m_sys_first && sys <= m_sys_last) {
        return sys + m_offset;
    }
    return to_local(instant, *m_tz).time_since_epoch().count();
}

Instant LocalClock::slow_instant_of(WallSeconds wall) const {
    return to_instant(LocalTime{std::chrono::seconds{wall}}, *m_tz);
}

}  // namespace scheduler::detail

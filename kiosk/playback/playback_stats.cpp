#include "playback_stats.h"

#include <algorithm>
#include <cmath>

namespace kiosk::playback {

void MillisecondHistogram::add(double ms) {
    if (!(ms >= 0.0)) {
        ms = 0.0;  // a clock that stepped back: counted as no time rather than lost
    }
    const auto step = static_cast<std::size_t>(std::min(ms / kStepMs, static_cast<double>(kSteps)));
    ++m_counts[step];
    ++m_count;
    m_max = std::max(m_max, ms);
}

double MillisecondHistogram::percentile(double share) const {
    if (m_count == 0) {
        return 0.0;
    }
    const auto rank = std::max<std::int64_t>(
        1, static_cast<std::int64_t>(std::ceil(std::clamp(share, 0.0, 1.0) * static_cast<double>(m_count))));
    std::int64_t seen = 0;
    for (std::size_t step = 0; step <= kSteps; ++step) {
        seen += m_counts[step];
        if (seen >= rank) {
            // The step's upper edge, but never beyond the largest sample.
            return std::min(m_max, static_cast<double>(step + 1) * kStepMs);
        }
    }
    return m_max;
}

}  // namespace kiosk::playback

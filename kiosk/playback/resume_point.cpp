#include "resume_point.h"

namespace kiosk::playback {

Resume resume_after_cut(double cut_at, double duration, bool is_still) {
    if (is_still || cut_at < kResumeMargin) {
        return Resume::from_start;
    }
    if (duration > 0.0 && cut_at > duration - kResumeMargin) {
        return Resume::next_item;
    }
    return Resume::from_cut;
}

}  // namespace kiosk::playback

#pragma once
// Where a programme resumes after an interrupt cut one of its items: the
// item again from its start, the item from where it was cut, or the item
// after it. A function of numbers.

namespace kiosk::playback {

enum class Resume {
    from_start,  // a still picture, or a film cut in its first second: shown again whole
    from_cut,    // a film cut mid-way: it picks up at the keyframe at or before the cut
    next_item,   // a film cut in its last second: the audience has seen it; the list moves on
};

// Films cut within this many seconds of their start or end do not resume mid-way.
inline constexpr double kResumeMargin = 1.0;

// `cut_at` and `duration` in item seconds; `duration` 0 when unknown (the
// film then resumes from its cut unless cut in its first second).
Resume resume_after_cut(double cut_at, double duration, bool is_still);

}  // namespace kiosk::playback

#include "frame_pacing.h"

namespace kiosk::playback {
namespace {

// A gap between timestamps longer than this is a discontinuity, not a frame.
constexpr double kMaxFrameDuration = 10.0;

}  // namespace

FrameAction decide_frame(double now, double due, std::optional<double> next_due) {
    if (now + kPresentEarlyTolerance < due) {
        return FrameAction::wait;
    }
    if (next_due && now + kPresentEarlyTolerance >= *next_due) {
        return FrameAction::drop;
    }
    return FrameAction::present;
}

double frame_duration(double pts, std::optional<double> next_pts, double nominal_interval) {
    if (next_pts) {
        const double gap = *next_pts - pts;
        if (gap > 0.0 && gap < kMaxFrameDuration) {
            return gap;
        }
    }
    return nominal_interval;
}

}  // namespace kiosk::playback

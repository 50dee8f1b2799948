#pragma once
// The whole video timing policy, as functions of numbers (programme seconds).

#include <optional>

namespace kiosk::playback {

enum class FrameAction {
    wait,     // not due yet: sleep until its due time
    present,  // due: show it now
    drop,     // a later frame is already due: showing this one would only add lateness
};

// Frames due within this much of now are shown now: the loop wakes with
// scheduler jitter of about a millisecond, and a frame shown 2 ms early is
// indistinguishable from one shown on time.
inline constexpr double kPresentEarlyTolerance = 0.002;

// Decides what to do with the oldest undisplayed frame, due at `due`, when
// the programme is at `now`. `next_due` is the due time of the frame after it
// when that one is already decoded.
//
// The drop rule: a frame is dropped only when the frame after it is decoded
// and already due. A late frame with nothing newer behind it is still shown,
// so a slow decoder degrades to a lower frame rate, never to a frozen picture.
FrameAction decide_frame(double now, double due, std::optional<double> next_due);

// How long the frame stays up: the distance to the next frame's timestamp
// when it is known and sane, otherwise the stream's nominal frame interval.
// Variable-frame-rate files keep their own timing this way.
double frame_duration(double pts, std::optional<double> next_pts, double nominal_interval);

}  // namespace kiosk::playback

#pragma once
// What a screen's player counts, for the --stats-json report and the logs.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::playback {

struct SkippedItem {
    std::string path;
    std::string reason;
};

struct PlaybackStats {
    std::int64_t frames_presented = 0;
    std::int64_t frames_dropped = 0;
    std::int64_t items_played = 0;
    std::int64_t items_skipped = 0;
    // Beyond the frame interval, from one item's last frame ending (the
    // moment it had been on screen for its duration, or until the item's
    // sound ended) to the next item's first frame on screen.
    double max_transition_gap_ms = 0.0;
    // Largest difference between a picture's due time and the sound being
    // heard when it was presented.
    double av_sync_max_ms = 0.0;
    std::optional<double> first_frame_ms;  // from start-up to the first picture
    std::int64_t decode_errors = 0;
    double sound_seconds = 0.0;  // sound written to the screen's own output
    std::vector<SkippedItem> skipped;
    std::vector<std::string> played;  // in play order
};

}  // namespace kiosk::playback

#pragma once
// What a screen's player counts, for the --stats-json report and the logs.

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace kiosk::playback {

struct SkippedItem {
    std::string path;
    std::string reason;
};

// Times in milliseconds counted in 0.1 ms steps up to one second (longer ones
// in the last step): percentiles of hours of frames in fixed memory.
class MillisecondHistogram {
  public:
    static constexpr double kStepMs = 0.1;
    static constexpr std::size_t kSteps = 10000;

    void add(double ms);
    std::int64_t count() const { return m_count; }
    double max() const { return m_max; }
    // Nearest rank, to the step: the time `share` (0..1) of the samples are at or under.
    double percentile(double share) const;

  private:
    std::array<std::int64_t, kSteps + 1> m_counts{};
    std::int64_t m_count = 0;
    double m_max = 0.0;
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
    // From one picture reaching the screen to the next: how smooth the film
    // looks, whatever else the process does meanwhile.
    MillisecondHistogram frame_interval_ms;
    std::vector<SkippedItem> skipped;
    std::vector<std::string> played;  // in play order
};

}  // namespace kiosk::playback

#pragma once
// What is known about a media file once it has been probed, and the bounds a
// file is opened under: plain facts, no decoder types, so the programme and
// the catalogue can hold them without seeing FFmpeg.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace content {

struct MediaLimits {
    // Largest picture accepted, in pixels: DCI 4K, so a UHD film fits and a
    // crafted 30000x30000 header cannot exhaust memory.
    std::int64_t max_pixels = 4096LL * 2160LL;
    // Open and stream discovery together; a local file takes milliseconds.
    std::chrono::milliseconds open_deadline{800};
    // One read while playing; longer means a stalled disk or network mount.
    std::chrono::milliseconds read_deadline{2000};
};

struct VideoFacts {
    std::string codec;
    int width = 0;
    int height = 0;
    std::string pixel_format;
    double frame_rate = 0.0;   // average; 0 when the container does not say
    int rotation_degrees = 0;  // clockwise, as the picture must be turned to be upright
};

struct AudioFacts {
    std::string codec;
    int sample_rate = 0;
    int channels = 0;
};

struct MediaFacts {
    std::string container;
    double duration_seconds = 0.0;  // 0 for still pictures and unknown lengths
    bool is_still = false;
    std::optional<VideoFacts> video;
    std::optional<AudioFacts> audio;
};

}  // namespace content

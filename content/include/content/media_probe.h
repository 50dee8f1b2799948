#pragma once
// What staff need to know about a file before they schedule it.

#include <filesystem>
#include <optional>
#include <string>

#include <tl/expected.hpp>

#include "content/media_error.h"
#include "content/media_input.h"

namespace content {

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

// Opens the file the way the player does and decodes its first frame, so a
// file reported playable is one the player will play.
tl::expected<MediaFacts, MediaError> probe_media(const std::filesystem::path& path,
                                                 const MediaLimits& limits = {});

// "libavcodec 59.37.100, libavformat 59.27.100": the FFmpeg libraries in use
// (linked, not built against), for --version and bug reports.
std::string media_library_versions();

}  // namespace content

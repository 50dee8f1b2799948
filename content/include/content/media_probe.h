#pragma once
// What staff need to know about a file before they schedule it.

#include <filesystem>
#include <optional>
#include <string>

#include <tl/expected.hpp>

#include "content/media_error.h"
#include "content/media_facts.h"
#include "content/media_input.h"

namespace content {

// Opens the file the way the player does and decodes its first frame, so a
// file reported playable is one the player will play.
tl::expected<MediaFacts, MediaError> probe_media(const std::filesystem::path& path,
                                                 const MediaLimits& limits = {});

// "libavcodec 59.37.100, libavformat 59.27.100": the FFmpeg libraries in use
// (linked, not built against), for --version and bug reports.
std::string media_library_versions();

}  // namespace content

#pragma once
// Opening a film the way the player will, seen from the catalogue: the
// package check asks for the facts of each film it names, and the media
// library's FFmpeg prober answers. The catalogue itself decodes nothing.

#include <filesystem>

#include <tl/expected.hpp>

#include "content/media_error.h"
#include "content/media_facts.h"

namespace content {

class MediaProber {
  public:
    virtual ~MediaProber() = default;
    // The facts of `file` once it has been opened and its first frame
    // decoded, or why the player could not play it. Called from several
    // checking threads at once.
    virtual tl::expected<MediaFacts, MediaError> probe(const std::filesystem::path& file) const = 0;
};

}  // namespace content

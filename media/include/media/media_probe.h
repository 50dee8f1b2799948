#pragma once
// What staff need to know about a file before they schedule it. Only plain
// facts cross this header: the callers never see FFmpeg.

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

#include "content/media_error.h"
#include "content/media_facts.h"
#include "content/media_prober.h"

namespace media {

// Opens the file the way the player does and decodes its first frame, so a
// file reported playable is one the player will play. Safe on any thread.
tl::expected<content::MediaFacts, content::MediaError> probe_media(const std::filesystem::path& path,
                                                                   const content::MediaLimits& limits = {});

// The package check's films opened through probe_media, under the limits
// the player uses.
class FfmpegMediaProber final : public content::MediaProber {
  public:
    explicit FfmpegMediaProber(content::MediaLimits limits = {}) : m_limits(limits) {}
    tl::expected<content::MediaFacts, content::MediaError> probe(
        const std::filesystem::path& file) const override;

  private:
    content::MediaLimits m_limits;
};

// "libavcodec 59.37.100, libavformat 59.27.100": the FFmpeg libraries in use
// (linked, not built against), for --version and bug reports.
std::string media_library_versions();

}  // namespace media

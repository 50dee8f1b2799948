#include "scheduler/media_registration.h"

#include <cmath>

#include "content/media_probe.h"

namespace scheduler {

tl::expected<MediaFile, Error> describe_media_file(const std::filesystem::path& file, std::string name,
                                                   Instant now) {
    std::error_code error;
    const std::filesystem::path path = std::filesystem::absolute(file, error).lexically_normal();
    if (error || !std::filesystem::is_regular_file(path, error)) {
        return tl::unexpected(Error{ErrorKind::unplayable, file.string() + ": cannot play: no such file"});
    }
    if (name.empty()) {
        name = path.stem().string();
    }
    if (name.find_first_not_of(" \t") == std::string::npos || name.size() > 200 ||
        name.find_first_of("\n\r\t\"") != std::string::npos) {
        return tl::unexpected(
            Error{ErrorKind::invalid_input, "bad media name \"" + name +
                                                "\": give 1 to 200 characters without quotes "
                                                "or line breaks (--name NAME)"});
    }
    auto facts = content::probe_media(path);
    if (!facts) {
        return tl::unexpected(Error{ErrorKind::unplayable, file.string() + ": cannot play: " +
                                                               content::to_string(facts.error().kind) + ": " +
                                                               facts.error().message});
    }
    auto sha256 = sha256_of_file(path);
    if (!sha256) {
        return tl::unexpected(sha256.error());
    }
    MediaFile media;
    media.name = std::move(name);
    media.path = path;
    media.sha256 = *sha256;
    media.size_bytes = static_cast<std::int64_t>(std::filesystem::file_size(path, error));
    media.duration = facts->is_still
                         ? std::chrono::milliseconds{0}
                         : std::chrono::milliseconds{std::llround(facts->duration_seconds * 1000.0)};
    media.is_still = facts->is_still;
    media.container = facts->container;
    if (facts->video) {
        media.video_codec = facts->video->codec;
        media.width = facts->video->width;
        media.height = facts->video->height;
    }
    if (facts->audio) {
        media.audio_codec = facts->audio->codec;
    }
    media.registered_at = now;
    return media;
}

}  // namespace scheduler

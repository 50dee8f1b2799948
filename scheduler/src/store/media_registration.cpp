#include "scheduler/media_registration.h"

#include <cmath>

#include "content/bounded_input.h"
#include "content/message_text.h"
#include "scheduler/names.h"

namespace scheduler {

tl::expected<MediaFile, Error> describe_media_file(
    const std::filesystem::path& file, std::string name,
    const tl::expected<content::MediaFacts, content::MediaError>& probed, Instant now) {
    std::error_code error;
    const std::filesystem::path path = std::filesystem::absolute(file, error).lexically_normal();
    // Why it cannot be read, as probe says it: "not a regular file (a FIFO)",
    // "permission denied" (the file or a folder above it), "no such file".
    if (auto readable = content::check_regular_file(path); error || !readable) {
        return tl::unexpected(
            Error{ErrorKind::unplayable,
                  file.string() + ": cannot play: " + (error ? error.message() : readable.error().reason)});
    }
    if (name.empty()) {
        name = path.stem().string();
    }
    if (auto good = check_name(name); !good) {
        return tl::unexpected(Error{ErrorKind::invalid_input, "bad media name " + content::quoted_text(name) +
                                                                  ": " + good.error() + " (--name NAME)"});
    }
    if (!probed) {
        return tl::unexpected(Error{ErrorKind::unplayable, file.string() + ": cannot play: " +
                                                               content::to_string(probed.error().kind) +
                                                               ": " + probed.error().message});
    }
    const content::MediaFacts& facts = *probed;
    auto sha256 = sha256_of_file(path);
    if (!sha256) {
        return tl::unexpected(sha256.error());
    }
    MediaFile media;
    media.name = std::move(name);
    media.path = path;
    media.sha256 = *sha256;
    media.size_bytes = static_cast<std::int64_t>(std::filesystem::file_size(path, error));
    media.duration = facts.is_still
                         ? std::chrono::milliseconds{0}
                         : std::chrono::milliseconds{std::llround(facts.duration_seconds * 1000.0)};
    media.is_still = facts.is_still;
    media.container = facts.container;
    if (facts.video) {
        media.video_codec = facts.video->codec;
        media.width = facts.video->width;
        media.height = facts.video->height;
    }
    if (facts.audio) {
        media.audio_codec = facts.audio->codec;
    }
    media.registered_at = now;
    return media;
}

}  // namespace scheduler

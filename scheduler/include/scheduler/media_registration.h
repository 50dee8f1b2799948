#pragma once
// Registering a file in the media library: it is probed exactly as the
// player opens it (content::probe_media) and hashed (SHA-256), and refused
// with the reason when it cannot play.

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

#include "scheduler/error.h"
#include "scheduler/programme.h"

namespace scheduler {

// The library entry for `file` (id 0, not yet stored): absolute path, probe
// facts and SHA-256. `name` empty: the file name without its extension.
// unplayable with the probe's reason; storage when the file cannot be read.
tl::expected<MediaFile, Error> describe_media_file(const std::filesystem::path& file, std::string name,
                                                   Instant now);

// Hex SHA-256 of the file's bytes (libsodium), read in 1 MiB blocks.
tl::expected<std::string, Error> sha256_of_file(const std::filesystem::path& file);

}  // namespace scheduler

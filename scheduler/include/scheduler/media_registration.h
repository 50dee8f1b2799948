#pragma once
// Registering a file in the media library: the caller probes it exactly as
// the player opens it (media::probe_media) and passes what the probe found;
// the file is hashed (SHA-256), and refused with the reason when it cannot
// play. No decoder is seen here: the facts are plain values.

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

#include "content/media_error.h"
#include "content/media_facts.h"
#include "scheduler/error.h"
#include "scheduler/programme.h"

namespace scheduler {

// The library entry for `file` (id 0, not yet stored): absolute path, the
// facts `probed` holds and SHA-256. `name` empty: the file name without its
// extension. Refused, in this order: unplayable when `file` is not a
// readable regular file; invalid_input for a bad name; unplayable with the
// probe's reason when `probed` is an error; storage when the file cannot be
// read for its hash.
tl::expected<MediaFile, Error> describe_media_file(
    const std::filesystem::path& file, std::string name,
    const tl::expected<content::MediaFacts, content::MediaError>& probed, Instant now);

// Hex SHA-256 of the file's bytes (libsodium), read in 1 MiB blocks.
tl::expected<std::string, Error> sha256_of_file(const std::filesystem::path& file);

}  // namespace scheduler

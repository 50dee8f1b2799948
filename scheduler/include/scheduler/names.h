#pragma once
// The one rule for the names staff give playlists and media files, applied
// by every edit, by media registration and by import alike.

#include <string>
#include <string_view>

#include <tl/expected.hpp>

namespace scheduler {

// Whether `name` may name a playlist or a media file: valid UTF-8, 1 to
// kMaxNameLength characters, not only spaces, and no control characters
// (no line breaks, tabs or NULs, which would break listings and files).
// The error is a sentence saying what is wrong, without the name itself.
tl::expected<void, std::string> check_name(std::string_view name);

}  // namespace scheduler

#pragma once
// The package's pictures decoded the one way the screens and the package
// check both use: the header read first (PNG or JPEG by content, within the
// size limit, before a byte is decoded), then SDL_image.

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

#include "content/picture_file.h"
#include "sdl_deleters.h"

namespace kiosk::render {

// Sets SDL_image's PNG and JPEG loaders up; call on one thread before
// decode_picture runs on others.
void prepare_picture_decoding();

// `file` as an ARGB8888 surface, or why it cannot be shown. Safe on any
// thread after prepare_picture_decoding().
tl::expected<SurfacePtr, std::string> decode_picture(const std::filesystem::path& file);

// For the package check. Constructing it prepares the decoding.
class SdlPictureDecoder final : public content::PictureDecoder {
  public:
    SdlPictureDecoder();
    tl::expected<void, std::string> decode(const std::filesystem::path& file) const override;
};

}  // namespace kiosk::render

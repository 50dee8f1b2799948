#include "sdl_picture_decoder.h"

#include <SDL_image.h>

namespace kiosk::render {

tl::expected<SurfacePtr, std::string> decode_picture(const std::filesystem::path& file) {
    if (auto header = content::read_picture_header(file); !header) {
        return tl::unexpected(header.error());
    }
    SurfacePtr loaded(IMG_Load(file.c_str()));
    if (!loaded) {
        return tl::unexpected(std::string(SDL_GetError()));
    }
    SurfacePtr converted(SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_ARGB8888, 0));
    if (!converted) {
        return tl::unexpected(std::string(SDL_GetError()));
    }
    return converted;
}

void prepare_picture_decoding() {
    // SDL_image sets a format's loader up on its first use; done once here,
    // the decoding threads' loads only read that state.
    IMG_Init(IMG_INIT_PNG | IMG_INIT_JPG);
}

SdlPictureDecoder::SdlPictureDecoder() {
    prepare_picture_decoding();
}

tl::expected<void, std::string> SdlPictureDecoder::decode(const std::filesystem::path& file) const {
    auto surface = decode_picture(file);
    if (!surface) {
        return tl::unexpected(surface.error());
    }
    return {};
}

}  // namespace kiosk::render

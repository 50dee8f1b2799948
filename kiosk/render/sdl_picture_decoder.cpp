#include "sdl_picture_decoder.h"

#include <SDL_image.h>
#include <SDL_thread.h>

namespace kiosk::render {

namespace {

// SDL keeps its error message per thread, in thread-local data it frees only
// for threads it made itself; the check's and the cache's worker threads are
// not, so the message is taken and the data freed after a picture fails (on
// any thread: the next error makes it again).
void release_thread_data() {
    SDL_TLSCleanup();
}

// The picture as its format's loader reads it, the format told by the
// header, not the name (SDL_image would try a loader chosen by the extension).
tl::expected<SurfacePtr, std::string> load_picture(const std::filesystem::path& file) {
    const auto header = content::read_picture_header(file);
    if (!header) {
        return tl::unexpected(header.error());
    }
    SDL_RWops* source = SDL_RWFromFile(file.c_str(), "rb");
    if (source == nullptr) {
        std::string reason = SDL_GetError();
        release_thread_data();
        return tl::unexpected(std::move(reason));
    }
    // freesrc = 1: the loader closes the source, whatever happens.
    SurfacePtr loaded(
        IMG_LoadTyped_RW(source, 1, header->format == content::PictureFormat::png ? "PNG" : "JPG"));
    if (!loaded) {
        std::string reason = SDL_GetError();
        release_thread_data();
        return tl::unexpected(std::move(reason));
    }
    return loaded;
}

}  // namespace

tl::expected<SurfacePtr, std::string> decode_picture(const std::filesystem::path& file) {
    auto loaded = load_picture(file);
    if (!loaded) {
        return tl::unexpected(loaded.error());
    }
    SurfacePtr converted(SDL_ConvertSurfaceFormat(loaded->get(), SDL_PIXELFORMAT_ARGB8888, 0));
    if (!converted) {
        std::string reason = SDL_GetError();
        release_thread_data();
        return tl::unexpected(std::move(reason));
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
    // Decoded whole as the screens decode it; the check needs no conversion.
    auto surface = load_picture(file);
    if (!surface) {
        return tl::unexpected(surface.error());
    }
    return {};
}

}  // namespace kiosk::render

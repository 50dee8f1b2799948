#include "sdl_version.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>

namespace kiosk::render {
namespace {

std::string version_text(const char* name, const SDL_version& version) {
    return std::string(name) + " " + std::to_string(version.major) + "." + std::to_string(version.minor) +
           "." + std::to_string(version.patch);
}

}  // namespace

std::string sdl_library_versions() {
    SDL_version sdl{};
    SDL_GetVersion(&sdl);
    return version_text("SDL", sdl) + ", " + version_text("SDL_ttf", *TTF_Linked_Version()) + ", " +
           version_text("SDL_image", *IMG_Linked_Version());
}

}  // namespace kiosk::render

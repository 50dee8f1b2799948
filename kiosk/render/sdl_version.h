#pragma once
// The SDL libraries in use, for --version and bug reports.

#include <string>

namespace kiosk::render {

// "SDL 2.26.5, SDL_ttf 2.20.1, SDL_image 2.6.3": the linked libraries, not
// the headers built against.
std::string sdl_library_versions();

}  // namespace kiosk::render

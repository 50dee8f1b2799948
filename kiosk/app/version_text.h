#pragma once
// What `kiosk --version` and `kioskctl --version` print.

#include <string>
#include <string_view>

namespace kiosk::app {

// "kiosk 0.1.0 (commit 3f2a9c1e0b7d)\n"
// "SDL 2.26.5, SDL_ttf 2.20.1, SDL_image 2.6.3, libavcodec 59.37.100, libavformat 59.27.100, SQLite 3.40.1\n"
// The commit is left out when the build was not made from a git checkout.
std::string version_text(std::string_view program);

}  // namespace kiosk::app

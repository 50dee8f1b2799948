#pragma once
// SDL_ttf keeps one FreeType library for every font in the process, and
// FreeType allows faces to be used on several threads only when opening and
// closing them is serialised. Every start and stop of SDL_ttf and every open
// and close of a font goes through here, so that a content check can measure
// texts on its own thread with fonts of its own while the screens draw.

#include <SDL_ttf.h>

#include <filesystem>
#include <memory>

namespace kiosk::render {

// TTF_Init and TTF_Quit under the lock; SDL_ttf counts the references.
bool start_font_library();
void stop_font_library();

// TTF_OpenFontIndex and TTF_CloseFont under the lock. At SDL_ttf's 72 dpi a
// point is a pixel. Null when the face does not open (TTF_GetError says why).
TTF_Font* open_font(const std::filesystem::path& file, int size_px, long face_index = 0);
void close_font(TTF_Font* font);

struct FontDeleter {
    void operator()(TTF_Font* font) const { close_font(font); }
};
using FontPtr = std::unique_ptr<TTF_Font, FontDeleter>;

}  // namespace kiosk::render

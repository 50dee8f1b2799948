#include "font_library.h"

#include <mutex>

namespace kiosk::render {
namespace {

std::mutex& font_library_lock() {
    static std::mutex lock;
    return lock;
}

}  // namespace

bool start_font_library() {
    const std::scoped_lock hold(font_library_lock());
    return TTF_Init() == 0;
}

void stop_font_library() {
    const std::scoped_lock hold(font_library_lock());
    TTF_Quit();
}

TTF_Font* open_font(const std::filesystem::path& file, int size_px, long face_index) {
    const std::scoped_lock hold(font_library_lock());
    return TTF_OpenFontIndex(file.c_str(), size_px, face_index);
}

void close_font(TTF_Font* font) {
    const std::scoped_lock hold(font_library_lock());
    TTF_CloseFont(font);
}

}  // namespace kiosk::render

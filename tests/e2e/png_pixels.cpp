#include "png_pixels.h"

#include <SDL.h>
#include <SDL_image.h>

#include <memory>
#include <stdexcept>

namespace kiosk::test {

std::ostream& operator<<(std::ostream& os, const Rgb& c) {
    return os << "rgb(" << int{c.r} << ", " << int{c.g} << ", " << int{c.b} << ")";
}

Image Image::load(const std::string& path) {
    using Surface = std::unique_ptr<SDL_Surface, decltype(&SDL_FreeSurface)>;
    const Surface loaded(IMG_Load(path.c_str()), SDL_FreeSurface);
    if (!loaded) {
        throw std::runtime_error("cannot read image " + path + ": " + IMG_GetError());
    }
    const Surface rgba(SDL_ConvertSurfaceFormat(loaded.get(), SDL_PIXELFORMAT_RGBA32, 0), SDL_FreeSurface);
    if (!rgba) {
        throw std::runtime_error("cannot convert image " + path + ": " + SDL_GetError());
    }

    Image image;
    image.width_ = rgba->w;
    image.height_ = rgba->h;
    image.pixels_.reserve(static_cast<std::size_t>(rgba->w) * static_cast<std::size_t>(rgba->h));
    const auto* bytes = static_cast<const std::uint8_t*>(rgba->pixels);
    for (int y = 0; y < rgba->h; ++y) {
        const std::uint8_t* row = bytes + static_cast<std::ptrdiff_t>(y) * rgba->pitch;
        for (int x = 0; x < rgba->w; ++x) {
            image.pixels_.push_back({row[4 * x], row[4 * x + 1], row[4 * x + 2]});
        }
    }
    return image;
}

Rgb Image::at(int x, int y) const {
    if (x < 0 || y < 0 || x >= width_ || y >= height_) {
        throw std::out_of_range("pixel (" + std::to_string(x) + ", " + std::to_string(y) + ") outside a " +
                                std::to_string(width_) + "x" + std::to_string(height_) + " image");
    }
    return pixels_[static_cast<std::size_t>(y) * static_cast<std::size_t>(width_) +
                   static_cast<std::size_t>(x)];
}

std::size_t Image::count(const std::function<bool(Rgb)>& predicate) const {
    std::size_t n = 0;
    for (const Rgb& p : pixels_) {
        n += predicate(p) ? 1 : 0;
    }
    return n;
}

}  // namespace kiosk::test

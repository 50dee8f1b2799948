#pragma once

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>
#include <vector>

namespace kiosk::test {

struct Rgb {
    std::uint8_t r = 0;
    std::uint8_t g = 0;
    std::uint8_t b = 0;
};

std::ostream& operator<<(std::ostream& os, const Rgb& c);

// Colour classes with generous margins: screenshots go through YUV conversion and scaling.
inline bool is_black(Rgb c) {
    return c.r < 24 && c.g < 24 && c.b < 24;
}
inline bool is_red(Rgb c) {
    return c.r > 200 && c.g < 50 && c.b < 50;
}
inline bool is_blue(Rgb c) {
    return c.b > 150 && c.r < 80 && c.g < 80;
}
inline bool is_yellow(Rgb c) {
    return c.r > 200 && c.g > 200 && c.b < 60;
}
inline bool is_magenta(Rgb c) {
    return c.r > 200 && c.g < 60 && c.b > 200;
}

// An RGB image read from a file (PNG, or anything else SDL_image understands).
class Image {
  public:
    // Throws std::runtime_error naming the file when it is missing or unreadable.
    static Image load(const std::string& path);

    int width() const { return width_; }
    int height() const { return height_; }
    Rgb at(int x, int y) const;  // throws std::out_of_range outside the image
    Rgb centre() const { return at(width_ / 2, height_ / 2); }
    std::size_t count(const std::function<bool(Rgb)>& predicate) const;

  private:
    int width_ = 0;
    int height_ = 0;
    std::vector<Rgb> pixels_;  // row-major
};

}  // namespace kiosk::test

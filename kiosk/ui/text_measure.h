#pragma once
// How wide a text is on screen: the one thing layout needs to know of fonts.
// The SDL_ttf implementation is render::TextEngine; tests use fixed widths.

#include <string_view>

namespace kiosk::ui {

struct TextStyle {
    int size_px = 32;  // the font's pixel size
    bool bold = false;

    friend bool operator==(const TextStyle&, const TextStyle&) = default;
};

class TextMeasure {
  public:
    virtual ~TextMeasure() = default;
    // Advance width in pixels of `utf8` set on one line in `style`, shaped.
    virtual int width(std::string_view utf8, const TextStyle& style) const = 0;
    // Distance from one baseline to the next in `style`.
    virtual int line_height(const TextStyle& style) const = 0;
};

}  // namespace kiosk::ui

#pragma once
// A font for layout tests: an ASCII character is half the size wide and any
// other one the size, with roomy lines; wider and taller than the hall's CJK
// font, so a layout that fits here fits there.

#include <string_view>

#include "ui/text_measure.h"

namespace kiosk::ui {

class FixedWidthMeasure final : public TextMeasure {
  public:
    int width(std::string_view utf8, const TextStyle& style) const override {
        int total = 0;
        for (const char byte : utf8) {
            const auto value = static_cast<unsigned char>(byte);
            if (value < 0x80) {
                total += style.size_px / 2;
            } else if ((value & 0xC0) != 0x80) {
                total += style.size_px;
            }
        }
        return total;
    }
    int line_height(const TextStyle& style) const override { return style.size_px * 3 / 2; }
};

}  // namespace kiosk::ui

#pragma once
// Why the SDL side could not give a screen, a sound device or the fonts.
// Each kind says what the caller may do; the message says, for the log,
// what SDL answered.

#include <string>

namespace kiosk::render {

enum class RenderErrorKind {
    no_screen,  // no window, canvas or renderer: the kiosk cannot show anything (no display? --headless)
    no_sound,   // the sound device would not open: play without sound
    no_fonts,   // no font file, or it would not open: show no text (slates blank, exhibits off)
};

struct RenderError {
    RenderErrorKind kind;
    std::string message;
};

}  // namespace kiosk::render

#pragma once
// Finds the CJK font the screens draw with, through fontconfig.

#include <filesystem>
#include <optional>

namespace kiosk::render {

// One face of a font file; collections (.ttc) hold several.
struct FontFace {
    std::filesystem::path file;
    long index = 0;  // the face within the file

    friend bool operator==(const FontFace&, const FontFace&) = default;
};

// The faces text is set in.
struct FontFiles {
    FontFace regular;
    std::optional<FontFace> bold;  // none: the regular face is emboldened when drawn
};

// Noto Sans CJK SC first, WenQuanYi as fallback, then whatever fontconfig
// offers for Simplified Chinese. Nothing when no font file is installed.
std::optional<std::filesystem::path> find_cjk_font();

// The same search, with the face within the file and a bold face: Noto Sans
// CJK SC's own Bold when installed; WenQuanYi Zen Hei, which has none, gets
// no bold face. Nothing when no font file is installed.
std::optional<FontFiles> find_cjk_font_files();

}  // namespace kiosk::render

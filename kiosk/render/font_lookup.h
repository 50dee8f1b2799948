#pragma once
// Finds the CJK font the screens draw with, through fontconfig.

#include <filesystem>
#include <optional>

namespace kiosk::render {

// Noto Sans CJK SC first, WenQuanYi as fallback, then whatever fontconfig
// offers for Simplified Chinese. Nothing when no font file is installed.
std::optional<std::filesystem::path> find_cjk_font();

}  // namespace kiosk::render

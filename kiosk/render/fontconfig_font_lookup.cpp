#include <fontconfig/fontconfig.h>

#include <array>
#include <memory>

#include "font_lookup.h"

namespace kiosk::render {
namespace {

struct PatternDeleter {
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;

std::optional<std::filesystem::path> match(const char* family, bool exact) {
    PatternPtr pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddString(pattern.get(), FC_LANG, reinterpret_cast<const FcChar8*>("zh-cn"));
    FcConfigSubstitute(nullptr, pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    PatternPtr found(FcFontMatch(nullptr, pattern.get(), &result));
    if (!found || result != FcResultMatch) {
        return std::nullopt;
    }
    FcChar8* file = nullptr;
    FcChar8* found_family = nullptr;
    if (FcPatternGetString(found.get(), FC_FILE, 0, &file) != FcResultMatch) {
        return std::nullopt;
    }
    if (exact && (FcPatternGetString(found.get(), FC_FAMILY, 0, &found_family) != FcResultMatch ||
                  std::string_view(reinterpret_cast<const char*>(found_family)) != family)) {
        return std::nullopt;
    }
    return std::filesystem::path(reinterpret_cast<const char*>(file));
}

}  // namespace

std::optional<std::filesystem::path> find_cjk_font() {
    if (FcInit() == FcFalse) {
        return std::nullopt;
    }
    std::optional<std::filesystem::path> found;
    constexpr std::array kPreferred{"Noto Sans CJK SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei"};
    for (const char* family : kPreferred) {
        if ((found = match(family, true))) {
            break;
        }
    }
    if (!found) {
        found = match("sans-serif", false);
    }
    // The kiosk needs one file name, once: fontconfig's caches go now
    // rather than live for the whole run.
    FcFini();
    return found;
}

}  // namespace kiosk::render

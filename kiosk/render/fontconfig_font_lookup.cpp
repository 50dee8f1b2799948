#include <fontconfig/fontconfig.h>

#include <array>
#include <memory>
#include <string_view>

#include "font_lookup.h"

namespace kiosk::render {
namespace {

struct PatternDeleter {
    void operator()(FcPattern* pattern) const { FcPatternDestroy(pattern); }
};
using PatternPtr = std::unique_ptr<FcPattern, PatternDeleter>;

// Families in the order the screens prefer them.
constexpr std::array kPreferredFamilies{"Noto Sans CJK SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei"};

struct FoundFace {
    FontFace face;
    int weight = FC_WEIGHT_REGULAR;
};

// What fontconfig picks for `family` in Simplified Chinese at `weight`;
// with `exact`, only a face of that very family.
std::optional<FoundFace> match(const char* family, int weight, bool exact) {
    PatternPtr pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
    FcPatternAddString(pattern.get(), FC_LANG, reinterpret_cast<const FcChar8*>("zh-cn"));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, weight);
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
    FoundFace face;
    face.face.file = std::filesystem::path(reinterpret_cast<const char*>(file));
    int index = 0;
    if (FcPatternGetInteger(found.get(), FC_INDEX, 0, &index) == FcResultMatch) {
        face.face.index = index;
    }
    FcPatternGetInteger(found.get(), FC_WEIGHT, 0, &face.weight);
    return face;
}

std::optional<FontFiles> find_font_files() {
    for (const char* family : kPreferredFamilies) {
        const std::optional<FoundFace> regular = match(family, FC_WEIGHT_REGULAR, true);
        if (!regular) {
            continue;
        }
        FontFiles files{regular->face, std::nullopt};
        // Asked for bold, fontconfig answers with the nearest weight it has:
        // the regular face itself when the family has no bold.
        const std::optional<FoundFace> bold = match(family, FC_WEIGHT_BOLD, true);
        if (bold && bold->weight >= FC_WEIGHT_DEMIBOLD && !(bold->face == regular->face)) {
            files.bold = bold->face;
        }
        return files;
    }
    if (const std::optional<FoundFace> any = match("sans-serif", FC_WEIGHT_REGULAR, false)) {
        return FontFiles{any->face, std::nullopt};
    }
    return std::nullopt;
}

// fontconfig set up for one search: its caches go afterwards rather than
// live for the whole run.
class FontconfigSession {
  public:
    FontconfigSession() : m_ready(FcInit() == FcTrue) {}
    ~FontconfigSession() {
        if (m_ready) {
            FcFini();
        }
    }
    FontconfigSession(const FontconfigSession&) = delete;
    FontconfigSession& operator=(const FontconfigSession&) = delete;

    bool ready() const { return m_ready; }

  private:
    bool m_ready;
};

}  // namespace

std::optional<std::filesystem::path> find_cjk_font() {
    const std::optional<FontFiles> files = find_cjk_font_files();
    if (!files) {
        return std::nullopt;
    }
    return files->regular.file;
}

std::optional<FontFiles> find_cjk_font_files() {
    const FontconfigSession session;
    if (!session.ready()) {
        return std::nullopt;
    }
    return find_font_files();
}

}  // namespace kiosk::render

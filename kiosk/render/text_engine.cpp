#include "text_engine.h"

#include <SDL_ttf.h>

namespace kiosk::render {
namespace {

// The size both faces are opened at by create(), to fail early; that font is
// then kept for text of that size.
constexpr int kProbeSizePx = 32;
// Widths remembered before the cache starts over: layout asks again for the
// same few hundred pieces on every page, and a bound keeps a long-running
// kiosk's memory flat, by count and by the length of the texts kept.
constexpr std::size_t kMaxCachedWidths = 8192;
constexpr std::size_t kMaxCachedWidthBytes = 2U << 20;
// HarfBuzz shapes each call of SDL_ttf as one run of one script. Han suits
// mixed Chinese and English: Latin keeps its kerning and ligatures under it,
// while Latin ("Latn") would set "……" as low dots and "·" as a period.
constexpr const char* kShapingScript = "Hani";

std::string describe(const FontFace& face) {
    return face.file.string() + " (face " + std::to_string(face.index) + ")";
}

}  // namespace

tl::expected<std::unique_ptr<TextEngine>, RenderError> TextEngine::create(FontFiles files) {
    if (files.regular.file.empty()) {
        return tl::unexpected(RenderError{RenderErrorKind::no_fonts,
                                          "no font file given (is a CJK font installed? fonts-noto-cjk)"});
    }
    if (!start_font_library()) {
        return tl::unexpected(
            RenderError{RenderErrorKind::no_fonts, "cannot start SDL_ttf: " + std::string(TTF_GetError())});
    }
    // From here the engine owns the SDL_ttf reference taken above.
    std::unique_ptr<TextEngine> engine(new TextEngine(std::move(files)));
    if (engine->font(ui::TextStyle{kProbeSizePx, false}) == nullptr) {
        return tl::unexpected(
            RenderError{RenderErrorKind::no_fonts,
                        "cannot open font " + describe(engine->m_files.regular) + ": " + TTF_GetError()});
    }
    if (engine->m_files.bold && engine->font(ui::TextStyle{kProbeSizePx, true}) == nullptr) {
        return tl::unexpected(
            RenderError{RenderErrorKind::no_fonts,
                        "cannot open bold font " + describe(*engine->m_files.bold) + ": " + TTF_GetError()});
    }
    return engine;
}

TextEngine::TextEngine(FontFiles files) : m_files(std::move(files)) {}

TextEngine::~TextEngine() {
    m_fonts.clear();
    stop_font_library();
}

TTF_Font* TextEngine::font(const ui::TextStyle& style) const {
    const std::pair key{style.size_px, style.bold};
    const auto found = m_fonts.find(key);
    if (found != m_fonts.end()) {
        return found->second.get();
    }
    const bool own_bold_face = style.bold && m_files.bold.has_value();
    const FontFace& face = own_bold_face ? *m_files.bold : m_files.regular;
    FontPtr opened(open_font(face.file, style.size_px, face.index));
    if (!opened) {
        return nullptr;  // not kept: the next call tries again
    }
    // Both fail only without HarfBuzz, where SDL_ttf lays glyphs out by itself.
    TTF_SetFontDirection(opened.get(), TTF_DIRECTION_LTR);
    TTF_SetFontScriptName(opened.get(), kShapingScript);
    if (style.bold && !own_bold_face) {
        TTF_SetFontStyle(opened.get(), TTF_STYLE_BOLD);
    }
    return m_fonts.emplace(key, std::move(opened)).first->second.get();
}

int TextEngine::width(std::string_view utf8, const ui::TextStyle& style) const {
    if (utf8.empty()) {
        return 0;
    }
    m_width_key.assign(utf8);
    m_width_key.push_back('\0');
    m_width_key.append(std::to_string(style.size_px));
    m_width_key.push_back(style.bold ? 'b' : 'r');
    if (const auto found = m_widths.find(m_width_key); found != m_widths.end()) {
        return found->second;
    }
    TTF_Font* measuring = font(style);
    if (measuring == nullptr) {
        return 0;
    }
    int measured = 0;
    // SDL_ttf reads up to a terminating zero, which a string_view lacks.
    if (TTF_SizeUTF8(measuring, std::string(utf8).c_str(), &measured, nullptr) != 0) {
        return 0;
    }
    if (m_widths.size() >= kMaxCachedWidths || m_cached_bytes + m_width_key.size() > kMaxCachedWidthBytes) {
        m_widths.clear();
        m_cached_bytes = 0;
    }
    m_widths.emplace(m_width_key, measured);
    m_cached_bytes += m_width_key.size();
    return measured;
}

int TextEngine::line_height(const ui::TextStyle& style) const {
    TTF_Font* measuring = font(style);
    return measuring == nullptr ? style.size_px : TTF_FontLineSkip(measuring);
}

SurfacePtr TextEngine::render(std::string_view utf8, const ui::TextStyle& style, SDL_Color colour) const {
    TTF_Font* drawing = font(style);
    if (utf8.empty() || drawing == nullptr) {
        return nullptr;
    }
    return SurfacePtr(TTF_RenderUTF8_Blended(drawing, std::string(utf8).c_str(), colour));
}

}  // namespace kiosk::render

#pragma once
// Text set with SDL_ttf (shaped by HarfBuzz) in the kiosk's CJK font:
// widths and line heights for layout, and rendered text for the screens.
// An engine belongs to one thread; engines on other threads have faces of
// their own (see font_library.h). Needs no display.

#include <SDL.h>

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include <tl/expected.hpp>

#include "font_library.h"
#include "font_lookup.h"
#include "render_error.h"
#include "sdl_deleters.h"
#include "ui/text_measure.h"

namespace kiosk::render {

class TextEngine final : public ui::TextMeasure {
  public:
    // Starts SDL_ttf (its own reference, released with the engine) and opens
    // both faces once to see that they load; an error names the file that
    // does not.
    static tl::expected<std::unique_ptr<TextEngine>, RenderError> create(FontFiles files);
    ~TextEngine() override;
    TextEngine(const TextEngine&) = delete;
    TextEngine& operator=(const TextEngine&) = delete;

    // 0 for empty text or a face that stopped loading.
    int width(std::string_view utf8, const ui::TextStyle& style) const override;
    int line_height(const ui::TextStyle& style) const override;

    // `utf8` on one line, anti-aliased onto a transparent ARGB surface as wide
    // as width() says and one line tall. Null for empty text, or when SDL_ttf
    // fails (SDL_GetError() says why).
    SurfacePtr render(std::string_view utf8, const ui::TextStyle& style, SDL_Color colour) const;

    const FontFiles& files() const { return m_files; }

  private:
    explicit TextEngine(FontFiles files);
    // The face at the style's size, opened on first use and kept; null when
    // it does not open.
    TTF_Font* font(const ui::TextStyle& style) const;

    FontFiles m_files;
    // Opened lazily from const measuring, hence mutable. The destructor
    // closes them all before it releases SDL_ttf.
    mutable std::map<std::pair<int, bool>, FontPtr> m_fonts;  // by (size in px, bold)
    mutable std::unordered_map<std::string, int> m_widths;    // by text and style; see kMaxCachedWidths
    mutable std::size_t m_cached_bytes = 0;                   // of the keys in m_widths
    mutable std::string m_width_key;                          // reused to look up without allocating
};

}  // namespace kiosk::render

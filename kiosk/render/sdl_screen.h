#pragma once
// One kiosk screen: a window (full screen on its display, or a window of a
// given size) and its renderer, or, headless, SDL's software renderer
// drawing into a picture in memory. Implements the player's VideoOutput.
// Main thread only, as SDL requires.

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "font_library.h"
#include "picture_fit.h"
#include "playback/video_output.h"
#include "render_error.h"
#include "screen_layer.h"
#include "sdl_deleters.h"

namespace kiosk::render {

struct ScreenSetup {
    int display = 0;                   // SDL display index
    std::optional<int> width, height;  // a window of this size instead of full screen
    bool headless = false;             // no window: software renderer into memory
    std::string title = "Population Culture Window";
    std::optional<std::filesystem::path> font;  // for slates; none draws bars only
};

class SdlScreen final : public playback::VideoOutput {
  public:
    static tl::expected<std::unique_ptr<SdlScreen>, RenderError> create(const ScreenSetup& setup);

    void show_picture(const playback::Picture& picture, int rotation_degrees) override;
    void show_slate(const std::string& title, const std::string& subtitle) override;
    bool save_screenshot(const std::filesystem::path& path) override;

    // Draws the current content again (after the window was exposed, or
    // when the layer changed) and presents it.
    void redraw();

    // The touch exhibit drawn around and over the film; null for films only.
    // `layer` must outlive the screen or be reset first.
    void set_layer(ScreenLayer* layer);
    // The layer's drawing changed: the next frame draws the whole screen.
    // Until then a film frame redraws only the film's part of the screen.
    void invalidate_layer() { m_layer_drawn = false; }
    // Only `part` of the layer's drawing changed (a page scrolled): the next
    // frame draws just that part again, where the renderer keeps its picture.
    void invalidate_layer(const SDL_Rect& part);

    SDL_Renderer* renderer() const { return m_renderer.get(); }
    int width() const;
    // The window's SDL id; 0 headless.
    Uint32 window_id() const { return m_window ? SDL_GetWindowID(m_window.get()) : 0; }
    int height() const;

  private:
    SdlScreen(WindowPtr window, SurfacePtr canvas, RendererPtr renderer,
              std::optional<std::filesystem::path> font);
    void open_fonts();
    void draw();
    bool upload(const playback::Picture& picture);
    bool convert_into_canvas(const playback::Picture& picture);
    void fill_bars(const Placement& placement);
    // The layer and the film; with `only`, just what lies in that rectangle.
    void draw_with_layer(std::optional<SDL_Rect> only = std::nullopt);
    void note_layer_drawn();
    bool keeps_layer_drawing() const;
    void present();
    SDL_Texture* render_text(TTF_Font* font, const std::string& text);

    WindowPtr m_window;   // null when headless
    SurfacePtr m_canvas;  // headless only: what the renderer draws into
    RendererPtr m_renderer;
    std::optional<std::filesystem::path> m_font;
    FontPtr m_title_font;
    FontPtr m_subtitle_font;
    TexturePtr m_picture;       // the decoded picture as YUV planes
    std::vector<Uint8> m_band;  // headless: a band of the picture's planes back to back, as SDL converts them
    Uint32 m_picture_format = 0;
    int m_picture_width = 0;
    int m_picture_height = 0;
    int m_rotation = 0;
    TexturePtr m_slate_title;  // rendered once per slate, not per frame
    TexturePtr m_slate_subtitle;
    bool m_showing_slate = false;
    ScreenLayer* m_layer = nullptr;
    bool m_keeps_frame = false;  // the renderer's picture survives a present
    bool m_layer_drawn = false;  // the screen holds the layer's latest drawing, whole
    int m_drawn_width = 0;       // the output size it was drawn at
    int m_drawn_height = 0;
    std::optional<SDL_Rect> m_stale;  // a part of it the layer changed since
};

}  // namespace kiosk::render

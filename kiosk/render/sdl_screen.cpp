#include "sdl_screen.h"

#include <SDL_image.h>

#include <algorithm>
#include <span>

#include "picture_fit.h"

namespace kiosk::render {
namespace {

// Rows converted at a time into a headless canvas (even, so chroma rows
// split cleanly): 64 rows of 1080p are ~180 KB, which stays in cache.
constexpr int kBandRows = 64;
// Slate text height as a share of the screen height.
constexpr double kTitleHeightShare = 0.07;
constexpr double kSubtitleHeightShare = 0.04;
constexpr SDL_Color kSlateText{235, 235, 235, 255};
constexpr SDL_Color kSlateBackground{24, 32, 48, 255};

SDL_YUV_CONVERSION_MODE conversion_mode(const playback::Picture& picture) {
    if (picture.format().range == playback::ColourRange::full) {
        return SDL_YUV_CONVERSION_JPEG;
    }
    switch (picture.format().matrix) {
        case playback::ColourMatrix::bt709:
            return SDL_YUV_CONVERSION_BT709;
        case playback::ColourMatrix::bt601:
            return SDL_YUV_CONVERSION_BT601;
        case playback::ColourMatrix::unspecified:
            break;
    }
    return SDL_YUV_CONVERSION_AUTOMATIC;
}

// Fills the rectangles that have an area. The software renderer draws an
// empty one as a line a pixel wide, which would cross the picture.
void fill_nonempty(SDL_Renderer* renderer, std::span<const SDL_Rect> rectangles) {
    for (const SDL_Rect& rectangle : rectangles) {
        if (rectangle.w > 0 && rectangle.h > 0) {
            SDL_RenderFillRect(renderer, &rectangle);
        }
    }
}

}  // namespace

namespace {

// Headless screens draw into memory in the software renderer's own pixel
// format, so presenting a picture is one conversion from YUV and one copy.
tl::expected<std::pair<SurfacePtr, RendererPtr>, RenderError> create_canvas(int width, int height) {
    SurfacePtr canvas(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888));
    if (!canvas) {
        return tl::unexpected(RenderError{RenderErrorKind::no_screen,
                                          std::string("cannot allocate the screen: ") + SDL_GetError()});
    }
    RendererPtr renderer(SDL_CreateSoftwareRenderer(canvas.get()));
    if (!renderer) {
        return tl::unexpected(RenderError{RenderErrorKind::no_screen,
                                          std::string("cannot create a renderer: ") + SDL_GetError()});
    }
    return std::pair{std::move(canvas), std::move(renderer)};
}

tl::expected<std::pair<WindowPtr, RendererPtr>, RenderError> create_window(const ScreenSetup& setup) {
    Uint32 flags = SDL_WINDOW_SHOWN;
    int x = SDL_WINDOWPOS_CENTERED_DISPLAY(setup.display);
    int y = SDL_WINDOWPOS_CENTERED_DISPLAY(setup.display);
    int width = setup.width.value_or(1920);
    int height = setup.height.value_or(1080);
    if (!setup.width) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS;
        SDL_Rect bounds;
        if (SDL_GetDisplayBounds(setup.display, &bounds) == 0) {
            x = bounds.x;
            y = bounds.y;
            width = bounds.w;
            height = bounds.h;
        }
    }
    WindowPtr window(SDL_CreateWindow(setup.title.c_str(), x, y, width, height, flags));
    if (!window) {
        return tl::unexpected(
            RenderError{RenderErrorKind::no_screen, std::string("cannot open a window: ") + SDL_GetError()});
    }
    // Never wait for vsync in present: one loop serves every screen, and a
    // present that blocks on one display would halve the others' frame rate.
    // The loop paces frames by their due times instead.
    RendererPtr renderer(SDL_CreateRenderer(window.get(), -1, SDL_RENDERER_ACCELERATED));
    if (!renderer) {
        renderer.reset(SDL_CreateRenderer(window.get(), -1, SDL_RENDERER_SOFTWARE));
    }
    if (!renderer) {
        return tl::unexpected(RenderError{RenderErrorKind::no_screen,
                                          std::string("cannot create a renderer: ") + SDL_GetError()});
    }
    return std::pair{std::move(window), std::move(renderer)};
}

}  // namespace

tl::expected<std::unique_ptr<SdlScreen>, RenderError> SdlScreen::create(const ScreenSetup& setup) {
    WindowPtr window;
    SurfacePtr canvas;
    RendererPtr renderer;
    if (setup.headless) {
        auto created = create_canvas(setup.width.value_or(1920), setup.height.value_or(1080));
        if (!created) {
            return tl::unexpected(created.error());
        }
        canvas = std::move(created->first);
        renderer = std::move(created->second);
    } else {
        auto created = create_window(setup);
        if (!created) {
            return tl::unexpected(created.error());
        }
        window = std::move(created->first);
        renderer = std::move(created->second);
        SDL_ShowCursor(setup.width ? SDL_ENABLE : SDL_DISABLE);
    }
    return std::unique_ptr<SdlScreen>(
        new SdlScreen(std::move(window), std::move(canvas), std::move(renderer), setup.font));
}

SdlScreen::SdlScreen(WindowPtr window, SurfacePtr canvas, RendererPtr renderer,
                     std::optional<std::filesystem::path> font)
    : m_window(std::move(window)),
      m_canvas(std::move(canvas)),
      m_renderer(std::move(renderer)),
      m_font(std::move(font)) {
    SDL_RendererInfo info{};
    // The software renderer draws into a surface that keeps the last frame;
    // after a present, other renderers' back buffers hold nothing certain.
    m_keeps_frame =
        SDL_GetRendererInfo(m_renderer.get(), &info) == 0 && (info.flags & SDL_RENDERER_SOFTWARE) != 0;
    SDL_SetRenderDrawColor(m_renderer.get(), 0, 0, 0, 255);
    SDL_RenderClear(m_renderer.get());
    SDL_RenderPresent(m_renderer.get());
}

bool SdlScreen::upload(const playback::Picture& picture) {
    const bool nv12 = picture.layout() == playback::PixelLayout::nv12;
    const Uint32 format = nv12 ? SDL_PIXELFORMAT_NV12 : SDL_PIXELFORMAT_IYUV;
    if (!m_picture || format != m_picture_format || picture.width() != m_picture_width ||
        picture.height() != m_picture_height) {
        m_picture.reset(SDL_CreateTexture(m_renderer.get(), format, SDL_TEXTUREACCESS_STREAMING,
                                          picture.width(), picture.height()));
        if (!m_picture) {
            return false;
        }
        m_picture_format = format;
        m_picture_width = picture.width();
        m_picture_height = picture.height();
    }
    SDL_SetYUVConversionMode(conversion_mode(picture));
    const playback::PicturePlane& luma = picture.plane(0);
    const playback::PicturePlane& first_chroma = picture.plane(1);
    if (nv12) {
        return SDL_UpdateNVTexture(m_picture.get(), nullptr, luma.data, luma.stride, first_chroma.data,
                                   first_chroma.stride) == 0;
    }
    const playback::PicturePlane& second_chroma = picture.plane(2);
    return SDL_UpdateYUVTexture(m_picture.get(), nullptr, luma.data, luma.stride, first_chroma.data,
                                first_chroma.stride, second_chroma.data, second_chroma.stride) == 0;
}

bool SdlScreen::convert_into_canvas(const playback::Picture& picture) {
    // SDL converts YUV held as planes back to back; a band of rows at a time
    // is copied that way and converted, so the copy stays in cache and no
    // whole-picture buffer is needed.
    const int width = picture.width();
    const int height = picture.height();
    const int chroma_width = (width + 1) / 2;
    const bool nv12 = picture.layout() == playback::PixelLayout::nv12;
    const Uint32 format = nv12 ? SDL_PIXELFORMAT_NV12 : SDL_PIXELFORMAT_IYUV;
    m_band.resize(static_cast<std::size_t>(width) * kBandRows +
                  static_cast<std::size_t>(chroma_width) * kBandRows);
    const Placement placement = fit_picture(width, height, 0, m_canvas->w, m_canvas->h);
    auto* target = static_cast<Uint8*>(m_canvas->pixels) +
                   static_cast<std::ptrdiff_t>(placement.y) * m_canvas->pitch +
                   static_cast<std::ptrdiff_t>(placement.x) * 4;
    SDL_SetYUVConversionMode(conversion_mode(picture));
    for (int top = 0; top < height; top += kBandRows) {
        const int rows = std::min(kBandRows, height - top);
        const int chroma_top = top / 2;
        const int chroma_rows = (rows + 1) / 2;
        Uint8* out = m_band.data();
        auto copy_rows = [&out](const Uint8* plane, int pitch, int first, int count, int row_bytes) {
            for (int row = first; row < first + count; ++row) {
                std::copy_n(plane + static_cast<std::ptrdiff_t>(row) * pitch, row_bytes, out);
                out += row_bytes;
            }
        };
        auto copy_plane_rows = [&](std::size_t index, int first, int count, int row_bytes) {
            const playback::PicturePlane& plane = picture.plane(index);
            copy_rows(plane.data, plane.stride, first, count, row_bytes);
        };
        copy_plane_rows(0, top, rows, width);
        if (nv12) {
            copy_plane_rows(1, chroma_top, chroma_rows, chroma_width * 2);
        } else {
            copy_plane_rows(1, chroma_top, chroma_rows, chroma_width);
            copy_plane_rows(2, chroma_top, chroma_rows, chroma_width);
        }
        if (SDL_ConvertPixels(width, rows, format, m_band.data(), width, m_canvas->format->format,
                              target + static_cast<std::ptrdiff_t>(top) * m_canvas->pitch,
                              m_canvas->pitch) != 0) {
            return false;
        }
    }
    m_picture.reset();  // the canvas holds the picture now
    return true;
}

void SdlScreen::show_picture(const playback::Picture& picture, int rotation_degrees) {
    std::optional<SDL_Rect> area;
    if (m_layer != nullptr) {
        area = m_layer->film_area();
        if (!area) {
            return;  // the film plays on unseen behind a page
        }
    }
    const bool full_screen =
        !area || (area->x == 0 && area->y == 0 && area->w == width() && area->h == height());
    // Headless, a picture that maps onto the canvas pixel for pixel is
    // converted straight into it: the same SDL conversion the software
    // renderer would do, without its intermediate surface and copy.
    if (m_canvas && full_screen && rotation_degrees == 0 &&
        fit_picture(picture.width(), picture.height(), 0, m_canvas->w, m_canvas->h).width ==
            picture.width()) {
        if (convert_into_canvas(picture)) {
            m_showing_slate = false;
            m_rotation = 0;
            const Placement placement =
                fit_picture(picture.width(), picture.height(), 0, m_canvas->w, m_canvas->h);
            fill_bars(placement);
            if (m_layer != nullptr) {
                m_layer->draw_over(m_renderer.get());
                m_layer_drawn = true;
                m_layer->presented();
            }
            return;
        }
    }
    if (!upload(picture)) {
        return;  // keep the previous picture rather than flash black
    }
    m_rotation = rotation_degrees;
    m_showing_slate = false;
    if (area && !full_screen && keeps_layer_drawing()) {
        // Only the film's part changed (and any part the layer said): the
        // rest of the screen still holds the layer as last drawn.
        SDL_Rect part = *area;
        if (m_stale) {
            SDL_UnionRect(&part, &*m_stale, &part);
        }
        draw_with_layer(part);
    } else {
        draw();
    }
    present();
}

bool SdlScreen::keeps_layer_drawing() const {
    if (m_showing_slate) {
        return false;  // (the slate is drawn whole)
    }
    int width = 0;
    int height = 0;
    SDL_GetRendererOutputSize(m_renderer.get(), &width, &height);
    // (A window that changed size has a new surface holding nothing.)
    return m_keeps_frame && m_layer_drawn && width == m_drawn_width && height == m_drawn_height;
}

int SdlScreen::width() const {
    int width = 0;
    SDL_GetRendererOutputSize(m_renderer.get(), &width, nullptr);
    return width;
}

int SdlScreen::height() const {
    int height = 0;
    SDL_GetRendererOutputSize(m_renderer.get(), nullptr, &height);
    return height;
}

void SdlScreen::present() {
    SDL_RenderPresent(m_renderer.get());
    if (m_layer != nullptr) {
        m_layer->presented();
    }
}

SDL_Texture* SdlScreen::render_text(TTF_Font* font, const std::string& text) {
    if (font == nullptr || text.empty()) {
        return nullptr;
    }
    SurfacePtr surface(TTF_RenderUTF8_Blended(font, text.c_str(), kSlateText));
    if (!surface) {
        return nullptr;
    }
    return SDL_CreateTextureFromSurface(m_renderer.get(), surface.get());
}

void SdlScreen::open_fonts() {
    // Opened on the first slate, not at start: a CJK face costs megabytes
    // per size, and most screens never show a slate.
    if (!m_font || m_title_font) {
        return;
    }
    int height = 0;
    SDL_GetRendererOutputSize(m_renderer.get(), nullptr, &height);
    m_title_font.reset(open_font(*m_font, std::max(12, static_cast<int>(height * kTitleHeightShare))));
    m_subtitle_font.reset(open_font(*m_font, std::max(10, static_cast<int>(height * kSubtitleHeightShare))));
}

void SdlScreen::show_slate(const std::string& title, const std::string& subtitle) {
    open_fonts();
    m_slate_title.reset(render_text(m_title_font.get(), title));
    m_slate_subtitle.reset(render_text(m_subtitle_font.get(), subtitle));
    m_showing_slate = true;
    draw();
    present();
}

void SdlScreen::set_layer(ScreenLayer* layer) {
    m_layer = layer;
    m_layer_drawn = false;
}

void SdlScreen::draw_with_layer(std::optional<SDL_Rect> only) {
    SDL_Renderer* renderer = m_renderer.get();
    const std::optional<SDL_Rect> area = m_layer->film_area();
    if (m_canvas && !m_picture && area && area->x == 0 && area->y == 0 && area->w == width() &&
        area->h == height()) {
        // The canvas already holds the film picture, converted straight into it.
        m_layer->draw_over(renderer);
        note_layer_drawn();
        return;
    }
    // The layer's painter keeps to this clip: drawing only `only` costs in
    // proportion to its size.
    SDL_RenderSetClipRect(renderer, only ? &*only : nullptr);
    m_layer->draw_under(renderer);
    if (area) {
        SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
        const bool picture = m_picture && !m_showing_slate;
        const Placement placement =
            fit_picture(m_picture_width, m_picture_height, m_rotation, area->w, area->h);
        const SDL_Rect destination{area->x + placement.x, area->y + placement.y, placement.width,
                                   placement.height};
        if (picture && m_rotation == 0) {
            // Black only where the picture leaves bars: filling the whole
            // area first would write every pixel twice.
            const SDL_Rect bars[] = {
                {area->x, area->y, area->w, placement.y},
                {area->x, destination.y + destination.h, area->w, area->h - placement.y - placement.height},
                {area->x, destination.y, placement.x, destination.h},
                {destination.x + destination.w, destination.y, area->w - placement.x - placement.width,
                 destination.h}};
            fill_nonempty(renderer, bars);
        } else {
            SDL_RenderFillRect(renderer, &*area);
        }
        SDL_Rect clip = *area;
        if (picture && (!only || SDL_IntersectRect(&*area, &*only, &clip) == SDL_TRUE)) {
            SDL_RenderSetClipRect(renderer, &clip);
            SDL_RenderCopyEx(renderer, m_picture.get(), nullptr, &destination, m_rotation, nullptr,
                             SDL_FLIP_NONE);
            SDL_RenderSetClipRect(renderer, only ? &*only : nullptr);
        }
    }
    m_layer->draw_over(renderer);
    SDL_RenderSetClipRect(renderer, nullptr);
    if (only) {
        m_stale.reset();
    } else {
        note_layer_drawn();
    }
}

void SdlScreen::note_layer_drawn() {
    m_layer_drawn = true;
    m_stale.reset();
    SDL_GetRendererOutputSize(m_renderer.get(), &m_drawn_width, &m_drawn_height);
}

void SdlScreen::draw() {
    SDL_Renderer* renderer = m_renderer.get();
    const bool layer_full_screen_film = [&] {
        if (m_layer == nullptr) {
            return false;
        }
        const auto area = m_layer->film_area();
        return area && area->x == 0 && area->y == 0 && area->w == width() && area->h == height();
    }();
    if (m_layer != nullptr && !(m_showing_slate && layer_full_screen_film)) {
        draw_with_layer();
        return;
    }
    int width = 0;
    int height = 0;
    SDL_GetRendererOutputSize(renderer, &width, &height);
    if (m_showing_slate) {
        SDL_SetRenderDrawColor(renderer, kSlateBackground.r, kSlateBackground.g, kSlateBackground.b, 255);
        SDL_RenderClear(renderer);
        int y = height * 2 / 5;
        for (SDL_Texture* text : {m_slate_title.get(), m_slate_subtitle.get()}) {
            if (text == nullptr) {
                continue;
            }
            int text_width = 0;
            int text_height = 0;
            SDL_QueryTexture(text, nullptr, nullptr, &text_width, &text_height);
            const SDL_Rect place{(width - text_width) / 2, y, text_width, text_height};
            SDL_RenderCopy(renderer, text, nullptr, &place);
            y += text_height * 3 / 2;
        }
        // A thin bar under the text, so the slate is visibly a slate even
        // without a font.
        SDL_SetRenderDrawColor(renderer, 200, 60, 60, 255);
        const SDL_Rect bar{width / 4, height * 3 / 4, width / 2, std::max(4, height / 100)};
        SDL_RenderFillRect(renderer, &bar);
        SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
        if (m_layer != nullptr) {
            m_layer->draw_over(renderer);
        }
        return;
    }
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    if (!m_picture) {
        if (!m_canvas) {
            SDL_RenderClear(renderer);  // (a canvas keeps its converted picture)
        }
        return;
    }
    const Placement placement = fit_picture(m_picture_width, m_picture_height, m_rotation, width, height);
    const SDL_Rect destination{placement.x, placement.y, placement.width, placement.height};
    if (m_rotation == 0) {
        fill_bars(placement);
        SDL_RenderCopy(renderer, m_picture.get(), nullptr, &destination);
    } else {
        SDL_RenderClear(renderer);
        SDL_RenderCopyEx(renderer, m_picture.get(), nullptr, &destination, m_rotation, nullptr,
                         SDL_FLIP_NONE);
    }
}

void SdlScreen::fill_bars(const Placement& placement) {
    // Only the bars are painted: the picture covers the rest, and clearing a
    // whole 4K screen per frame is not free in software.
    int width = 0;
    int height = 0;
    SDL_GetRendererOutputSize(m_renderer.get(), &width, &height);
    const int bottom = placement.y + placement.height;
    const int right = placement.x + placement.width;
    const SDL_Rect bars[] = {{0, 0, width, placement.y},
                             {0, bottom, width, height - bottom},
                             {0, placement.y, placement.x, placement.height},
                             {right, placement.y, width - right, placement.height}};
    SDL_SetRenderDrawColor(m_renderer.get(), 0, 0, 0, 255);
    fill_nonempty(m_renderer.get(), bars);
}

void SdlScreen::redraw() {
    if (m_layer != nullptr && m_stale && keeps_layer_drawing()) {
        draw_with_layer(*m_stale);
    } else {
        draw();
    }
    present();
}

void SdlScreen::invalidate_layer(const SDL_Rect& part) {
    if (m_stale) {
        SDL_UnionRect(&*m_stale, &part, &*m_stale);
    } else {
        m_stale = part;
    }
}

bool SdlScreen::save_screenshot(const std::filesystem::path& path) {
    if (m_canvas) {
        return IMG_SavePNG(m_canvas.get(), path.c_str()) == 0;
    }
    // Drawn afresh rather than read back after present: after a present the
    // back buffer's content is undefined on accelerated renderers.
    draw();
    int width = 0;
    int height = 0;
    SDL_GetRendererOutputSize(m_renderer.get(), &width, &height);
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32));
    if (!surface || SDL_RenderReadPixels(m_renderer.get(), nullptr, SDL_PIXELFORMAT_RGBA32, surface->pixels,
                                         surface->pitch) != 0) {
        return false;
    }
    return IMG_SavePNG(surface.get(), path.c_str()) == 0;
}

}  // namespace kiosk::render

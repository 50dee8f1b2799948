#include "sdl_screen.h"

#include <SDL_image.h>

#include <algorithm>

extern "C" {
#include <libavutil/frame.h>
#include <libavutil/pixfmt.h>
}

#include "picture_fit.h"

namespace kiosk::render {
namespace {

// Slate text height as a share of the screen height.
constexpr double kTitleHeightShare = 0.07;
constexpr double kSubtitleHeightShare = 0.04;
constexpr SDL_Color kSlateText{235, 235, 235, 255};
constexpr SDL_Color kSlateBackground{24, 32, 48, 255};

SDL_YUV_CONVERSION_MODE conversion_mode(const AVFrame& picture) {
    if (picture.color_range == AVCOL_RANGE_JPEG || picture.format == AV_PIX_FMT_YUVJ420P) {
        return SDL_YUV_CONVERSION_JPEG;
    }
    switch (picture.colorspace) {
        case AVCOL_SPC_BT709: return SDL_YUV_CONVERSION_BT709;
        case AVCOL_SPC_BT470BG:
        case AVCOL_SPC_SMPTE170M: return SDL_YUV_CONVERSION_BT601;
        default: return SDL_YUV_CONVERSION_AUTOMATIC;
    }
}

}  // namespace

tl::expected<std::unique_ptr<SdlScreen>, std::string> SdlScreen::create(const ScreenSetup& setup) {
    Uint32 flags = SDL_WINDOW_SHOWN;
    int x = SDL_WINDOWPOS_CENTERED_DISPLAY(setup.display);
    int y = SDL_WINDOWPOS_CENTERED_DISPLAY(setup.display);
    int width = setup.width.value_or(1920);
    int height = setup.height.value_or(1080);
    if (!setup.width && !setup.headless) {
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
        return tl::unexpected(std::string("cannot open a window: ") + SDL_GetError());
    }
    // Never wait for vsync in present: one loop serves every screen, and a
    // present that blocks on one display would halve the others' frame rate.
    // The loop paces frames by their due times instead.
    const Uint32 renderer_flags = setup.headless ? SDL_RENDERER_SOFTWARE : SDL_RENDERER_ACCELERATED;
    RendererPtr renderer(SDL_CreateRenderer(window.get(), -1, renderer_flags));
    if (!renderer && !setup.headless) {
        renderer.reset(SDL_CreateRenderer(window.get(), -1, SDL_RENDERER_SOFTWARE));
    }
    if (!renderer) {
        return tl::unexpected(std::string("cannot create a renderer: ") + SDL_GetError());
    }
    FontPtr title_font;
    FontPtr subtitle_font;
    if (setup.font) {
        int output_height = height;
        SDL_GetRendererOutputSize(renderer.get(), nullptr, &output_height);
        title_font.reset(TTF_OpenFont(setup.font->c_str(), std::max(12, int(output_height * kTitleHeightShare))));
        subtitle_font.reset(
            TTF_OpenFont(setup.font->c_str(), std::max(10, int(output_height * kSubtitleHeightShare))));
    }
    SDL_ShowCursor(setup.headless || setup.width ? SDL_ENABLE : SDL_DISABLE);
    return std::unique_ptr<SdlScreen>(
        new SdlScreen(std::move(window), std::move(renderer), std::move(title_font), std::move(subtitle_font)));
}

SdlScreen::SdlScreen(WindowPtr window, RendererPtr renderer, FontPtr title_font, FontPtr subtitle_font)
    : m_window(std::move(window)),
      m_renderer(std::move(renderer)),
      m_title_font(std::move(title_font)),
      m_subtitle_font(std::move(subtitle_font)) {
    SDL_SetRenderDrawColor(m_renderer.get(), 0, 0, 0, 255);
    SDL_RenderClear(m_renderer.get());
    SDL_RenderPresent(m_renderer.get());
}

bool SdlScreen::upload(const AVFrame& picture) {
    const Uint32 format = picture.format == AV_PIX_FMT_NV12 ? SDL_PIXELFORMAT_NV12 : SDL_PIXELFORMAT_IYUV;
    if (!m_picture || format != m_picture_format || picture.width != m_picture_width ||
        picture.height != m_picture_height) {
        m_picture.reset(SDL_CreateTexture(m_renderer.get(), format, SDL_TEXTUREACCESS_STREAMING, picture.width,
                                          picture.height));
        if (!m_picture) {
            return false;
        }
        m_picture_format = format;
        m_picture_width = picture.width;
        m_picture_height = picture.height;
    }
    SDL_SetYUVConversionMode(conversion_mode(picture));
    if (format == SDL_PIXELFORMAT_NV12) {
        return SDL_UpdateNVTexture(m_picture.get(), nullptr, picture.data[0], picture.linesize[0], picture.data[1],
                                   picture.linesize[1]) == 0;
    }
    return SDL_UpdateYUVTexture(m_picture.get(), nullptr, picture.data[0], picture.linesize[0], picture.data[1],
                                picture.linesize[1], picture.data[2], picture.linesize[2]) == 0;
}

void SdlScreen::show_picture(const AVFrame& picture, int rotation_degrees) {
    if (!upload(picture)) {
        return;  // keep the previous picture rather than flash black
    }
    m_rotation = rotation_degrees;
    m_showing_slate = false;
    draw();
    SDL_RenderPresent(m_renderer.get());
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

void SdlScreen::show_slate(const std::string& title, const std::string& subtitle) {
    m_slate_title.reset(render_text(m_title_font.get(), title));
    m_slate_subtitle.reset(render_text(m_subtitle_font.get(), subtitle));
    m_showing_slate = true;
    draw();
    SDL_RenderPresent(m_renderer.get());
}

void SdlScreen::draw() {
    SDL_Renderer* renderer = m_renderer.get();
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
        return;
    }
    SDL_SetRenderDrawColor(renderer, 0, 0, 0, 255);
    SDL_RenderClear(renderer);
    if (!m_picture) {
        return;
    }
    const Placement placement = fit_picture(m_picture_width, m_picture_height, m_rotation, width, height);
    const SDL_Rect destination{placement.x, placement.y, placement.width, placement.height};
    if (m_rotation == 0) {
        SDL_RenderCopy(renderer, m_picture.get(), nullptr, &destination);
    } else {
        SDL_RenderCopyEx(renderer, m_picture.get(), nullptr, &destination, m_rotation, nullptr, SDL_FLIP_NONE);
    }
}

void SdlScreen::redraw() {
    draw();
    SDL_RenderPresent(m_renderer.get());
}

bool SdlScreen::save_screenshot(const std::filesystem::path& path) {
    // Drawn afresh rather than read back after present: after a present the
    // back buffer's content is undefined on accelerated renderers.
    draw();
    int width = 0;
    int height = 0;
    SDL_GetRendererOutputSize(m_renderer.get(), &width, &height);
    SurfacePtr surface(SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_RGBA32));
    if (!surface ||
        SDL_RenderReadPixels(m_renderer.get(), nullptr, SDL_PIXELFORMAT_RGBA32, surface->pixels, surface->pitch) != 0) {
        return false;
    }
    return IMG_SavePNG(surface.get(), path.c_str()) == 0;
}

}  // namespace kiosk::render

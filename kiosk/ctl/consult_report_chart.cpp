#include "consult_report_chart.h"

#include <SDL.h>
#include <SDL_image.h>

#include "render/font_lookup.h"
#include "render/picture_cache.h"
#include "render/scene_painter.h"
#include "render/sdl_deleters.h"
#include "render/text_engine.h"
#include "render/text_texture_cache.h"

namespace kiosk::ctl {
namespace {

// A chart names no pictures; the painter wants a cache all the same.
constexpr std::size_t kPictureBudgetBytes = 1u << 20;

}  // namespace

Outcome write_chart_png(const ui::BarChart& chart, const std::filesystem::path& file) {
    const auto fonts = render::find_cjk_font_files();
    if (!fonts) {
        return refuse("--chart: no CJK font installed (fonts-noto-cjk): cannot draw Chinese labels");
    }
    auto engine = render::TextEngine::create(*fonts);
    if (!engine) {
        return refuse("--chart: " + engine.error().message);
    }
    const ui::ChartPicture picture = ui::lay_out_chart(chart, **engine);

    // Opaque 24-bit pixels: the chart is printed, and needs no transparency.
    render::SurfacePtr surface(
        SDL_CreateRGBSurfaceWithFormat(0, picture.width, picture.height, 32, SDL_PIXELFORMAT_RGB888));
    if (!surface) {
        return refuse(std::string("--chart: cannot make the picture: ") + SDL_GetError());
    }
    render::RendererPtr renderer(SDL_CreateSoftwareRenderer(surface.get()));
    if (!renderer) {
        return refuse(std::string("--chart: cannot draw: ") + SDL_GetError());
    }
    {
        // The caches hold textures of the renderer: they go before it.
        render::TextTextureCache texts(renderer.get(), **engine);
        render::PictureCache pictures(renderer.get(), kPictureBudgetBytes);
        render::ScenePainter painter(renderer.get(), texts, pictures);
        painter.prepare(picture.scene, 0);
        painter.paint_under(picture.scene, 0);
        painter.paint_over(picture.scene);
        if (SDL_RenderFlush(renderer.get()) != 0) {
            return refuse(std::string("--chart: cannot draw: ") + SDL_GetError());
        }
    }
    std::filesystem::path part = file;
    part += ".part";
    if (IMG_SavePNG(surface.get(), part.c_str()) != 0) {
        std::error_code ignored;
        std::filesystem::remove(part, ignored);
        return refuse("--chart: cannot write " + file.string() + ": " + SDL_GetError());
    }
    std::error_code renamed;
    std::filesystem::rename(part, file, renamed);
    if (renamed) {
        std::error_code ignored;
        std::filesystem::remove(part, ignored);
        return refuse("--chart: cannot write " + file.string() + ": " + renamed.message());
    }
    return {};
}

}  // namespace kiosk::ctl

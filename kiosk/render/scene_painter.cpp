#include "scene_painter.h"

#include <algorithm>
#include <functional>
#include <utility>

namespace kiosk::render {
namespace {

SDL_Color sdl(const ui::Colour& colour) {
    return SDL_Color{colour.r, colour.g, colour.b, colour.a};
}

SDL_Rect sdl(const ui::Rect& rect) {
    return SDL_Rect{rect.x, rect.y, rect.w, rect.h};
}

ui::Rect intersection(const ui::Rect& a, const ui::Rect& b) {
    const int x = std::max(a.x, b.x);
    const int y = std::max(a.y, b.y);
    return {x, y, std::max(0, std::min(a.right(), b.right()) - x),
            std::max(0, std::min(a.bottom(), b.bottom()) - y)};
}

// Rows of content an op that needs a texture covers: [top, bottom). A line of
// text is given twice its font size, more than any line box. Nothing for ops
// that need no texture.
std::optional<std::pair<int, int>> vertical_span(const ui::DrawOp& op) {
    if (const auto* text = std::get_if<ui::TextOp>(&op)) {
        return std::pair{text->y, text->y + 2 * text->style.size_px};
    }
    if (const auto* picture = std::get_if<ui::PictureOp>(&op)) {
        return std::pair{picture->rect.y, picture->rect.bottom()};
    }
    return std::nullopt;
}

template <class... Ts>
struct Overloaded : Ts... {
    using Ts::operator()...;
};
template <class... Ts>
Overloaded(Ts...) -> Overloaded<Ts...>;

}  // namespace

ScenePainter::ScenePainter(SDL_Renderer* renderer, TextTextureCache& texts, PictureCache& pictures)
    : m_renderer(renderer), m_texts(texts), m_pictures(pictures) {}

void ScenePainter::paint(const ui::DrawOp& op, int dx, int dy, const ui::Rect* clip) {
    std::visit(
        Overloaded{
            [&](const ui::FillOp& fill) {
                const ui::Rect rect{fill.rect.x + dx, fill.rect.y + dy, fill.rect.w, fill.rect.h};
                if (clip != nullptr && !rect.intersects(*clip)) {
                    return;
                }
                SDL_SetRenderDrawBlendMode(m_renderer,
                                           fill.colour.a < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
                SDL_SetRenderDrawColor(m_renderer, fill.colour.r, fill.colour.g, fill.colour.b,
                                       fill.colour.a);
                const SDL_Rect area = sdl(rect);
                SDL_RenderFillRect(m_renderer, &area);
            },
            [&](const ui::OutlineOp& outline) {
                const ui::Rect rect{outline.rect.x + dx, outline.rect.y + dy, outline.rect.w, outline.rect.h};
                if (clip != nullptr && !rect.intersects(*clip)) {
                    return;
                }
                SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_NONE);
                SDL_SetRenderDrawColor(m_renderer, outline.colour.r, outline.colour.g, outline.colour.b,
                                       outline.colour.a);
                const int t = outline.thickness;
                const SDL_Rect sides[] = {{rect.x, rect.y, rect.w, t},
                                          {rect.x, rect.bottom() - t, rect.w, t},
                                          {rect.x, rect.y, t, rect.h},
                                          {rect.right() - t, rect.y, t, rect.h}};
                SDL_RenderFillRects(m_renderer, sides, 4);
            },
            [&](const ui::TextOp& text) {
                // Text out of sight is not looked up: it may not be rendered yet.
                const auto span = vertical_span(op);
                if (clip != nullptr && (span->first + dy >= clip->bottom() || span->second + dy <= clip->y)) {
                    return;
                }
                SDL_Texture* texture = m_texts.get(text.text, text.style, sdl(text.colour));
                if (texture == nullptr) {
                    return;
                }
                int width = 0;
                int height = 0;
                SDL_QueryTexture(texture, nullptr, nullptr, &width, &height);
                const ui::Rect rect{text.x + dx, text.y + dy, width, height};
                if (clip != nullptr && !rect.intersects(*clip)) {
                    return;
                }
                const SDL_Rect place = sdl(rect);
                SDL_RenderCopy(m_renderer, texture, nullptr, &place);
            },
            [&](const ui::PictureOp& picture) {
                const ui::Rect rect{picture.rect.x + dx, picture.rect.y + dy, picture.rect.w, picture.rect.h};
                if (clip != nullptr && !rect.intersects(*clip)) {
                    return;
                }
                SDL_Texture* texture = m_pictures.texture(picture.file, rect.w, rect.h);
                if (texture == nullptr) {
                    return;
                }
                const SDL_Rect place = sdl(rect);
                SDL_RenderCopy(m_renderer, texture, nullptr, &place);
            },
            [&](const ui::FilmOp&) {},  // the screen draws the film itself
            [&](const ui::ShapeOp& shape) { paint_shape(shape, dx, dy, clip); },
        },
        op);
}

void ScenePainter::paint_shape(const ui::ShapeOp& shape, int dx, int dy, const ui::Rect* clip) {
    if (!shape.triangles || shape.triangles->size() < 3) {
        return;
    }
    const SDL_Color colour = sdl(shape.colour);
    m_vertices.clear();
    float left = shape.triangles->front().x + static_cast<float>(dx);
    float right = left;
    float top = shape.triangles->front().y + static_cast<float>(dy);
    float bottom = top;
    for (const ui::ShapePoint& point : *shape.triangles) {
        const float x = point.x + static_cast<float>(dx);
        const float y = point.y + static_cast<float>(dy);
        m_vertices.push_back(SDL_Vertex{SDL_FPoint{x, y}, colour, SDL_FPoint{0, 0}});
        left = std::min(left, x);
        right = std::max(right, x);
        top = std::min(top, y);
        bottom = std::max(bottom, y);
    }
    const ui::Rect bounds{static_cast<int>(left), static_cast<int>(top), static_cast<int>(right - left) + 2,
                          static_cast<int>(bottom - top) + 2};
    if (clip != nullptr && !bounds.intersects(*clip)) {
        return;
    }
    SDL_SetRenderDrawBlendMode(m_renderer, shape.colour.a < 255 ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    // Whole triangles only: a stray point left over is not drawn.
    const int count = static_cast<int>(m_vertices.size() / 3 * 3);
    SDL_RenderGeometry(m_renderer, nullptr, m_vertices.data(), count, nullptr, 0);
}

std::optional<ui::Rect> ScenePainter::outer_clip() const {
    if (SDL_RenderIsClipEnabled(m_renderer) == SDL_FALSE) {
        return std::nullopt;
    }
    SDL_Rect clip;
    SDL_RenderGetClipRect(m_renderer, &clip);
    return ui::Rect{clip.x, clip.y, clip.w, clip.h};
}

void ScenePainter::paint_under(const ui::Scene& scene, int scroll_offset) {
    const std::optional<ui::Rect> outer = outer_clip();
    const ui::Rect* cull = outer ? &*outer : nullptr;
    for (const ui::DrawOp& op : scene.under) {
        paint(op, 0, 0, cull);
    }
    if (scene.scroll) {
        ui::Rect viewport = scene.scroll->viewport;
        if (outer) {
            viewport = intersection(viewport, *outer);
        }
        if (viewport.w > 0 && viewport.h > 0) {
            const SDL_Rect clip = sdl(viewport);
            SDL_RenderSetClipRect(m_renderer, &clip);
            const ui::Rect& origin = scene.scroll->viewport;
            for (const ui::DrawOp& op : scene.scroll->ops) {
                paint(op, origin.x, origin.y - scroll_offset, &viewport);
            }
        }
        if (outer) {
            const SDL_Rect clip = sdl(*outer);
            SDL_RenderSetClipRect(m_renderer, &clip);
        } else {
            SDL_RenderSetClipRect(m_renderer, nullptr);
        }
    }
}

void ScenePainter::paint_over(const ui::Scene& scene) {
    const std::optional<ui::Rect> outer = outer_clip();
    for (const ui::DrawOp& op : scene.over) {
        paint(op, 0, 0, outer ? &*outer : nullptr);
    }
    SDL_SetRenderDrawBlendMode(m_renderer, SDL_BLENDMODE_NONE);
}

void ScenePainter::make(const ui::DrawOp& op) {
    if (const auto* text = std::get_if<ui::TextOp>(&op)) {
        m_texts.get(text->text, text->style, sdl(text->colour));
    } else if (const auto* picture = std::get_if<ui::PictureOp>(&op)) {
        m_pictures.texture(picture->file, picture->rect.w, picture->rect.h);
    }
}

void ScenePainter::prepare(const ui::Scene& scene, int scroll_offset, Prepare how) {
    m_unprepared.clear();
    std::vector<std::pair<int, OpRef>> later;  // (distance from the view, op)
    auto shown = [&](Part part, std::size_t index, const ui::DrawOp& op) {
        if (how == Prepare::shown_now) {
            make(op);
        } else if (vertical_span(op)) {
            later.emplace_back(-1, OpRef{part, index});
        }
    };
    for (std::size_t index = 0; index < scene.over.size(); ++index) {
        shown(Part::over, index, scene.over[index]);
    }
    for (std::size_t index = 0; index < scene.under.size(); ++index) {
        shown(Part::under, index, scene.under[index]);
    }
    if (scene.scroll) {
        // The first frame needs what the viewport shows; the rest is made
        // after it is on screen, nearest first, before a finger can scroll there.
        const int top = scroll_offset;
        const int bottom = scroll_offset + scene.scroll->viewport.h;
        for (std::size_t index = 0; index < scene.scroll->ops.size(); ++index) {
            const ui::DrawOp& op = scene.scroll->ops[index];
            const auto span = vertical_span(op);
            if (!span) {
                continue;
            }
            if (span->first < bottom && span->second > top) {
                shown(Part::scroll, index, op);
            } else if (how == Prepare::shown_now) {
                // Below the view comes first: pages are read downwards.
                const int distance = span->first >= bottom ? span->first - bottom : 2 * (top - span->second);
                later.emplace_back(distance, OpRef{Part::scroll, index});
            }
        }
    }
    std::stable_sort(later.begin(), later.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    for (const auto& [distance, op] : later) {
        m_unprepared.push_back(op);
    }
    if (how == Prepare::shown_later) {
        std::reverse(m_unprepared.begin(), m_unprepared.end());  // in the order drawn
    }
}

bool ScenePainter::prepare_next(const ui::Scene& scene) {
    if (m_unprepared.empty()) {
        return false;
    }
    const OpRef op = m_unprepared.back();
    m_unprepared.pop_back();
    const std::vector<ui::DrawOp>* ops = op.part == Part::under  ? &scene.under
                                         : op.part == Part::over ? &scene.over
                                         : scene.scroll          ? &scene.scroll->ops
                                                                 : nullptr;
    if (ops != nullptr && op.index < ops->size()) {
        make((*ops)[op.index]);
    }
    return !m_unprepared.empty();
}

}  // namespace kiosk::render

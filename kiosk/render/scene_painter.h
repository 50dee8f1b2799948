#pragma once
// Draws an exhibit Scene with an SDL renderer: fills, outlines, shapes,
// cached text and pictures, the scrolling part shifted and clipped. Lays nothing out and
// renders no text twice: a frame is copies of textures made earlier by
// prepare() and prepare_next() (a part scrolled into view before they got to
// it is made on the spot). Main thread only.

#include <SDL.h>

#include <cstddef>
#include <optional>
#include <vector>

#include "picture_cache.h"
#include "text_texture_cache.h"
#include "ui/scene.h"

namespace kiosk::render {

class ScenePainter {
  public:
    // All three must outlive the painter.
    ScenePainter(SDL_Renderer* renderer, TextTextureCache& texts, PictureCache& pictures);

    // What lies under the film: the page, then the scrolling part.
    void paint_under(const ui::Scene& scene, int scroll_offset);
    // What lies over it: bars, buttons, overlays.
    // Both keep to the renderer's clip rectangle when one is set (the screen
    // drawing only the film's part again): what lies outside is skipped.
    void paint_over(const ui::Scene& scene);

    enum class Prepare {
        shown_now,    // a page about to be drawn: what its frame shows now, the rest later
        shown_later,  // a page a touch away: only what its first frame would show, later
    };
    // Makes, or notes for prepare_next(), the textures (text and pictures) of
    // `scene` at `scroll_offset`, so its frames do not stall on rendering.
    // Forgets what was left of the previous scene.
    void prepare(const ui::Scene& scene, int scroll_offset, Prepare how = Prepare::shown_now);
    // Makes the texture of one more part of `scene` (the one prepare() was
    // given), the nearest below the view first. False when none is left.
    bool prepare_next(const ui::Scene& scene);
    bool has_unprepared() const { return !m_unprepared.empty(); }
    // Forgets what was left (the scene is going away).
    void forget() { m_unprepared.clear(); }

  private:
    enum class Part { under, over, scroll };
    struct OpRef {
        Part part;
        std::size_t index;
    };

    void paint(const ui::DrawOp& op, int dx, int dy, const ui::Rect* clip);
    void paint_shape(const ui::ShapeOp& shape, int dx, int dy, const ui::Rect* clip);
    void make(const ui::DrawOp& op);
    std::optional<ui::Rect> outer_clip() const;

    SDL_Renderer* m_renderer;
    TextTextureCache& m_texts;
    PictureCache& m_pictures;
    // The prepared scene's ops whose textures are not made yet, the next last.
    std::vector<OpRef> m_unprepared;
    std::vector<SDL_Vertex> m_vertices;  // a shape's, reused from shape to shape
};

}  // namespace kiosk::render

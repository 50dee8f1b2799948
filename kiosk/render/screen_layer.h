#pragma once
// What a screen draws around and over its film: the touch exhibit. The
// screen asks it where the film goes, has it draw the layers under and over
// the film picture, and tells it when a frame reached the screen.

#include <SDL.h>

#include <optional>

namespace kiosk::render {

class ScreenLayer {
  public:
    virtual ~ScreenLayer() = default;
    // Where the film picture goes now; nothing when no film shows (its
    // pictures are then not even uploaded).
    virtual std::optional<SDL_Rect> film_area() const = 0;
    virtual void draw_under(SDL_Renderer* renderer) = 0;
    virtual void draw_over(SDL_Renderer* renderer) = 0;
    // A frame with this layer's latest drawing is on the screen.
    virtual void presented() = 0;
};

}  // namespace kiosk::render

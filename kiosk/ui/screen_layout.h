#pragma once
// Lays out the screen a visitor is on: from where they are (Navigator), the
// package and the screen's theme to a Scene. Called when the view changes,
// never per frame.

#include <filesystem>
#include <optional>

#include "content/package.h"
#include "navigator.h"
#include "scene.h"
#include "text_measure.h"
#include "theme.h"

namespace kiosk::ui {

struct PictureSize {
    int width = 0;
    int height = 0;
};

// The size of a picture file, so layout keeps its aspect.
class PictureSizes {
  public:
    virtual ~PictureSizes() = default;
    // Nothing when the file cannot be read (the layout leaves a plain box).
    virtual std::optional<PictureSize> size_of(const std::filesystem::path& file) const = 0;
};

struct LayoutInput {
    const content::Package& package;
    const Navigator& navigator;
    const Theme& theme;
    const TextMeasure& measure;
    const PictureSizes& pictures;
    // The picture viewer: where the zoomed picture is drawn (the exhibit's ZoomPan).
    std::optional<Rect> zoomed_picture;
};

Scene lay_out(const LayoutInput& input);

// A board's film, asked for by the visitor: full screen, its caption, and a
// close button back to the board.
Scene lay_out_film(const LayoutInput& input, const content::Picture& film);

}  // namespace kiosk::ui

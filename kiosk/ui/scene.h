#pragma once
// What one exhibit screen shows, as plain data: rectangles, lines of text,
// pictures and where the film goes, plus the places a visitor can touch.
// Layout produces a Scene when the view changes; the painter
// (render::ScenePainter) draws it every frame without laying anything out.

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "content/package.h"
#include "text_measure.h"

namespace kiosk::ui {

struct Rect {
    int x = 0, y = 0, w = 0, h = 0;

    int right() const { return x + w; }
    int bottom() const { return y + h; }
    bool contains(double px, double py) const { return px >= x && px < x + w && py >= y && py < y + h; }
    bool intersects(const Rect& other) const {
        return x < other.right() && other.x < right() && y < other.bottom() && other.y < bottom();
    }
    friend bool operator==(const Rect&, const Rect&) = default;
};

struct Colour {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    friend bool operator==(const Colour&, const Colour&) = default;
};

struct FillOp {
    Rect rect;
    Colour colour;
};
struct OutlineOp {
    Rect rect;
    Colour colour;
    int thickness = 2;
};
// One run of text on one line; (x, y) is the top of its line box.
struct TextOp {
    int x = 0, y = 0;
    std::string text;
    TextStyle style;
    Colour colour;
};
struct PictureOp {
    std::filesystem::path file;
    Rect rect;  // the picture is scaled to fill it exactly (layout keeps its aspect)
};
// Where the screen's film picture goes (fitted inside, with black bars).
struct FilmOp {
    Rect rect;
};
struct ShapePoint {
    float x = 0, y = 0;
    friend bool operator==(const ShapePoint&, const ShapePoint&) = default;
};
// A filled shape no rectangle draws (a disc, an arc, a slanted stroke: the
// rating's faces, a tick), as triangles: every three points one. The points
// are shared and never change once made, so scenes copy cheaply.
struct ShapeOp {
    Colour colour;
    std::shared_ptr<const std::vector<ShapePoint>> triangles;
};
using DrawOp = std::variant<FillOp, OutlineOp, TextOp, PictureOp, FilmOp, ShapeOp>;

// What touching a place does.
struct Action {
    enum class Kind {
        start,  // the attract loop's "touch to start"
        home,
        back,
        open_section,   // index
        open_board,     // board id
        open_model,     // index
        open_picture,   // index among the board's images
        close_overlay,  // picture viewer, filter chooser
        next_board,
        previous_board,
        toggle_language,
        toggle_large_text,
        choose_filter,  // opens the "我是…" chooser
        set_filter,     // stage, or none for everyone
        play_film,      // the board's video
        flow_step,  // a step of a flow over the pages (ui::ExhibitFlow): `flow` names it, `index` is the step
    };
    Kind kind = Kind::home;
    int index = -1;
    std::string board;
    std::optional<content::LifeStage> stage;
    std::string flow;  // flow_step: which flow's

    Action() = default;
    Action(Kind kind_, int index_ = -1, std::string board_ = {},
           std::optional<content::LifeStage> stage_ = {})
        : kind(kind_), index(index_), board(std::move(board_)), stage(stage_) {}

    // A target of a flow's screen: the flow's own step `step`, which only
    // the flow named `flow` takes.
    static Action flow_step(std::string flow, int step) {
        Action action(Kind::flow_step, step);
        action.flow = std::move(flow);
        return action;
    }

    friend bool operator==(const Action&, const Action&) = default;
};

struct HitTarget {
    HitTarget() = default;
    HitTarget(Rect rect_, Action action_, std::string label_ = {})
        : rect(rect_), action(std::move(action_)), label(std::move(label_)) {}

    Rect rect;
    Action action;
    // What the target says, as shown (a button's text): how a script finds
    // it (Scene::find_text). Empty: the texts drawn inside its rect.
    std::string label;
};

// A vertically scrolling part of the screen: ops and targets are in content
// coordinates (y from the top of the content), drawn shifted by the scroll
// offset and clipped to the viewport.
struct ScrollArea {
    Rect viewport;
    int content_height = 0;
    std::vector<DrawOp> ops;
    std::vector<HitTarget> targets;
};

struct Scene {
    std::vector<DrawOp> under;  // background, drawn first
    std::optional<ScrollArea> scroll;
    std::vector<DrawOp> over;        // bars, buttons and overlays, drawn last
    std::vector<HitTarget> targets;  // checked before the scroll area's, last added first
    bool shows_film = false;         // a FilmOp is among the ops: film pictures must be drawn

    // The action at a screen point, given the scroll offset; none for empty space.
    std::optional<Action> hit(double x, double y, int scroll_offset) const;

    struct Point {
        double x = 0, y = 0;
    };
    // Where to touch the first visible target whose label contains `text`
    // (bytes, as shown): the centre of its visible part. A label that is
    // `text` exactly comes before one that only contains it. Targets are
    // looked at in the order laid out, the bars' and overlays' first, then
    // the scroll area's inside its viewport at `scroll_offset`; one covered
    // where its centre is (by an overlay) is not visible. None when no
    // target shows the text.
    std::optional<Point> find_text(std::string_view text, int scroll_offset) const;
};

}  // namespace kiosk::ui

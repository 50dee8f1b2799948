#include "exhibit_controller.h"

#include <cmath>
#include <limits>

namespace kiosk::ui {
namespace {

// Keys that scroll a page by one line.
constexpr double kKeyScrollPixels = 120.0;
// PageUp and PageDown move by this share of the visible page, so a line of
// the old page stays in view.
constexpr double kKeyPageShare = 0.9;

bool is_overlay(View view) {
    return view == View::picture || view == View::filter_chooser;
}

}  // namespace

ExhibitController::ExhibitController(const content::Zone& zone, ScreenMetrics metrics,
                                     double idle_timeout_seconds, double now)
    : m_pages(zone),
      m_metrics(metrics),
      m_idle_timeout(idle_timeout_seconds),
      m_gestures(GestureTuning::for_screen(metrics.pixels_per_mm)),
      m_scroll(0, 0),
      m_last_input(now) {}

void ExhibitController::add_flow(std::unique_ptr<ExhibitFlow> flow) {
    m_flows.push_back(std::move(flow));
}

int ExhibitController::offset() const {
    return static_cast<int>(std::lround(m_scroll.offset()));
}

ExhibitReaction ExhibitController::on_pointer(const PointerEvent& event) {
    m_last_input = event.time;
    ExhibitReaction reaction;
    for (const Gesture& gesture : m_gestures.feed(event)) {
        on_gesture(gesture, reaction);
    }
    return reaction;
}

void ExhibitController::on_gesture(const Gesture& gesture, ExhibitReaction& reaction) {
    const View view = m_pages.view().view;
    switch (gesture.kind) {
        case Gesture::Kind::press:
            // A finger on a moving page stops it, as on a phone.
            if (m_scroll.is_moving()) {
                m_scroll.stop();
                reaction.scrolled = true;
            }
            break;
        case Gesture::Kind::tap:
            // (A flow may show over the attract loop: the desk's rating.)
            if (view == View::attract && flow_on_screen() == nullptr) {
                take(Action{Action::Kind::start}, reaction);
            } else if (m_scene != nullptr) {
                if (auto action = m_scene->hit(gesture.x, gesture.y, offset())) {
                    take(*action, reaction);
                }
            }
            break;
        case Gesture::Kind::double_tap:
            if (view == View::picture && m_zoom &&
                (m_scene == nullptr || !m_scene->hit(gesture.x, gesture.y, offset()))) {
                m_zoom->double_tap(gesture.x, gesture.y);
                reaction.relayout = reaction.for_visitor = true;
            }
            break;
        case Gesture::Kind::drag_start:
            m_dragging_page = view != View::picture && m_scene != nullptr && m_scene->scroll &&
                              m_scene->scroll->viewport.contains(gesture.x, gesture.y);
            if (m_dragging_page) {
                m_scroll.grab();
            }
            break;
        case Gesture::Kind::drag:
            if (view == View::picture && m_zoom) {
                m_zoom->pan(gesture.dx, gesture.dy);
                reaction.relayout = reaction.for_visitor = true;
            } else if (m_dragging_page) {
                m_scroll.drag(gesture.dy);
                reaction.scrolled = reaction.for_visitor = true;
            }
            break;
        case Gesture::Kind::drag_end:
            if (m_dragging_page) {
                m_scroll.release(gesture.vy, m_last_input);
                m_dragging_page = false;
                reaction.scrolled = true;
            }
            break;
        case Gesture::Kind::swipe:
            if (view == View::board &&
                (gesture.direction == SwipeDirection::left || gesture.direction == SwipeDirection::right)) {
                take(Action{gesture.direction == SwipeDirection::left ? Action::Kind::next_board
                                                                      : Action::Kind::previous_board},
                     reaction);
            }
            break;
        case Gesture::Kind::pinch_start:
            if (view == View::picture && m_zoom) {
                m_zoom->pinch_start(gesture.x, gesture.y);
            }
            break;
        case Gesture::Kind::pinch:
            if (view == View::picture && m_zoom) {
                m_zoom->pinch(gesture.scale, gesture.x, gesture.y);
                reaction.relayout = reaction.for_visitor = true;
            }
            break;
        case Gesture::Kind::pinch_end:
            break;
    }
}

ExhibitReaction ExhibitController::on_key(std::string_view name, double now) {
    m_last_input = now;
    ExhibitReaction reaction;
    if (m_pages.view().view == View::attract && flow_on_screen() == nullptr) {
        take(Action{Action::Kind::start}, reaction);
    } else if (name == "Escape" || name == "Backspace") {
        take(Action{Action::Kind::back}, reaction);
    } else if (name == "Home") {
        take(Action{Action::Kind::home}, reaction);
    } else if (name == "Left") {
        take(Action{Action::Kind::previous_board}, reaction);
    } else if (name == "Right") {
        take(Action{Action::Kind::next_board}, reaction);
    } else if (name == "Up" || name == "Down") {
        scroll_by(name == "Up" ? -kKeyScrollPixels : kKeyScrollPixels, reaction);
    } else if (name == "PageUp" || name == "PageDown") {
        const double page =
            m_scene != nullptr && m_scene->scroll ? m_scene->scroll->viewport.h * kKeyPageShare : 0.0;
        scroll_by(name == "PageUp" ? -page : page, reaction);
    }
    return reaction;
}

void ExhibitController::scroll_by(double pixels, ExhibitReaction& reaction) {
    m_scroll.scroll_to(m_scroll.offset() + pixels);
    reaction.scrolled = reaction.for_visitor = true;
}

ExhibitReaction ExhibitController::apply(const Action& action, double now) {
    m_last_input = now;
    ExhibitReaction reaction;
    take(action, reaction);
    return reaction;
}

void ExhibitController::take(const Action& action, ExhibitReaction& reaction) {
    // The flow on screen first, then the others (one may start), then the pages.
    const bool flow_was_on_screen = flow_on_screen() != nullptr;
    std::vector<ExhibitFlow*> order;
    for (const auto& flow : m_flows) {
        if (flow->on_screen()) {
            order.insert(order.begin(), flow.get());
        } else {
            order.push_back(flow.get());
        }
    }
    for (ExhibitFlow* flow : order) {
        const FlowOutcome outcome = flow->apply(action, m_pages, reaction.requests);
        if (outcome == FlowOutcome::changed) {
            reaction.relayout = reaction.for_visitor = true;
            // The page under a flow's screen is where the visitor left it
            // when the flow closes.
            const bool on_screen = flow_on_screen() != nullptr;
            if (on_screen && !flow_was_on_screen) {
                m_flow_page_offset = m_scroll.offset();
            } else if (!on_screen && flow_was_on_screen) {
                m_restore_offset = m_flow_page_offset;
            }
        }
        if (outcome != FlowOutcome::not_mine) {
            return;
        }
    }
    const View before = m_pages.view().view;
    const std::string board_before = m_pages.view().board;
    const bool language_or_size =
        action.kind == Action::Kind::toggle_language || action.kind == Action::Kind::toggle_large_text;
    const double offset_before = m_scroll.offset();
    if (!m_pages.apply(action)) {
        // A flow that let the action pass on may have closed (home from a
        // flow over the home screen): the page under it shows again.
        if (flow_was_on_screen && flow_on_screen() == nullptr) {
            m_restore_offset = m_flow_page_offset;
            reaction.relayout = reaction.for_visitor = true;
        }
        return;
    }
    const ExhibitView& view = m_pages.view();
    reaction.opened_board = reaction.opened_board || (view.view == View::board &&
                                                      (before != View::board || view.board != board_before));
    reaction.started_visit = reaction.started_visit || before == View::attract;
    // A new page starts at its top; the same page in another language or
    // size stays about where the visitor was reading, and so does the page
    // under a picture or the chooser when they close.
    if (is_overlay(view.view) && !is_overlay(before)) {
        m_page_offset = offset_before;
    }
    double next_offset = language_or_size ? offset_before : 0.0;
    if (is_overlay(before) && !is_overlay(view.view)) {
        next_offset = m_page_offset;
    }
    // (Set again once the new scene is shown: its length bounds the offset.)
    m_scroll.scroll_to(next_offset);
    m_restore_offset = next_offset;
    reaction.relayout = reaction.for_visitor = true;
}

ExhibitReaction ExhibitController::step(double now) {
    ExhibitReaction reaction;
    if (visitor_present() && now - m_last_input >= m_idle_timeout) {
        reaction = walk_away();
        reaction.walked_away = true;
    }
    if (m_scroll.advance(now)) {
        reaction.scrolled = true;
    }
    return reaction;
}

ExhibitReaction ExhibitController::walk_away() {
    ExhibitReaction reaction;
    for (const auto& flow : m_flows) {
        flow->walk_away(reaction.requests);
    }
    m_pages.walk_away();
    m_scroll.scroll_to(0);
    m_restore_offset.reset();
    reaction.relayout = true;
    return reaction;
}

double ExhibitController::next_step_due() const {
    if (m_scroll.is_moving()) {
        return m_last_input;  // (past: at once)
    }
    if (visitor_present()) {
        return m_last_input + m_idle_timeout;
    }
    return std::numeric_limits<double>::infinity();
}

void ExhibitController::set_zone(const content::Zone& zone) {
    m_pages.set_zone(zone);
}

std::optional<Rect> ExhibitController::zoomed_picture(const PictureSizes& pictures) {
    const ExhibitView& view = m_pages.view();
    if (view.view != View::picture) {
        m_zoom.reset();
        return std::nullopt;
    }
    const content::Board* board = m_pages.current_board();
    if (!m_zoom && board != nullptr) {
        const auto size = pictures.size_of(board->images[static_cast<std::size_t>(view.picture)].file);
        if (size) {
            m_zoom.emplace(size->width, size->height, m_metrics.width, m_metrics.height);
        }
    }
    if (!m_zoom) {
        return std::nullopt;
    }
    const PictureRect rect = m_zoom->rect();
    return Rect{static_cast<int>(std::lround(rect.x)), static_cast<int>(std::lround(rect.y)),
                static_cast<int>(std::lround(rect.width)), static_cast<int>(std::lround(rect.height))};
}

bool ExhibitController::visitor_present() const {
    return m_pages.view().view != View::attract || flow_on_screen() != nullptr;
}

const ExhibitFlow* ExhibitController::flow_on_screen() const {
    for (const auto& flow : m_flows) {
        if (flow->on_screen()) {
            return flow.get();
        }
    }
    return nullptr;
}

void ExhibitController::show(const Scene& scene) {
    m_scene = &scene;
    if (scene.scroll) {
        m_scroll.set_lengths(scene.scroll->content_height, scene.scroll->viewport.h);
    } else {
        m_scroll.set_lengths(0, 0);
    }
    if (m_restore_offset) {
        m_scroll.scroll_to(*m_restore_offset);
        m_restore_offset.reset();
    }
}

}  // namespace kiosk::ui

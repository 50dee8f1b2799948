#include "exhibit.h"

#include <algorithm>
#include <cmath>
#include <ctime>

#include <spdlog/spdlog.h>

#include "ui/film_flow.h"

namespace kiosk::app {
namespace {

using playback::Seconds;
using playback::SteadyTime;

// Frames while a page scrolls: as often as a 60 Hz panel shows them.
constexpr auto kScrollFrameInterval = std::chrono::microseconds(16'667);
// Pictures scaled for the page and rendered text kept between pages.
constexpr std::size_t kPictureBudgetBytes = 96u << 20;
// Longest stretch of one loop turn spent making the textures of a page's
// scrolled-away parts after its first frame: short enough that a touch or a
// film frame arriving meanwhile is hardly held up.
constexpr auto kPrepareSlice = std::chrono::milliseconds(3);
// Pages a touch away kept laid out: a section's boards and their neighbours.
constexpr std::size_t kWarmScenes = 24;

// Where the page's touches lead: the pages laid out and rendered ahead, in
// the order a visitor meets them (top of the page first).
std::vector<ui::Action> onward_actions(const ui::Scene& scene) {
    std::vector<ui::Action> actions;
    auto add = [&](const std::vector<ui::HitTarget>& targets) {
        for (const ui::HitTarget& target : targets) {
            switch (target.action.kind) {
                case ui::Action::Kind::start:
                case ui::Action::Kind::open_section:
                case ui::Action::Kind::open_board:
                case ui::Action::Kind::open_model:
                case ui::Action::Kind::next_board:
                case ui::Action::Kind::previous_board:
                    actions.push_back(target.action);
                    break;
                default:
                    break;
            }
        }
    };
    if (scene.scroll) {
        add(scene.scroll->targets);
    }
    add(scene.targets);
    return actions;
}

// Every picture of the zone, those its section pages show first (the first
// picture of each board), so the worker decodes them before anyone asks.
std::vector<std::filesystem::path> pictures_of(const content::Zone& zone) {
    std::vector<std::filesystem::path> first;
    std::vector<std::filesystem::path> rest;
    for (const content::Section& section : zone.sections) {
        for (const content::Board& board : section.boards) {
            for (std::size_t index = 0; index < board.images.size(); ++index) {
                (index == 0 ? first : rest).push_back(board.images[index].file);
            }
        }
    }
    for (const content::Model& model : zone.models) {
        first.push_back(model.picture);
    }
    first.insert(first.end(), rest.begin(), rest.end());
    return first;
}

double milliseconds(SteadyTime from, SteadyTime to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// The hall's records are stamped with the wall clock.
records::Instant wall_now() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace

Exhibit::Exhibit(std::shared_ptr<const content::Package> package, std::string zone_id,
                 render::SdlScreen& screen, render::TextEngine& fonts, double pixels_per_mm,
                 std::chrono::milliseconds idle_timeout, const playback::Clock& clock, SteadyTime started_at,
                 FilmControl films, ExhibitRecords records)
    : m_package(std::move(package)),
      m_zone(m_package->zone(zone_id)),
      m_zone_id(std::move(zone_id)),
      m_screen(screen),
      m_fonts(fonts),
      m_metrics{screen.width(), screen.height(), pixels_per_mm},
      m_clock(clock),
      m_started_at(started_at),
      m_films(std::move(films)),
      m_records(std::move(records)) {
    if (m_zone == nullptr) {
        std::abort();  // the kiosk makes exhibits only for zones the package has
    }
    const SteadyTime now = m_clock.now();
    m_controller = std::make_unique<ui::ExhibitController>(*m_zone, m_metrics, Seconds(idle_timeout).count(),
                                                           seconds(now));
    if (m_films.play) {
        m_controller->add_flow(std::make_unique<ui::FilmFlow>());
    }
    auto consult = std::make_unique<ui::ConsultFlow>(m_records.consultation);
    m_consult = consult.get();
    m_controller->add_flow(std::move(consult));
    m_texts = std::make_unique<render::TextTextureCache>(screen.renderer(), fonts);
    m_pictures = std::make_unique<render::PictureCache>(screen.renderer(), kPictureBudgetBytes);
    m_painter = std::make_unique<render::ScenePainter>(screen.renderer(), *m_texts, *m_pictures);
    m_warm_painter = std::make_unique<render::ScenePainter>(screen.renderer(), *m_texts, *m_pictures);
    m_last_frame = now;
    // The home screen is laid out and rendered before anyone touches, so the
    // first touch shows it at once.
    m_controller->apply(ui::Action{ui::Action::Kind::home}, seconds(now));
    rebuild_scene();
    m_controller->walk_away();
    rebuild_scene();
    m_figures.home_ready_ms = milliseconds(m_started_at, m_clock.now());
    // The processor time says what the start costs however busy the machine
    // is: on a kiosk with nothing else to run, the wait is about that long.
    spdlog::info("zone {}: home screen ready {:.0f} ms after start ({:.0f} ms of processor time)", m_zone_id,
                 *m_figures.home_ready_ms, 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC);
    m_screen.set_layer(this);
    // Decoded while the attract loop plays, so no page waits on a PNG.
    m_pictures->decode_ahead(pictures_of(*m_zone));
}

Exhibit::~Exhibit() {
    m_screen.set_layer(nullptr);
}

double Exhibit::seconds(SteadyTime time) const {
    return Seconds(time - m_started_at).count();
}

void Exhibit::rebuild_scene() {
    const ui::ExhibitView& view = m_controller->view();
    m_theme = ui::Theme::make(m_metrics, view.large_text, m_zone_id);
    const std::optional<ui::Rect> zoomed = m_controller->zoomed_picture(*m_pictures);
    const ui::ExhibitFlow* flow = m_controller->flow_on_screen();
    if (const ui::Scene* warm = zoomed || flow ? nullptr : warm_scene(view)) {
        m_scene = *warm;
    } else {
        const ui::LayoutInput input{*m_package, m_controller->pages(), m_theme, m_fonts, *m_pictures, zoomed};
        m_scene = flow ? flow->lay_out(input) : ui::lay_out(input);
    }
    m_controller->show(m_scene);
    // Only what the first frame shows; step() makes the rest after it.
    m_painter->prepare(m_scene, static_cast<int>(std::lround(m_controller->scroll_offset())));
    m_onward = onward_actions(m_scene);
    std::reverse(m_onward.begin(), m_onward.end());
    mark_dirty();
}

const ui::Scene* Exhibit::warm_scene(const ui::ExhibitView& view) const {
    const auto found = std::find_if(m_warm_scenes.begin(), m_warm_scenes.end(),
                                    [&](const WarmScene& warm) { return warm.view == view; });
    return found == m_warm_scenes.end() ? nullptr : &found->scene;
}

bool Exhibit::prepare_ahead() {
    if (m_painter->has_unprepared()) {
        m_painter->prepare_next(m_scene);
        return true;
    }
    if (m_warm_painter->has_unprepared()) {
        m_warm_painter->prepare_next(m_warm_scenes.front().scene);
        return true;
    }
    if (m_onward.empty()) {
        return false;
    }
    // The next page a touch away: laid out now, its first frame's textures
    // made in the slices that follow.
    ui::Navigator ahead = m_controller->pages();
    const bool moved = ahead.apply(m_onward.back());
    m_onward.pop_back();
    const ui::ExhibitView& view = ahead.view();
    if (!moved || view.view == ui::View::picture || view.view == ui::View::filter_chooser ||
        warm_scene(view)) {
        return true;
    }
    const ui::Theme theme = ui::Theme::make(m_metrics, view.large_text, m_zone_id);
    m_warm_scenes.push_front(WarmScene{
        view, ui::lay_out(ui::LayoutInput{*m_package, ahead, theme, m_fonts, *m_pictures, std::nullopt})});
    if (m_warm_scenes.size() > kWarmScenes) {
        m_warm_scenes.pop_back();
    }
    m_warm_painter->prepare(m_warm_scenes.front().scene, 0, render::ScenePainter::Prepare::shown_later);
    return true;
}

void Exhibit::mark_dirty() {
    m_dirty = true;
    m_screen.invalidate_layer();
}

void Exhibit::mark_scrolled() {
    m_dirty = true;
    if (m_scene.scroll) {
        const ui::Rect& viewport = m_scene.scroll->viewport;
        m_screen.invalidate_layer(SDL_Rect{viewport.x, viewport.y, viewport.w, viewport.h});
    }
}

void Exhibit::react(ui::ExhibitReaction reaction, SteadyTime now) {
    for (const ui::ExhibitRequest& request : reaction.requests) {
        if (request.kind == ui::ExhibitRequest::Kind::play_film) {
            m_films.play(request.film, now);
        } else if (request.kind == ui::ExhibitRequest::Kind::stop_film && m_films.stop) {
            m_films.stop(now);
        }
    }
    record(reaction);
    if (reaction.started_visit) {
        ++m_figures.touches;
    }
    if (reaction.walked_away) {
        ++m_figures.idle_returns;
    }
    if (reaction.opened_board) {
        m_waiting_for_board = true;
    }
    if (reaction.relayout) {
        rebuild_scene();
    } else if (reaction.scrolled) {
        mark_scrolled();
    }
    if (reaction.for_visitor && !m_waiting_since) {
        m_waiting_since = now;
    }
    note_visits(reaction, now);
}

void Exhibit::record(const ui::ExhibitReaction& reaction) {
    for (const ui::ExhibitRequest& request : reaction.requests) {
        if (request.consultation) {
            submit(*request.consultation);
        } else if (request.rating) {
            submit(*request.rating);
        }
    }
}

void Exhibit::submit(const ui::ConsultationRequest& request) {
    if (m_records.writer == nullptr || m_records.inbox == nullptr) {
        answered(request.serial, tl::unexpected(records::RecordError{records::RecordErrorKind::unavailable,
                                                                     "this kiosk keeps no records"}));
        return;
    }
    records::NewConsultation consultation;
    consultation.at = wall_now();
    consultation.category = request.category;
    consultation.topic = request.topic;
    consultation.zone = m_zone_id;
    consultation.channel = records::Channel::kiosk;
    if (!request.phone.empty()) {
        // The consent was given on the screen just before, and goes with the number.
        consultation.callback = records::CallbackRequest{request.phone, consultation.at};
    }
    // The answer comes on the writer's thread; the screen hears of it on the main loop.
    m_records.writer->submit(
        std::move(consultation), [this, inbox = m_records.inbox, serial = request.serial](
                                     tl::expected<records::Committed, records::RecordError> result) {
            inbox->post([this, serial, result = std::move(result)] { answered(serial, result); });
        });
}

void Exhibit::submit(const ui::RatingRequest& request) {
    if (m_records.writer == nullptr) {
        return;
    }
    m_records.writer->rate(
        request.consultation, request.rating, request.reason, wall_now(),
        [zone = m_zone_id, id = request.consultation](tl::expected<void, records::RecordError> done) {
            if (!done) {
                spdlog::warn("zone {}: the rating of consultation {} was not recorded: {}", zone, id,
                             done.error().message);
            }
        });
}

void Exhibit::answered(int serial, const tl::expected<records::Committed, records::RecordError>& result) {
    if (result) {
        spdlog::info("zone {}: request for help recorded as consultation {}, queue number {}", m_zone_id,
                     result->id, result->queue_number);
    } else {
        spdlog::warn(
            "zone {}: a request for help could not be recorded ({}): the visitor is sent to the desk",
            m_zone_id, result.error().message);
    }
    if (m_consult->committed(serial, result)) {
        rebuild_scene();
    }
}

void Exhibit::offer_rating(records::ConsultationId consultation, SteadyTime now) {
    m_consult->offer_rating(consultation);
    react(m_controller->apply(ui::ConsultFlow::action(ui::ConsultStep::rate_at_desk), seconds(now)), now);
}

void Exhibit::note_visits(const ui::ExhibitReaction& reaction, SteadyTime now) {
    const double at = seconds(now);
    const ui::VisitNotes notes =
        m_visits.after(reaction, m_controller->view(), at, m_controller->last_input());
    if (m_records.writer == nullptr) {
        return;
    }
    // On the wall clock, as the reports count them.
    const records::Instant wall = wall_now();
    const auto wall_at = [&](double time) {
        return wall - std::chrono::duration_cast<std::chrono::milliseconds>(
                          std::chrono::duration<double>(at - time));
    };
    if (notes.visit) {
        m_records.writer->record(
            records::VisitSession{m_zone_id, wall_at(notes.visit->started), wall_at(notes.visit->ended)});
    }
    if (notes.board) {
        m_records.writer->record(records::BoardView{
            m_zone_id, notes.board->board, wall_at(notes.board->opened),
            std::chrono::duration_cast<std::chrono::milliseconds>(
                std::chrono::duration<double>(notes.board->closed - notes.board->opened))});
    }
}

std::optional<ui::Scene::Point> Exhibit::find_text(std::string_view text) const {
    return m_scene.find_text(text, static_cast<int>(std::lround(m_controller->scroll_offset())));
}

void Exhibit::on_pointer(ui::PointerEvent::Kind kind, std::int64_t pointer, double x, double y,
                         SteadyTime now) {
    m_consult->set_records_available(m_records.writer != nullptr && m_records.writer->available());
    react(m_controller->on_pointer(ui::PointerEvent{kind, pointer, x, y, seconds(now)}), now);
}

void Exhibit::on_key(const std::string& name, SteadyTime now) {
    m_consult->set_records_available(m_records.writer != nullptr && m_records.writer->available());
    react(m_controller->on_key(name, seconds(now)), now);
}

void Exhibit::set_package(std::shared_ptr<const content::Package> package) {
    const content::Zone* zone = package->zone(m_zone_id);
    if (zone == nullptr) {
        spdlog::warn("zone {}: the new content package has no such zone; keeping the old one", m_zone_id);
        return;
    }
    // The old package stays alive until the page no longer points into it.
    m_package = std::move(package);
    m_zone = zone;
    m_controller->set_zone(*m_zone);
    // Pages laid out ahead show the old package.
    m_warm_painter->forget();
    m_warm_scenes.clear();
    rebuild_scene();
    note_visits({}, m_clock.now());
    m_pictures->decode_ahead(pictures_of(*m_zone));
}

void Exhibit::step(SteadyTime now) {
    ui::ExhibitReaction reaction = m_controller->step(seconds(now));
    // The page moves on its own: a frame at the panel's pace, not at every turn.
    const bool scrolling = reaction.scrolled || m_controller->scrolling();
    reaction.scrolled = scrolling && now - m_last_frame >= kScrollFrameInterval;
    react(std::move(reaction), now);
    if (m_dirty && (!scrolling || now - m_last_frame >= kScrollFrameInterval)) {
        const SteadyTime start = m_clock.now();
        draw_now();
        if (scrolling) {
            m_figures.scroll_frame_ms.push_back(milliseconds(start, m_clock.now()));
        }
    }
    if (!m_dirty && !scrolling) {
        // The loop is idle: the rest of this page, then the pages a touch away.
        const SteadyTime until = m_clock.now() + kPrepareSlice;
        while (m_clock.now() < until && prepare_ahead()) {
        }
    }
}

SteadyTime Exhibit::next_wake() const {
    if (m_dirty || m_controller->coasting()) {
        return std::max(m_last_frame + kScrollFrameInterval, m_last_frame);
    }
    // Pages are prepared ahead only while nothing moves (a finger resting
    // on the page wakes the loop when it moves or lifts).
    if (!m_controller->scrolling() &&
        (m_painter->has_unprepared() || m_warm_painter->has_unprepared() || !m_onward.empty())) {
        return m_last_frame;  // (past: at once)
    }
    const double due = m_controller->next_step_due();
    if (std::isinf(due)) {
        return SteadyTime::max();
    }
    return m_started_at + std::chrono::duration_cast<SteadyTime::duration>(Seconds(due));
}

void Exhibit::draw_now() {
    m_screen.redraw();
}

void Exhibit::flush() {
    if (m_dirty) {
        draw_now();
    }
}

std::optional<SDL_Rect> Exhibit::film_area() const {
    if (!m_scene.shows_film) {
        return std::nullopt;
    }
    for (const ui::DrawOp& op : m_scene.under) {
        if (const auto* film = std::get_if<ui::FilmOp>(&op)) {
            return SDL_Rect{film->rect.x, film->rect.y, film->rect.w, film->rect.h};
        }
    }
    return std::nullopt;
}

void Exhibit::draw_under(SDL_Renderer*) {
    m_painter->paint_under(m_scene, static_cast<int>(std::lround(m_controller->scroll_offset())));
}

void Exhibit::draw_over(SDL_Renderer*) {
    m_painter->paint_over(m_scene);
}

void Exhibit::presented() {
    const SteadyTime now = m_clock.now();
    m_dirty = false;
    m_last_frame = now;
    if (m_waiting_since) {
        m_figures.touch_latency_ms.push_back(milliseconds(*m_waiting_since, now));
        if (m_waiting_for_board) {
            m_figures.board_open_ms.push_back(milliseconds(*m_waiting_since, now));
        }
        m_waiting_since.reset();
        m_waiting_for_board = false;
    }
}

}  // namespace kiosk::app

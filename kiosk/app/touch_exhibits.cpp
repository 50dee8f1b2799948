#include "touch_exhibits.h"

#include <algorithm>
#include <thread>

#include <spdlog/spdlog.h>

#include "media/media_probe.h"
#include "render/sdl_picture_decoder.h"
#include "ui/exhibit_text_fit.h"

namespace kiosk::app {
namespace {

using playback::SteadyTime;

// How often the package's manifest is looked at for a new version.
constexpr auto kContentLookInterval = std::chrono::seconds(2);
// The touch device id of scripted fingers (SDL only passes it through).
constexpr SDL_TouchID kScriptTouch = 1;
// Most threads probing a package's pictures and films at once.
constexpr unsigned kMaxProbeThreads = 4;

content::CheckOptions kiosk_check_options() {
    content::CheckOptions options;
    // Texts are measured once the screens and fonts are up (measure_texts).
    options.text_fit = nullptr;
    options.probe_media = true;
    // Films are opened as the player opens them.
    static const media::FfmpegMediaProber films;
    options.media_prober = &films;
    // Pictures are checked by the decoder the screens use, so none is let
    // through that would show as a blank tile.
    static const render::SdlPictureDecoder pictures;
    options.picture_decoder = &pictures;
    // At start nothing plays yet, and probing is most of the wait for the
    // home screen: every processor takes part.
    options.probe_threads =
        static_cast<int>(std::clamp<unsigned>(std::thread::hardware_concurrency(), 1, kMaxProbeThreads));
    return options;
}

void log_problems(const std::filesystem::path& directory,
                  const std::vector<content::PackageProblem>& problems) {
    spdlog::error("content package {} refused: {} problem{}", directory.string(), problems.size(),
                  problems.size() == 1 ? "" : "s");
    for (const content::PackageProblem& problem : problems) {
        spdlog::error("  {}", content::to_string(problem));
    }
}

std::optional<std::filesystem::file_time_type> manifest_time(const std::filesystem::path& directory) {
    std::error_code error;
    const auto time = std::filesystem::last_write_time(directory / "manifest.json", error);
    if (error) {
        return std::nullopt;
    }
    return time;
}

}  // namespace

ContentSource::ContentSource(std::filesystem::path directory, MainLoopInbox& inbox)
    : m_directory(std::move(directory)), m_inbox(inbox) {
    m_manifest_time = manifest_time(m_directory);
    auto loaded = content::load_checked_package(m_directory, kiosk_check_options());
    if (loaded) {
        m_package = std::make_shared<const content::Package>(std::move(*loaded));
        spdlog::info("content package {} version {} ({} zones)", m_package->id, m_package->version,
                     m_package->zones.size());
    } else {
        m_problems = loaded.error();
        log_problems(m_directory, m_problems);
    }
}

std::shared_ptr<const content::Package> ContentSource::poll(SteadyTime now) {
    if (m_checked) {
        const std::shared_ptr<CheckResult> checked = std::exchange(m_checked, nullptr);
        m_checker = std::jthread();  // (done: joins at once)
        m_next_look = now + kContentLookInterval;
        if (!*checked) {
            m_problems = checked->error();
            log_problems(m_directory, m_problems);
            spdlog::warn("the screens keep showing the content they have");
            return nullptr;
        }
        m_problems.clear();
        m_package = std::make_shared<const content::Package>(std::move(**checked));
        spdlog::info("content package {} version {} now showing", m_package->id, m_package->version);
        return m_package;
    }
    if (m_checker.joinable() || now < m_next_look) {
        return nullptr;  // (a check under way posts its result, which wakes the loop)
    }
    m_next_look = now + kContentLookInterval;
    const auto time = manifest_time(m_directory);
    if (time == m_manifest_time || !time) {
        return nullptr;
    }
    m_manifest_time = time;
    spdlog::info("content package {} changed: checking it", m_directory.string());
    m_next_look = SteadyTime::max();
    // Probing every picture and film takes a while; the screens go on meanwhile.
    m_checker =
        std::jthread([this, directory = m_directory, measuring = m_text_measuring](std::stop_token stop) {
            // The films play on meanwhile: one file at a time leaves them the processors.
            content::CheckOptions options = kiosk_check_options();
            options.probe_threads = 1;
            options.stop = stop;  // the kiosk going stops a check under way at its next file
            std::unique_ptr<render::TextEngine> fonts;
            std::optional<ui::ExhibitTextFit> text_fit;
            if (measuring) {
                auto opened = render::TextEngine::create(measuring->fonts);
                if (opened) {
                    fonts = std::move(*opened);
                    text_fit.emplace(measuring->screens, *fonts);
                    options.text_fit = &*text_fit;
                } else {
                    spdlog::warn("texts of the new package not measured: {}", opened.error().message);
                }
            }
            auto checked = std::make_shared<CheckResult>(content::load_checked_package(directory, options));
            m_inbox.post([this, checked] { m_checked = checked; });
        });
    return nullptr;
}

bool ContentSource::measure_texts(const render::TextEngine& fonts, std::vector<ui::ScreenMetrics> screens) {
    m_text_measuring = TextMeasuring{fonts.files(), std::move(screens)};
    if (!m_package) {
        return false;
    }
    const ui::ExhibitTextFit text_fit(m_text_measuring->screens, fonts);
    content::CheckOptions options = kiosk_check_options();
    options.probe_media = false;  // done when the package was read
    options.text_fit = &text_fit;
    auto problems = content::check_package(m_directory, options);
    if (problems.empty() || manifest_time(m_directory) != m_manifest_time) {
        // A manifest published since the package was read may not be the one
        // just measured: poll() checks the new one whole, texts included.
        return true;
    }
    m_problems = std::move(problems);
    m_package.reset();
    log_problems(m_directory, m_problems);
    return false;
}

TouchExhibits::TouchExhibits(ContentSource& source, std::vector<ExhibitScreen> screens, double pixels_per_mm,
                             std::chrono::milliseconds idle_timeout, WindowEvents& events,
                             const playback::Clock& clock, SteadyTime started_at, ExhibitRecords records)
    : m_source(source),
      m_events(events),
      m_screen_setups(std::move(screens)),
      m_pixels_per_mm(pixels_per_mm),
      m_idle_timeout(idle_timeout),
      m_clock(clock),
      m_started_at(started_at),
      m_records(std::move(records)) {
    const auto files = render::find_cjk_font_files();
    if (!files) {
        spdlog::error("no CJK font installed (fonts-noto-cjk): the touch exhibits cannot show text");
        return;
    }
    auto fonts = render::TextEngine::create(*files);
    if (!fonts) {
        spdlog::error("touch exhibits: {}", fonts.error().message);
        return;
    }
    m_fonts = std::move(*fonts);
    std::vector<ui::ScreenMetrics> sizes;
    for (const ExhibitScreen& screen : m_screen_setups) {
        const ui::ScreenMetrics size{screen.screen->width(), screen.screen->height(), pixels_per_mm};
        if (std::none_of(sizes.begin(), sizes.end(), [&](const ui::ScreenMetrics& known) {
                return known.width == size.width && known.height == size.height;
            })) {
            sizes.push_back(size);
        }
    }
    if (source.measure_texts(*m_fonts, std::move(sizes))) {
        make_exhibits(source.package());
    } else {
        spdlog::warn("touch exhibits wait for a good content package: films only until then");
    }
}

void TouchExhibits::make_exhibits(const std::shared_ptr<const content::Package>& package) {
    for (const ExhibitScreen& screen : m_screen_setups) {
        if (package->zone(screen.zone) == nullptr) {
            spdlog::warn("zone {}: not in the content package: films only", screen.zone);
            continue;
        }
        FilmControl films;
        if (playback::ScreenPlayer* player = screen.player) {
            // A board's film cuts in on the zone's programme now, once, and
            // the programme resumes with the film it cut when it is over.
            films.play = [player, zone = screen.zone](const std::filesystem::path& film, SteadyTime now) {
                content::Playlist playlist{zone + " board film", {content::PlaylistItem{film, {}, {}}}};
                player->change_programme(
                    playback::ProgrammeChange{playback::ScreenProgramme{playlist, 1, 1.0, std::nullopt}, now,
                                              true},
                    now);
            };
            films.stop = [player](SteadyTime now) { player->end_interrupt(now); };
        }
        m_exhibits.push_back(std::make_unique<Exhibit>(package, screen.zone, *screen.screen, *m_fonts,
                                                       m_pixels_per_mm, m_idle_timeout, m_clock, m_started_at,
                                                       std::move(films), m_records));
        m_screens.push_back(screen.screen);
        if (screen.at_desk && m_desk == nullptr) {
            m_desk = m_exhibits.back().get();
            watch_the_desk();
        }
    }
}

void TouchExhibits::watch_the_desk() {
    if (m_records.writer == nullptr || m_records.inbox == nullptr) {
        return;
    }
    spdlog::info("zone {}: the desk's screen: consultations closed at the desk are offered for rating here",
                 m_desk->zone());
    // Told on the writer's thread; the screen hears of it on the main loop.
    m_records.writer->watch_closed([this, inbox = m_records.inbox](const records::Consultation& closed) {
        inbox->post([this, id = closed.id] { m_desk->offer_rating(id, m_clock.now()); });
    });
}

TouchExhibits::~TouchExhibits() = default;

void TouchExhibits::play_script(ui::InputScript script, SteadyTime now) {
    m_script.emplace(std::move(script));
    m_script->start(playback::Seconds(now - m_started_at).count());
}

Exhibit* TouchExhibits::exhibit_for_window(Uint32 window_id) {
    for (std::size_t index = 0; index < m_exhibits.size(); ++index) {
        if (m_screens[index]->window_id() == window_id) {
            return m_exhibits[index].get();
        }
    }
    // Headless screens have no window: their input is the first screen's.
    return m_exhibits.empty() ? nullptr : m_exhibits.front().get();
}

void TouchExhibits::handle(const SDL_Event& event, SteadyTime now) {
    using Kind = ui::PointerEvent::Kind;
    switch (event.type) {
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP: {
            const SDL_TouchFingerEvent& finger = event.tfinger;
            const auto index = std::find_if(m_exhibits.begin(), m_exhibits.end(), [&](const auto& e) {
                return exhibit_for_window(finger.windowID) == e.get();
            });
            if (index == m_exhibits.end()) {
                return;
            }
            render::SdlScreen* screen = m_screens[static_cast<std::size_t>(index - m_exhibits.begin())];
            const Kind kind = event.type == SDL_FINGERDOWN ? Kind::down
                              : event.type == SDL_FINGERUP ? Kind::up
                                                           : Kind::move;
            (*index)->on_pointer(kind, static_cast<std::int64_t>(finger.fingerId), finger.x * screen->width(),
                                 finger.y * screen->height(), now);
            return;
        }
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            // A touchscreen's fingers also arrive as mouse clicks; they are
            // handled as fingers above.
            if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT) {
                return;
            }
            if (Exhibit* exhibit = exhibit_for_window(event.button.windowID)) {
                exhibit->on_pointer(event.type == SDL_MOUSEBUTTONDOWN ? Kind::down : Kind::up,
                                    ui::kMousePointer, event.button.x, event.button.y, now);
            }
            return;
        case SDL_MOUSEMOTION:
            if (event.motion.which == SDL_TOUCH_MOUSEID || (event.motion.state & SDL_BUTTON_LMASK) == 0) {
                return;
            }
            if (Exhibit* exhibit = exhibit_for_window(event.motion.windowID)) {
                exhibit->on_pointer(Kind::move, ui::kMousePointer, event.motion.x, event.motion.y, now);
            }
            return;
        case SDL_KEYDOWN:
            if (Exhibit* exhibit = exhibit_for_window(event.key.windowID)) {
                exhibit->on_key(SDL_GetKeyName(event.key.keysym.sym), now);
            }
            return;
        default:
            return;
    }
}

void TouchExhibits::inject(const ui::ScriptAction& action) {
    if (const auto* pointer = std::get_if<ui::PointerEvent>(&action.what)) {
        if (m_screens.empty()) {
            return;
        }
        SDL_Event event{};
        event.type = pointer->kind == ui::PointerEvent::Kind::down ? SDL_FINGERDOWN
                     : pointer->kind == ui::PointerEvent::Kind::up ? SDL_FINGERUP
                                                                   : SDL_FINGERMOTION;
        event.tfinger.timestamp = SDL_GetTicks();
        event.tfinger.touchId = kScriptTouch;
        event.tfinger.fingerId = pointer->pointer;
        event.tfinger.x = static_cast<float>(pointer->x / m_screens.front()->width());
        event.tfinger.y = static_cast<float>(pointer->y / m_screens.front()->height());
        event.tfinger.pressure = 1.0f;
        event.tfinger.windowID = m_screens.front()->window_id();
        SDL_PushEvent(&event);
    } else if (const auto* key = std::get_if<ui::KeyPress>(&action.what)) {
        SDL_Event event{};
        event.type = SDL_KEYDOWN;
        event.key.timestamp = SDL_GetTicks();
        event.key.keysym.sym = SDL_GetKeyFromName(key->name.c_str());
        event.key.keysym.scancode = SDL_GetScancodeFromKey(event.key.keysym.sym);
        event.key.windowID = m_screens.empty() ? 0 : m_screens.front()->window_id();
        event.key.state = SDL_PRESSED;
        SDL_PushEvent(&event);
    }
}

void TouchExhibits::take_shot(const std::filesystem::path& path) {
    // The first exhibit's screen; while there is none, the first screen's films.
    render::SdlScreen* screen = nullptr;
    if (!m_exhibits.empty()) {
        m_exhibits.front()->flush();
        screen = m_screens.front();
    } else if (!m_screen_setups.empty()) {
        screen = m_screen_setups.front().screen;
    } else {
        return;
    }
    if (!screen->save_screenshot(path)) {
        spdlog::error("cannot write screenshot {}: {}", path.string(), SDL_GetError());
        m_shot_failed = true;
    }
}

bool TouchExhibits::step(SteadyTime now) {
    if (auto package = m_source.poll(now)) {
        if (m_exhibits.empty() && m_fonts) {
            // The kiosk started without a good package: this is the first.
            make_exhibits(package);
        } else {
            for (auto& exhibit : m_exhibits) {
                exhibit->set_package(package);
            }
        }
        if (m_on_new_package) {
            m_on_new_package(*package, now);
        }
    }
    if (m_script) {
        play_script_due(now);
    }
    const SteadyTime stepped_at = m_script ? m_clock.now() : now;
    for (auto& exhibit : m_exhibits) {
        exhibit->step(stepped_at);
    }
    return !m_quit;
}

void TouchExhibits::play_script_due(SteadyTime now) {
    const double time = playback::Seconds(now - m_started_at).count();
    for (;;) {
        for (const ui::ScriptAction& action : m_script->due(time)) {
            if (const auto* shot = std::get_if<ui::TakeShot>(&action.what)) {
                drain_events();
                take_shot(shot->path);
            } else if (std::holds_alternative<ui::QuitKiosk>(action.what)) {
                drain_events();
                m_quit = true;
            } else if (std::holds_alternative<ui::FindText>(action.what)) {
                drain_events();  // (looked for below, on the screen as the input so far left it)
            } else {
                inject(action);
                // Handled at once, and timed from when the script says it
                // happens, as a panel would deliver it: a loop that wakes late
                // (busy with a film frame, say) counts against the latency,
                // and gestures come out the same however late it wakes.
                drain_events(m_started_at + std::chrono::duration_cast<SteadyTime::duration>(
                                                playback::to_duration(action.time)));
            }
        }
        const auto& waiting = m_script->waiting_for();
        if (!waiting) {
            return;
        }
        const auto point = m_exhibits.empty() ? std::nullopt : m_exhibits.front()->find_text(waiting->text);
        if (point) {
            m_script->found(point->x, point->y, time);
            continue;  // its tap is due now
        }
        if (m_script->not_found(time)) {
            spdlog::error(
                "input script line {}: tap-text \"{}\": nothing on the screen says it ({:.0f} s waited)",
                waiting->line, waiting->text, ui::kTapTextWaitSeconds);
            m_quit = true;
        }
        return;
    }
}

void TouchExhibits::drain_events(std::optional<SteadyTime> happened) {
    // Each event is timed when it is handled (a screenshot just before may
    // have taken a good part of a second), or when it happened if known.
    m_quit = m_events.drain([&](const SDL_Event& event) {
        const SteadyTime now = m_clock.now();
        handle(event, happened ? std::min(*happened, now) : now);
    }) || m_quit;
}

SteadyTime TouchExhibits::next_wake() const {
    SteadyTime wake = m_source.next_look();
    for (const auto& exhibit : m_exhibits) {
        wake = std::min(wake, exhibit->next_wake());
    }
    if (m_script) {
        if (const auto next = m_script->next_time()) {
            wake = std::min(wake, m_started_at + std::chrono::duration_cast<SteadyTime::duration>(
                                                     playback::to_duration(*next)));
        }
    }
    return wake;
}

std::vector<const ExhibitFigures*> TouchExhibits::figures() const {
    std::vector<const ExhibitFigures*> figures;
    for (const auto& exhibit : m_exhibits) {
        figures.push_back(&exhibit->figures());
    }
    return figures;
}

bool TouchExhibits::script_finished() const {
    return m_script && m_script->finished();
}

}  // namespace kiosk::app

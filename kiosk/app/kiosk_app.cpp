#include "kiosk_app.h"

#include <SDL.h>
#include <SDL_image.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <thread>

#include <spdlog/spdlog.h>

extern "C" {
#include <libavutil/log.h>
}

#include "content/playlist.h"
#include "hall_schedule.h"
#include "playback/null_audio_output.h"
#include "playback/screen_player.h"
#include "render/font_library.h"
#include "render/font_lookup.h"
#include "render/sdl_audio_output.h"
#include "render/sdl_screen.h"
#include "stats_report.h"
#include "touch_exhibits.h"
#include "ui/input_script.h"

namespace kiosk::app {
namespace {

using playback::SteadyTime;

// Longest sleep of the main loop: how late a window event or quit is seen
// when no picture is due.
constexpr auto kMaxSleep = std::chrono::milliseconds(20);

struct Screen {
    std::unique_ptr<render::SdlScreen> output;
    std::unique_ptr<playback::AudioOutput> sound;
    std::unique_ptr<playback::ScreenPlayer> player;
};

// SDL owned for the life of the process; quitting it closes every window.
struct SdlSession {
    bool ok = false;
    explicit SdlSession(bool with_sound) {
        // SIGTERM and SIGINT are the kiosk's own (StopSignals), not quit events.
        SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
        const Uint32 subsystems = SDL_INIT_VIDEO | SDL_INIT_EVENTS | (with_sound ? SDL_INIT_AUDIO : 0);
        ok = SDL_Init(subsystems) == 0 && render::start_font_library();
        IMG_Init(IMG_INIT_PNG);
    }
    ~SdlSession() {
        IMG_Quit();
        render::stop_font_library();
        SDL_Quit();
    }
};

// What `screen` plays while nothing is scheduled: its own films (its folder,
// its files), or else its zone's default programme from the content package.
playback::ScreenProgramme unscheduled_programme(const ScreenConfig& screen, const content::Package* package) {
    content::Playlist playlist{screen.zone, {}};
    if (screen.media_dir) {
        playlist = content::playlist_from_directory(*screen.media_dir);
        playlist.name = screen.zone;
    }
    for (const auto& path : screen.media) {
        playlist.items.push_back(content::PlaylistItem{path, std::nullopt, std::nullopt});
    }
    const content::Zone* zone = package ? package->zone(screen.zone) : nullptr;
    if (playlist.items.empty() && zone != nullptr) {
        for (const auto& path : zone->programme) {
            playlist.items.push_back(content::PlaylistItem{path, std::nullopt, std::nullopt});
        }
    }
    return playback::ScreenProgramme{playlist, std::nullopt, 5.0, std::nullopt};
}

std::vector<playback::ScreenProgramme> programmes(const KioskOptions& options, const KioskConfig& config,
                                                  const content::Package* package,
                                                  std::vector<ScreenConfig>& screens) {
    std::vector<playback::ScreenProgramme> result;
    if (!options.play.empty()) {
        content::Playlist playlist{"command line", {}};
        for (const auto& path : options.play) {
            playlist.items.push_back(content::PlaylistItem{path, std::nullopt, std::nullopt});
        }
        screens.clear();
        for (int index = 0; index < options.screens; ++index) {
            ScreenConfig screen;
            screen.display = index;
            screen.sound = index == 0;
            screens.push_back(screen);
            result.push_back(playback::ScreenProgramme{playlist, options.loop, 1.0, std::nullopt});
        }
        return result;
    }
    screens = config.screens;
    if (screens.empty()) {
        ScreenConfig screen;
        screen.zone = options.zone.value_or("av");
        if (!package) {
            screen.media_dir = options.data_dir / "media" / screen.zone;
        }
        screen.sound = true;
        screens.push_back(screen);
    } else if (options.zone) {
        screens.front().zone = *options.zone;
    }
    for (const ScreenConfig& screen : screens) {
        playback::ScreenProgramme programme = unscheduled_programme(screen, package);
        if (programme.playlist.items.empty()) {
            spdlog::info("zone {}: no folder programme{}: the zone plays its schedule only", screen.zone,
                         screen.media_dir ? " in " + screen.media_dir->string() : std::string());
        }
        result.push_back(std::move(programme));
    }
    return result;
}

// The content package: --content, the config's content_dir, or
// <data-dir>/content when it holds one.
std::optional<std::filesystem::path> content_directory(const KioskOptions& options,
                                                       const KioskConfig& config) {
    if (options.content) {
        return options.content;
    }
    if (config.content_dir) {
        return config.content_dir;
    }
    std::error_code error;
    if (std::filesystem::exists(options.data_dir / "content" / "manifest.json", error)) {
        return options.data_dir / "content";
    }
    return std::nullopt;
}

bool window_system_asks_to_quit() {
    SDL_Event event;
    bool quit = false;
    while (SDL_PollEvent(&event) != 0) {
        quit = quit || event.type == SDL_QUIT;
    }
    return quit;
}

std::filesystem::path screenshot_path(const std::filesystem::path& base, std::size_t screen) {
    if (screen == 0) {
        return base;
    }
    std::filesystem::path path = base;
    path.replace_filename(base.stem().string() + "-" + std::to_string(screen) + base.extension().string());
    return path;
}

}  // namespace

int run_kiosk(const KioskOptions& options, const KioskConfig& config, StopSignals& stop) {
    const playback::SteadyClock clock;
    const SteadyTime started_at = clock.now();
    av_log_set_level(AV_LOG_ERROR);
    if (options.headless) {
        // Screens draw into memory (see SdlScreen); no window system is needed.
        setenv("SDL_VIDEODRIVER", "dummy", 1);
        setenv("SDL_AUDIODRIVER", "dummy", 1);  // (sound itself goes to a NullAudioOutput)
    }
    // A script with a bad line is refused before anything runs.
    std::optional<ui::InputScript> script;
    if (options.input_script) {
        auto loaded = ui::load_input_script(*options.input_script);
        if (!loaded) {
            spdlog::error("{}: {}", options.input_script->string(), ui::to_string(loaded.error()));
            return kExitUsage;
        }
        script = std::move(*loaded);
    }
    std::error_code error;
    std::filesystem::create_directories(options.data_dir, error);
    if (error) {
        spdlog::error("cannot create the data directory {}: {}", options.data_dir.string(), error.message());
        return kExitFailed;
    }

    std::unique_ptr<ContentSource> content_source;
    if (const auto directory = content_directory(options, config)) {
        content_source = std::make_unique<ContentSource>(*directory);
    }
    const content::Package* package = content_source ? content_source->package().get() : nullptr;
    std::vector<ScreenConfig> screen_configs;
    std::vector<playback::ScreenProgramme> screen_programmes =
        programmes(options, config, package, screen_configs);
    const bool any_sound = !options.headless && std::any_of(screen_configs.begin(), screen_configs.end(),
                                                            [](const auto& s) { return s.sound; });
    SdlSession sdl(any_sound);
    if (!sdl.ok) {
        spdlog::error("cannot start SDL: {} (no display? run with --headless)", SDL_GetError());
        return kExitFailed;
    }
    const std::optional<std::filesystem::path> font = render::find_cjk_font();
    if (!font) {
        spdlog::warn("no CJK font found: slates show without text (install fonts-noto-cjk)");
    }

    playback::SourceOptions source_options;
    source_options.decoder_threads = config.decoder_threads;
    source_options.hardware_decoding = config.hardware_decoding;
    source_options.still_seconds = options.image_seconds.value_or(config.image_seconds);

    // Without --play, each screen follows its zone's schedule (and its
    // configured folder programme while nothing is scheduled).
    std::unique_ptr<HallSchedule> schedule;
    if (options.play.empty()) {
        auto opened =
            HallSchedule::open(options.data_dir, config.time_zone,
                               std::chrono::milliseconds(std::lround(source_options.still_seconds * 1000)));
        if (!opened) {
            spdlog::error("{}", opened.error());
            return kExitFailed;
        }
        schedule = std::move(*opened);
        for (std::size_t index = 0; index < screen_configs.size(); ++index) {
            screen_programmes[index] =
                schedule->start_screen(screen_configs[index].zone, std::move(screen_programmes[index]));
        }
    }

    std::vector<Screen> screens;
    for (std::size_t index = 0; index < screen_configs.size(); ++index) {
        const ScreenConfig& screen_config = screen_configs[index];
        render::ScreenSetup setup;
        setup.display = std::min(screen_config.display, std::max(0, SDL_GetNumVideoDisplays() - 1));
        setup.headless = options.headless;
        setup.width = options.width;
        setup.height = options.height;
        if (options.headless && !setup.width) {
            setup.width = 1920;
            setup.height = 1080;
        }
        setup.font = font;
        setup.title = "Population Culture Window — " + screen_config.zone;
        auto output = render::SdlScreen::create(setup);
        if (!output) {
            spdlog::error("screen {}: {}", index, output.error());
            return kExitFailed;
        }
        Screen screen;
        screen.output = std::move(*output);
        playback::SourceOptions options_for_screen = source_options;
        if (screen_config.sound && options.headless) {
            screen.sound = std::make_unique<playback::NullAudioOutput>();
            options_for_screen.audio = screen.sound->format();
        } else if (screen_config.sound) {
            auto sound = render::SdlAudioOutput::create(
                screen_config.audio_device.value_or(config.audio_device.value_or("")));
            if (sound) {
                screen.sound = std::move(*sound);
                options_for_screen.audio = screen.sound->format();
            } else {
                spdlog::warn("screen {}: playing without sound: {}", index, sound.error());
            }
        }
        screen.player = std::make_unique<playback::ScreenPlayer>(
            std::move(screen_programmes[index]), options_for_screen, *screen.output,
            screen.sound ? &screen.sound->timeline() : nullptr, clock);
        if (schedule) {
            schedule->attach(index, *screen.player);
        }
        screens.push_back(std::move(screen));
    }
    std::vector<playback::ScreenPlayer*> players;
    for (Screen& screen : screens) {
        players.push_back(screen.player.get());
    }
    std::unique_ptr<TouchExhibits> exhibits;
    if (content_source && options.play.empty()) {
        std::vector<ExhibitScreen> exhibit_screens;
        for (std::size_t index = 0; index < screens.size(); ++index) {
            exhibit_screens.push_back(ExhibitScreen{screens[index].output.get(), screen_configs[index].zone,
                                                    screens[index].player.get()});
        }
        const double idle = options.idle_timeout.value_or(config.idle_timeout_seconds);
        exhibits = std::make_unique<TouchExhibits>(
            *content_source, std::move(exhibit_screens), config.pixels_per_mm,
            std::chrono::milliseconds(std::lround(idle * 1000)), clock, started_at);
        // A newly published package brings its zones' default programmes.
        exhibits->on_new_package([&](const content::Package& package, SteadyTime now) {
            for (std::size_t index = 0; index < screens.size(); ++index) {
                schedule->set_unscheduled(index, unscheduled_programme(screen_configs[index], &package), now,
                                          *screens[index].player);
            }
        });
    }
    if (script) {
        // (A refused package may be followed by a good one: the script waits for it.)
        if (!exhibits || (exhibits->empty() && (content_source->package() || !exhibits->can_show_text()))) {
            spdlog::error("--input-script needs a touch exhibit: --content with the screen's --zone");
            return kExitUsage;
        }
        exhibits->play_script(std::move(*script), clock.now());
    }

    bool screenshot_taken = false;
    stop.main_loop_started();
    while (!stop.stop_requested()) {
        const SteadyTime now = clock.now();
        if (exhibits) {
            SDL_Event event;
            bool quit = false;
            while (SDL_PollEvent(&event) != 0) {
                quit = exhibits->handle(event, now) || quit;
            }
            if (quit || !exhibits->step(now)) {
                break;
            }
        } else if (window_system_asks_to_quit()) {
            break;
        }
        if (schedule) {
            schedule->step(now, players);
        }
        for (Screen& screen : screens) {
            screen.player->step(now);
        }
        const double elapsed = playback::Seconds(now - started_at).count();
        if (options.screenshot && !screenshot_taken && elapsed >= *options.screenshot_at) {
            for (std::size_t index = 0; index < screens.size(); ++index) {
                if (!screens[index].output->save_screenshot(screenshot_path(*options.screenshot, index))) {
                    spdlog::error("cannot write screenshot {}: {}", options.screenshot->string(),
                                  SDL_GetError());
                }
            }
            screenshot_taken = true;
        }
        const bool all_finished =
            std::all_of(screens.begin(), screens.end(), [](const Screen& s) { return s.player->finished(); });
        if (all_finished || (options.run_for && elapsed >= *options.run_for)) {
            break;
        }
        SteadyTime wake = now + kMaxSleep;
        if (options.screenshot && !screenshot_taken) {
            wake = std::min(wake, started_at + playback::to_duration(*options.screenshot_at));
        }
        for (const Screen& screen : screens) {
            wake = std::min(wake, screen.player->next_wake());
        }
        if (schedule) {
            wake = std::min(wake, schedule->next_wake(now));
        }
        if (exhibits) {
            wake = std::min(wake, exhibits->next_wake());
        }
        if (!options.headless && exhibits) {
            // A visitor's touch wakes the loop at once.
            const auto wait =
                std::chrono::duration_cast<std::chrono::milliseconds>(wake - clock.now()).count();
            if (wait > 0) {
                SDL_WaitEventTimeout(nullptr, static_cast<int>(std::min<long long>(wait, kMaxSleep.count())));
            }
        } else {
            std::this_thread::sleep_until(wake);
        }
    }

    std::vector<const playback::PlaybackStats*> stats;
    std::int64_t items_played = 0;
    for (const Screen& screen : screens) {
        stats.push_back(&screen.player->stats());
        items_played += screen.player->stats().items_played;
    }
    const double wall = playback::Seconds(clock.now() - started_at).count();
    nlohmann::json report = stats_report(stats, wall);
    if (exhibits) {
        report["exhibit"] = exhibit_report(exhibits->figures());
    }
    if (options.stats_json && !write_stats_report(*options.stats_json, report)) {
        spdlog::error("cannot write {}", options.stats_json->string());
    }
    // Players stop their threads before their screens and sound devices go,
    // and the exhibits let go of the screens they draw on.
    for (Screen& screen : screens) {
        screen.player.reset();
    }
    const bool stopped = stop.stop_requested();  // a stop asked for is a clean end, whatever ran
    const bool scripted = options.input_script.has_value();
    if (scripted && !stopped && exhibits->empty()) {
        spdlog::error("the input script ran without a touch exhibit: no good content package came");
        return kExitUsage;
    }
    if (scripted && exhibits->shot_failed()) {
        spdlog::error("the input script's screenshots could not all be written");
        return kExitUsage;
    }
    exhibits.reset();
    return items_played == 0 && !options.run_for && !scripted && !stopped ? kExitNothingPlayable : kExitOk;
}

}  // namespace kiosk::app

#include "kiosk_setup.h"

#include <SDL.h>
#include <SDL_image.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include <spdlog/spdlog.h>

#include "consult_categories.h"
#include "content/playlist.h"
#include "kiosk_app.h"
#include "media/library_log.h"
#include "playback/null_audio_output.h"
#include "render/font_library.h"
#include "render/font_lookup.h"
#include "render/sdl_audio_output.h"
#include "scheduler/calendar.h"
#include "ui/input_script.h"

namespace kiosk::app {
namespace {

using playback::SteadyTime;

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

// The one writer of the hall's records (DATA_DIR/records.db); none when the
// hall's time zone is unknown (the schedule has refused the start already).
std::unique_ptr<records::RecordWriter> make_record_writer(const KioskOptions& options,
                                                          const KioskConfig& config,
                                                          const records::Categories& categories) {
    const auto tz = scheduler::locate_time_zone(config.time_zone);
    if (!tz) {
        return nullptr;
    }
    records::RecordWriter::Options writing;
    writing.database_file = records::records_file(options.data_dir);
    writing.categories = categories;
    writing.time_zone = *tz;
    writing.callback_retention = std::chrono::days(config.consultation.callback_retention_days);
    return std::make_unique<records::RecordWriter>(std::move(writing));
}

}  // namespace

SdlSession::SdlSession(bool with_sound) {
    // SIGTERM and SIGINT are the kiosk's own (StopSignals), not quit events.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    const Uint32 subsystems = SDL_INIT_VIDEO | SDL_INIT_EVENTS | (with_sound ? SDL_INIT_AUDIO : 0);
    m_ok = SDL_Init(subsystems) == 0 && render::start_font_library();
    IMG_Init(IMG_INIT_PNG);
}

SdlSession::~SdlSession() {
    IMG_Quit();
    render::stop_font_library();
    SDL_Quit();
}

Kiosk::~Kiosk() {
    for (KioskScreen& screen : screens) {
        screen.player.reset();
    }
    exhibits.reset();
}

tl::expected<std::unique_ptr<Kiosk>, int> set_up_kiosk(const KioskOptions& options, const KioskConfig& config,
                                                       const playback::Clock& clock) {
    const SteadyTime started_at = clock.now();
    media::set_library_log(media::LibraryLog::errors);
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
            return tl::unexpected(kExitUsage);
        }
        script = std::move(*loaded);
    }
    std::error_code error;
    std::filesystem::create_directories(options.data_dir, error);
    if (error) {
        spdlog::error("cannot create the data directory {}: {}", options.data_dir.string(), error.message());
        return tl::unexpected(kExitFailed);
    }

    auto kiosk = std::make_unique<Kiosk>(started_at);
    if (const auto directory = content_directory(options, config)) {
        kiosk->content_source = std::make_unique<ContentSource>(*directory, kiosk->inbox);
    }
    const ContentSource* content_source = kiosk->content_source.get();
    const content::Package* package = content_source ? content_source->package().get() : nullptr;
    // The categories of the package the kiosk starts with. A package published
    // while it runs keeps these until the next start: the writer and every
    // screen's flow must agree on them, and a visitor's request under way must
    // not see its category renamed.
    const records::Categories categories = consult_categories(config.consultation.category_changes, package);
    std::vector<ScreenConfig>& screen_configs = kiosk->screen_configs;
    std::vector<playback::ScreenProgramme> screen_programmes =
        programmes(options, config, package, screen_configs);
    const bool any_sound = !options.headless && std::any_of(screen_configs.begin(), screen_configs.end(),
                                                            [](const auto& s) { return s.sound; });
    kiosk->sdl = std::make_unique<SdlSession>(any_sound);
    if (!kiosk->sdl->ok()) {
        spdlog::error("cannot start SDL: {} (no display? run with --headless)", SDL_GetError());
        return tl::unexpected(kExitFailed);
    }
    // Before any worker can post: a touch or a post wakes the loop at once.
    kiosk->events = std::make_unique<WindowEvents>(kiosk->inbox, !options.headless);
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
    std::unique_ptr<HallSchedule>& schedule = kiosk->schedule;
    if (options.play.empty()) {
        auto opened =
            HallSchedule::open(options.data_dir, config.time_zone,
                               std::chrono::milliseconds(std::lround(source_options.still_seconds * 1000)));
        if (!opened) {
            spdlog::error("{}", opened.error().message);
            return tl::unexpected(kExitFailed);
        }
        schedule = std::move(*opened);
        schedule->take_edits_through(kiosk->inbox);
        for (std::size_t index = 0; index < screen_configs.size(); ++index) {
            screen_programmes[index] =
                schedule->start_screen(screen_configs[index].zone, std::move(screen_programmes[index]));
        }
    }

    std::vector<KioskScreen>& screens = kiosk->screens;
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
            spdlog::error("screen {}: {}", index, output.error().message);
            return tl::unexpected(kExitFailed);
        }
        KioskScreen screen;
        screen.output = std::move(*output);
        playback::SourceOptions options_for_screen = source_options;
        if (screen_config.sound && options.headless) {
            screen.sound = std::make_unique<playback::NullAudioOutput>(clock);
            options_for_screen.audio = screen.sound->format();
        } else if (screen_config.sound) {
            auto sound = render::SdlAudioOutput::create(
                screen_config.audio_device.value_or(config.audio_device.value_or("")));
            if (sound) {
                screen.sound = std::move(*sound);
                options_for_screen.audio = screen.sound->format();
            } else {
                spdlog::warn("screen {}: playing without sound: {}", index, sound.error().message);
            }
        }
        screen.player = std::make_unique<playback::ScreenPlayer>(
            std::move(screen_programmes[index]), options_for_screen, *screen.output,
            screen.sound ? &screen.sound->timeline() : nullptr, clock, playback::MediaOpening{{}, &clock});
        // Its preparer and decoders wake the loop when what it waits for arrives.
        screen.player->wake_with([inbox = &kiosk->inbox] { inbox->wake(); });
        if (schedule) {
            schedule->attach(index, *screen.player);
        }
        screens.push_back(std::move(screen));
    }
    for (KioskScreen& screen : screens) {
        kiosk->zone_players.push_back(std::make_unique<ScreenZonePlayer>(*screen.player));
        kiosk->players.push_back(kiosk->zone_players.back().get());
    }
    std::unique_ptr<TouchExhibits>& exhibits = kiosk->exhibits;
    if (content_source && options.play.empty()) {
        const ConsultationConfig& consultation = config.consultation;
        std::vector<ExhibitScreen> exhibit_screens;
        for (std::size_t index = 0; index < screens.size(); ++index) {
            exhibit_screens.push_back(ExhibitScreen{screens[index].output.get(), screen_configs[index].zone,
                                                    screens[index].player.get(),
                                                    consultation.desk_screen == static_cast<int>(index)});
        }
        kiosk->records = make_record_writer(options, config, categories);
        ExhibitRecords exhibit_records{kiosk->records.get(), &kiosk->inbox,
                                       ui::ConsultSettings{categories,
                                                           {consultation.where_zh, consultation.where_en},
                                                           consultation.callback_retention_days}};
        const double idle = options.idle_timeout.value_or(config.idle_timeout_seconds);
        exhibits = std::make_unique<TouchExhibits>(
            *kiosk->content_source, std::move(exhibit_screens), config.pixels_per_mm,
            std::chrono::milliseconds(std::lround(idle * 1000)), *kiosk->events, clock, started_at,
            std::move(exhibit_records));
        // A newly published package brings its zones' default programmes.
        exhibits->on_new_package([kiosk = kiosk.get()](const content::Package& package, SteadyTime now) {
            for (std::size_t index = 0; index < kiosk->screens.size(); ++index) {
                kiosk->schedule->set_unscheduled(
                    index, unscheduled_programme(kiosk->screen_configs[index], &package), now,
                    *kiosk->players[index]);
            }
        });
    }
    if (options.record_load) {
        if (!kiosk->records) {
            kiosk->records = make_record_writer(options, config, categories);
        }
        if (kiosk->records) {
            kiosk->record_load = std::make_unique<RecordLoad>(*kiosk->records, *options.record_load,
                                                              screen_configs.front().zone);
        }
    }
    if (script) {
        // (A refused package may be followed by a good one: the script waits for it.)
        if (!exhibits || (exhibits->empty() && (content_source->package() || !exhibits->can_show_text()))) {
            spdlog::error("--input-script needs a touch exhibit: --content with the screen's --zone");
            return tl::unexpected(kExitUsage);
        }
        exhibits->play_script(std::move(*script), clock.now());
    }
    return kiosk;
}

}  // namespace kiosk::app

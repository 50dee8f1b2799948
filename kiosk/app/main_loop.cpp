#include "main_loop.h"

#include <SDL.h>

#include <algorithm>

#include <spdlog/spdlog.h>

#include "kiosk_app.h"
#include "stats_report.h"

namespace kiosk::app {
namespace {

using playback::SteadyTime;

std::filesystem::path screenshot_path(const std::filesystem::path& base, std::size_t screen) {
    if (screen == 0) {
        return base;
    }
    std::filesystem::path path = base;
    path.replace_filename(base.stem().string() + "-" + std::to_string(screen) + base.extension().string());
    return path;
}

void write_report(const Kiosk& kiosk, const KioskOptions& options, double wall_seconds) {
    if (!options.stats_json) {
        return;
    }
    std::vector<const playback::PlaybackStats*> stats;
    for (const KioskScreen& screen : kiosk.screens) {
        stats.push_back(&screen.player->stats());
    }
    nlohmann::json report = stats_report(stats, wall_seconds);
    if (kiosk.exhibits) {
        report["exhibit"] = exhibit_report(kiosk.exhibits->figures());
    }
    if (!write_stats_report(*options.stats_json, report)) {
        spdlog::error("cannot write {}", options.stats_json->string());
    }
}

}  // namespace

int run_main_loop(Kiosk& kiosk, const KioskOptions& options, StopSignals& stop,
                  const playback::Clock& clock) {
    const SteadyTime started_at = kiosk.started_at;
    // (SteadyTime::max(): never)
    SteadyTime screenshot_due = SteadyTime::max();
    if (options.screenshot) {
        screenshot_due = started_at + playback::to_duration(*options.screenshot_at);
    }
    SteadyTime run_ends = SteadyTime::max();
    if (options.run_for) {
        run_ends = started_at + playback::to_duration(*options.run_for);
    }
    bool screenshot_taken = false;
    stop.main_loop_started([&kiosk] { kiosk.inbox.wake(); });
    while (!stop.stop_requested()) {
        kiosk.inbox.deliver();
        const SteadyTime now = clock.now();
        const bool quit = kiosk.events->drain([&](const SDL_Event& event) {
            if (kiosk.exhibits) {
                kiosk.exhibits->handle(event, now);
            }
        });
        if (quit || (kiosk.exhibits && !kiosk.exhibits->step(now))) {
            break;
        }
        if (kiosk.schedule) {
            kiosk.schedule->step(now, kiosk.players);
        }
        for (KioskScreen& screen : kiosk.screens) {
            screen.player->step(now);
        }
        if (!screenshot_taken && now >= screenshot_due) {
            for (std::size_t index = 0; index < kiosk.screens.size(); ++index) {
                if (!kiosk.screens[index].output->save_screenshot(
                        screenshot_path(*options.screenshot, index))) {
                    spdlog::error("cannot write screenshot {}: {}", options.screenshot->string(),
                                  SDL_GetError());
                }
            }
            screenshot_taken = true;
        }
        const bool all_finished = std::all_of(kiosk.screens.begin(), kiosk.screens.end(),
                                              [](const KioskScreen& s) { return s.player->finished(); });
        if (all_finished || now >= run_ends) {
            break;
        }
        // Asleep until the first thing due; a worker's post or a touch wakes it sooner.
        SteadyTime wake = run_ends;
        if (!screenshot_taken) {
            wake = std::min(wake, screenshot_due);
        }
        for (const KioskScreen& screen : kiosk.screens) {
            wake = std::min(wake, screen.player->next_wake());
        }
        if (kiosk.schedule) {
            wake = std::min(wake, kiosk.schedule->next_wake(now));
        }
        if (kiosk.exhibits) {
            wake = std::min(wake, kiosk.exhibits->next_wake());
        }
        kiosk.events->wait_until(wake, clock);
    }

    stop.main_loop_stopped();
    std::int64_t items_played = 0;
    for (const KioskScreen& screen : kiosk.screens) {
        items_played += screen.player->stats().items_played;
    }
    write_report(kiosk, options, playback::Seconds(clock.now() - started_at).count());
    // Players stop their threads before their screens and sound devices go.
    for (KioskScreen& screen : kiosk.screens) {
        screen.player.reset();
    }
    const bool stopped = stop.stop_requested();  // a stop asked for is a clean end, whatever ran
    const bool scripted = options.input_script.has_value();
    if (scripted && !stopped && kiosk.exhibits->empty()) {
        spdlog::error("the input script ran without a touch exhibit: no good content package came");
        return kExitUsage;
    }
    if (scripted && kiosk.exhibits->script_failed()) {
        spdlog::error("the input script failed: a tap-text found nothing to tap");
        return kExitUsage;
    }
    if (scripted && kiosk.exhibits->shot_failed()) {
        spdlog::error("the input script's screenshots could not all be written");
        return kExitUsage;
    }
    return items_played == 0 && !options.run_for && !scripted && !stopped ? kExitNothingPlayable : kExitOk;
}

}  // namespace kiosk::app

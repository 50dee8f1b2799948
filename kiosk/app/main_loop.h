#pragma once
// The kiosk's one main loop. Each turn is a list of steps: take what the
// workers posted, read the window system's events, step the exhibits, the
// schedule and every screen's player, take a due screenshot; then sleep
// until the earliest of the next due picture, the next timer, a
// window-system event and a worker's post. Nothing polls.

#include "kiosk_options.h"
#include "kiosk_setup.h"
#include "stop_signals.h"

namespace kiosk::app {

// Runs `kiosk` until every limited programme is done, --run-for passes, the
// window system asks to quit, the input script says quit, or `stop` is asked
// to. Writes the --stats-json report and returns the exit status.
int run_main_loop(Kiosk& kiosk, const KioskOptions& options, StopSignals& stop, const playback::Clock& clock);

}  // namespace kiosk::app

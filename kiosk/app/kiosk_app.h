#pragma once
// The kiosk process: SDL, the screens and their players, and the one main
// loop that drives them.

#include "kiosk_config.h"
#include "kiosk_options.h"
#include "stop_signals.h"

namespace kiosk::app {

// Exit statuses (a contract: scripts and tests rely on them).
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;  // could not start: no display, no data directory or database
inline constexpr int kExitUsage = 2;   // a bad command line, configuration or input script
inline constexpr int kExitNothingPlayable = 3;

// Runs until every limited programme is done, --run-for passes, the window
// system asks to quit, or `stop` is asked to (then the status is kExitOk).
// Returns the exit status.
int run_kiosk(const KioskOptions& options, const KioskConfig& config, StopSignals& stop);

}  // namespace kiosk::app

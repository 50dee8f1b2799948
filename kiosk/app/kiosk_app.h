#pragma once
// The kiosk process: SDL, the screens and their players, and the one main
// loop that drives them.

#include "kiosk_config.h"
#include "kiosk_options.h"

namespace kiosk::app {

// Exit statuses (a contract: scripts and tests rely on them).
inline constexpr int kExitOk = 0;
inline constexpr int kExitCannotStart = 2;
inline constexpr int kExitNothingPlayable = 3;

// Runs until every limited programme is done, --run-for passes, or the
// window system asks to quit. Returns the exit status.
int run_kiosk(const KioskOptions& options, const KioskConfig& config);

}  // namespace kiosk::app

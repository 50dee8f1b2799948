#include "kiosk_app.h"

#include "kiosk_setup.h"
#include "main_loop.h"

namespace kiosk::app {

int run_kiosk(const KioskOptions& options, const KioskConfig& config, StopSignals& stop) {
    const playback::SteadyClock clock;
    auto kiosk = set_up_kiosk(options, config, clock);
    if (!kiosk) {
        return kiosk.error();
    }
    return run_main_loop(**kiosk, options, stop, clock);
}

}  // namespace kiosk::app

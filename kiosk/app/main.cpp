// kiosk: the Population Culture Window's screen software.

#include <malloc.h>

#include <cstdio>

#include <spdlog/spdlog.h>

#include "kiosk_app.h"
#include "kiosk_options.h"
#include "version_text.h"

int main(int argc, char** argv) {
    using namespace kiosk::app;
    // Every playlist item brings three short-lived decoder threads; left to
    // itself glibc gives threads up to 8 arenas per core, whose freed frame
    // buffers are not shared, and a kiosk running for months would carry
    // that fragmentation. Two arenas serve two cores.
    mallopt(M_ARENA_MAX, 2);
    // First, before any thread starts: every thread must leave SIGTERM and
    // SIGINT to StopSignals.
    StopSignals stop(kExitOk);
    auto options = parse_kiosk_options(argc, argv, [] { return version_text("kiosk"); });
    if (!options) {
        if (options.error().exit_code == 0) {
            std::fputs(options.error().output.c_str(), stdout);
            return 0;
        }
        std::fprintf(stderr, "kiosk: %s\nRun 'kiosk --help' for the options.\n",
                     options.error().message.c_str());
        return options.error().exit_code;
    }
    KioskConfig config;
    if (options->config) {
        auto loaded = load_kiosk_config(*options->config);
        if (!loaded) {
            std::fprintf(stderr, "kiosk: bad configuration: %s\n", loaded.error().message.c_str());
            return kExitUsage;
        }
        config = std::move(*loaded);
    }
    spdlog::set_level(spdlog::level::from_str(config.log_level));
    return run_kiosk(*options, config, stop);
}

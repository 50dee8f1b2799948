#include "version_text.h"

#include "build_version.h"
#include "media/media_probe.h"
#include "render/sdl_version.h"
#include "scheduler/schedule_store.h"

namespace kiosk::app {

std::string version_text(std::string_view program) {
    const std::string commit = KIOSK_COMMIT;
    return std::string(program) + " " + KIOSK_VERSION + (commit.empty() ? "" : " (commit " + commit + ")") +
           "\n" + render::sdl_library_versions() + ", " + media::media_library_versions() + ", " +
           scheduler::database_library_version() + "\n";
}

}  // namespace kiosk::app

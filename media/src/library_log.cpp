#include "media/library_log.h"

extern "C" {
#include <libavutil/log.h>
}

namespace media {

void set_library_log(LibraryLog level) {
    av_log_set_level(level == LibraryLog::quiet ? AV_LOG_QUIET : AV_LOG_ERROR);
}

}  // namespace media

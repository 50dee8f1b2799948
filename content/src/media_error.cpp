#include "content/media_error.h"

namespace content {

const char* to_string(MediaErrorKind kind) {
    switch (kind) {
        case MediaErrorKind::missing:
            return "missing";
        case MediaErrorKind::unreadable:
            return "unreadable";
        case MediaErrorKind::not_media:
            return "not media";
        case MediaErrorKind::unsupported:
            return "unsupported";
        case MediaErrorKind::too_large:
            return "too large";
        case MediaErrorKind::timed_out:
            return "timed out";
        case MediaErrorKind::damaged:
            return "damaged";
    }
    return "unknown";
}

}  // namespace content

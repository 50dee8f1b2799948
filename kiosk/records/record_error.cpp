#include "records/record_error.h"

namespace kiosk::records {

const char* to_string(RecordErrorKind kind) {
    switch (kind) {
        case RecordErrorKind::invalid:
            return "invalid";
        case RecordErrorKind::not_found:
            return "not found";
        case RecordErrorKind::conflict:
            return "conflict";
        case RecordErrorKind::unavailable:
            return "unavailable";
        case RecordErrorKind::busy:
            return "busy";
        case RecordErrorKind::incompatible:
            return "incompatible";
        case RecordErrorKind::corrupt:
            return "corrupt";
    }
    return "unknown";
}

}  // namespace kiosk::records

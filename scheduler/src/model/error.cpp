#include "scheduler/error.h"

namespace scheduler {

const char* to_string(ErrorKind kind) {
    switch (kind) {
        case ErrorKind::invalid_input:
            return "invalid input";
        case ErrorKind::not_found:
            return "not found";
        case ErrorKind::conflict:
            return "refused";
        case ErrorKind::unplayable:
            return "cannot play";
        case ErrorKind::busy:
            return "busy";
        case ErrorKind::storage:
            return "storage error";
        case ErrorKind::incompatible:
            return "incompatible database";
    }
    return "error";
}

}  // namespace scheduler

#pragma once
// How the records library reports a failure: a value, never an exception.
// The kind says what the caller may do about it; the message says what and
// where, in words staff can act on.

#include <string>

namespace kiosk::records {

enum class RecordErrorKind {
    invalid,       // the request or file is wrong (unknown category, bad phone, bad CSV row): fix it
    not_found,     // no consultation with that id
    conflict,      // refused: it would break something (a second rating, closing twice)
    unavailable,   // the disk is full or the database read-only: try again later; nothing was written
    busy,          // another program is writing (a large import): try again shortly; nothing was written
    incompatible,  // the database was written by a newer version of this software
    corrupt,       // the database file is damaged
};

struct RecordError {
    RecordErrorKind kind = RecordErrorKind::unavailable;
    std::string message;
};

const char* to_string(RecordErrorKind kind);

}  // namespace kiosk::records

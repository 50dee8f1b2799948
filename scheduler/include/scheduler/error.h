#pragma once
// How the scheduler reports a failure: a value, never an exception. The kind
// says what the caller may do about it; the message says what and where, in
// words staff can act on.

#include <string>

namespace scheduler {

enum class ErrorKind {
    invalid_input,  // the request or file is wrong: fix it and try again (the message says where)
    not_found,      // no such media, playlist, rule or zone: check the name or id
    conflict,       // refused because it would break something (in use, duplicate name, overlap)
    unplayable,     // a media file the player cannot play: the message gives the reason
    busy,           // the database stayed locked past the busy timeout: retry later
    storage,        // the database or a file could not be read or written: check the disk
    incompatible,   // the database was written by a newer version of this software
};

struct Error {
    ErrorKind kind;
    std::string message;
};

const char* to_string(ErrorKind kind);

}  // namespace scheduler

#pragma once
// FFmpeg writes its own warnings to stderr. The kiosk keeps its errors for
// the journal; kioskctl says each file's reason once, in its own words, and
// silences the rest.

namespace media {

enum class LibraryLog {
    errors,  // errors only, no warnings about every damaged packet
    quiet,   // nothing
};

// For the whole process; set once at start, before any file is opened.
void set_library_log(LibraryLog level);

}  // namespace media

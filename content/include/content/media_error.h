#pragma once

#include <string>

namespace content {

// Why a media file cannot be played. Every kind means the same thing to a
// player, "skip this item and log the reason"; the kinds differ in what staff
// should do about it, which is what the message tells them.
enum class MediaErrorKind {
    missing,      // no such file: it may appear later (a sync in progress)
    unreadable,   // permission denied or an I/O error
    not_media,    // no container format recognised, or no audio/video stream
    unsupported,  // a codec this machine cannot decode
    too_large,    // over the configured pixel or size limits
    timed_out,    // opening or reading did not finish within its deadline
    damaged,      // recognised, but no frame could be decoded
};

struct MediaError {
    MediaErrorKind kind;
    std::string message;
};

const char* to_string(MediaErrorKind kind);

}  // namespace content

#pragma once
// The one way this project opens a media file: local files only, bounded
// frame size, and every blocking libavformat call under a deadline. The probe
// and the player both come through here, so what staff are told is playable is
// exactly what the player will accept. For FFmpeg adapters only (target
// media_ffmpeg): everyone else asks media_probe.h.

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include <tl/expected.hpp>

#include "content/media_error.h"
#include "content/media_facts.h"
#include "media/ffmpeg_deleters.h"

namespace media {

// Interrupt callback state for one AVFormatContext. Thread-safe: the player
// arms it from the demuxer thread and aborts it from the main thread.
class IoDeadline {
  public:
    void arm(std::chrono::milliseconds budget);
    void abort() { m_aborted.store(true); }
    bool aborted() const { return m_aborted.load(); }
    bool expired() const;

    // For AVIOInterruptCB: opaque is an IoDeadline*.
    static int interrupt_callback(void* opaque);

  private:
    std::atomic<std::int64_t> m_deadline_ns{INT64_MAX};
    std::atomic<bool> m_aborted{false};
};

struct MediaInput {
    FormatContextPtr format;
    int video_stream = -1;  // -1 when absent
    int audio_stream = -1;  // -1 when absent
    bool is_still = false;  // a single picture (PNG, JPEG, ...), shown for a set time
};

// Opens `path`, reads stream information and picks the best video and audio
// streams. `deadline` must outlive the returned context.
tl::expected<MediaInput, content::MediaError> open_media_input(const std::filesystem::path& path,
                                                               const content::MediaLimits& limits,
                                                               IoDeadline& deadline);

// Clockwise rotation, in degrees 0/90/180/270, that the stream's display
// matrix asks for.
int display_rotation_degrees(const AVStream& stream);

// A decoder context for `stream`, opened with `thread_count` threads (0 lets
// libavcodec choose). `prepare` may set further fields before it opens.
tl::expected<CodecContextPtr, content::MediaError> open_decoder(
    const AVStream& stream, const content::MediaLimits& limits, int thread_count,
    const std::function<void(AVCodecContext&)>& prepare = {});

// "av_strerror" as a std::string.
std::string av_error_text(int error_code);

}  // namespace media

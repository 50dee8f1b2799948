#pragma once
// One playlist item being decoded, as the screen's player sees it: what the
// item holds, its first picture, and two queues of decoded pictures and sound.
// How the decoding is done (FFmpeg, on threads of the source's own, in
// ffmpeg_media_source.h; a script, in tests) is the source's business.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <tl/expected.hpp>

#include "bounded_queue.h"
#include "clock.h"
#include "content/media_error.h"
#include "content/media_facts.h"
#include "picture.h"

namespace kiosk::playback {

struct AudioFormat {
    int sample_rate = 48000;
    int channels = 2;  // interleaved float samples
};

struct SourceOptions {
    content::MediaLimits limits;
    std::optional<AudioFormat> audio;  // nothing: this screen has no sound, audio is not decoded
    int decoder_threads = 1;           // libavcodec threads per video decoder; 0 lets it choose
    bool hardware_decoding = true;     // VAAPI when the machine has it
    double still_seconds = 10.0;       // how long a still picture stays up
    // Item seconds to begin at: decoding starts at the keyframe at or before
    // it (an interrupted film resuming where it was cut). Stills ignore it.
    double start_seconds = 0.0;
};

struct VideoFrame {
    Picture picture;        // empty at end of stream
    double pts = 0.0;       // seconds from the item's start
    double duration = 0.0;  // from the container; 0 when it does not say
    bool end_of_stream = false;
};

struct AudioChunk {
    std::vector<float> samples;  // interleaved, in the source's AudioFormat
    double pts = 0.0;            // seconds from the item's start
    bool end_of_stream = false;
};

struct StreamInfo {
    bool has_video = false;
    bool has_audio = false;  // decoded audio (false when the screen has no sound)
    bool is_still = false;
    int width = 0;
    int height = 0;
    int rotation_degrees = 0;
    double nominal_frame_interval = 1.0 / 30.0;
    double duration = 0.0;  // seconds, as the container says; 0 when it does not
    bool hardware_decoding = false;
};

// Opened off the main thread (by the ItemPreparer), then owned and read by
// the screen's player on the main thread. Decoding runs ahead on the
// source's own threads into the two queues, which are the only place the
// player meets them. Destroying a source stops its decoding and returns
// promptly.
class MediaSource {
  public:
    virtual ~MediaSource() = default;

    virtual const StreamInfo& info() const = 0;
    virtual const std::filesystem::path& path() const = 0;

    // Blocks until the first picture (or, for sound only, the first sound)
    // is decoded; an error when the stream ends first or `clock` reaches
    // `deadline`. The first picture stays queued for the player.
    virtual tl::expected<void, content::MediaError> wait_for_first_frame(SteadyTime deadline,
                                                                         const Clock& clock) = 0;

    // The item's turn has come: decoding may run ahead by the full playing
    // depth instead of holding just the first picture.
    virtual void start_playing() = 0;

    // Pictures and sound in presentation order, each stream ending with an
    // end_of_stream entry. The player pops; the source pushes.
    virtual BoundedQueue<VideoFrame>& video_frames() = 0;
    virtual BoundedQueue<AudioChunk>& audio_chunks() = 0;

    // Packets that failed to decode; playback carries on past them. Any thread.
    virtual int decode_errors() const = 0;
};

// Opens one item (blocking I/O: called off the main thread). A refusal says
// why the item cannot play; the player skips it.
using MediaOpener = std::function<tl::expected<std::unique_ptr<MediaSource>, content::MediaError>(
    const std::filesystem::path& path, const SourceOptions& options)>;

}  // namespace kiosk::playback

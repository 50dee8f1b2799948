#pragma once
// One playlist item being demuxed and decoded. FFmpeg runs on three threads of
// the source's own (demuxer, video decoder, audio decoder); the screen's
// player meets them only at the two frame queues below. Destroying a source
// aborts its queues and joins its threads.

#include <atomic>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <tl/expected.hpp>

#include "bounded_queue.h"
#include "clock.h"
#include "content/ffmpeg_deleters.h"
#include "content/media_error.h"
#include "content/media_input.h"

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
};

struct VideoFrame {
    content::FramePtr frame;  // yuv420p, yuvj420p or nv12 in system memory; null at end of stream
    double pts = 0.0;         // seconds from the item's start
    double duration = 0.0;    // from the container; 0 when it does not say
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
    bool hardware_decoding = false;
};

class MediaSource {
  public:
    // Opens the file and its decoders and starts decoding (blocking I/O: call
    // it off the main thread). Frames queue up to the preroll depth until
    // start_playing().
    static tl::expected<std::unique_ptr<MediaSource>, content::MediaError> open(
        const std::filesystem::path& path, const SourceOptions& options);
    ~MediaSource();
    MediaSource(const MediaSource&) = delete;
    MediaSource& operator=(const MediaSource&) = delete;

    const StreamInfo& info() const { return m_info; }
    const std::filesystem::path& path() const { return m_path; }

    // Blocks until the first picture (or, for sound only, the first audio)
    // is decoded; an error when the stream ends first or `deadline` passes.
    tl::expected<void, content::MediaError> wait_for_first_frame(SteadyTime deadline);

    // Lets the decoders run ahead by the full playing depth.
    void start_playing();

    BoundedQueue<VideoFrame>& video_frames() { return m_video_frames; }
    BoundedQueue<AudioChunk>& audio_chunks() { return m_audio_chunks; }

    // Packets that failed to decode; playback carries on past them.
    int decode_errors() const { return m_decode_errors.load(); }

  private:
    struct Streams;
    MediaSource(std::filesystem::path path, const SourceOptions& options);

    void run_demuxer();
    void run_video_decoder();
    void run_audio_decoder();
    void stop();

    std::filesystem::path m_path;
    SourceOptions m_options;
    StreamInfo m_info;
    content::IoDeadline m_io_deadline;  // outlives m_streams: the format context calls into it
    std::unique_ptr<Streams> m_streams;
    BoundedQueue<content::PacketPtr> m_video_packets;
    BoundedQueue<content::PacketPtr> m_audio_packets;
    BoundedQueue<VideoFrame> m_video_frames;
    BoundedQueue<AudioChunk> m_audio_chunks;
    std::atomic<int> m_decode_errors{0};
    std::atomic<bool> m_stopping{false};
    std::vector<std::thread> m_threads;
};

}  // namespace kiosk::playback

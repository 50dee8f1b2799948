#pragma once
// A playlist item decoded by FFmpeg on three threads of the source's own
// (demuxer, video decoder, audio decoder), which meet the player only at the
// MediaSource queues. Destroying it requests their stop, aborts every queue
// and joins them.

#include <atomic>
#include <filesystem>
#include <memory>
#include <thread>

#include <tl/expected.hpp>

#include "media_source.h"

namespace kiosk::playback {

class FfmpegMediaSource final : public MediaSource {
  public:
    // Opens the file and its decoders, seeks to options.start_seconds and
    // starts decoding (blocking I/O: call it off the main thread). Pictures
    // queue up to the preroll depth until start_playing().
    static tl::expected<std::unique_ptr<MediaSource>, content::MediaError> open(
        const std::filesystem::path& path, const SourceOptions& options);
    ~FfmpegMediaSource() override;
    FfmpegMediaSource(const FfmpegMediaSource&) = delete;
    FfmpegMediaSource& operator=(const FfmpegMediaSource&) = delete;

    const StreamInfo& info() const override { return m_info; }
    const std::filesystem::path& path() const override { return m_path; }
    tl::expected<void, content::MediaError> wait_for_first_frame(SteadyTime deadline,
                                                                 const Clock& clock) override;
    void start_playing() override;
    BoundedQueue<VideoFrame>& video_frames() override { return m_video_frames; }
    BoundedQueue<AudioChunk>& audio_chunks() override { return m_audio_chunks; }
    int decode_errors() const override { return m_decode_errors.load(); }

  private:
    struct Streams;  // the FFmpeg side: input, decoders, packet queues
    FfmpegMediaSource(std::filesystem::path path, const SourceOptions& options);

    void run_demuxer(std::stop_token stop);
    void run_video_decoder();
    void run_audio_decoder();

    std::filesystem::path m_path;
    SourceOptions m_options;
    StreamInfo m_info;
    std::unique_ptr<Streams> m_streams;
    BoundedQueue<VideoFrame> m_video_frames;
    BoundedQueue<AudioChunk> m_audio_chunks;
    std::atomic<int> m_decode_errors{0};
    // Last, so they are joined before anything they use is destroyed.
    std::jthread m_demuxer;
    std::jthread m_video_decoder;
    std::jthread m_audio_decoder;
};

}  // namespace kiosk::playback

#include "ffmpeg_media_source.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <optional>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>

#include "hardware_decoding.h"
#include "media/ffmpeg_deleters.h"
#include "media/media_input.h"

extern "C" {
#include <libavutil/channel_layout.h>
#include <libavutil/hwcontext.h>
#include <libavutil/opt.h>
}

namespace kiosk::playback {
namespace {

using content::MediaError;
using content::MediaErrorKind;

// Packets buffered per stream between demuxer and decoder: about two seconds
// of 30 fps video or 48 kHz AAC, well beyond the interleaving of any sane
// file, so one stream's decoder never starves while the other's queue is full.
constexpr std::size_t kPacketQueueDepth = 64;
// Decoded pictures queued ahead of the screen while playing. The player
// holds the picture due next besides, so with this one and the one being
// decoded a screen has two frame intervals of slack; each 1080p picture is
// 3 MB, and four screens share one machine.
constexpr std::size_t kPlayingVideoDepth = 1;
// Decoded pictures held by an item that is waiting its turn: just the first,
// so the switch can show it on the very next frame slot.
constexpr std::size_t kPrerollVideoDepth = 1;
static_assert(kPrerollVideoDepth <= kPlayingVideoDepth);
// Audio chunks buffered ahead (a chunk is one codec frame, ~20 ms).
constexpr std::size_t kAudioChunkDepth = 48;

double seconds(int64_t timestamp, AVRational time_base) {
    return static_cast<double>(timestamp) * av_q2d(time_base);
}

bool shows_directly(int format) {
    return format == AV_PIX_FMT_YUV420P || format == AV_PIX_FMT_YUVJ420P || format == AV_PIX_FMT_NV12;
}

// A decoded frame as the pixels of a Picture.
struct FrameStorage final : PictureStorage {
    explicit FrameStorage(media::FramePtr decoded) : frame(std::move(decoded)) {}
    media::FramePtr frame;
};

// `frame` is one of the formats shows_directly() accepts.
Picture to_picture(media::FramePtr frame) {
    PictureFormat format;
    format.layout = frame->format == AV_PIX_FMT_NV12 ? PixelLayout::nv12 : PixelLayout::yuv420p;
    format.width = frame->width;
    format.height = frame->height;
    format.range = frame->color_range == AVCOL_RANGE_JPEG || frame->format == AV_PIX_FMT_YUVJ420P
                       ? ColourRange::full
                       : ColourRange::limited;
    switch (frame->colorspace) {
        case AVCOL_SPC_BT709:
            format.matrix = ColourMatrix::bt709;
            break;
        case AVCOL_SPC_BT470BG:
        case AVCOL_SPC_SMPTE170M:
            format.matrix = ColourMatrix::bt601;
            break;
        default:
            format.matrix = ColourMatrix::unspecified;
            break;
    }
    std::array<PicturePlane, 3> planes{};
    for (std::size_t index = 0; index < planes.size(); ++index) {
        planes[index] = PicturePlane{frame->data[index], frame->linesize[index]};
    }
    return Picture(format, planes, std::make_unique<FrameStorage>(std::move(frame)));
}

}  // namespace

struct FfmpegMediaSource::Streams {
    Streams() : video_packets(kPacketQueueDepth), audio_packets(kPacketQueueDepth) {}

    media::IoDeadline io_deadline;  // outlives input: the format context calls into it
    media::MediaInput input;
    media::CodecContextPtr video_decoder;
    media::CodecContextPtr audio_decoder;
    media::SwsContextPtr scaler;     // only for pixel formats the screen cannot take
    media::SwrContextPtr resampler;  // created from the first audio frame
    double origin_seconds = 0.0;     // container start time: item second 0
    AVRational video_time_base{1, 1};
    AVRational audio_time_base{1, 1};
    BoundedQueue<media::PacketPtr> video_packets;
    BoundedQueue<media::PacketPtr> audio_packets;
};

FfmpegMediaSource::FfmpegMediaSource(std::filesystem::path path, const SourceOptions& options)
    : m_path(std::move(path)),
      m_options(options),
      m_video_frames(kPrerollVideoDepth),
      m_audio_chunks(kAudioChunkDepth) {}

tl::expected<std::unique_ptr<MediaSource>, MediaError> FfmpegMediaSource::open(
    const std::filesystem::path& path, const SourceOptions& options) {
    std::unique_ptr<FfmpegMediaSource> source(new FfmpegMediaSource(path, options));
    auto streams = std::make_unique<Streams>();
    auto input = media::open_media_input(path, options.limits, streams->io_deadline);
    if (!input) {
        return tl::unexpected(input.error());
    }
    streams->input = std::move(*input);
    AVFormatContext& format = *streams->input.format;
    if (format.start_time != AV_NOPTS_VALUE) {
        streams->origin_seconds = seconds(format.start_time, AV_TIME_BASE_Q);
    }

    StreamInfo& info = source->m_info;
    info.is_still = streams->input.is_still;
    if (format.duration > 0) {
        info.duration = seconds(format.duration, AV_TIME_BASE_Q);
    }
    if (streams->input.video_stream >= 0) {
        AVStream& stream = *format.streams[streams->input.video_stream];
        const bool want_hardware = options.hardware_decoding && !info.is_still;
        auto decoder = media::open_decoder(
            stream, options.limits, options.decoder_threads, [&](AVCodecContext& context) {
                info.hardware_decoding = want_hardware && attach_hardware_decoder(context);
            });
        if (!decoder) {
            return tl::unexpected(decoder.error());
        }
        streams->video_decoder = std::move(*decoder);
        streams->video_time_base = stream.time_base;
        info.has_video = true;
        info.width = stream.codecpar->width;
        info.height = stream.codecpar->height;
        info.rotation_degrees = media::display_rotation_degrees(stream);
        const AVRational rate = av_guess_frame_rate(&format, &stream, nullptr);
        if (rate.num > 0 && rate.den > 0) {
            info.nominal_frame_interval = 1.0 / av_q2d(rate);
        }
    }
    if (streams->input.audio_stream >= 0 && options.audio) {
        AVStream& stream = *format.streams[streams->input.audio_stream];
        auto decoder = media::open_decoder(stream, options.limits, 1);
        if (!decoder) {
            // A film whose sound cannot be decoded still has its picture.
            if (!info.has_video) {
                return tl::unexpected(decoder.error());
            }
            spdlog::warn("{}: playing without sound: {}", path.string(), decoder.error().message);
        } else {
            streams->audio_decoder = std::move(*decoder);
            streams->audio_time_base = stream.time_base;
            info.has_audio = true;
        }
    }
    if (!info.has_video && !info.has_audio) {
        return tl::unexpected(
            MediaError{MediaErrorKind::not_media, "no picture, and this screen has no sound"});
    }
    if (options.start_seconds > 0.0 && !info.is_still) {
        // To the keyframe at or before the start: the first picture decoded
        // is a whole one, and the player places it at its own time.
        const auto target = static_cast<int64_t>(
            std::floor((streams->origin_seconds + options.start_seconds) * AV_TIME_BASE));
        streams->io_deadline.arm(options.limits.read_deadline);
        const int result = avformat_seek_file(&format, -1, INT64_MIN, target, target, 0);
        if (result < 0) {
            spdlog::warn("{}: cannot start at {:.1f} s, playing from the start: {}", path.string(),
                         options.start_seconds, media::av_error_text(result));
        }
    }
    source->m_streams = std::move(streams);

    FfmpegMediaSource& self = *source;
    self.m_demuxer = std::jthread([&self](std::stop_token stop) { self.run_demuxer(std::move(stop)); });
    if (info.has_video) {
        self.m_video_decoder = std::jthread([&self] { self.run_video_decoder(); });
    }
    if (info.has_audio) {
        self.m_audio_decoder = std::jthread([&self] { self.run_audio_decoder(); });
    }
    return source;
}

FfmpegMediaSource::~FfmpegMediaSource() {
    m_demuxer.request_stop();
    if (m_streams) {
        m_streams->io_deadline.abort();
        m_streams->video_packets.abort();
        m_streams->audio_packets.abort();
    }
    m_video_frames.abort();
    m_audio_chunks.abort();
    // The threads are joined as members, before m_streams goes.
}

tl::expected<void, MediaError> FfmpegMediaSource::wait_for_first_frame(SteadyTime deadline,
                                                                       const Clock& clock) {
    auto first_is_real = [](const auto& item) { return !item.end_of_stream; };
    bool ready = false;
    bool real = false;
    // In slices of real time, so a deadline on a clock that is not the steady
    // clock (a test's) is still noticed.
    constexpr auto kSlice = std::chrono::milliseconds(20);
    while (!ready) {
        const auto left = deadline - clock.now();
        if (left <= SteadyTime::duration::zero()) {
            break;
        }
        const auto until = std::chrono::steady_clock::now() + std::min<SteadyTime::duration>(left, kSlice);
        ready = m_info.has_video ? m_video_frames.wait_until_not_empty(until)
                                 : m_audio_chunks.wait_until_not_empty(until);
    }
    if (m_info.has_video) {
        ready = m_video_frames.peek([&](const VideoFrame& frame) { real = first_is_real(frame); });
    } else {
        ready = m_audio_chunks.peek([&](const AudioChunk& chunk) { real = first_is_real(chunk); });
    }
    if (!ready) {
        return tl::unexpected(MediaError{MediaErrorKind::timed_out, "first frame not decoded in time"});
    }
    if (!real) {
        return tl::unexpected(MediaError{MediaErrorKind::damaged, "no frame could be decoded"});
    }
    return {};
}

void FfmpegMediaSource::start_playing() {
    m_video_frames.set_capacity(kPlayingVideoDepth);
}

void FfmpegMediaSource::run_demuxer(std::stop_token stop) {
    AVFormatContext& format = *m_streams->input.format;
    const int video_index = m_info.has_video ? m_streams->input.video_stream : -1;
    const int audio_index = m_info.has_audio ? m_streams->input.audio_stream : -1;
    Streams& streams = *m_streams;
    while (!stop.stop_requested()) {
        media::PacketPtr packet(av_packet_alloc());
        streams.io_deadline.arm(m_options.limits.read_deadline);
        const int result = av_read_frame(&format, packet.get());
        if (result < 0) {
            if (result != AVERROR_EOF && !stop.stop_requested()) {
                spdlog::warn("{}: stopped reading early: {}", m_path.string(), media::av_error_text(result));
            }
            break;
        }
        bool delivered = true;
        if (packet->stream_index == video_index) {
            delivered = streams.video_packets.push(std::move(packet));
        } else if (packet->stream_index == audio_index) {
            delivered = streams.audio_packets.push(std::move(packet));
        }
        if (!delivered) {
            return;  // aborted
        }
    }
    // A null packet tells each decoder to drain and finish.
    streams.video_packets.push(nullptr);
    streams.audio_packets.push(nullptr);
}

void FfmpegMediaSource::run_video_decoder() {
    AVCodecContext& decoder = *m_streams->video_decoder;
    media::FramePtr decoded(av_frame_alloc());
    double last_pts = -m_info.nominal_frame_interval;
    bool sent_still = false;

    auto deliver = [&](AVFrame& frame) -> bool {
        media::FramePtr picture(av_frame_alloc());
        if (frame.format == AV_PIX_FMT_VAAPI) {
            if (av_hwframe_transfer_data(picture.get(), &frame, 0) < 0) {
                ++m_decode_errors;
                return true;
            }
            av_frame_copy_props(picture.get(), &frame);
        } else if (!shows_directly(frame.format)) {
            // Pictures the screen cannot take as planes (4:4:4, RGB, 10-bit)
            // are converted once here, off the main thread.
            m_streams->scaler.reset(
                sws_getCachedContext(m_streams->scaler.release(), frame.width, frame.height,
                                     static_cast<AVPixelFormat>(frame.format), frame.width, frame.height,
                                     AV_PIX_FMT_YUV420P, SWS_BILINEAR, nullptr, nullptr, nullptr));
            picture->format = AV_PIX_FMT_YUV420P;
            picture->width = frame.width;
            picture->height = frame.height;
            if (!m_streams->scaler || av_frame_get_buffer(picture.get(), 0) < 0) {
                ++m_decode_errors;
                return true;
            }
            sws_scale(m_streams->scaler.get(), frame.data, frame.linesize, 0, frame.height, picture->data,
                      picture->linesize);
            av_frame_copy_props(picture.get(), &frame);
        } else {
            av_frame_move_ref(picture.get(), &frame);
        }
        VideoFrame video;
        const int64_t timestamp = picture->best_effort_timestamp;
        video.pts = timestamp == AV_NOPTS_VALUE
                        ? last_pts + m_info.nominal_frame_interval
                        : seconds(timestamp, m_streams->video_time_base) - m_streams->origin_seconds;
        last_pts = video.pts;
        if (picture->pkt_duration > 0) {
            video.duration = seconds(picture->pkt_duration, m_streams->video_time_base);
        }
        if (m_info.is_still) {
            video.pts = 0.0;
            video.duration = m_options.still_seconds;
            sent_still = true;
        }
        video.picture = to_picture(std::move(picture));
        return m_video_frames.push(std::move(video));
    };

    auto receive_all = [&]() -> bool {
        while (true) {
            const int result = avcodec_receive_frame(&decoder, decoded.get());
            if (result == AVERROR(EAGAIN) || result == AVERROR_EOF) {
                return true;
            }
            if (result < 0) {
                ++m_decode_errors;
                return true;
            }
            const bool delivered = (m_info.is_still && sent_still) || deliver(*decoded);
            av_frame_unref(decoded.get());
            if (!delivered) {
                return false;
            }
        }
    };

    while (auto packet = m_streams->video_packets.pop()) {
        const bool draining = *packet == nullptr;
        if (avcodec_send_packet(&decoder, packet->get()) < 0 && !draining) {
            ++m_decode_errors;  // a damaged packet: decode past it
        }
        if (!receive_all()) {
            return;
        }
        if (draining) {
            m_video_frames.push(VideoFrame{Picture{}, last_pts, 0.0, true});
            return;
        }
    }
}

void FfmpegMediaSource::run_audio_decoder() {
    AVCodecContext& decoder = *m_streams->audio_decoder;
    const AudioFormat output = *m_options.audio;
    const auto channels = static_cast<std::size_t>(output.channels);
    const AVRational time_base = m_streams->audio_time_base;
    media::FramePtr decoded(av_frame_alloc());
    AVChannelLayout output_layout;
    av_channel_layout_default(&output_layout, output.channels);
    double last_end = 0.0;
    // The newest chunk is queued only when the next one is decoded: until
    // the stream ends nobody knows it is the last, and the last may need
    // trimming to where the container says the sound ends.
    std::optional<AudioChunk> held;
    // Item seconds at which the newest frame's packet says its sound ends,
    // when that is short of what the decoder gave. Codecs decode whole
    // frames; an MP4 edit list marks the rest of the last one as padding
    // (AAC: up to 1023 samples, 21 ms), which libavformat 5.1 leaves in.
    // Left in, it would make every item with sound that much longer than
    // its pictures, and every join that much late.
    std::optional<double> declared_end;

    auto queue = [&](AudioChunk chunk) -> bool {
        std::optional<AudioChunk> ready = std::exchange(held, std::move(chunk));
        return !ready || m_audio_chunks.push(std::move(*ready));
    };

    auto deliver = [&](AVFrame& frame) -> bool {
        if (!m_streams->resampler) {
            SwrContext* resampler = nullptr;
            if (swr_alloc_set_opts2(&resampler, &output_layout, AV_SAMPLE_FMT_FLT, output.sample_rate,
                                    &frame.ch_layout, static_cast<AVSampleFormat>(frame.format),
                                    frame.sample_rate, 0, nullptr) < 0 ||
                swr_init(resampler) < 0) {
                swr_free(&resampler);
                ++m_decode_errors;
                return true;
            }
            m_streams->resampler.reset(resampler);
        }
        SwrContext* resampler = m_streams->resampler.get();
        const int64_t timestamp = frame.best_effort_timestamp;
        const double delay =
            static_cast<double>(swr_get_delay(resampler, output.sample_rate)) / output.sample_rate;
        AudioChunk chunk;
        chunk.pts = timestamp == AV_NOPTS_VALUE
                        ? last_end
                        : seconds(timestamp, time_base) - m_streams->origin_seconds - delay;
        declared_end.reset();
        if (frame.pkt_duration > 0 && frame.sample_rate > 0) {
            const double declared = seconds(frame.pkt_duration, time_base);
            const double decoded_length = static_cast<double>(frame.nb_samples) / frame.sample_rate;
            // Within one tick of the time base the two are the same length,
            // rounded (Matroska keeps milliseconds).
            if (decoded_length - declared > av_q2d(time_base)) {
                declared_end = chunk.pts + delay + declared;
            }
        }
        const int capacity = swr_get_out_samples(resampler, frame.nb_samples);
        chunk.samples.resize(static_cast<std::size_t>(capacity) * channels);
        auto* out = reinterpret_cast<uint8_t*>(chunk.samples.data());
        const int converted = swr_convert(resampler, &out, capacity,
                                          const_cast<const uint8_t**>(frame.extended_data), frame.nb_samples);
        if (converted <= 0) {
            return true;
        }
        chunk.samples.resize(static_cast<std::size_t>(converted) * channels);
        last_end = chunk.pts + static_cast<double>(converted) / output.sample_rate;
        return queue(std::move(chunk));
    };

    // What the resampler still holds at the end of the stream (a few
    // milliseconds when rates differ) is the end of the last chunk.
    auto flush_resampler = [&] {
        SwrContext* resampler = m_streams->resampler.get();
        if (resampler == nullptr) {
            return;
        }
        const auto pending = static_cast<int>(swr_get_delay(resampler, output.sample_rate));
        if (pending <= 0) {
            return;
        }
        if (!held) {
            held = AudioChunk{{}, last_end, false};
        }
        std::vector<float>& samples = held->samples;
        const std::size_t before = samples.size();
        samples.resize(before + static_cast<std::size_t>(pending) * channels);
        auto* out = reinterpret_cast<uint8_t*>(samples.data() + before);
        const int converted = std::max(0, swr_convert(resampler, &out, pending, nullptr, 0));
        samples.resize(before + static_cast<std::size_t>(converted) * channels);
        last_end += static_cast<double>(converted) / output.sample_rate;
    };

    // The last chunk ends where its frame's packet says the sound ends. It
    // starts at or before that frame's start, so no earlier chunk reaches
    // past that end.
    auto finish = [&] {
        flush_resampler();
        if (held && declared_end) {
            const double kept = std::max(0.0, (*declared_end - held->pts) * output.sample_rate);
            const std::size_t frames =
                std::min(held->samples.size() / channels, static_cast<std::size_t>(std::llround(kept)));
            held->samples.resize(frames * channels);
            last_end = held->pts + static_cast<double>(frames) / output.sample_rate;
        }
        if (held && !held->samples.empty()) {
            m_audio_chunks.push(std::move(*held));
        }
        held.reset();
        m_audio_chunks.push(AudioChunk{{}, last_end, true});
    };

    while (auto packet = m_streams->audio_packets.pop()) {
        const bool draining = *packet == nullptr;
        if (avcodec_send_packet(&decoder, packet->get()) < 0 && !draining) {
            ++m_decode_errors;
        }
        while (true) {
            const int result = avcodec_receive_frame(&decoder, decoded.get());
            if (result < 0) {
                if (result != AVERROR(EAGAIN) && result != AVERROR_EOF) {
                    ++m_decode_errors;
                }
                break;
            }
            const bool delivered = deliver(*decoded);
            av_frame_unref(decoded.get());
            if (!delivered) {
                av_channel_layout_uninit(&output_layout);
                return;
            }
        }
        if (draining) {
            finish();
            break;
        }
    }
    av_channel_layout_uninit(&output_layout);
}

}  // namespace kiosk::playback

#include "media/media_input.h"

#include <cmath>
#include <string_view>
#include <system_error>

extern "C" {
#include <libavutil/display.h>
}

namespace media {

using content::MediaError;
using content::MediaErrorKind;
using content::MediaLimits;

namespace {

std::int64_t steady_now_ns() {
    return std::chrono::duration_cast<std::chrono::nanoseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

MediaError error(MediaErrorKind kind, std::string message) {
    return MediaError{kind, std::move(message)};
}

bool is_still_format(const AVFormatContext& format) {
    const std::string_view name = format.iformat->name;
    return name == "image2" || name.ends_with("_pipe");
}

}  // namespace

void IoDeadline::arm(std::chrono::milliseconds budget) {
    m_deadline_ns.store(steady_now_ns() + std::chrono::nanoseconds(budget).count());
}

bool IoDeadline::expired() const {
    return steady_now_ns() > m_deadline_ns.load();
}

int IoDeadline::interrupt_callback(void* opaque) {
    const auto* deadline = static_cast<const IoDeadline*>(opaque);
    return deadline->aborted() || deadline->expired() ? 1 : 0;
}

std::string av_error_text(int error_code) {
    char text[AV_ERROR_MAX_STRING_SIZE] = {};
    av_strerror(error_code, text, sizeof text);
    return text;
}

tl::expected<MediaInput, MediaError> open_media_input(const std::filesystem::path& path,
                                                      const MediaLimits& limits, IoDeadline& deadline) {
    std::error_code fs_error;
    const auto status = std::filesystem::status(path, fs_error);
    if (!std::filesystem::exists(status)) {
        return tl::unexpected(error(MediaErrorKind::missing, "no such file"));
    }
    if (!std::filesystem::is_regular_file(status)) {
        return tl::unexpected(error(MediaErrorKind::not_media, "not a regular file"));
    }
    if (std::filesystem::file_size(path, fs_error) == 0) {
        return tl::unexpected(error(MediaErrorKind::not_media, "empty file"));
    }

    AVFormatContext* raw = avformat_alloc_context();
    if (raw == nullptr) {
        return tl::unexpected(error(MediaErrorKind::unreadable, "out of memory"));
    }
    raw->interrupt_callback = AVIOInterruptCB{&IoDeadline::interrupt_callback, &deadline};
    AVDictionary* options = nullptr;
    // Playlists and manifests may name only local files: no network, no
    // concat/subfile tricks that reach outside the named file.
    av_dict_set(&options, "protocol_whitelist", "file", 0);
    deadline.arm(limits.open_deadline);
    const int open_result = avformat_open_input(&raw, path.c_str(), nullptr, &options);
    av_dict_free(&options);
    if (open_result < 0) {
        // avformat_open_input frees the context on failure.
        if (deadline.expired()) {
            return tl::unexpected(error(MediaErrorKind::timed_out, "opening took too long"));
        }
        if (open_result == AVERROR(EACCES) || open_result == AVERROR(EIO)) {
            return tl::unexpected(error(MediaErrorKind::unreadable, av_error_text(open_result)));
        }
        return tl::unexpected(error(MediaErrorKind::not_media,
                                    "not a recognised media file (" + av_error_text(open_result) + ")"));
    }
    MediaInput input;
    input.format.reset(raw);

    const int info_result = avformat_find_stream_info(raw, nullptr);
    if (info_result < 0) {
        if (deadline.expired()) {
            return tl::unexpected(
                error(MediaErrorKind::timed_out, "reading stream information took too long"));
        }
        return tl::unexpected(error(MediaErrorKind::damaged,
                                    "cannot read stream information (" + av_error_text(info_result) + ")"));
    }

    input.video_stream = av_find_best_stream(raw, AVMEDIA_TYPE_VIDEO, -1, -1, nullptr, 0);
    if (input.video_stream >= 0 &&
        (raw->streams[input.video_stream]->disposition & AV_DISPOSITION_ATTACHED_PIC) != 0) {
        input.video_stream = -1;  // cover art of an audio file is not a picture programme
    }
    input.audio_stream = av_find_best_stream(raw, AVMEDIA_TYPE_AUDIO, -1, input.video_stream, nullptr, 0);
    if (input.video_stream < 0 && input.audio_stream < 0) {
        return tl::unexpected(error(MediaErrorKind::not_media, "no audio or video stream"));
    }
    if (input.video_stream < 0) {
        input.video_stream = -1;
    }
    if (input.audio_stream < 0) {
        input.audio_stream = -1;
    }
    input.is_still = input.video_stream >= 0 && input.audio_stream < 0 && is_still_format(*raw);

    if (input.video_stream >= 0) {
        const AVCodecParameters& video = *raw->streams[input.video_stream]->codecpar;
        if (video.width <= 0 || video.height <= 0) {
            return tl::unexpected(error(MediaErrorKind::damaged, "video stream has no picture size"));
        }
        if (static_cast<std::int64_t>(video.width) * video.height > limits.max_pixels) {
            return tl::unexpected(error(MediaErrorKind::too_large, "picture " + std::to_string(video.width) +
                                                                       "x" + std::to_string(video.height) +
                                                                       " is larger than allowed"));
        }
    }
    return input;
}

int display_rotation_degrees(const AVStream& stream) {
    const auto* matrix = reinterpret_cast<const int32_t*>(
        av_stream_get_side_data(&stream, AV_PKT_DATA_DISPLAYMATRIX, nullptr));
    if (matrix == nullptr) {
        return 0;
    }
    const double counter_clockwise = av_display_rotation_get(matrix);
    if (std::isnan(counter_clockwise)) {
        return 0;
    }
    // Snap to quarter turns: screens show only those, and matrices written by
    // phones carry rounding noise.
    const long quarter_turns = std::lround(-counter_clockwise / 90.0);
    return static_cast<int>(((quarter_turns % 4) + 4) % 4) * 90;
}

tl::expected<CodecContextPtr, MediaError> open_decoder(const AVStream& stream, const MediaLimits& limits,
                                                       int thread_count,
                                                       const std::function<void(AVCodecContext&)>& prepare) {
    const AVCodec* codec = avcodec_find_decoder(stream.codecpar->codec_id);
    if (codec == nullptr) {
        return tl::unexpected(
            error(MediaErrorKind::unsupported,
                  std::string("no decoder for codec ") + avcodec_get_name(stream.codecpar->codec_id)));
    }
    CodecContextPtr context(avcodec_alloc_context3(codec));
    if (!context) {
        return tl::unexpected(error(MediaErrorKind::unreadable, "out of memory"));
    }
    int result = avcodec_parameters_to_context(context.get(), stream.codecpar);
    if (result < 0) {
        return tl::unexpected(error(MediaErrorKind::unsupported, av_error_text(result)));
    }
    context->pkt_timebase = stream.time_base;
    context->thread_count = thread_count;
    context->max_pixels = limits.max_pixels;
    if (prepare) {
        prepare(*context);
    }
    result = avcodec_open2(context.get(), codec, nullptr);
    if (result < 0) {
        return tl::unexpected(
            error(MediaErrorKind::unsupported,
                  std::string("cannot open ") + codec->name + " decoder (" + av_error_text(result) + ")"));
    }
    return context;
}

}  // namespace media

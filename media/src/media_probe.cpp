#include "media/media_probe.h"

extern "C" {
#include <libavcodec/avcodec.h>
#include <libavformat/avformat.h>
#include <libavutil/pixdesc.h>
#include <libavutil/version.h>
}

#include "media/media_input.h"

namespace media {

using content::AudioFacts;
using content::MediaError;
using content::MediaErrorKind;
using content::MediaFacts;
using content::MediaLimits;
using content::VideoFacts;

namespace {

// Packets read while looking for the first decodable frame before the file is
// called damaged: enough to pass a broken start, small enough to stay quick.
constexpr int kMaxPacketsForFirstFrame = 600;

tl::expected<void, MediaError> decode_first_frame(AVFormatContext& format, int stream_index,
                                                  AVCodecContext& decoder) {
    PacketPtr packet(av_packet_alloc());
    FramePtr frame(av_frame_alloc());
    for (int read = 0; read < kMaxPacketsForFirstFrame; ++read) {
        const int result = av_read_frame(&format, packet.get());
        if (result < 0) {
            avcodec_send_packet(&decoder, nullptr);  // drain what the decoder holds
        } else if (packet->stream_index != stream_index) {
            av_packet_unref(packet.get());
            continue;
        } else {
            avcodec_send_packet(&decoder, packet.get());
            av_packet_unref(packet.get());
        }
        if (avcodec_receive_frame(&decoder, frame.get()) == 0) {
            return {};
        }
        if (result < 0) {
            break;
        }
    }
    return tl::unexpected(MediaError{MediaErrorKind::damaged, "no frame could be decoded"});
}

}  // namespace

tl::expected<MediaFacts, MediaError> probe_media(const std::filesystem::path& path,
                                                 const MediaLimits& limits) {
    IoDeadline deadline;
    auto input = open_media_input(path, limits, deadline);
    if (!input) {
        return tl::unexpected(input.error());
    }
    AVFormatContext& format = *input->format;
    MediaFacts facts;
    facts.container = format.iformat->name;
    facts.is_still = input->is_still;
    if (format.duration > 0 && !input->is_still) {
        facts.duration_seconds = static_cast<double>(format.duration) / AV_TIME_BASE;
    }

    int checked_stream = -1;
    CodecContextPtr checked_decoder;
    if (input->audio_stream >= 0) {
        const AVStream& stream = *format.streams[input->audio_stream];
        auto decoder = open_decoder(stream, limits, 1);
        if (decoder) {
            facts.audio = AudioFacts{avcodec_get_name(stream.codecpar->codec_id),
                                     stream.codecpar->sample_rate, stream.codecpar->ch_layout.nb_channels};
            checked_stream = input->audio_stream;
            checked_decoder = std::move(*decoder);
        } else if (input->video_stream < 0) {
            return tl::unexpected(decoder.error());
        }
        // Otherwise a film whose sound cannot be decoded plays without it,
        // as the player does, and is reported without sound.
    }
    if (input->video_stream >= 0) {
        const AVStream& stream = *format.streams[input->video_stream];
        auto decoder = open_decoder(stream, limits, 1);
        if (!decoder) {
            return tl::unexpected(decoder.error());
        }
        VideoFacts video;
        video.codec = avcodec_get_name(stream.codecpar->codec_id);
        video.width = stream.codecpar->width;
        video.height = stream.codecpar->height;
        const char* pixel_format = av_get_pix_fmt_name(static_cast<AVPixelFormat>(stream.codecpar->format));
        video.pixel_format = pixel_format != nullptr ? pixel_format : "unknown";
        if (stream.avg_frame_rate.num > 0 && stream.avg_frame_rate.den > 0) {
            video.frame_rate = av_q2d(stream.avg_frame_rate);
        }
        video.rotation_degrees = display_rotation_degrees(stream);
        facts.video = video;
        checked_stream = input->video_stream;
        checked_decoder = std::move(*decoder);
    }

    deadline.arm(limits.read_deadline);
    auto decoded = decode_first_frame(format, checked_stream, *checked_decoder);
    if (!decoded) {
        return tl::unexpected(decoded.error());
    }
    return facts;
}

tl::expected<MediaFacts, MediaError> FfmpegMediaProber::probe(const std::filesystem::path& file) const {
    return probe_media(file, m_limits);
}

std::string media_library_versions() {
    const auto text = [](const char* name, unsigned version) {
        return std::string(name) + " " + std::to_string(AV_VERSION_MAJOR(version)) + "." +
               std::to_string(AV_VERSION_MINOR(version)) + "." + std::to_string(AV_VERSION_MICRO(version));
    };
    return text("libavcodec", avcodec_version()) + ", " + text("libavformat", avformat_version());
}

}  // namespace media

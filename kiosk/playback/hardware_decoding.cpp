#include "hardware_decoding.h"

#include <mutex>

#include <spdlog/spdlog.h>

#include "media/ffmpeg_deleters.h"

extern "C" {
#include <libavutil/hwcontext.h>
}

namespace kiosk::playback {
namespace {

AVBufferRef* shared_vaapi_device() {
    static media::BufferRefPtr device;
    static std::once_flag opened;
    std::call_once(opened, [] {
        AVBufferRef* created = nullptr;
        // Quiet: a machine without a GPU is a normal configuration.
        const int old_level = av_log_get_level();
        av_log_set_level(AV_LOG_QUIET);
        const int result = av_hwdevice_ctx_create(&created, AV_HWDEVICE_TYPE_VAAPI, nullptr, nullptr, 0);
        av_log_set_level(old_level);
        if (result < 0) {
            spdlog::info("no VAAPI device: decoding in software");
            return;
        }
        spdlog::info("VAAPI device opened: decoding on the GPU where the codec allows");
        device.reset(created);
    });
    return device.get();
}

bool supports_vaapi(const AVCodec& codec) {
    for (int index = 0;; ++index) {
        const AVCodecHWConfig* config = avcodec_get_hw_config(&codec, index);
        if (config == nullptr) {
            return false;
        }
        if (config->device_type == AV_HWDEVICE_TYPE_VAAPI &&
            (config->methods & AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX) != 0) {
            return true;
        }
    }
}

AVPixelFormat choose_vaapi_format(AVCodecContext*, const AVPixelFormat* offered) {
    for (const AVPixelFormat* format = offered; *format != AV_PIX_FMT_NONE; ++format) {
        if (*format == AV_PIX_FMT_VAAPI) {
            return *format;
        }
    }
    // The stream's profile has no GPU path: take the first software format.
    return offered[0];
}

}  // namespace

bool attach_hardware_decoder(AVCodecContext& decoder) {
    if (decoder.codec == nullptr || !supports_vaapi(*decoder.codec)) {
        return false;
    }
    AVBufferRef* device = shared_vaapi_device();
    if (device == nullptr) {
        return false;
    }
    decoder.hw_device_ctx = av_buffer_ref(device);
    decoder.get_format = choose_vaapi_format;
    return decoder.hw_device_ctx != nullptr;
}

}  // namespace kiosk::playback

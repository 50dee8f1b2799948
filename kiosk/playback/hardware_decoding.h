#pragma once
// VAAPI decoding where the machine has it. The device is opened once per
// process; a machine without one costs a single failed attempt.

extern "C" {
#include <libavcodec/avcodec.h>
}

namespace kiosk::playback {

// Lets `decoder` (not yet opened or opened, before the first packet) decode
// on the GPU. False, and the decoder untouched, when there is no VAAPI device
// or the codec has no VAAPI path; libavcodec then decodes in software.
bool attach_hardware_decoder(AVCodecContext& decoder);

}  // namespace kiosk::playback

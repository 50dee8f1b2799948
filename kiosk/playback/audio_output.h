#pragma once
// Where a screen's sound goes: a device that plays the screen's audio ring in
// real time and reports its position through the ring's timeline.

#include "audio_timeline.h"
#include "media_source.h"

namespace kiosk::playback {

class AudioOutput {
  public:
    virtual ~AudioOutput() = default;
    virtual AudioTimeline& timeline() = 0;
    virtual AudioFormat format() const = 0;
};

}  // namespace kiosk::playback

#pragma once
// What a screen's player draws on. The SDL implementation lives in
// kiosk/render; tests may count calls instead. Main thread only.

#include <filesystem>
#include <string>

#include "picture.h"

namespace kiosk::playback {

class VideoOutput {
  public:
    virtual ~VideoOutput() = default;
    // Shows `picture` turned clockwise by `rotation_degrees` and fitted to
    // the screen with black bars. The picture is only borrowed for the call.
    virtual void show_picture(const Picture& picture, int rotation_degrees) = 0;
    // Shows a full-screen message card (e.g. "programme unavailable").
    virtual void show_slate(const std::string& title, const std::string& subtitle) = 0;
    // Writes what is on the screen now as a PNG.
    virtual bool save_screenshot(const std::filesystem::path& path) = 0;
};

}  // namespace kiosk::playback

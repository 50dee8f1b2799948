#pragma once
// A decoded picture as the screens take it: 8-bit YUV planes in system
// memory. It keeps whatever holds the pixels alive (the decoder's frame, or a
// plain buffer) without naming it, so no decoder header reaches the screens.
// Moved from thread to thread, read by one at a time.

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>

namespace kiosk::playback {

enum class PixelLayout {
    yuv420p,  // three planes: Y, then U and V at half width and height
    nv12,     // two planes: Y, then U and V interleaved at half height
};

enum class ColourRange {
    limited,  // video levels, 16-235
    full,     // 0-255 (JPEG stills, some phone films)
};

enum class ColourMatrix {
    unspecified,  // the screen's default
    bt601,
    bt709,
};

struct PictureFormat {
    PixelLayout layout = PixelLayout::yuv420p;
    int width = 0;
    int height = 0;
    ColourRange range = ColourRange::limited;
    ColourMatrix matrix = ColourMatrix::unspecified;
};

struct PicturePlane {
    const std::uint8_t* data = nullptr;
    int stride = 0;  // bytes from one row to the next
};

// Owns the memory a picture's planes point into; each source derives its own.
class PictureStorage {
  public:
    virtual ~PictureStorage() = default;
};

class Picture {
  public:
    Picture() = default;  // no picture: the end of a stream
    Picture(PictureFormat format, std::array<PicturePlane, 3> planes, std::unique_ptr<PictureStorage> storage)
        : m_format(format), m_planes(planes), m_storage(std::move(storage)) {}

    explicit operator bool() const { return m_storage != nullptr; }
    const PictureFormat& format() const { return m_format; }
    PixelLayout layout() const { return m_format.layout; }
    int width() const { return m_format.width; }
    int height() const { return m_format.height; }
    // Plane 0 is luma; yuv420p has planes 1 and 2, nv12 plane 1 only.
    const PicturePlane& plane(std::size_t index) const { return m_planes.at(index); }

  private:
    PictureFormat m_format;
    std::array<PicturePlane, 3> m_planes{};
    std::unique_ptr<PictureStorage> m_storage;
};

}  // namespace kiosk::playback

#pragma once
// A package's pictures: which format a file is, told by its content (a JPEG
// 2000 file named .png is not a PNG), and how large, read from its header
// before anything decodes it. The kiosk and the check both start here, so a
// picture the check lets through is one the kiosk will decode.

#include <filesystem>
#include <string>

#include <tl/expected.hpp>

namespace content {

// The picture formats a package may hold (PACKAGE_FORMAT.md).
enum class PictureFormat { png, jpeg };

// Largest picture side taken, in pixels: twice a 1080p screen's height
// leaves room to zoom; a larger picture costs a screen tens of megabytes
// decoded and is refused before decoding.
inline constexpr int kMaxPictureSide = 4096;

struct PictureHeader {
    PictureFormat format = PictureFormat::png;
    int width = 0;
    int height = 0;
};

// The format and size of `file` from its first bytes, or why it is not a
// picture the kiosk shows, as words to follow its name: "is JPEG 2000, not
// PNG or JPEG", "is 8000×300 pixels, larger than a picture may be (at most
// 4096×4096 pixels)", "cannot be read: permission denied".
tl::expected<PictureHeader, std::string> read_picture_header(const std::filesystem::path& file);

// Decodes pictures the way the screens do; the kiosk's picture adapter
// implements it, so the check refuses exactly what the kiosk could not show.
// Called from several checking threads at once.
class PictureDecoder {
  public:
    virtual ~PictureDecoder() = default;
    // Nothing when `file` decodes whole; otherwise the decoder's reason.
    virtual tl::expected<void, std::string> decode(const std::filesystem::path& file) const = 0;
};

const char* to_string(PictureFormat format);

}  // namespace content

#include "content/picture_file.h"

#include <array>
#include <cstdint>
#include <fstream>
#include <optional>
#include <string_view>

#include "content/bounded_input.h"

namespace content {
namespace {

// The most of a JPEG walked to find its frame header: metadata segments
// (EXIF, colour profiles) come first and are at most 64 KiB each.
constexpr std::streamoff kMaxJpegHeaderBytes = 4 * 1024 * 1024;

constexpr std::array<unsigned char, 8> kPngSignature{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

std::uint32_t big_endian(const unsigned char* bytes, int count) {
    std::uint32_t value = 0;
    for (int i = 0; i < count; ++i) {
        value = (value << 8) | bytes[i];
    }
    return value;
}

// What a file that is neither PNG nor JPEG is, for the message.
std::string other_format(std::string_view start) {
    const auto begins = [&](std::string_view magic) { return start.starts_with(magic); };
    const auto holds_at = [&](std::size_t at, std::string_view magic) {
        return start.size() >= at + magic.size() && start.substr(at, magic.size()) == magic;
    };
    if (begins(std::string_view("\x00\x00\x00\x0cjP  ", 8)) || begins("\xFF\x4F\xFF\x51")) {
        return "JPEG 2000";
    }
    if (begins("GIF87a") || begins("GIF89a")) {
        return "GIF";
    }
    if (begins("RIFF") && holds_at(8, "WEBP")) {
        return "WebP";
    }
    if (begins("BM")) {
        return "BMP";
    }
    if (begins(std::string_view("II*\0", 4)) || begins(std::string_view("MM\0*", 4))) {
        return "TIFF";
    }
    if (begins("<?xml") || begins("<svg")) {
        return "SVG or other XML";
    }
    if (holds_at(4, "ftyp")) {
        return "an MP4/HEIF file";
    }
    return "";
}

std::string size_problem(int width, int height) {
    return "is " + std::to_string(width) + "×" + std::to_string(height) +
           " pixels, larger than a picture may be (at most " + std::to_string(kMaxPictureSide) + "×" +
           std::to_string(kMaxPictureSide) + " pixels)";
}

tl::expected<PictureHeader, std::string> png_header(std::string_view start) {
    // The signature, then IHDR: length, type, width, height (big-endian).
    if (start.size() < 24 || start.substr(12, 4) != "IHDR") {
        return tl::unexpected(std::string("is a damaged PNG: its header is cut short"));
    }
    const auto* bytes = reinterpret_cast<const unsigned char*>(start.data());
    const std::uint32_t width = big_endian(bytes + 16, 4);
    const std::uint32_t height = big_endian(bytes + 20, 4);
    if (width == 0 || height == 0) {
        return tl::unexpected(std::string("is a damaged PNG: it says it has no pixels"));
    }
    if (width > kMaxPictureSide || height > kMaxPictureSide) {
        return tl::unexpected(size_problem(static_cast<int>(std::min<std::uint32_t>(width, 1U << 30)),
                                           static_cast<int>(std::min<std::uint32_t>(height, 1U << 30))));
    }
    return PictureHeader{PictureFormat::png, static_cast<int>(width), static_cast<int>(height)};
}

// Walks the JPEG's segments to its frame header (SOFn), which holds the size.
tl::expected<PictureHeader, std::string> jpeg_header(std::ifstream& in) {
    const std::string damaged = "is a damaged JPEG: it has no frame header";
    in.clear();
    in.seekg(2);
    while (in && in.tellg() < kMaxJpegHeaderBytes) {
        int marker = in.get();
        if (marker != 0xFF) {
            return tl::unexpected(damaged);
        }
        while (marker == 0xFF) {  // fill bytes
            marker = in.get();
        }
        if (marker == EOF || marker == 0xD9 || marker == 0xDA) {
            return tl::unexpected(damaged);  // the image ended or its data began before any frame header
        }
        if ((marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            continue;  // markers without a length
        }
        unsigned char length_bytes[2];
        if (!in.read(reinterpret_cast<char*>(length_bytes), 2)) {
            return tl::unexpected(damaged);
        }
        const std::uint32_t length = big_endian(length_bytes, 2);
        if (length < 2) {
            return tl::unexpected(damaged);
        }
        const bool frame_header =
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (!frame_header) {
            in.seekg(static_cast<std::streamoff>(length - 2), std::ios::cur);
            continue;
        }
        unsigned char frame[5];  // precision, height, width
        if (length < 7 || !in.read(reinterpret_cast<char*>(frame), 5)) {
            return tl::unexpected(damaged);
        }
        const auto height = static_cast<int>(big_endian(frame + 1, 2));
        const auto width = static_cast<int>(big_endian(frame + 3, 2));
        if (width == 0 || height == 0) {
            return tl::unexpected(std::string("is a damaged JPEG: it says it has no pixels"));
        }
        if (width > kMaxPictureSide || height > kMaxPictureSide) {
            return tl::unexpected(size_problem(width, height));
        }
        return PictureHeader{PictureFormat::jpeg, width, height};
    }
    return tl::unexpected(damaged);
}

}  // namespace

tl::expected<PictureHeader, std::string> read_picture_header(const std::filesystem::path& file) {
    if (auto regular = check_regular_file(file); !regular) {
        return tl::unexpected("cannot be read: " + regular.error().reason);
    }
    std::ifstream in(file, std::ios::binary);
    std::string start(32, '\0');
    in.read(start.data(), static_cast<std::streamsize>(start.size()));
    start.resize(static_cast<std::size_t>(in.gcount()));
    if (start.empty()) {
        return tl::unexpected(std::string(in.bad() ? "cannot be read" : "is an empty file"));
    }
    if (start.starts_with(std::string_view(reinterpret_cast<const char*>(kPngSignature.data()), 8))) {
        return png_header(start);
    }
    if (start.starts_with("\xFF\xD8\xFF")) {
        return jpeg_header(in);
    }
    const std::string other = other_format(start);
    return tl::unexpected(other.empty() ? std::string("is not a PNG or JPEG picture")
                                        : "is " + other + ", not PNG or JPEG");
}

const char* to_string(PictureFormat format) {
    return format == PictureFormat::png ? "PNG" : "JPEG";
}

}  // namespace content

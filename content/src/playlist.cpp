#include "content/playlist.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <system_error>

namespace content {
namespace {

std::string lower_extension(const std::filesystem::path& path) {
    std::string extension = path.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension;
}

constexpr std::array<std::string_view, 5> kStillExtensions{".png", ".jpg", ".jpeg", ".bmp", ".webp"};
constexpr std::array<std::string_view, 10> kFilmExtensions{".mp4", ".m4v", ".mov", ".mkv", ".webm",
                                                           ".ts",  ".mpg", ".avi", ".m4a", ".mp3"};

}  // namespace

bool is_still_picture_name(const std::filesystem::path& path) {
    const std::string extension = lower_extension(path);
    return std::find(kStillExtensions.begin(), kStillExtensions.end(), extension) != kStillExtensions.end();
}

bool is_media_name(const std::filesystem::path& path) {
    const std::string extension = lower_extension(path);
    return is_still_picture_name(path) ||
           std::find(kFilmExtensions.begin(), kFilmExtensions.end(), extension) != kFilmExtensions.end();
}

Playlist playlist_from_directory(const std::filesystem::path& directory) {
    Playlist playlist;
    playlist.name = directory.filename().string();
    std::error_code error;
    for (const auto& entry : std::filesystem::directory_iterator(directory, error)) {
        if (entry.is_regular_file(error) && is_media_name(entry.path())) {
            playlist.items.push_back(PlaylistItem{entry.path(), std::nullopt, std::nullopt});
        }
    }
    std::sort(playlist.items.begin(), playlist.items.end(),
              [](const PlaylistItem& a, const PlaylistItem& b) { return a.path < b.path; });
    return playlist;
}

}  // namespace content

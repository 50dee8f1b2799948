#pragma once
// A zone's film programme as the player sees it: an ordered list of files.

#include <chrono>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace content {

struct PlaylistItem {
    std::filesystem::path path;
    // How long a still picture stays up; unset means the player's default.
    std::optional<std::chrono::milliseconds> display_time;
    // Loudness of the item's sound, 0..100 percent; unset means full volume.
    std::optional<int> volume_percent;
};

struct Playlist {
    std::string name;
    std::vector<PlaylistItem> items;
    bool shuffle = false;  // a fresh random order every pass
};

// True for the file types shown as still pictures (by name; the player
// confirms by content).
bool is_still_picture_name(const std::filesystem::path& path);

// True for the file types a programme directory is scanned for.
bool is_media_name(const std::filesystem::path& path);

// Every media file directly inside `directory`, in name order: staff order a
// folder programme by naming files 01-..., 02-... . Empty when the directory
// does not exist.
Playlist playlist_from_directory(const std::filesystem::path& directory);

}  // namespace content

// Playlists from programme folders, and the file-name rules behind them.
#include "content/playlist.h"

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

namespace content {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> file_names(const Playlist& playlist) {
    std::vector<std::string> names;
    for (const PlaylistItem& item : playlist.items) {
        names.push_back(item.path.filename().string());
    }
    return names;
}

class PlaylistFromDirectory : public ::testing::Test {
  protected:
    void SetUp() override {
        std::string pattern = (fs::temp_directory_path() / "kiosk-playlist-XXXXXX").string();
        ASSERT_NE(mkdtemp(pattern.data()), nullptr);
        root = pattern;
        dir = root / "av";
        fs::create_directory(dir);
    }
    void TearDown() override {
        std::error_code ignored;
        fs::remove_all(root, ignored);
    }

    void touch(const std::string& name) { std::ofstream(dir / name) << "x"; }

    fs::path root;
    fs::path dir;
};

TEST_F(PlaylistFromDirectory, ListsMediaFilesInNameOrder) {
    touch("03-closing.mp4");
    touch("01-welcome.mkv");
    touch("02-map.png");
    touch("10-credits.webm");
    const Playlist playlist = playlist_from_directory(dir);
    EXPECT_EQ(file_names(playlist), (std::vector<std::string>{"01-welcome.mkv", "02-map.png",
                                                              "03-closing.mp4", "10-credits.webm"}));
    EXPECT_EQ(playlist.name, "av");
}

TEST_F(PlaylistFromDirectory, ItemsHaveFullPathsAndTheDefaultDisplayTime) {
    touch("01-a.mp4");
    const Playlist playlist = playlist_from_directory(dir);
    ASSERT_EQ(playlist.items.size(), 1u);
    EXPECT_EQ(playlist.items[0].path, dir / "01-a.mp4");
    EXPECT_FALSE(playlist.items[0].display_time.has_value());
}

TEST_F(PlaylistFromDirectory, IgnoresFilesThatAreNotMedia) {
    touch("01-a.mp4");
    touch("notes.txt");
    touch("README");
    touch("02-b.mp4.part");
    touch(".DS_Store");
    EXPECT_EQ(file_names(playlist_from_directory(dir)), (std::vector<std::string>{"01-a.mp4"}));
}

TEST_F(PlaylistFromDirectory, TakesUpperCaseExtensions) {
    touch("01-a.MP4");
    touch("02-b.JPG");
    EXPECT_EQ(file_names(playlist_from_directory(dir)), (std::vector<std::string>{"01-a.MP4", "02-b.JPG"}));
}

TEST_F(PlaylistFromDirectory, IgnoresSubdirectoriesEvenWithMediaNames) {
    touch("01-a.mp4");
    fs::create_directory(dir / "02-folder.mp4");
    fs::create_directory(dir / "extras");
    std::ofstream(dir / "extras" / "03-nested.mp4") << "x";
    EXPECT_EQ(file_names(playlist_from_directory(dir)), (std::vector<std::string>{"01-a.mp4"}));
}

TEST_F(PlaylistFromDirectory, EmptyDirectoryGivesAnEmptyList) {
    EXPECT_TRUE(playlist_from_directory(dir).items.empty());
}

TEST_F(PlaylistFromDirectory, MissingDirectoryGivesAnEmptyList) {
    const Playlist playlist = playlist_from_directory(root / "no-such-zone");
    EXPECT_TRUE(playlist.items.empty());
}

TEST(IsStillPictureName, RecognisesPictureExtensionsInAnyCase) {
    for (const char* name :
         {"a.png", "a.PNG", "b.jpg", "b.JpG", "c.jpeg", "c.JPEG", "d.bmp", "e.webp", "dir/f.Png"}) {
        EXPECT_TRUE(is_still_picture_name(name)) << name;
    }
}

TEST(IsStillPictureName, RejectsFilmsAndOtherFiles) {
    for (const char* name : {"a.mp4", "a.webm", "png", "a.png.txt", "a", "a.gif", "a.pngx"}) {
        EXPECT_FALSE(is_still_picture_name(name)) << name;
    }
}

TEST(IsMediaName, TakesFilmsSoundAndPictures) {
    for (const char* name :
         {"a.mp4", "a.MOV", "a.mkv", "a.webm", "a.ts", "a.m4a", "a.mp3", "a.png", "a.JPEG"}) {
        EXPECT_TRUE(is_media_name(name)) << name;
    }
    for (const char* name : {"a.txt", "a.toml", "mp4", "a.mp4.part", "a"}) {
        EXPECT_FALSE(is_media_name(name)) << name;
    }
}

}  // namespace
}  // namespace content

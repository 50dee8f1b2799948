// A picture's format and size from its first bytes, before anything decodes
// it: by content, whatever the name; damaged and hostile headers refused.
#include "content/picture_file.h"

#include <fstream>
#include <iterator>
#include <string>

#include <gtest/gtest.h>

#include "../support/hostile_input.h"
#include "package_test_support.h"

namespace content {
namespace {

std::filesystem::path medium(const std::string& name) {
    return std::filesystem::path(KIOSK_TEST_MEDIA_DIR) / name;
}

std::string bytes_of(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

TEST(PictureHeader, ReadsThePngAndJpegTestPictures) {
    const auto png = read_picture_header(medium("still.png"));
    ASSERT_TRUE(png.has_value()) << png.error();
    EXPECT_EQ(png->format, PictureFormat::png);
    EXPECT_EQ(png->width, 320);
    EXPECT_EQ(png->height, 240);
    const auto jpeg = read_picture_header(medium("still.jpg"));
    ASSERT_TRUE(jpeg.has_value()) << jpeg.error();
    EXPECT_EQ(jpeg->format, PictureFormat::jpeg);
    EXPECT_EQ(jpeg->width, 320);
    EXPECT_EQ(jpeg->height, 240);
}

TEST(PictureHeader, KnowsAFileByItsContentNotItsName) {
    test::PackageDirectory dir;
    dir.copy_media("poster.png", "still_jpeg2000.jp2");
    dir.copy_media("photo.png", "still.jpg");
    EXPECT_EQ(read_picture_header(dir.path() / "poster.png").error(), "is JPEG 2000, not PNG or JPEG");
    const auto jpeg = read_picture_header(dir.path() / "photo.png");
    ASSERT_TRUE(jpeg.has_value()) << jpeg.error();
    EXPECT_EQ(jpeg->format, PictureFormat::jpeg);
}

TEST(PictureHeader, RefusesAPictureLargerThanTheLimitBeforeDecodingIt) {
    EXPECT_EQ(read_picture_header(medium("too_wide.png")).error(),
              "is 5000×32 pixels, larger than a picture may be (at most 4096×4096 pixels)");
}

TEST(PictureHeader, RefusesCutAndEmptyFiles) {
    test::PackageDirectory dir;
    dir.write("cut.png", bytes_of(medium("still.png")).substr(0, 20));
    dir.write("cut.jpg", bytes_of(medium("still.jpg")).substr(0, 40));
    dir.write("empty.png", "");
    EXPECT_EQ(read_picture_header(dir.path() / "cut.png").error(),
              "is a damaged PNG: its header is cut short");
    EXPECT_EQ(read_picture_header(dir.path() / "cut.jpg").error(),
              "is a damaged JPEG: it has no frame header");
    EXPECT_EQ(read_picture_header(dir.path() / "empty.png").error(), "is an empty file");
    EXPECT_EQ(read_picture_header(dir.path() / "absent.png").error(), "cannot be read: no such file");
    EXPECT_EQ(read_picture_header(dir.path()).error(), "cannot be read: not a regular file (a folder)");
}

TEST(PictureHeader, MutatedPicturesAreAnsweredInBoundedTime) {
    test::PackageDirectory dir;
    const std::string seeds[] = {bytes_of(medium("still.png")), bytes_of(medium("still.jpg"))};
    kiosk::test::Mutator mutator(4096);
    for (int round = 0; round < 2000; ++round) {
        dir.write("p", mutator.mutate(seeds[round % 2]));
        const auto took = kiosk::test::time_to_answer([&] {
            const auto header = read_picture_header(dir.path() / "p");
            if (header) {
                EXPECT_GT(header->width, 0);
                EXPECT_LE(header->width, kMaxPictureSide);
                EXPECT_GT(header->height, 0);
                EXPECT_LE(header->height, kMaxPictureSide);
            }
        });
        ASSERT_LT(took, kiosk::test::kMostPerHostileInput) << "round " << round;
    }
}

}  // namespace
}  // namespace content

// The screens' picture decoder: the format is the content's, whatever the
// name, and a picture libpng refuses is refused, with its reason.
#include "render/sdl_picture_decoder.h"

#include <filesystem>

#include <gtest/gtest.h>

namespace kiosk::render {
namespace {

namespace fs = std::filesystem;

fs::path medium(const std::string& name) {
    return fs::path(KIOSK_TEST_MEDIA_DIR) / name;
}

class SdlPictureDecoderTest : public ::testing::Test {
  protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() /
                ("sdl_picture_decoder_" +
                 std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    fs::path m_dir;
    const SdlPictureDecoder m_decoder;
};

TEST_F(SdlPictureDecoderTest, DecodesPngAndJpegToArgbSurfaces) {
    for (const char* name : {"still.png", "still.jpg"}) {
        EXPECT_TRUE(m_decoder.decode(medium(name)).has_value()) << name;
        const auto surface = decode_picture(medium(name));
        ASSERT_TRUE(surface.has_value()) << surface.error();
        EXPECT_EQ((*surface)->w, 320);
        EXPECT_EQ((*surface)->h, 240);
        EXPECT_EQ((*surface)->format->format, SDL_PIXELFORMAT_ARGB8888);
    }
}

// SDL_image picks a loader by the extension for formats without a
// signature; the header decides here.
TEST_F(SdlPictureDecoderTest, APngNamedAsAnotherFormatIsStillAPng) {
    fs::copy_file(medium("still.png"), m_dir / "poster.tga");
    fs::copy_file(medium("still.jpg"), m_dir / "photo.png");
    EXPECT_TRUE(m_decoder.decode(m_dir / "poster.tga").has_value());
    EXPECT_TRUE(m_decoder.decode(m_dir / "photo.png").has_value());
}

TEST_F(SdlPictureDecoderTest, RefusesWhatTheScreensCannotShow) {
    const auto bad_checksum = m_decoder.decode(medium("bad_checksum.png"));
    ASSERT_FALSE(bad_checksum.has_value());
    EXPECT_FALSE(bad_checksum.error().empty());
    EXPECT_EQ(m_decoder.decode(medium("still_jpeg2000.jp2")).error(), "is JPEG 2000, not PNG or JPEG");
    EXPECT_EQ(m_decoder.decode(medium("too_wide.png")).error(),
              "is 5000×32 pixels, larger than a picture may be (at most 4096×4096 pixels)");
}

}  // namespace
}  // namespace kiosk::render

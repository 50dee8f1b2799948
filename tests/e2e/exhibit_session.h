#pragma once
// Running the kiosk's touch exhibit on a content package with an input
// script, and what its 1920x1080 screens look like, for the exhibit's
// end-to-end tests. Places and colours follow kiosk/ui/theme.cpp at design
// scale 1 (a 1080-pixel short side).

#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "png_pixels.h"
#include "process.h"
#include "screen_regions.h"

namespace kiosk::test {

// Sanitized builds run the kiosk several times slower: script waits stretch.
inline constexpr int kSlowdown = KIOSK_SANITIZED_BUILD ? 3 : 1;

// Colours of the exhibit (kiosk/ui/theme.cpp).
inline constexpr Rgb kBoardsRed{178, 34, 34};
inline constexpr Rgb kModelsTeal{0, 112, 122};
inline constexpr Rgb kAvBlue{44, 78, 160};
inline constexpr Rgb kHealthGreen{40, 130, 84};
inline constexpr Rgb kPage{250, 246, 238};
inline constexpr Rgb kCard{255, 255, 255};
inline constexpr Rgb kInk{34, 34, 34};
inline constexpr Rgb kBar{38, 40, 48};
inline constexpr Rgb kButton{66, 70, 84};
inline constexpr Rgb kButtonOn{214, 150, 40};

struct Point {
    int x = 0;
    int y = 0;
};

// Places on a 1920x1080 screen.
namespace at1080 {
inline constexpr int kTopBar = 124;
inline constexpr int kButtonBarTop = 968;
inline constexpr Point kHome{135, 1024};
inline constexpr Point kBack{339, 1024};
inline constexpr Point kChooseStage{1372, 1024};
inline constexpr Point kLargeText{1591, 1024};
inline constexpr Point kLanguage{1790, 1024};
inline constexpr Point kFirstCard{960, 350};
inline constexpr Point kPictureClose{1860, 88};
inline constexpr Region kBoardCounter{1780, 912, 116, 50};  // "n / m" under the next arrow
inline constexpr Region kTitleText{40, 0, 900, kTopBar};
inline constexpr Region kSectionTitle{200, 150, 1520, 80};  // over a section's list of cards
// The home screen's tiles, two a row; rows 0 to 2 show without scrolling.
Point home_tile(int index);
// The life-stage chooser's buttons: the five stages in order, then everyone.
Point stage_button(int index);
}  // namespace at1080

// An input script, written line by line; shots land in `directory`.
class Script {
  public:
    explicit Script(std::filesystem::path directory) : m_directory(std::move(directory)) {}

    Script& tap(Point point);
    // Waits `ms`, stretched on sanitized builds.
    Script& wait(int ms);
    Script& swipe(Point from, Point to, int ms);
    Script& key(const std::string& name);
    Script& shot(const std::string& name);
    Script& quit();
    Script& line(const std::string& text);  // as written, for bad lines

    std::string text() const { return m_text; }
    std::filesystem::path shot_path(const std::string& name) const { return m_directory / (name + ".png"); }

  private:
    std::filesystem::path m_directory;
    std::string m_text;
};

// Each test has a fresh temporary directory: data dir, script, shots, stats.
class ExhibitSession : public ::testing::Test {
  protected:
    void SetUp() override;
    void TearDown() override;

    Script script() const { return Script(m_dir); }
    // kiosk --headless --size SIZE --data-dir D --content PACKAGE --zone ZONE
    //       --input-script S --stats-json J OPTIONS...
    ProcessResult run(const std::string& zone, const Script& script,
                      const std::vector<std::string>& options = {}, const std::string& size = "1920x1080",
                      const std::filesystem::path& package = KIOSK_SAMPLE_PACKAGE_DIR) const;
    ProcessResult run_kiosk(const std::vector<std::string>& arguments) const;

    Image shot(const std::string& name) const;
    nlohmann::json stats() const;

    std::filesystem::path dir() const { return m_dir; }
    std::string data_dir() const { return (m_dir / "data").string(); }
    std::string stats_path() const { return (m_dir / "stats.json").string(); }

  private:
    std::filesystem::path m_dir;
};

// What a screenshot shows, with the numbers behind a "no" in the message.
// The zone's title bar across the top, `height` pixels high.
::testing::AssertionResult has_title_bar(const Image& image, Rgb zone, int height = at1080::kTopBar);
// The dark button bar along the bottom from `top`.
::testing::AssertionResult has_button_bar(const Image& image, int top = at1080::kButtonBarTop);
// The attract loop: no title bar, a dark band with light text at the bottom.
::testing::AssertionResult is_attract(const Image& image, Rgb zone);
// A home screen at 1920x1080: a tile with the zone's colour down its side.
::testing::AssertionResult is_home(const Image& image, Rgb zone);
// A section's list of boards at 1920x1080: its title and at least one card.
::testing::AssertionResult is_section(const Image& image);
// A board at 1920x1080: the zone-coloured rule under its title.
::testing::AssertionResult is_board(const Image& image, Rgb zone);
// The picture viewer at 1920x1080: a 16:10 picture between black bars.
::testing::AssertionResult is_picture_viewer(const Image& image);

// Board cards showing in a section list at 1920x1080, counted down their left edge.
int count_cards(const Image& image);
// Rows of a region that hold text in the page's ink (titles, body text):
// the text's height, roughly.
int ink_rows(const Image& image, const Region& region);
// Rows of a region that hold any text darker than the page (ink or soft ink).
int text_rows(const Image& image, const Region& region);
// Rows of a region that hold white text, as on the title bar.
int white_text_rows(const Image& image, const Region& region);

// The whole log of a run: the kiosk logs to stdout, errors of its options to stderr.
std::string log_of(const ProcessResult& result);

}  // namespace kiosk::test

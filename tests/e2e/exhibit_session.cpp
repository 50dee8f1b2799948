#include "exhibit_session.h"

#include <stdlib.h>

#include <fstream>
#include <stdexcept>

namespace kiosk::test {
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace at1080 {

Point home_tile(int index) {
    // Tiles of 583x243 from (40, 232), 24 apart (theme.cpp: home_tile_width).
    return {index % 2 == 0 ? 331 : 938, 353 + (index / 2) * 267};
}

Point stage_button(int index) {
    // Two columns of 489x110 buttons in a 1100-wide panel.
    return {index % 2 == 0 ? 702 : 1216, 453 + (index / 2) * 134};
}

}  // namespace at1080

Script& Script::tap(Point point) {
    return line("tap " + std::to_string(point.x) + " " + std::to_string(point.y));
}

Script& Script::wait(int ms) {
    return line("wait " + std::to_string(ms * kSlowdown));
}

Script& Script::swipe(Point from, Point to, int ms) {
    return line("swipe " + std::to_string(from.x) + " " + std::to_string(from.y) + " " +
                std::to_string(to.x) + " " + std::to_string(to.y) + " " + std::to_string(ms));
}

Script& Script::key(const std::string& name) {
    return line("key " + name);
}

Script& Script::shot(const std::string& name) {
    return line("shot " + shot_path(name).string());
}

Script& Script::quit() {
    return line("quit");
}

Script& Script::line(const std::string& text) {
    m_text += text + "\n";
    return *this;
}

void ExhibitSession::SetUp() {
    std::string pattern = (fs::temp_directory_path() / "kiosk-exhibit-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr) << "mkdtemp " << pattern;
    m_dir = pattern;
}

void ExhibitSession::TearDown() {
    std::error_code ignored;
    fs::remove_all(m_dir, ignored);
}

ProcessResult ExhibitSession::run(const std::string& zone, const Script& script,
                                  const std::vector<std::string>& options, const std::string& size,
                                  const fs::path& package) const {
    const fs::path script_path = m_dir / "script.txt";
    std::ofstream(script_path) << script.text();
    std::vector<std::string> arguments = {"--size", size, "--content",      package.string(),
                                          "--zone", zone, "--input-script", script_path.string()};
    arguments.insert(arguments.end(), options.begin(), options.end());
    return run_kiosk(arguments);
}

ProcessResult ExhibitSession::run_kiosk(const std::vector<std::string>& arguments) const {
    std::vector<std::string> argv = {KIOSK_BINARY, "--headless",   "--data-dir",
                                     data_dir(),   "--stats-json", stats_path()};
    argv.insert(argv.end(), arguments.begin(), arguments.end());
    const EnvOverrides env = {{"SDL_AUDIODRIVER", "dummy"}, {"SDL_VIDEODRIVER", "offscreen"}};
    return run_process(argv, std::chrono::milliseconds(60s) * kSlowdown, env);
}

Image ExhibitSession::shot(const std::string& name) const {
    return Image::load(Script(m_dir).shot_path(name));
}

nlohmann::json ExhibitSession::stats() const {
    std::ifstream in(stats_path());
    if (!in) {
        throw std::runtime_error("the stats JSON " + stats_path() + " was not written");
    }
    return nlohmann::json::parse(in);
}

namespace {

::testing::AssertionResult share_at_least(const Image& image, const Region& region, Rgb colour, double wanted,
                                          const char* what, int tolerance = 12) {
    const double share = share_of(image, region, [&](Rgb c) { return near(c, colour, tolerance); });
    if (share >= wanted) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure()
           << what << ": " << share << " of " << region << " is " << colour << ", wanted at least " << wanted;
}

bool is_dark(Rgb c) {
    return c.r < 100 && c.g < 100 && c.b < 100;
}
bool is_light(Rgb c) {
    return c.r > 200 && c.g > 200 && c.b > 200;
}

}  // namespace

::testing::AssertionResult has_title_bar(const Image& image, Rgb zone, int height) {
    // The bar's text and sample mark cover a good part of it.
    return share_at_least(image, {0, 0, image.width(), height}, zone, 0.6, "title bar");
}

::testing::AssertionResult has_button_bar(const Image& image, int top) {
    const Region bar{0, top, image.width(), image.height() - top};
    const double share = share_of(image, bar, [](Rgb c) { return near(c, kBar) || near(c, kButton); });
    if (share >= 0.8) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "button bar: " << share << " of " << bar << " is bar or button";
}

::testing::AssertionResult is_attract(const Image& image, Rgb zone) {
    const int width = image.width();
    const int height = image.height();
    const double title = share_of(image, {0, 0, width, height / 10}, [&](Rgb c) { return near(c, zone); });
    // The lowest rows are the shaded band under "Touch to start", over the film.
    const double dark = share_of(image, {0, height - height / 60, width, height / 60}, is_dark);
    const double text = share_of(image, {0, height - height / 6, width, height / 6}, is_light);
    if (title < 0.2 && dark > 0.95 && text > 0.003) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure()
           << "attract loop: title bar " << title << ", dark band " << dark << ", light text " << text;
}

::testing::AssertionResult is_home(const Image& image, Rgb zone) {
    return share_at_least(image, {41, 240, 10, 200}, zone, 0.95, "home tile's stripe");
}

::testing::AssertionResult is_section(const Image& image) {
    // Cards span x 200..1720 with nothing but page to their left.
    if (auto margin = share_at_least(image, {0, 130, 190, 830}, kPage, 0.99, "page left of the cards");
        !margin) {
        return margin;
    }
    if (const int rows = ink_rows(image, at1080::kSectionTitle); rows < 15) {
        return ::testing::AssertionFailure() << "section title: " << rows << " rows of ink";
    }
    if (const int cards = count_cards(image); cards < 1) {
        return ::testing::AssertionFailure() << "no board card";
    }
    return ::testing::AssertionSuccess();
}

::testing::AssertionResult is_board(const Image& image, Rgb zone) {
    // The board's column is x 300..1620; the rule is 4 rows of it.
    const int rows = rows_with(
        image, {300, at1080::kTopBar, 1320, 420}, [&](Rgb c) { return near(c, zone); }, 1200);
    if (rows >= 3) {
        return ::testing::AssertionSuccess();
    }
    return ::testing::AssertionFailure() << "board: " << rows << " rows of the zone's rule under the title";
}

::testing::AssertionResult is_picture_viewer(const Image& image) {
    // A 1280x800 picture shown 1728x1080 leaves 96 black columns each side.
    if (auto left = share_at_least(image, {0, 0, 90, 900}, Rgb{0, 0, 0}, 0.99, "left bar", 4); !left) {
        return left;
    }
    if (auto right = share_at_least(image, {1840, 250, 80, 600}, Rgb{0, 0, 0}, 0.99, "right bar", 4);
        !right) {
        return right;
    }
    const double picture = share_of(image, {400, 200, 1100, 600}, [](Rgb c) {
        return !near(c, Rgb{0, 0, 0}, 4);
    });
    if (picture < 0.5) {
        return ::testing::AssertionFailure() << "picture: only " << picture << " of the middle is not black";
    }
    return ::testing::AssertionSuccess();
}

int count_cards(const Image& image) {
    // Down x = 212, between a card's edge and its thumbnail: white runs are cards.
    int cards = 0;
    int run = 0;
    for (int y = at1080::kTopBar; y < at1080::kButtonBarTop; ++y) {
        run = near(image.at(212, y), kCard, 2) ? run + 1 : 0;
        cards += run == 40 ? 1 : 0;
    }
    return cards;
}

int ink_rows(const Image& image, const Region& region) {
    return rows_with(image, region, [](Rgb c) { return near(c, kInk, 40); });
}

int text_rows(const Image& image, const Region& region) {
    return rows_with(image, region, [](Rgb c) { return c.r < 160 && c.g < 160 && c.b < 160; });
}

int white_text_rows(const Image& image, const Region& region) {
    return rows_with(image, region, [](Rgb c) { return near(c, Rgb{255, 255, 255}, 40); });
}

std::string log_of(const ProcessResult& result) {
    return result.out + result.err;
}

}  // namespace kiosk::test

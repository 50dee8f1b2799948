#pragma once
// The kiosk's command line (a contract: tests, benchmarks and the README rely on it).

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

namespace kiosk::app {

struct KioskOptions {
    std::optional<std::filesystem::path> config;
    std::filesystem::path data_dir;
    bool headless = false;
    std::vector<std::filesystem::path> play;  // --play: these files as one playlist
    int loop = 1;
    int screens = 1;
    std::optional<int> width, height;  // --size WxH
    std::optional<double> image_seconds;
    std::optional<std::filesystem::path> stats_json;
    std::optional<double> screenshot_at;
    std::optional<std::filesystem::path> screenshot;
    std::optional<double> run_for;
    // Touch exhibits.
    std::optional<std::filesystem::path> content;       // --content: the package directory
    std::optional<std::string> zone;                    // --zone: the (first) screen's zone
    std::optional<std::filesystem::path> input_script;  // --input-script: scripted touches and keys
    std::optional<double> idle_timeout;                 // --idle-timeout: seconds before the attract loop
    // Benchmarks: records a second written through the records writer while the screens play.
    std::optional<double> record_load;
};

struct UsageError {
    std::string message;
    int exit_code = 2;   // 0 for --help and --version
    std::string output;  // help or version text to print
};

// `version_text` gives what --version prints (the option is there only when
// it is given).
tl::expected<KioskOptions, UsageError> parse_kiosk_options(
    int argc, char** argv, const std::function<std::string()>& version_text = {});

// The default --data-dir: $PCW_KIOSK_DATA_DIR, else /var/lib/pcw-kiosk for
// root, else ~/.local/share/pcw-kiosk.
std::filesystem::path default_data_dir();

}  // namespace kiosk::app

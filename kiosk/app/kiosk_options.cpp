#include "kiosk_options.h"

#include <cmath>
#include <cstdlib>
#include <regex>

#include <unistd.h>

#include <CLI/CLI.hpp>

#include "content/message_text.h"

namespace kiosk::app {
namespace {

// A number option from `low` to `high`: finite (CLI11's Range lets nan
// through, as every comparison with nan is false), its limits written as
// people write them.
CLI::Validator number_from(double low, double high, const std::string& unit) {
    const std::string limits =
        "from " + content::number_text(low) + " to " + content::number_text(high) + unit;
    return CLI::Validator(
        [=](const std::string& text) -> std::string {
            char* end = nullptr;
            const double value = std::strtod(text.c_str(), &end);
            if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value) || value < low ||
                value > high) {
                return "must be a number " + limits + ", got " + content::quoted_text(text);
            }
            return {};
        },
        "NUMBER " + limits);
}

}  // namespace

std::filesystem::path default_data_dir() {
    if (const char* dir = std::getenv("PCW_KIOSK_DATA_DIR"); dir != nullptr && *dir != '\0') {
        return dir;
    }
    if (geteuid() == 0) {
        return "/var/lib/pcw-kiosk";
    }
    const char* home = std::getenv("HOME");
    return std::filesystem::path(home != nullptr ? home : ".") / ".local/share/pcw-kiosk";
}

tl::expected<KioskOptions, UsageError> parse_kiosk_options(int argc, char** argv,
                                                           const std::function<std::string()>& version_text) {
    KioskOptions options;
    options.data_dir = default_data_dir();
    CLI::App cli{"Population Culture Window kiosk: plays each zone's film programme full screen"};
    cli.add_option("--config", options.config, "configuration file (TOML)")->check(CLI::ExistingFile);
    cli.add_option("--data-dir", options.data_dir, "where the database, caches and keys live");
    cli.add_flag("--headless", options.headless, "render offscreen with dummy sound (tests, benchmarks)");
    cli.add_option("--play", options.play, "play these files as one playlist, then exit");
    cli.add_option("--loop", options.loop, "how many times --play plays the list")
        ->check(CLI::Range(1, 1000000));
    cli.add_option("--screens", options.screens, "how many screens play it at once")->check(CLI::Range(1, 4));
    std::string size;
    cli.add_option("--size", size, "window size WxH instead of full screen (default 1920x1080 headless)");
    cli.add_option("--image-seconds", options.image_seconds, "how long a still picture stays up")
        ->check(number_from(0.1, 3600.0, " seconds"));
    cli.add_option("--stats-json", options.stats_json, "write playback figures here on exit");
    cli.add_option("--screenshot-at", options.screenshot_at, "seconds after start to take --screenshot")
        ->check(number_from(0.0, 1e6, " seconds"));
    cli.add_option("--screenshot", options.screenshot, "PNG file for the screen at --screenshot-at");
    cli.add_option("--run-for", options.run_for, "exit after this many seconds")
        ->check(number_from(0.0, 1e9, " seconds"));
    cli.add_option("--content", options.content, "content package directory for the touch exhibits")
        ->check(CLI::ExistingDirectory);
    cli.add_option("--zone", options.zone, "the screen's zone: boards, models, av or health")
        ->check(CLI::IsMember({"boards", "models", "av", "health"}));
    cli.add_option("--input-script", options.input_script, "play these touches and keys (tests, demos)")
        ->check(CLI::ExistingFile);
    cli.add_option("--idle-timeout", options.idle_timeout, "seconds without a touch before the attract loop")
        ->check(number_from(1.0, 86400.0, " seconds"));
    cli.add_option("--record-load", options.record_load,
                   "benchmarks: write RATE records a second (board views) while the screens play")
        ->check(number_from(1.0, 10000.0, " records a second"));
    if (version_text) {
        cli.add_flag_callback(
            "--version", [] { throw CLI::CallForVersion(); },
            "print the version and the libraries in use, then exit");
    }
    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        return tl::unexpected(UsageError{"", 0, cli.help()});
    } catch (const CLI::CallForVersion&) {
        return tl::unexpected(UsageError{"", 0, version_text()});
    } catch (const CLI::ParseError& error) {
        return tl::unexpected(UsageError{error.what(), 2, ""});
    }
    if (!size.empty()) {
        static const std::regex pattern(R"((\d{2,5})x(\d{2,5}))");
        std::smatch match;
        if (!std::regex_match(size, match, pattern)) {
            return tl::unexpected(
                UsageError{"--size: expected WxH, e.g. 1920x1080, got '" + size + "'", 2, ""});
        }
        options.width = std::stoi(match[1]);
        options.height = std::stoi(match[2]);
        // An 8K panel is the largest made; a larger window would only cost gigabytes.
        constexpr int kLargestSide = 8192;
        constexpr int kSmallestSide = 64;
        if (*options.width > kLargestSide || *options.height > kLargestSide ||
            *options.width < kSmallestSide || *options.height < kSmallestSide) {
            return tl::unexpected(UsageError{"--size: each side from " + std::to_string(kSmallestSide) +
                                                 " to " + std::to_string(kLargestSide) + " pixels, got '" +
                                                 size + "'",
                                             2, ""});
        }
    }
    if (options.screenshot_at.has_value() != options.screenshot.has_value()) {
        return tl::unexpected(UsageError{"--screenshot-at and --screenshot go together", 2, ""});
    }
    return options;
}

}  // namespace kiosk::app

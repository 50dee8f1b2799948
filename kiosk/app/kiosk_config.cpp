#include "kiosk_config.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include <toml++/toml.h>

#include "content/bounded_input.h"
#include "content/message_text.h"

namespace kiosk::app {
namespace {

// A configuration is a few kilobytes; a larger file is not one.
constexpr std::uintmax_t kMaxConfigBytes = 1024 * 1024;
// Longest path or name taken from the file: no real one comes near it.
constexpr std::size_t kMaxConfigText = 4096;

std::string where(const std::filesystem::path& file, const toml::source_region& region) {
    return file.string() + ":" + std::to_string(region.begin.line) + ":" +
           std::to_string(region.begin.column);
}

ConfigError error_at(const std::filesystem::path& file, const toml::node& node, const std::string& what) {
    return ConfigError{where(file, node.source()) + ": " + what};
}

// The string of `node` when it is one of at most kMaxConfigText bytes with no
// control characters (a NUL would cut a path short without a word).
std::optional<std::string> plain_string(const toml::node& node) {
    const auto text = node.value<std::string>();
    if (!text || text->size() > kMaxConfigText || std::any_of(text->begin(), text->end(), [](char c) {
            return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
        })) {
        return std::nullopt;
    }
    return text;
}

tl::expected<toml::table, ConfigError> parse_config(const std::filesystem::path& path) {
    auto text = content::read_regular_file(path, kMaxConfigBytes);
    if (!text) {
        return tl::unexpected(
            ConfigError{path.string() + ": cannot read the configuration: " + text.error().reason});
    }
    // toml++ builds nested tables by recursion: too deep a file is refused first.
    if (const auto deep = content::toml_nesting_overflow(*text)) {
        const content::TextPlace at = content::text_place(*text, *deep);
        return tl::unexpected(ConfigError{path.string() + ":" + std::to_string(at.line) + ":" +
                                          std::to_string(at.column) + ": nested too deep (at most " +
                                          std::to_string(content::kMaxNestingDepth) + " levels)"});
    }
    try {
        return toml::parse(*text, path.string());
    } catch (const toml::parse_error& error) {
        return tl::unexpected(
            ConfigError{where(path, error.source()) + ": " + std::string(error.description())});
    }
}

}  // namespace

const std::vector<std::string>& known_zones() {
    static const std::vector<std::string> zones{"boards", "models", "av", "health"};
    return zones;
}

tl::expected<KioskConfig, ConfigError> load_kiosk_config(const std::filesystem::path& path) {
    auto parsed = parse_config(path);
    if (!parsed) {
        return tl::unexpected(parsed.error());
    }
    const toml::table& table = *parsed;
    const std::filesystem::path base = path.parent_path();
    KioskConfig config;
    // A misspelt key would otherwise fall back to its default without a word.
    static const std::vector<std::string_view> kTopLevelKeys{
        "image_seconds", "decoder_threads", "hardware_decoding", "log_level",    "time_zone",
        "audio_device",  "screen",          "content_dir",       "idle_timeout", "pixels_per_mm"};
    static const std::vector<std::string_view> kScreenKeys{"zone",  "display",   "sound",
                                                           "media", "media_dir", "audio_device"};
    auto check_keys = [&](const toml::table& keys,
                          const std::vector<std::string_view>& known) -> tl::expected<void, ConfigError> {
        for (const auto& [key, node] : keys) {
            if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
                return tl::unexpected(error_at(path, node, "unknown key '" + std::string(key.str()) + "'"));
            }
        }
        return {};
    };
    if (auto known = check_keys(table, kTopLevelKeys); !known) {
        return tl::unexpected(known.error());
    }

    auto number = [&](const char* key, auto& target, double low, double high,
                      const char* unit) -> tl::expected<void, ConfigError> {
        const toml::node* node = table.get(key);
        if (node == nullptr) {
            return {};
        }
        const auto value = node->value<double>();
        // (nan compares false with everything, so it is refused by name.)
        if (!value || !std::isfinite(*value) || *value < low || *value > high) {
            return tl::unexpected(error_at(path, *node,
                                           std::string(key) + " must be a number from " +
                                               content::number_text(low) + " to " +
                                               content::number_text(high) + unit));
        }
        target = static_cast<std::remove_reference_t<decltype(target)>>(*value);
        return {};
    };
    if (auto ok = number("image_seconds", config.image_seconds, 0.1, 3600.0, " seconds"); !ok) {
        return tl::unexpected(ok.error());
    }
    if (const toml::node* node = table.get("decoder_threads")) {
        const auto threads = node->value_exact<int64_t>();
        if (!threads || *threads < 0 || *threads > 16) {
            return tl::unexpected(
                error_at(path, *node, "decoder_threads must be a whole number from 0 to 16"));
        }
        config.decoder_threads = static_cast<int>(*threads);
    }
    if (const toml::node* node = table.get("hardware_decoding")) {
        if (!node->is_boolean()) {
            return tl::unexpected(error_at(path, *node, "hardware_decoding must be true or false"));
        }
        config.hardware_decoding = node->as_boolean()->get();
    }
    if (const toml::node* node = table.get("log_level")) {
        const auto level = node->value<std::string>();
        static const std::vector<std::string> levels{"trace", "debug", "info", "warn", "error", "off"};
        if (!level || std::find(levels.begin(), levels.end(), *level) == levels.end()) {
            return tl::unexpected(
                error_at(path, *node, "log_level must be trace, debug, info, warn, error or off"));
        }
        config.log_level = *level;
    }
    if (const toml::node* node = table.get("time_zone")) {
        const auto name = plain_string(*node);
        if (!name || name->empty()) {
            return tl::unexpected(
                error_at(path, *node, "time_zone must be an IANA name such as \"Asia/Shanghai\""));
        }
        config.time_zone = *name;
    }
    if (auto ok = number("idle_timeout", config.idle_timeout_seconds, 1.0, 86400.0, " seconds"); !ok) {
        return tl::unexpected(ok.error());
    }
    if (auto ok = number("pixels_per_mm", config.pixels_per_mm, 0.5, 40.0, " pixels a millimetre"); !ok) {
        return tl::unexpected(ok.error());
    }
    if (const toml::node* node = table.get("content_dir")) {
        const auto dir = plain_string(*node);
        if (!dir || dir->empty()) {
            return tl::unexpected(error_at(path, *node, "content_dir must be a directory path in quotes"));
        }
        config.content_dir = base / *dir;
    }
    if (const toml::node* node = table.get("audio_device")) {
        const auto name = plain_string(*node);
        if (!name) {
            return tl::unexpected(error_at(path, *node, "audio_device must be a device name in quotes"));
        }
        config.audio_device = name;
    }

    if (const toml::node* screens = table.get("screen")) {
        const toml::array* list = screens->as_array();
        if (list == nullptr) {
            return tl::unexpected(error_at(path, *screens, "screen must be a list of [[screen]] tables"));
        }
        for (const toml::node& entry : *list) {
            const toml::table* screen_table = entry.as_table();
            if (screen_table == nullptr) {
                return tl::unexpected(error_at(path, entry, "each [[screen]] must be a table"));
            }
            if (auto known = check_keys(*screen_table, kScreenKeys); !known) {
                return tl::unexpected(known.error());
            }
            ScreenConfig screen;
            if (const toml::node* zone = screen_table->get("zone")) {
                const auto name = zone->value<std::string>();
                const auto& zones = known_zones();
                if (!name || std::find(zones.begin(), zones.end(), *name) == zones.end()) {
                    return tl::unexpected(
                        error_at(path, *zone, "zone must be one of boards, models, av, health"));
                }
                screen.zone = *name;
            }
            if (const toml::node* display = screen_table->get("display")) {
                const auto index = display->value<int64_t>();
                if (!index || *index < 0 || *index > 7) {
                    return tl::unexpected(error_at(path, *display, "display must be a number from 0 to 7"));
                }
                screen.display = static_cast<int>(*index);
            }
            if (const toml::node* sound = screen_table->get("sound")) {
                if (!sound->is_boolean()) {
                    return tl::unexpected(error_at(path, *sound, "sound must be true or false"));
                }
                screen.sound = sound->as_boolean()->get();
            }
            if (const toml::node* device = screen_table->get("audio_device")) {
                const auto name = plain_string(*device);
                if (!name || name->empty()) {
                    return tl::unexpected(
                        error_at(path, *device, "audio_device must be a sound device's name in quotes"));
                }
                screen.audio_device = name;
            }
            if (screen_table->get("sound") == nullptr) {
                // A screen given a sound device of its own plays its sound there.
                screen.sound = config.screens.empty() || screen.audio_device.has_value();
            }
            if (const toml::node* media = screen_table->get("media")) {
                const toml::array* files = media->as_array();
                if (files == nullptr) {
                    return tl::unexpected(error_at(path, *media, "media must be a list of file paths"));
                }
                for (const toml::node& file : *files) {
                    const auto name = plain_string(file);
                    if (!name || name->empty()) {
                        return tl::unexpected(error_at(path, file, "media entries must be file paths"));
                    }
                    screen.media.push_back(base / *name);
                }
            }
            if (const toml::node* folder = screen_table->get("media_dir")) {
                const auto name = plain_string(*folder);
                if (!name || name->empty()) {
                    return tl::unexpected(error_at(path, *folder, "media_dir must be a folder path"));
                }
                screen.media_dir = base / *name;
            }
            config.screens.push_back(std::move(screen));
        }
        if (config.screens.size() > 4) {
            return tl::unexpected(error_at(path, *screens, "at most 4 screens per kiosk"));
        }
    }
    return config;
}

}  // namespace kiosk::app

#include "kiosk_config.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <tuple>

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

// A misspelt key would otherwise fall back to its default without a word.
tl::expected<void, ConfigError> check_keys(const std::filesystem::path& file, const toml::table& keys,
                                           const std::vector<std::string_view>& known) {
    for (const auto& [key, node] : keys) {
        if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
            return tl::unexpected(error_at(file, node, "unknown key '" + std::string(key.str()) + "'"));
        }
    }
    return {};
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

// Characters (code points) of UTF-8 text: a badge holds one.
std::size_t characters(std::string_view text) {
    return static_cast<std::size_t>(std::count_if(
        text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// A label or path of [consultation]: a plain string, not empty.
tl::expected<std::string, ConfigError> label(const std::filesystem::path& file, const toml::node& node,
                                             const std::string& what) {
    const auto text = plain_string(node);
    if (!text || text->empty()) {
        return tl::unexpected(error_at(file, node, what));
    }
    return *text;
}

// A category's topics: [{zh = "劳动争议", en = "Labour disputes"}, ...]. Two
// topics of one name would be one row of the report by topic.
tl::expected<std::vector<records::Topic>, ConfigError> parse_topics(const std::filesystem::path& file,
                                                                    const toml::node& node) {
    const toml::array* list = node.as_array();
    if (list == nullptr) {
        return tl::unexpected(
            error_at(file, node, "topics must be a list of {zh = \"...\", en = \"...\"} tables"));
    }
    // Tiles a visitor can choose among, on one screen.
    constexpr std::size_t kMaxTopics = 30;
    if (list->size() > kMaxTopics) {
        return tl::unexpected(error_at(file, node,
                                       "a category has at most " + std::to_string(kMaxTopics) +
                                           " topics, not " + std::to_string(list->size())));
    }
    std::vector<records::Topic> topics;
    for (const toml::node& entry : *list) {
        const toml::table* table = entry.as_table();
        if (table == nullptr) {
            return tl::unexpected(
                error_at(file, entry, "topics entries must be {zh = \"...\", en = \"...\"} tables"));
        }
        if (auto known = check_keys(file, *table, {"zh", "en"}); !known) {
            return tl::unexpected(known.error());
        }
        const toml::node* zh = table->get("zh");
        if (zh == nullptr) {
            return tl::unexpected(error_at(file, entry, "a topic needs zh, its Chinese name"));
        }
        records::Topic topic;
        auto name = label(file, *zh, "a topic's zh must be its Chinese name in quotes");
        if (!name) {
            return tl::unexpected(name.error());
        }
        topic.zh = std::move(*name);
        if (const toml::node* en = table->get("en")) {
            auto english = label(file, *en, "a topic's en must be its English name in quotes");
            if (!english) {
                return tl::unexpected(english.error());
            }
            topic.en = std::move(*english);
        }
        if (std::any_of(topics.begin(), topics.end(),
                        [&](const records::Topic& t) { return t.zh == topic.zh; })) {
            return tl::unexpected(error_at(
                file, *zh, "topic " + content::quoted_text(topic.zh) + " is listed twice in its category"));
        }
        topics.push_back(std::move(topic));
    }
    return topics;
}

// One [[consultation.category]]: renames a default category, gives it a
// picture, or its own topics. It cannot add one: every hall reports the same rows.
tl::expected<records::CategoryChange, ConfigError> parse_category(
    const std::filesystem::path& file, const toml::node& node, const std::vector<std::string>& configured) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
        return tl::unexpected(error_at(file, node, "each [[consultation.category]] must be a table"));
    }
    if (auto known = check_keys(file, *table, {"id", "zh", "en", "badge", "picture", "topics"}); !known) {
        return tl::unexpected(known.error());
    }
    const records::Categories defaults;
    const toml::node* id_node = table->get("id");
    if (id_node == nullptr) {
        return tl::unexpected(error_at(
            file, node, "a [[consultation.category]] needs its id (one of " + defaults.ids_text() + ")"));
    }
    const auto id = id_node->value<std::string>();
    if (!id || records::Categories().find(*id) == nullptr) {
        return tl::unexpected(error_at(file, *id_node,
                                       (id ? "id " + content::quoted_text(*id) + ": not a category"
                                           : std::string("id must be a category's id in quotes")) +
                                           " (the ids are " + defaults.ids_text() + ")"));
    }
    if (std::find(configured.begin(), configured.end(), *id) != configured.end()) {
        return tl::unexpected(error_at(
            file, *id_node, "id " + content::quoted_text(*id) + ": this category is configured twice"));
    }
    records::CategoryChange change;
    change.id = *id;
    for (auto [key, target, what] :
         {std::tuple{"zh", &change.zh, "zh must be the category's Chinese name in quotes"},
          std::tuple{"en", &change.en, "en must be the category's English name in quotes"},
          std::tuple{"picture", &change.picture,
                     "picture must be a picture's path in the content package"}}) {
        if (const toml::node* value = table->get(key)) {
            auto text = label(file, *value, what);
            if (!text) {
                return tl::unexpected(text.error());
            }
            *target = std::move(*text);
        }
    }
    if (const toml::node* badge = table->get("badge")) {
        auto text = label(file, *badge, "badge must be one character in quotes, such as \"法\"");
        if (!text || characters(*text) != 1) {
            return tl::unexpected(
                error_at(file, *badge, "badge must be one character in quotes, such as \"法\""));
        }
        change.badge = std::move(*text);
    }
    if (const toml::node* topics = table->get("topics")) {
        auto list = parse_topics(file, *topics);
        if (!list) {
            return tl::unexpected(list.error());
        }
        change.topics = std::move(*list);
    }
    return change;
}

// [consultation]: where visitors are sent, how long call-back numbers are
// kept, the desk's screen, and the categories as this hall names them.
tl::expected<ConsultationConfig, ConfigError> parse_consultation(const std::filesystem::path& file,
                                                                 const toml::node& node, int screen_count) {
    const toml::table* table = node.as_table();
    if (table == nullptr) {
        return tl::unexpected(error_at(file, node, "consultation must be a [consultation] table"));
    }
    if (auto known = check_keys(
            file, *table, {"where_zh", "where_en", "callback_retention_days", "desk_screen", "category"});
        !known) {
        return tl::unexpected(known.error());
    }
    ConsultationConfig config;
    for (auto [key, target, what] :
         {std::tuple{"where_zh", &config.where_zh,
                     "where_zh must name the consultation room or desk in quotes"},
          std::tuple{"where_en", &config.where_en,
                     "where_en must name the consultation room or desk in quotes"}}) {
        if (const toml::node* value = table->get(key)) {
            auto text = label(file, *value, what);
            if (!text) {
                return tl::unexpected(text.error());
            }
            *target = std::move(*text);
        }
    }
    if (const toml::node* days = table->get("callback_retention_days")) {
        const auto value = days->value_exact<int64_t>();
        if (!value || *value < 1 || *value > 3650) {
            return tl::unexpected(error_at(
                file, *days, "callback_retention_days must be a whole number of days from 1 to 3650"));
        }
        config.callback_retention_days = static_cast<int>(*value);
    }
    if (const toml::node* screen = table->get("desk_screen")) {
        const auto index = screen->value_exact<int64_t>();
        if (!index || *index < 0 || *index >= screen_count) {
            return tl::unexpected(error_at(file, *screen,
                                           "desk_screen must be the index of a [[screen]], from 0 to " +
                                               std::to_string(screen_count - 1)));
        }
        config.desk_screen = static_cast<int>(*index);
    }
    if (const toml::node* categories = table->get("category")) {
        const toml::array* list = categories->as_array();
        if (list == nullptr) {
            return tl::unexpected(
                error_at(file, *categories, "category must be a list of [[consultation.category]] tables"));
        }
        std::vector<std::string> configured;
        for (const toml::node& entry : *list) {
            auto change = parse_category(file, entry, configured);
            if (!change) {
                return tl::unexpected(change.error());
            }
            configured.push_back(change->id);
            config.categories.apply(*change);
            config.category_changes.push_back(std::move(*change));
        }
    }
    return config;
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
    static const std::vector<std::string_view> kTopLevelKeys{
        "image_seconds", "decoder_threads", "hardware_decoding", "log_level",    "time_zone",
        "audio_device",  "screen",          "content_dir",       "idle_timeout", "pixels_per_mm",
        "consultation"};
    static const std::vector<std::string_view> kScreenKeys{"zone",  "display",   "sound",
                                                           "media", "media_dir", "audio_device"};
    if (auto known = check_keys(path, table, kTopLevelKeys); !known) {
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
            if (auto known = check_keys(path, *screen_table, kScreenKeys); !known) {
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
    if (const toml::node* consultation = table.get("consultation")) {
        // With no [[screen]] the kiosk runs one screen: index 0.
        const int screen_count = std::max<int>(1, static_cast<int>(config.screens.size()));
        auto parsed_consultation = parse_consultation(path, *consultation, screen_count);
        if (!parsed_consultation) {
            return tl::unexpected(parsed_consultation.error());
        }
        config.consultation = std::move(*parsed_consultation);
    }
    return config;
}

}  // namespace kiosk::app

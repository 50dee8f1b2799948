#pragma once
// The kiosk's configuration file (TOML). Every key is optional; the README
// documents them and deploy/examples/kiosk.toml shows them all.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "records/categories.h"

namespace kiosk::app {

struct ScreenConfig {
    std::string zone = "av";  // boards, models, av or health
    int display = 0;          // which display (0 = the first)
    // The zone's film programme: explicit files, or every media file of a
    // folder in name order. Relative paths are relative to the config file.
    std::vector<std::filesystem::path> media;
    std::optional<std::filesystem::path> media_dir;
    bool sound = false;  // whether this screen plays its films' sound
    // Where: an SDL sound device of its own (one PC with four HDMI screens has
    // four); none: the configuration's audio_device, else the system default.
    std::optional<std::string> audio_device;
};

// Asking for help ([consultation]): where visitors are sent, how long a
// call-back number is kept, which screen faces the desk, and the categories
// as this hall names them.
struct ConsultationConfig {
    // The consultation room or desk the confirmation sends visitors to.
    std::string where_zh = "一楼服务台";
    std::string where_en = "the service desk, ground floor";
    int callback_retention_days = 30;
    // The screen (index in [[screen]]) at the desk: after a consultation is
    // closed there, it asks the visitor to rate the service. None: no screen does.
    std::optional<int> desk_screen;
    // The defaults, renamed and with topics as [[consultation.category]] says.
    records::Categories categories;
    // What [[consultation.category]] set, and nothing else: applied over a
    // content package's own names, so the hall's file has the last word.
    std::vector<records::CategoryChange> category_changes;
};

struct KioskConfig {
    std::vector<ScreenConfig> screens;  // none: one screen, zone av, <data-dir>/media/av
    double image_seconds = 10.0;        // display time of still pictures
    int decoder_threads = 1;            // per video decoder; 0 = libavcodec's choice
    bool hardware_decoding = true;
    std::string log_level = "info";
    std::string time_zone = "Asia/Shanghai";  // IANA name: the hall's local time for the schedule
    std::optional<std::string> audio_device;
    // Touch exhibits: the content package (relative to the config file; none:
    // <data-dir>/content), seconds without a touch before a screen goes back
    // to its film programme, and the panels' pixel density for touch targets.
    std::optional<std::filesystem::path> content_dir;
    double idle_timeout_seconds = 60.0;
    double pixels_per_mm = 3.6;
    ConsultationConfig consultation;
};

struct ConfigError {
    std::string message;  // with the file, line and key at fault
};

// Reads the file; a missing file is an error (the caller decides whether a
// config is required).
tl::expected<KioskConfig, ConfigError> load_kiosk_config(const std::filesystem::path& path);

const std::vector<std::string>& known_zones();

}  // namespace kiosk::app

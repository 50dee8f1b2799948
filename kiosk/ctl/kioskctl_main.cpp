// kioskctl: staff and installer commands for the kiosk.

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/kiosk_config.h"
#include "app/kiosk_options.h"
#include "app/version_text.h"
#include "content_command.h"
#include "ctl_context.h"
#include "media_command.h"
#include "playlist_command.h"
#include "probe_command.h"
#include "report_command.h"
#include "schedule_command.h"

int main(int argc, char** argv) {
    CLI::App cli{"kioskctl: manage the Population Culture Window kiosk"};
    std::optional<std::filesystem::path> config_path;
    std::filesystem::path data_dir = kiosk::app::default_data_dir();
    cli.add_option("--config", config_path, "configuration file (TOML)")->check(CLI::ExistingFile);
    cli.add_option("--data-dir", data_dir, "where the database, caches and keys live");
    cli.add_flag_callback(
        "--version", [] { throw CLI::CallForVersion(); },
        "print the version and the libraries in use, then exit");
    cli.require_subcommand(1);

    CLI::App* probe = cli.add_subcommand("probe", "what a media file holds, or why it cannot play");
    std::filesystem::path probe_file;
    bool probe_json = false;
    probe->add_option("FILE", probe_file, "media file")->required();
    probe->add_flag("--json", probe_json, "print JSON instead of text");

    kiosk::ctl::MediaCommand media(cli);
    kiosk::ctl::PlaylistCommand playlist(cli);
    kiosk::ctl::ScheduleCommand schedule(cli);
    kiosk::ctl::ReportCommand report(cli);
    kiosk::ctl::ContentCommand content_packages(cli);

    try {
        cli.parse(argc, argv);
    } catch (const CLI::CallForHelp& help) {
        return cli.exit(help);
    } catch (const CLI::CallForAllHelp& help) {
        return cli.exit(help);
    } catch (const CLI::CallForVersion&) {
        std::fputs(kiosk::app::version_text("kioskctl").c_str(), stdout);
        return kiosk::ctl::kExitDone;
    } catch (const CLI::ParseError& error) {
        // CLI11 numbers its faults (105, 106, 109...); staff and scripts get
        // the one documented status for a bad command line.
        std::fprintf(stderr,
                     "kioskctl: %s\nRun 'kioskctl --help' (or 'kioskctl COMMAND --help') for the usage.\n",
                     error.what());
        return kiosk::ctl::kExitUsage;
    }
    kiosk::ctl::CtlContext context;
    context.data_dir = data_dir;
    kiosk::app::KioskConfig config;  // the kiosk's own file, read the kiosk's way
    if (config_path) {
        auto loaded = kiosk::app::load_kiosk_config(*config_path);
        if (!loaded) {
            std::fprintf(stderr, "kioskctl: bad configuration: %s\n", loaded.error().message.c_str());
            return kiosk::ctl::kExitUsage;
        }
        config = std::move(*loaded);
    }
    context.still_time = std::chrono::milliseconds{static_cast<long long>(config.image_seconds * 1000)};
    if (probe->parsed()) {
        return kiosk::ctl::run_probe(probe_file, probe_json, std::cout, std::cerr);
    }
    // Checking a package needs no time zone: a configuration without a
    // valid one must not stop staff from checking content.
    if (auto status = content_packages.run(context, std::cout, std::cerr))
        return *status;
    auto time_zone = scheduler::locate_time_zone(config.time_zone);
    if (!time_zone) {
        std::fprintf(stderr, "kioskctl: bad configuration: time_zone: %s\n",
                     time_zone.error().message.c_str());
        return kiosk::ctl::kExitUsage;
    }
    context.time_zone = *time_zone;

    if (auto status = media.run(context, std::cout, std::cerr))
        return *status;
    if (auto status = playlist.run(context, std::cout, std::cerr))
        return *status;
    if (auto status = schedule.run(context, std::cout, std::cerr))
        return *status;
    if (auto status = report.run(context, std::cout, std::cerr))
        return *status;
    std::fprintf(stderr, "kioskctl: no command given; run 'kioskctl --help'\n");
    return kiosk::ctl::kExitUsage;
}

// kioskctl: staff and installer commands for the kiosk.

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>
#include <vector>

#include <CLI/CLI.hpp>

#include "app/kiosk_config.h"
#include "app/kiosk_options.h"
#include "app/version_text.h"
#include "command_table.h"
#include "consult_command.h"
#include "consult_report.h"
#include "content_command.h"
#include "ctl_context.h"
#include "media_command.h"
#include "playlist_command.h"
#include "probe_command.h"
#include "report_command.h"
#include "schedule_command.h"

namespace {

// Every command, in the order the help lists them.
std::vector<kiosk::ctl::CommandEntry> kioskctl_commands() {
    std::vector<kiosk::ctl::CommandEntry> table;
    for (auto group : {kiosk::ctl::probe_commands, kiosk::ctl::media_commands, kiosk::ctl::playlist_commands,
                       kiosk::ctl::schedule_commands, kiosk::ctl::report_commands,
                       kiosk::ctl::consultation_report_commands, kiosk::ctl::consult_commands,
                       kiosk::ctl::content_commands}) {
        for (kiosk::ctl::CommandEntry& entry : group()) {
            table.push_back(std::move(entry));
        }
    }
    return table;
}

}  // namespace

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
    const kiosk::ctl::CommandTable commands(cli, kioskctl_commands());

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
    kiosk::app::KioskConfig config;  // the kiosk's own file, read the kiosk's way
    if (config_path) {
        auto loaded = kiosk::app::load_kiosk_config(*config_path);
        if (!loaded) {
            std::fprintf(stderr, "kioskctl: bad configuration: %s\n", loaded.error().message.c_str());
            return kiosk::ctl::kExitUsage;
        }
        config = std::move(*loaded);
    }
    const kiosk::ctl::CommandEntry* command = commands.parsed();
    if (command == nullptr) {
        std::fprintf(stderr, "kioskctl: no command given; run 'kioskctl --help'\n");
        return kiosk::ctl::kExitUsage;
    }
    kiosk::ctl::CtlContext context;
    context.data_dir = data_dir;
    context.still_time = std::chrono::milliseconds{static_cast<long long>(config.image_seconds * 1000)};
    context.categories = config.consultation.categories;
    context.callback_retention = std::chrono::days{config.consultation.callback_retention_days};
    return kiosk::ctl::run_command(*command, context, config.time_zone, std::cout, std::cerr);
}

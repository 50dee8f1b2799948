// kioskctl: staff and installer commands for the kiosk.

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <optional>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "app/kiosk_config.h"
#include "app/kiosk_options.h"
#include "probe_command.h"

int main(int argc, char** argv) {
    CLI::App cli{"kioskctl: manage the Population Culture Window kiosk"};
    std::optional<std::filesystem::path> config_path;
    std::filesystem::path data_dir = kiosk::app::default_data_dir();
    cli.add_option("--config", config_path, "configuration file (TOML)")->check(CLI::ExistingFile);
    cli.add_option("--data-dir", data_dir, "where the database, caches and keys live");
    cli.require_subcommand(1);

    CLI::App* probe = cli.add_subcommand("probe", "what a media file holds, or why it cannot play");
    std::filesystem::path probe_file;
    bool probe_json = false;
    probe->add_option("FILE", probe_file, "media file")->required();
    probe->add_flag("--json", probe_json, "print JSON instead of text");

    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& error) {
        return cli.exit(error);
    }
    if (config_path) {
        if (auto config = kiosk::app::load_kiosk_config(*config_path); !config) {
            std::fprintf(stderr, "kioskctl: bad configuration: %s\n", config.error().message.c_str());
            return 2;
        }
    }
    if (probe->parsed()) {
        return kiosk::ctl::run_probe(probe_file, probe_json, std::cout, std::cerr);
    }
    return 2;
}

#include "media_command.h"

#include <iomanip>

#include <nlohmann/json.hpp>

extern "C" {
#include <libavutil/log.h>
}

#include "scheduler/media_registration.h"

namespace kiosk::ctl {
namespace {

std::string picture(const scheduler::MediaFile& media) {
    if (media.video_codec.empty()) {
        return "none";
    }
    return media.video_codec + " " + std::to_string(media.width) + "x" + std::to_string(media.height);
}

std::string length(const scheduler::MediaFile& media) {
    return media.is_still ? "still" : format_length(media.duration);
}

}  // namespace

MediaCommand::MediaCommand(CLI::App& cli) {
    CLI::App* media = cli.add_subcommand("media", "the media library: files staff can put in playlists");
    media->require_subcommand(1);
    m_add = media->add_subcommand("add", "register files (probed as the player opens them, and hashed)");
    m_add->add_option("FILE", m_files, "media files")->required();
    m_add->add_option("--name", m_name, "what staff call it (default: the file name without extension)");
    m_list = media->add_subcommand("list", "every registered file with its facts");
    m_list->add_flag("--json", m_json, "print JSON");
    m_remove = media->add_subcommand("remove", "unregister a file no playlist uses (the file stays on disk)");
    m_remove->add_option("NAME", m_remove_name, "media name")->required();
}

std::optional<int> MediaCommand::run(const CtlContext& context, std::ostream& out, std::ostream& err) {
    if (m_add->parsed())
        return add(context, out, err);
    if (m_list->parsed())
        return list(context, out, err);
    if (m_remove->parsed())
        return remove(context, out, err);
    return std::nullopt;
}

int MediaCommand::add(const CtlContext& context, std::ostream& out, std::ostream& err) {
    const std::string command = "media add";
    if (!m_name.empty() && m_files.size() > 1) {
        return fail(err, command, "--name names one file; register the files one at a time");
    }
    auto store = context.open_store(command, err);
    if (!store) {
        return 1;
    }
    av_log_set_level(AV_LOG_QUIET);  // the reason is reported once, below
    int status = 0;
    for (const std::string& file : m_files) {
        const auto now =
            std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
        auto media = scheduler::describe_media_file(file, m_name, now);
        if (!media) {
            status = fail(err, command, media.error());
            continue;
        }
        auto stored = store->add_media(*media);
        if (!stored) {
            status = fail(err, command, stored.error());
            continue;
        }
        out << "registered \"" << stored->name << "\": " << length(*stored) << ", " << picture(*stored)
            << ", sound " << (stored->audio_codec.empty() ? "none" : stored->audio_codec) << ", sha256 "
            << stored->sha256.substr(0, 16) << "… (" << stored->path.string() << ")\n";
    }
    return status;
}

int MediaCommand::list(const CtlContext& context, std::ostream& out, std::ostream& err) {
    auto store = context.open_store("media list", err);
    if (!store) {
        return 1;
    }
    auto media = store->list_media();
    if (!media) {
        return fail(err, "media list", media.error());
    }
    if (m_json) {
        nlohmann::json list = nlohmann::json::array();
        for (const auto& m : *media) {
            list.push_back({{"name", m.name},
                            {"path", m.path.string()},
                            {"sha256", m.sha256},
                            {"size_bytes", m.size_bytes},
                            {"duration_s", static_cast<double>(m.duration.count()) / 1000.0},
                            {"still", m.is_still},
                            {"container", m.container},
                            {"video_codec", m.video_codec},
                            {"width", m.width},
                            {"height", m.height},
                            {"audio_codec", m.audio_codec}});
        }
        out << list.dump(2) << '\n';
        return 0;
    }
    if (media->empty()) {
        out << "no media registered (kioskctl media add FILE)\n";
        return 0;
    }
    out << std::left << std::setw(24) << "NAME" << std::setw(10) << "LENGTH" << std::setw(18) << "PICTURE"
        << std::setw(8) << "SOUND" << std::setw(14) << "SHA-256"
        << "FILE\n";
    for (const auto& m : *media) {
        out << std::left << std::setw(24) << m.name << std::setw(10) << length(m) << std::setw(18)
            << picture(m) << std::setw(8) << (m.audio_codec.empty() ? "none" : m.audio_codec) << std::setw(14)
            << m.sha256.substr(0, 12) << m.path.string() << '\n';
    }
    return 0;
}

int MediaCommand::remove(const CtlContext& context, std::ostream& out, std::ostream& err) {
    auto store = context.open_store("media remove", err);
    if (!store) {
        return 1;
    }
    if (auto removed = store->remove_media(m_remove_name); !removed) {
        return fail(err, "media remove", removed.error());
    }
    out << "removed \"" << m_remove_name << "\" from the library\n";
    return 0;
}

}  // namespace kiosk::ctl

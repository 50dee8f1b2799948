#include "media_command.h"

#include <iomanip>

#include <nlohmann/json.hpp>

#include "media/library_log.h"
#include "media/media_probe.h"
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

struct MediaAddition {
    std::vector<std::string> files;
    std::string name;
};

void add_addition_options(CLI::App& app, MediaAddition& addition) {
    app.add_option("FILE", addition.files, "media files")->required();
    app.add_option("--name", addition.name, "what staff call it (default: the file name without extension)");
}

Outcome check_addition(MediaAddition& addition, const Call& /*call*/) {
    if (!addition.name.empty() && addition.files.size() > 1) {
        return refuse("--name names one file; register the files one at a time");
    }
    return {};
}

// Each file on its own: one that cannot be registered is reported and the rest still are.
Outcome add_media(const MediaAddition& addition, const Call& call) {
    media::set_library_log(media::LibraryLog::quiet);  // the reason is reported once, below
    bool refused = false;
    for (const std::string& file : addition.files) {
        const auto now =
            std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
        // Probed exactly as the player opens it.
        auto described = scheduler::describe_media_file(file, addition.name, media::probe_media(file), now);
        if (!described) {
            call.complain(described.error().message);
            refused = true;
            continue;
        }
        auto stored = call.store->add_media(*described);
        if (!stored) {
            call.complain(stored.error().message);
            refused = true;
            continue;
        }
        call.out << "registered \"" << stored->name << "\": " << length(*stored) << ", " << picture(*stored)
                 << ", sound " << (stored->audio_codec.empty() ? "none" : stored->audio_codec) << ", sha256 "
                 << stored->sha256.substr(0, 16) << "… (" << stored->path.string() << ")\n";
    }
    return refused ? Outcome(already_said()) : Outcome();
}

struct MediaListing {
    bool json = false;
};

void add_listing_options(CLI::App& app, MediaListing& listing) {
    app.add_flag("--json", listing.json, "print JSON");
}

Outcome list_media(const MediaListing& listing, const Call& call) {
    auto media = call.store->list_media();
    if (!media) {
        return refuse(media.error());
    }
    std::ostream& out = call.out;
    if (listing.json) {
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
        return {};
    }
    if (media->empty()) {
        out << "no media registered (kioskctl media add FILE)\n";
        return {};
    }
    out << std::left << std::setw(24) << "NAME" << std::setw(10) << "LENGTH" << std::setw(18) << "PICTURE"
        << std::setw(8) << "SOUND" << std::setw(14) << "SHA-256"
        << "FILE\n";
    for (const auto& m : *media) {
        out << std::left << std::setw(24) << m.name << std::setw(10) << length(m) << std::setw(18)
            << picture(m) << std::setw(8) << (m.audio_codec.empty() ? "none" : m.audio_codec) << std::setw(14)
            << m.sha256.substr(0, 12) << m.path.string() << '\n';
    }
    return {};
}

struct MediaRemoval {
    std::string name;
};

void add_removal_options(CLI::App& app, MediaRemoval& removal) {
    app.add_option("NAME", removal.name, "media name")->required();
}

Outcome remove_media(const MediaRemoval& removal, const Call& call) {
    if (auto removed = call.store->remove_media(removal.name); !removed) {
        return refuse(removed.error());
    }
    call.out << "removed \"" << removal.name << "\" from the library\n";
    return {};
}

}  // namespace

std::vector<CommandEntry> media_commands() {
    return {
        command_group({"media"}, "the media library: files staff can put in playlists"),
        leaf_command<MediaAddition>(
            {"media", "add"}, "register files (probed as the player opens them, and hashed)", Needs::store,
            {.add_options = add_addition_options, .check = check_addition, .run = add_media}),
        leaf_command<MediaListing>({"media", "list"}, "every registered file with its facts", Needs::store,
                                   {.add_options = add_listing_options, .run = list_media}),
        leaf_command<MediaRemoval>({"media", "remove"},
                                   "unregister a file no playlist uses (the file stays on disk)",
                                   Needs::store, {.add_options = add_removal_options, .run = remove_media}),
    };
}

}  // namespace kiosk::ctl

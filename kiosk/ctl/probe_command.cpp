#include "probe_command.h"

#include <iomanip>

#include <nlohmann/json.hpp>

#include "media/library_log.h"
#include "media/media_probe.h"

namespace kiosk::ctl {
namespace {

struct ProbeRequest {
    std::filesystem::path file;
    bool json = false;
};

void add_probe_options(CLI::App& app, ProbeRequest& request) {
    app.add_option("FILE", request.file, "media file")->required();
    app.add_flag("--json", request.json, "print JSON instead of text");
}

nlohmann::json facts_json(const std::filesystem::path& file, const content::MediaFacts& facts) {
    nlohmann::json json{{"path", file.string()},
                        {"playable", true},
                        {"container", facts.container},
                        {"duration_s", facts.duration_seconds},
                        {"still", facts.is_still},
                        {"video", nullptr},
                        {"audio", nullptr}};
    if (facts.video) {
        json["video"] = {
            {"codec", facts.video->codec},           {"width", facts.video->width},
            {"height", facts.video->height},         {"pixel_format", facts.video->pixel_format},
            {"frame_rate", facts.video->frame_rate}, {"rotation_deg", facts.video->rotation_degrees}};
    }
    if (facts.audio) {
        json["audio"] = {{"codec", facts.audio->codec},
                         {"sample_rate", facts.audio->sample_rate},
                         {"channels", facts.audio->channels}};
    }
    return json;
}

void print_text(const std::filesystem::path& file, const content::MediaFacts& facts, std::ostream& out) {
    out << file.string() << ": playable\n";
    out << "  container:  " << facts.container << '\n';
    if (facts.is_still) {
        out << "  duration:   still picture (shown for the playlist's display time)\n";
    } else {
        out << "  duration:   " << std::fixed << std::setprecision(2) << facts.duration_seconds << " s\n";
    }
    if (facts.video) {
        out << "  video:      " << facts.video->codec << ' ' << facts.video->width << 'x'
            << facts.video->height << ' ' << facts.video->pixel_format;
        if (facts.video->frame_rate > 0) {
            out << ", " << std::setprecision(3) << facts.video->frame_rate << " fps";
        }
        out << '\n';
        out << "  rotation:   " << facts.video->rotation_degrees << " degrees\n";
    } else {
        out << "  video:      none (sound only)\n";
    }
    if (facts.audio) {
        out << "  audio:      " << facts.audio->codec << ' ' << facts.audio->sample_rate << " Hz, "
            << facts.audio->channels << " channels\n";
    } else {
        out << "  audio:      none\n";
    }
}

Outcome probe(const ProbeRequest& request, const Call& call) {
    media::set_library_log(media::LibraryLog::quiet);  // the reason is reported once, below
    auto facts = media::probe_media(request.file);
    if (!facts) {
        const std::string reason =
            std::string(content::to_string(facts.error().kind)) + ": " + facts.error().message;
        if (request.json) {
            call.out << nlohmann::json{{"path", request.file.string()},
                                       {"playable", false},
                                       {"error", reason}}
                            .dump(2)
                     << '\n';
        }
        call.err << request.file.string() << ": cannot play: " << reason << '\n';
        return already_said();
    }
    if (request.json) {
        call.out << facts_json(request.file, *facts).dump(2) << '\n';
    } else {
        print_text(request.file, *facts, call.out);
    }
    return {};
}

}  // namespace

std::vector<CommandEntry> probe_commands() {
    return {leaf_command<ProbeRequest>({"probe"}, "what a media file holds, or why it cannot play",
                                       Needs::nothing, {.add_options = add_probe_options, .run = probe})};
}

}  // namespace kiosk::ctl

#include "probe_command.h"

#include <iomanip>

#include <nlohmann/json.hpp>

extern "C" {
#include <libavutil/log.h>
}

#include "content/media_probe.h"

namespace kiosk::ctl {
namespace {

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

}  // namespace

int run_probe(const std::filesystem::path& file, bool json, std::ostream& out, std::ostream& err) {
    av_log_set_level(AV_LOG_QUIET);  // the reason is reported once, below
    auto facts = content::probe_media(file);
    if (!facts) {
        const std::string reason =
            std::string(content::to_string(facts.error().kind)) + ": " + facts.error().message;
        if (json) {
            out << nlohmann::json{{"path", file.string()}, {"playable", false}, {"error", reason}}.dump(2)
                << '\n';
        }
        err << file.string() << ": cannot play: " << reason << '\n';
        return 1;
    }
    if (json) {
        out << facts_json(file, *facts).dump(2) << '\n';
    } else {
        print_text(file, *facts, out);
    }
    return 0;
}

}  // namespace kiosk::ctl

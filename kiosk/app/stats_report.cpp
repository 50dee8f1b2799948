#include "stats_report.h"

#include <algorithm>
#include <fstream>

namespace kiosk::app {

nlohmann::json stats_report(const std::vector<const playback::PlaybackStats*>& screens, double wall_seconds) {
    playback::PlaybackStats total;
    nlohmann::json per_screen = nlohmann::json::array();
    for (const playback::PlaybackStats* screen : screens) {
        total.frames_presented += screen->frames_presented;
        total.frames_dropped += screen->frames_dropped;
        total.items_played += screen->items_played;
        total.items_skipped += screen->items_skipped;
        total.decode_errors += screen->decode_errors;
        total.max_transition_gap_ms = std::max(total.max_transition_gap_ms, screen->max_transition_gap_ms);
        total.av_sync_max_ms = std::max(total.av_sync_max_ms, screen->av_sync_max_ms);
        if (screen->first_frame_ms) {
            total.first_frame_ms = std::max(total.first_frame_ms.value_or(0.0), *screen->first_frame_ms);
        }
        total.skipped.insert(total.skipped.end(), screen->skipped.begin(), screen->skipped.end());
        per_screen.push_back({{"frames_presented", screen->frames_presented},
                              {"frames_dropped", screen->frames_dropped},
                              {"items_played", screen->items_played},
                              {"items_skipped", screen->items_skipped}});
    }
    nlohmann::json skipped = nlohmann::json::array();
    for (const auto& item : total.skipped) {
        skipped.push_back({{"path", item.path}, {"reason", item.reason}});
    }
    nlohmann::json report{
        {"frames_presented", total.frames_presented},
        {"frames_dropped", total.frames_dropped},
        {"items_played", total.items_played},
        {"items_skipped", total.items_skipped},
        {"max_transition_gap_ms", total.max_transition_gap_ms},
        {"av_sync_max_ms", total.av_sync_max_ms},
        {"first_frame_ms", total.first_frame_ms ? nlohmann::json(*total.first_frame_ms) : nlohmann::json()},
        {"decode_errors", total.decode_errors},
        {"skipped", skipped},
        {"played", screens.empty() ? nlohmann::json::array() : nlohmann::json(screens.front()->played)},
        {"screens", per_screen},
        {"wall_seconds", wall_seconds},
    };
    return report;
}

bool write_stats_report(const std::filesystem::path& path, const nlohmann::json& report) {
    std::ofstream file(path);
    file << report.dump(2) << '\n';
    return static_cast<bool>(file);
}

}  // namespace kiosk::app

#include "stats_report.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <optional>

namespace kiosk::app {

namespace {

// Frame intervals of every screen as {count, median, p99, max}.
nlohmann::json frame_intervals(const std::vector<const playback::PlaybackStats*>& screens) {
    std::int64_t count = 0;
    double median = 0.0;
    double p99 = 0.0;
    double max = 0.0;
    for (const playback::PlaybackStats* screen : screens) {
        const auto& intervals = screen->frame_interval_ms;
        // The screens run side by side: the worst screen's figures are the hall's.
        count += intervals.count();
        median = std::max(median, intervals.percentile(0.5));
        p99 = std::max(p99, intervals.percentile(0.99));
        max = std::max(max, intervals.max());
    }
    return {{"count", count}, {"median", median}, {"p99", p99}, {"max", max}};
}

}  // namespace

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
                              {"items_skipped", screen->items_skipped},
                              {"sound_seconds", screen->sound_seconds}});
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
        {"frame_interval_ms", frame_intervals(screens)},
        {"skipped", skipped},
        {"played", screens.empty() ? nlohmann::json::array() : nlohmann::json(screens.front()->played)},
        {"screens", per_screen},
        {"wall_seconds", wall_seconds},
    };
    return report;
}

namespace {

// Nearest-rank percentile of `samples` (sorted here).
double percentile(std::vector<double> samples, double share) {
    std::sort(samples.begin(), samples.end());
    const auto rank = static_cast<std::size_t>(std::ceil(share * static_cast<double>(samples.size())));
    return samples[std::min(samples.size() - 1, rank == 0 ? 0 : rank - 1)];
}

nlohmann::json distribution(const std::vector<double>& samples) {
    if (samples.empty()) {
        return {{"count", 0}};
    }
    return {{"count", samples.size()},
            {"median", percentile(samples, 0.5)},
            {"p99", percentile(samples, 0.99)},
            {"max", *std::max_element(samples.begin(), samples.end())}};
}

}  // namespace

nlohmann::json exhibit_report(const std::vector<const ExhibitFigures*>& exhibits) {
    std::vector<double> touch;
    std::vector<double> board;
    std::vector<double> scroll;
    std::optional<double> home_ready;
    int touches = 0;
    int idle_returns = 0;
    for (const ExhibitFigures* figures : exhibits) {
        touch.insert(touch.end(), figures->touch_latency_ms.begin(), figures->touch_latency_ms.end());
        board.insert(board.end(), figures->board_open_ms.begin(), figures->board_open_ms.end());
        scroll.insert(scroll.end(), figures->scroll_frame_ms.begin(), figures->scroll_frame_ms.end());
        if (figures->home_ready_ms) {
            home_ready = std::max(home_ready.value_or(0.0), *figures->home_ready_ms);
        }
        touches += figures->touches;
        idle_returns += figures->idle_returns;
    }
    return {{"touch_latency_ms", distribution(touch)},
            {"board_open_ms", distribution(board)},
            {"scroll_frame_ms", distribution(scroll)},
            {"home_ready_ms", home_ready ? nlohmann::json(*home_ready) : nlohmann::json()},
            {"visitors", touches},
            {"idle_returns", idle_returns}};
}

bool write_stats_report(const std::filesystem::path& path, const nlohmann::json& report) {
    std::ofstream file(path);
    file << report.dump(2) << '\n';
    return static_cast<bool>(file);
}

}  // namespace kiosk::app

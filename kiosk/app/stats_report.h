#pragma once
// The --stats-json report: figures summed over every screen.

#include <filesystem>
#include <vector>

#include <nlohmann/json.hpp>

#include "exhibit.h"
#include "playback/playback_stats.h"

namespace kiosk::app {

nlohmann::json stats_report(const std::vector<const playback::PlaybackStats*>& screens, double wall_seconds);

// The touch exhibits' figures (latencies as {count, median, p99, max}).
nlohmann::json exhibit_report(const std::vector<const ExhibitFigures*>& exhibits);

bool write_stats_report(const std::filesystem::path& path, const nlohmann::json& report);

}  // namespace kiosk::app

#include "scheduler/programme_file.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

#include "file_tree.h"
#include "programme_text.h"

namespace scheduler {
namespace detail {

std::string seconds_text(std::chrono::milliseconds time) {
    const long long ms = time.count();
    if (ms % 1000 == 0) {
        return std::to_string(ms / 1000);
    }
    std::string fraction = std::to_string(ms % 1000);
    fraction.insert(0, 3 - fraction.size(), '0');
    while (fraction.back() == '0') {
        fraction.pop_back();
    }
    return std::to_string(ms / 1000) + "." + fraction;
}

std::vector<std::string> zones_in_use(const Programme& programme) {
    std::vector<std::string> zones;
    for (const std::string& zone : known_zones()) {
        if (programme.find_zone(zone) != nullptr) {
            zones.push_back(zone);
        }
    }
    for (const ZoneSettings& settings : programme.zones) {
        if (!is_known_zone(settings.zone)) {
            zones.push_back(settings.zone);
        }
    }
    return zones;
}

std::string playlist_name(const Programme& programme, PlaylistId id) {
    const Playlist* playlist = programme.find_playlist(id);
    return playlist != nullptr ? playlist->name : "";
}

}  // namespace detail

ProgrammeFormat guess_programme_format(const std::filesystem::path& file, std::string_view text) {
    std::string extension = file.extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (extension == ".json") {
        return ProgrammeFormat::json;
    }
    if (extension == ".toml") {
        return ProgrammeFormat::toml;
    }
    const auto first =
        std::find_if(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c) == 0; });
    return first != text.end() && *first == '{' ? ProgrammeFormat::json : ProgrammeFormat::toml;
}

tl::expected<ImportedProgramme, std::vector<FileProblem>> parse_programme(
    std::string_view text, ProgrammeFormat format, std::string_view file_name,
    const std::vector<MediaFile>& library, const date::time_zone& tz, std::chrono::milliseconds still_time) {
    auto tree = format == ProgrammeFormat::json ? detail::parse_json_tree(text, file_name)
                                                : detail::parse_toml_tree(text, file_name);
    if (!tree) {
        return tl::unexpected(tree.error());
    }
    return detail::read_programme_tree(
        *tree, format == ProgrammeFormat::json ? detail::PathStyle::json_pointer : detail::PathStyle::dotted,
        file_name, library, tz, still_time);
}

tl::expected<ImportedProgramme, std::vector<FileProblem>> read_programme_file(
    const std::filesystem::path& file, const std::vector<MediaFile>& library, const date::time_zone& tz,
    std::chrono::milliseconds still_time) {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return tl::unexpected(
            std::vector<FileProblem>{{Severity::error, file.string(), "cannot open the file for reading"}});
    }
    std::ostringstream text;
    text << in.rdbuf();
    const std::string content = text.str();
    return parse_programme(content, guess_programme_format(file, content), file.string(), library, tz,
                           still_time);
}

std::string format_programme(const Programme& programme, ProgrammeFormat format) {
    return format == ProgrammeFormat::json ? detail::format_json_programme(programme)
                                           : detail::format_toml_programme(programme);
}

tl::expected<void, Error> write_programme_file(const std::filesystem::path& file,
                                               const Programme& programme) {
    const std::string text = format_programme(programme, guess_programme_format(file, ""));
    // Written beside the target and renamed over it, so a cut leaves the old file or the new one.
    const std::filesystem::path partial = file.string() + ".partial";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out << text;
        out.flush();
        if (!out) {
            return tl::unexpected(Error{ErrorKind::storage, file.string() + ": cannot write the file"});
        }
    }
    std::error_code error;
    std::filesystem::rename(partial, file, error);
    if (error) {
        std::filesystem::remove(partial, error);
        return tl::unexpected(
            Error{ErrorKind::storage, file.string() + ": cannot write the file: " + error.message()});
    }
    return {};
}

std::string to_string(const FileProblem& problem) {
    return problem.where + ": " + (problem.severity == Severity::error ? "error: " : "warning: ") +
           problem.message;
}

}  // namespace scheduler

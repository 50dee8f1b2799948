#include "scheduler/programme_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

#include "content/bounded_input.h"
#include "programme_files/file_tree.h"
#include "programme_files/programme_reader.h"
#include "programme_files/programme_text.h"
#include "scheduler/limits.h"

namespace scheduler {
namespace detail {

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

FileProblem unshown_problems(Severity severity, std::string_view file_name, std::size_t more) {
    return {severity, std::string(file_name),
            "and " + std::to_string(more) + " more problems, not shown: fix these first"};
}

std::vector<FileProblem> at_most_shown(std::vector<FileProblem> problems, std::string_view file_name) {
    if (problems.size() > kMostShownProblems) {
        const std::size_t more = problems.size() - kMostShownProblems;
        const Severity severity = problems[kMostShownProblems].severity;
        problems.resize(kMostShownProblems);
        problems.push_back(unshown_problems(severity, file_name, more));
    }
    return problems;
}

tl::expected<void, std::string> write_synced(const std::filesystem::path& file, std::string_view text) {
    // Not O_TRUNC through a FIFO or a symbolic link someone left in the way.
    const int fd =
        ::open(file.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) {
        return tl::unexpected(std::string(std::strerror(errno)));
    }
    struct stat status {};
    std::string failure;
    if (::fstat(fd, &status) != 0 || !S_ISREG(status.st_mode)) {
        failure = file.string() + " is in the way (not a regular file)";
    }
    for (std::size_t done = 0; failure.empty() && done < text.size();) {
        const ssize_t wrote = ::write(fd, text.data() + done, text.size() - done);
        if (wrote < 0 && errno == EINTR) {
            continue;
        }
        if (wrote <= 0) {
            failure = std::strerror(errno);
            break;
        }
        done += static_cast<std::size_t>(wrote);
    }
    if (failure.empty() && ::fsync(fd) != 0) {
        failure = std::strerror(errno);
    }
    if (::close(fd) != 0 && failure.empty()) {
        failure = std::strerror(errno);
    }
    if (!failure.empty()) {
        return tl::unexpected(failure);
    }
    return {};
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
    const auto refused = [&](std::string where, std::string message) {
        return tl::unexpected(
            std::vector<FileProblem>{{Severity::error, std::move(where), std::move(message)}});
    };
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        return refused(std::string(file_name),
                       "the file is empty: an empty file never replaces the programme in force");
    }
    // Before any parser builds a tree: the parsers and the tree recurse as deep as the text nests.
    const auto too_deep = format == ProgrammeFormat::json ? content::json_nesting_overflow(text)
                                                          : content::toml_nesting_overflow(text);
    if (too_deep) {
        return refused(detail::text_place(file_name, text, *too_deep),
                       "nested deeper than " + std::to_string(content::kMaxNestingDepth) +
                           " levels of lists and tables (a programme file needs 5)");
    }
    auto tree = format == ProgrammeFormat::json ? detail::parse_json_tree(text, file_name)
                                                : detail::parse_toml_tree(text, file_name);
    if (!tree) {
        // The JSON parser stops collecting at the limit and counts the rest itself.
        return tl::unexpected(format == ProgrammeFormat::json
                                  ? std::move(tree.error())
                                  : detail::at_most_shown(std::move(tree.error()), file_name));
    }
    // The reader shows at most as many problems itself.
    return detail::read_programme_tree(
        *tree, format == ProgrammeFormat::json ? detail::PathStyle::json_pointer : detail::PathStyle::dotted,
        file_name, library, tz, still_time);
}

tl::expected<std::string, FileProblem> read_programme_text(const std::filesystem::path& file) {
    auto text = content::read_regular_file(file, kMaxProgrammeFileBytes);
    if (!text) {
        return tl::unexpected(
            FileProblem{Severity::error, file.string(), "cannot read the file: " + text.error().reason});
    }
    return std::move(*text);
}

tl::expected<ImportedProgramme, std::vector<FileProblem>> read_programme_file(
    const std::filesystem::path& file, const std::vector<MediaFile>& library, const date::time_zone& tz,
    std::chrono::milliseconds still_time) {
    auto text = read_programme_text(file);
    if (!text) {
        return tl::unexpected(std::vector<FileProblem>{text.error()});
    }
    return parse_programme(*text, guess_programme_format(file, *text), file.string(), library, tz,
                           still_time);
}

std::string format_programme(const Programme& programme, ProgrammeFormat format) {
    return format == ProgrammeFormat::json ? detail::format_json_programme(programme)
                                           : detail::format_toml_programme(programme);
}

tl::expected<void, Error> write_programme_file(const std::filesystem::path& file,
                                               const Programme& programme) {
    const std::string text = format_programme(programme, guess_programme_format(file, ""));
    const auto cannot = [&](const std::string& why) {
        return tl::unexpected(Error{ErrorKind::storage, file.string() + ": cannot write the file: " + why});
    };
    if (text.size() > kMaxProgrammeFileBytes) {
        return tl::unexpected(Error{ErrorKind::conflict,
                                    file.string() + ": the programme is too large to import again (" +
                                        content::size_text(text.size()) + " of text, at most " +
                                        content::size_text(kMaxProgrammeFileBytes) + "); nothing written"});
    }
    // Renaming over a FIFO or a device would replace it, not write into it.
    if (auto target = content::check_regular_file(file);
        !target && target.error().kind == content::FileReadErrorKind::not_regular) {
        return cannot(target.error().reason);
    }
    // Written beside the target, synced and renamed over it, so a cut (even
    // of the power) leaves the old file or the whole new one.
    const std::filesystem::path partial = file.string() + ".partial";
    if (auto written = detail::write_synced(partial, text); !written) {
        return cannot(written.error());
    }
    std::error_code error;
    std::filesystem::rename(partial, file, error);
    if (error) {
        std::filesystem::remove(partial, error);
        return cannot(error.message());
    }
    return {};
}

std::string to_string(const FileProblem& problem) {
    return problem.where + ": " + (problem.severity == Severity::error ? "error: " : "warning: ") +
           problem.message;
}

}  // namespace scheduler

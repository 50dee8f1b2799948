// The check beyond the manifest: the files it names, opened the way the
// player opens them, and its texts measured against the screen's boxes.
#include "content/package_check.h"

#include <algorithm>
#include <atomic>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "content/picture_file.h"
#include "package_reader.h"

namespace content {
namespace {

// "caption" for ".../images/0/caption": the field as the manifest's writer calls it.
std::string field_name(std::string_view pointer) {
    const std::size_t slash = pointer.rfind('/');
    return std::string(slash == std::string_view::npos ? pointer : pointer.substr(slash + 1));
}

std::string media_reason(const MediaError& error) {
    return std::string(to_string(error.kind)) + ": " + error.message;
}

// Said of a file the check was given no way to open: refusing the package
// beats letting a film through that nobody tried.
constexpr auto kNoProber = "is not checked: the check has no media prober";
constexpr auto kNoPictureDecoder = "is not checked: the check has no picture decoder";

class FileCheck {
  public:
    FileCheck(ManifestReading& reading, const CheckOptions& options)
        : m_reading(reading), m_options(options) {
        std::error_code error;
        m_package_directory = std::filesystem::canonical(reading.package.directory, error);
    }

    void check(const FileUse& use) {
        if (std::optional<std::string> problem = placement_problem(use)) {
            m_reading.report(use.pointer, *problem);
        } else if (m_options.probe_media) {
            check_media(use);
        }
    }

    // Probes every distinct file of `uses` on up to `threads` threads at once:
    // the probes are independent and take most of a check. check() then
    // finds each file's facts already there.
    void probe_ahead(const std::vector<FileUse>& uses, int threads) {
        // Each distinct file once as a picture, once as a film, as its uses ask.
        std::vector<std::pair<std::filesystem::path, bool>> jobs;
        std::set<std::pair<std::filesystem::path, bool>> seen;
        for (const FileUse& use : uses) {
            std::pair job{use.path, use.role == FileRole::picture};
            if (!job.second && m_options.media_prober == nullptr) {
                continue;  // check() reports it unchecked
            }
            if (!seen.contains(job) && !placement_problem(use)) {
                seen.insert(job);
                jobs.push_back(std::move(job));
            }
        }
        std::vector<std::optional<tl::expected<MediaFacts, MediaError>>> facts(jobs.size());
        std::vector<std::optional<std::string>> picture_problems(jobs.size());
        std::atomic<std::size_t> next{0};
        {
            std::vector<std::jthread> workers;
            const auto count =
                std::min<std::size_t>(static_cast<std::size_t>(std::max(1, threads)), jobs.size());
            for (std::size_t worker = 0; worker < count; ++worker) {
                workers.emplace_back([&] {
                    for (std::size_t index = next++; index < jobs.size(); index = next++) {
                        if (jobs[index].second) {
                            picture_problems[index] = decode_picture(jobs[index].first);
                        } else {
                            facts[index] = m_options.media_prober->probe(jobs[index].first);
                        }
                    }
                });
            }
        }
        for (std::size_t index = 0; index < jobs.size(); ++index) {
            if (jobs[index].second) {
                m_pictures.emplace(jobs[index].first, std::move(picture_problems[index]));
            } else {
                m_probed.emplace(jobs[index].first, std::move(*facts[index]));
            }
        }
    }

  private:
    // Why `use` is not a readable file inside the package; nothing when it is.
    std::optional<std::string> placement_problem(const FileUse& use) const {
        std::error_code error;
        const std::filesystem::file_status status = std::filesystem::status(use.path, error);
        if (status.type() == std::filesystem::file_type::not_found) {
            return "missing file " + in_quotes(use.written);
        }
        if (error) {
            return "cannot read " + in_quotes(use.written) + ": " + error.message();
        }
        if (!std::filesystem::is_regular_file(status)) {
            return in_quotes(use.written) + " is not a file";
        }
        if (leaves_package(use.path)) {
            return in_quotes(use.written) + " leads outside the package (a symbolic link)";
        }
        return std::nullopt;
    }

    // The manifest's paths cannot leave the package, but a link inside it can.
    bool leaves_package(const std::filesystem::path& file) const {
        std::error_code error;
        const std::filesystem::path target = std::filesystem::canonical(file, error);
        if (error || m_package_directory.empty()) {
            return false;  // a file that cannot be resolved is reported when it is opened
        }
        const std::filesystem::path inside = target.lexically_relative(m_package_directory);
        return inside.empty() || *inside.begin() == "..";
    }

    // Why the picture at `file` cannot be shown, as "PICTURE ..." with the
    // name left out; nothing when it decodes. Its content must be PNG or
    // JPEG within the size limit, then decode whole with the kiosk's own
    // decoder (the media prober when the caller has none).
    std::optional<std::string> decode_picture(const std::filesystem::path& file) const {
        const MediaProber* prober = m_options.media_prober;
        const auto header = read_picture_header(file);
        if (!header) {
            // A film where a picture belongs is worth naming as such.
            if (prober != nullptr) {
                if (const auto facts = prober->probe(file); facts && !facts->is_still) {
                    return facts->video ? "is a film, not a still picture"
                                        : "is sound only, not a still picture";
                }
            }
            return header.error();
        }
        if (m_options.picture_decoder != nullptr) {
            if (auto decoded = m_options.picture_decoder->decode(file); !decoded) {
                return "does not decode: " + decoded.error();
            }
            return std::nullopt;
        }
        if (prober == nullptr) {
            return kNoPictureDecoder;
        }
        const auto facts = prober->probe(file);
        if (!facts) {
            return "does not decode: " + media_reason(facts.error());
        }
        return std::nullopt;
    }

    void check_media(const FileUse& use) {
        const std::string name = in_quotes(use.written);
        if (use.role == FileRole::picture) {
            auto found = m_pictures.find(use.path);
            if (found == m_pictures.end()) {
                found = m_pictures.emplace(use.path, decode_picture(use.path)).first;
            }
            if (found->second) {
                m_reading.report(use.pointer, "picture " + name + " " + *found->second);
            }
            return;
        }
        if (m_options.media_prober == nullptr) {
            m_reading.report(use.pointer,
                             (use.role == FileRole::film ? "film " : "") + name + " " + kNoProber);
            return;
        }
        const tl::expected<MediaFacts, MediaError>& facts = probe(use.path);
        switch (use.role) {
            case FileRole::picture:
                break;
            case FileRole::film:
                if (!facts) {
                    m_reading.report(use.pointer,
                                     "film " + name + " cannot play: " + media_reason(facts.error()));
                } else if (facts->is_still) {
                    m_reading.report(use.pointer, name + " is a still picture, not a film");
                }
                break;
            case FileRole::programme:
                if (!facts) {
                    m_reading.report(use.pointer, name + " cannot play: " + media_reason(facts.error()));
                }
                break;
        }
    }

    // Once per file, however many boards show it.
    const tl::expected<MediaFacts, MediaError>& probe(const std::filesystem::path& file) {
        auto found = m_probed.find(file);
        if (found == m_probed.end()) {
            found = m_probed.emplace(file, m_options.media_prober->probe(file)).first;
        }
        return found->second;
    }

    ManifestReading& m_reading;
    const CheckOptions& m_options;
    std::filesystem::path m_package_directory;  // canonical; empty when it cannot be resolved
    std::map<std::filesystem::path, tl::expected<MediaFacts, MediaError>> m_probed;
    std::map<std::filesystem::path, std::optional<std::string>> m_pictures;  // why each cannot show
};

void check_texts(ManifestReading& reading, const TextFit& text_fit) {
    for (const TextUse& use : reading.texts) {
        for (const auto& [language, tag] : {std::pair{Language::zh, "zh"}, std::pair{Language::en, "en"}}) {
            for (const std::string& configuration :
                 text_fit.overflows(use.box, use.text.in(language), language)) {
                reading.report(use.pointer + "/" + tag,
                               field_name(use.pointer) + " does not fit its box at " + configuration);
            }
        }
    }
}

// Everything after the manifest itself; problems go into `reading`.
void check_reading(ManifestReading& reading, const CheckOptions& options) {
    if (!reading.parsed) {
        return;  // no manifest to take files and texts from
    }
    FileCheck files(reading, options);
    if (options.probe_media && options.probe_threads > 1) {
        files.probe_ahead(reading.files, options.probe_threads);
    }
    for (const FileUse& use : reading.files) {
        if (options.stop.stop_requested()) {
            reading.report("", "the check was stopped before its end: the package is not checked");
            return;
        }
        files.check(use);
    }
    if (options.text_fit != nullptr) {
        check_texts(reading, *options.text_fit);
    }
}

}  // namespace

std::vector<PackageProblem> check_package(const std::filesystem::path& directory,
                                          const CheckOptions& options) {
    ManifestReading reading = read_manifest(directory);
    check_reading(reading, options);
    return reading.take_problems();
}

tl::expected<Package, std::vector<PackageProblem>> load_checked_package(
    const std::filesystem::path& directory, const CheckOptions& options) {
    ManifestReading reading = read_manifest(directory);
    check_reading(reading, options);
    if (!reading.problems.empty()) {
        return tl::unexpected(reading.take_problems());
    }
    return std::move(reading.package);
}

}  // namespace content

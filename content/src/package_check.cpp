// The check beyond the manifest: the files it names, opened the way the
// player opens them, and its texts measured against the screen's boxes.
#include "content/package_check.h"

#include <map>

#include "content/media_probe.h"
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

class FileCheck {
  public:
    FileCheck(ManifestReading& reading, const CheckOptions& options)
        : m_reading(reading), m_options(options) {
        std::error_code error;
        m_package_directory = std::filesystem::canonical(reading.package.directory, error);
    }

    void check(const FileUse& use) {
        std::error_code error;
        const std::filesystem::file_status status = std::filesystem::status(use.path, error);
        if (status.type() == std::filesystem::file_type::not_found) {
            m_reading.report(use.pointer, "missing file " + in_quotes(use.written));
        } else if (error) {
            m_reading.report(use.pointer, "cannot read " + in_quotes(use.written) + ": " + error.message());
        } else if (!std::filesystem::is_regular_file(status)) {
            m_reading.report(use.pointer, in_quotes(use.written) + " is not a file");
        } else if (leaves_package(use.path)) {
            m_reading.report(use.pointer,
                             in_quotes(use.written) + " leads outside the package (a symbolic link)");
        } else if (m_options.probe_media) {
            check_media(use);
        }
    }

  private:
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

    void check_media(const FileUse& use) {
        const tl::expected<MediaFacts, MediaError>& facts = probe(use.path);
        const std::string name = in_quotes(use.written);
        switch (use.role) {
            case FileRole::picture:
                if (!facts) {
                    m_reading.report(use.pointer,
                                     "picture " + name + " does not decode: " + media_reason(facts.error()));
                } else if (!facts->is_still) {
                    m_reading.report(use.pointer, name + (facts->video ? " is a film" : " is sound only") +
                                                      ", not a still picture");
                }
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
            found = m_probed.emplace(file, probe_media(file)).first;
        }
        return found->second;
    }

    ManifestReading& m_reading;
    const CheckOptions& m_options;
    std::filesystem::path m_package_directory;  // canonical; empty when it cannot be resolved
    std::map<std::filesystem::path, tl::expected<MediaFacts, MediaError>> m_probed;
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
    for (const FileUse& use : reading.files) {
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
    sort_by_place(reading.problems);
    return std::move(reading.problems);
}

tl::expected<Package, std::vector<PackageProblem>> load_checked_package(
    const std::filesystem::path& directory, const CheckOptions& options) {
    ManifestReading reading = read_manifest(directory);
    check_reading(reading, options);
    if (!reading.problems.empty()) {
        sort_by_place(reading.problems);
        return tl::unexpected(std::move(reading.problems));
    }
    return std::move(reading.package);
}

}  // namespace content

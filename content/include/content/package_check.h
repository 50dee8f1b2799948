#pragma once
// Reading a content package and checking it before any visitor sees it. A
// package with any problem is refused whole: the kiosk keeps the one it has.

#include <filesystem>
#include <stop_token>
#include <string>
#include <string_view>
#include <vector>

#include <tl/expected.hpp>

#include "content/media_prober.h"
#include "content/package.h"
#include "content/picture_file.h"

namespace content {

// One thing wrong with a package, with its place in the manifest.
struct PackageProblem {
    std::string file;     // "manifest.json"
    int line = 0;         // 1-based; 0 when unknown
    int column = 0;       // 1-based; 0 when unknown
    std::string pointer;  // JSON pointer of the field: "/zones/0/sections/2/boards/1/title/en"
    std::string reason;
};
// "manifest.json:12:5: /zones/0/id: unknown zone "lobby" (expected boards, models, av or health)"
std::string to_string(const PackageProblem& problem);

// The boxes a text must fit on screen; the screen layout decides their size.
enum class TextBox {
    zone_title,
    section_title,
    board_title,
    board_summary,
    model_title,
    caption,
    hotspot_label,
    step_title
};

// Measures texts against the layout's boxes. The kiosk's layout implements
// it for the configured screen sizes; the check runs without one too.
class TextFit {
  public:
    virtual ~TextFit() = default;
    // Every configuration in which `text` overflows `box`, described for a
    // person ("1080x1920, large text"); empty when it fits in all of them.
    virtual std::vector<std::string> overflows(TextBox box, std::string_view text,
                                               Language language) const = 0;
};

// Reads DIR/manifest.json: syntax, fields, types, tags, ids and references.
// Any problem refuses the package; every problem found is reported.
tl::expected<Package, std::vector<PackageProblem>> read_package(const std::filesystem::path& directory);

struct CheckOptions {
    const TextFit* text_fit = nullptr;  // null: texts are not measured
    // Opens films the way the player does (media::FfmpegMediaProber). Null
    // while probe_media is set: every film is reported as not checked, so a
    // package is never let through unopened.
    const MediaProber* media_prober = nullptr;
    // The screens' picture decoder; null: pictures are opened by the media
    // prober, and reported as not checked when there is none either.
    const PictureDecoder* picture_decoder = nullptr;
    bool probe_media = true;  // decode every image and film
    int probe_threads = 1;    // files probed at once; each probe is independent
    // Asked to stop (the kiosk is shutting down): the check ends before its
    // next file and the package is refused as not checked.
    std::stop_token stop;
};

// The whole check `kioskctl content check` runs: read_package, then every
// file, every picture and film, and every text against its box.
std::vector<PackageProblem> check_package(const std::filesystem::path& directory,
                                          const CheckOptions& options);

// read_package and check_package together: the package when it has no problem.
tl::expected<Package, std::vector<PackageProblem>> load_checked_package(
    const std::filesystem::path& directory, const CheckOptions& options);

}  // namespace content

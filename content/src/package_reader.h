#pragma once
// Inside the content library: what reading a manifest yields besides the
// package, so the check can go on to the files and texts it names and place
// each problem in the manifest.

#include <filesystem>
#include <string>
#include <vector>

#include "content/message_text.h"
#include "content/package.h"
#include "content/package_check.h"
#include "json_positions.h"

namespace content {

inline constexpr std::string_view kManifestFile = "manifest.json";

// A value from the manifest as a reason quotes it: "images/birth.png"; a
// long one only by its start: "aaaa…" (300 bytes).
inline std::string in_quotes(std::string_view text) {
    // Enough for any real id, tag or path; a reason stays one line.
    constexpr std::size_t kMostQuotedCharacters = 120;
    return quoted_text(text, kMostQuotedCharacters);
}

// What a file named in the manifest is meant to be.
enum class FileRole {
    picture,    // a board image or a model picture: must be a still picture
    film,       // a board's video: must play, and be more than a still
    programme,  // an item of a zone's attract loop: a film or a still
};

struct FileUse {
    std::filesystem::path path;  // absolute, inside the package
    std::string written;         // as the manifest gives it ("images/birth.png")
    std::string pointer;
    FileRole role = FileRole::picture;
};

// A text that must fit a box on screen; `pointer` is the {zh, en} object's.
struct TextUse {
    TextBox box;
    std::string pointer;
    Bilingual text;
};

struct ManifestReading {
    Package package;      // as much as could be read: only whole when `problems` is empty
    bool parsed = false;  // the manifest was read and is JSON, so files and texts were gathered
    std::vector<PackageProblem> problems;
    std::vector<FileUse> files;
    std::vector<TextUse> texts;
    JsonPositions positions;

    // A problem at `pointer`, placed where its value (or the nearest
    // enclosing value the manifest holds) starts. Past kMaxProblems only
    // counted: staff fix the first hundred first, and a hostile manifest
    // must not make a report of gigabytes.
    void report(const std::string& pointer, std::string reason);
    static constexpr std::size_t kMaxProblems = 100;
    std::size_t unreported = 0;

    // The problems in file order, with a last line for the ones only counted.
    std::vector<PackageProblem> take_problems();
};

// Reads DIR/manifest.json, reporting every problem the manifest alone shows.
ManifestReading read_manifest(const std::filesystem::path& directory);

// Problems in file order (line, then column), the order staff fix them in.
void sort_by_place(std::vector<PackageProblem>& problems);

}  // namespace content

// Reading manifest.json: the JSON library's adapter. Its exceptions stop
// here; the walk over what it read is package_walk.cpp.
#include "package_reader.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <tuple>

#include <nlohmann/json.hpp>

#include "content/bounded_input.h"

#include "package_fields.h"

namespace content {
namespace {

// A manifest is text; anything this large is not one, and reading it whole
// must not exhaust the kiosk's memory.
constexpr std::uintmax_t kMaxManifestBytes = 16U * 1024U * 1024U;

// The part of nlohmann's message after its own "at line L, column C: ",
// whose column counts bytes; ours counts characters.
std::string parse_error_reason(const std::string& what) {
    const std::size_t column = what.find("column ");
    const std::size_t colon = column == std::string::npos ? column : what.find(": ", column);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

// The manifest's text, or the reason it cannot be read.
tl::expected<std::string, std::string> read_manifest_text(const std::filesystem::path& file) {
    auto text = read_regular_file(file, kMaxManifestBytes);
    if (!text) {
        return tl::unexpected("cannot read " + std::string(kManifestFile) + ": " + text.error().reason);
    }
    return std::move(*text);
}

// Where the first number too large for a double starts (nlohmann reports
// one without a place), and its text.
std::optional<std::pair<std::size_t, std::string>> first_overflowing_number(std::string_view text) {
    for (std::size_t at = 0; at < text.size(); ++at) {
        const char c = text[at];
        if (c == '"') {
            for (++at; at < text.size() && text[at] != '"'; ++at) {
                at += text[at] == '\\' ? 1 : 0;
            }
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            const std::size_t end = text.find_first_of(" \t\r\n,]}", at);
            const std::string number(text.substr(at, end == std::string_view::npos ? end : end - at));
            if (std::isinf(std::strtod(number.c_str(), nullptr))) {
                return std::pair{at, number};
            }
            at += number.size();
        }
    }
    return std::nullopt;
}

}  // namespace

void ManifestReading::report(const std::string& pointer, std::string reason) {
    if (problems.size() >= kMaxProblems) {
        ++unreported;
        return;
    }
    const TextPosition at = positions.find(pointer);
    problems.push_back(PackageProblem{std::string(kManifestFile), at.line, at.column, shown_pointer(pointer),
                                      std::move(reason)});
}

std::vector<PackageProblem> ManifestReading::take_problems() {
    sort_by_place(problems);
    if (unreported > 0) {
        problems.push_back(PackageProblem{std::string(kManifestFile), 0, 0, "",
                                          "and " + std::to_string(unreported) + " more problem" +
                                              (unreported == 1 ? "" : "s") + " after these"});
        unreported = 0;
    }
    return std::move(problems);
}

void sort_by_place(std::vector<PackageProblem>& problems) {
    std::stable_sort(problems.begin(), problems.end(), [](const PackageProblem& a, const PackageProblem& b) {
        return std::tie(a.line, a.column) < std::tie(b.line, b.column);
    });
}

std::string to_string(const PackageProblem& problem) {
    std::string text = problem.file;
    if (problem.line > 0) {
        text += ":" + std::to_string(problem.line) + ":" + std::to_string(problem.column);
    }
    text += ": ";
    if (!problem.pointer.empty()) {
        text += problem.pointer + ": ";
    }
    return text + problem.reason;
}

ManifestReading read_manifest(const std::filesystem::path& directory) {
    ManifestReading reading;
    std::error_code error;
    reading.package.directory = std::filesystem::absolute(directory, error).lexically_normal();
    if (error) {
        reading.package.directory = directory.lexically_normal();
    }
    auto text = read_manifest_text(reading.package.directory / kManifestFile);
    if (!text) {
        reading.problems.push_back(PackageProblem{std::string(kManifestFile), 0, 0, "", text.error()});
        return reading;
    }
    // nlohmann's parser keeps its own stack, but everything that walks the
    // value afterwards recurses: too deep a text is refused before it.
    if (const auto deep = json_nesting_overflow(*text)) {
        const TextPosition at = JsonPositions::position_of(*text, *deep);
        reading.problems.push_back(PackageProblem{std::string(kManifestFile), at.line, at.column, "",
                                                  "nested too deep (at most " +
                                                      std::to_string(kMaxNestingDepth) +
                                                      " levels of objects and lists)"});
        return reading;
    }
    nlohmann::json manifest;
    try {
        manifest = nlohmann::json::parse(*text);
    } catch (const nlohmann::json::parse_error& fault) {
        // `byte` counts the bytes read, the faulty one included.
        const TextPosition at = JsonPositions::position_of(*text, fault.byte > 0 ? fault.byte - 1 : 0);
        reading.problems.push_back(PackageProblem{std::string(kManifestFile), at.line, at.column, "",
                                                  "not JSON: " + parse_error_reason(fault.what())});
        return reading;
    } catch (const nlohmann::json::exception& fault) {
        if (const auto number = first_overflowing_number(*text)) {
            const TextPosition at = JsonPositions::position_of(*text, number->first);
            reading.problems.push_back(PackageProblem{std::string(kManifestFile), at.line, at.column, "",
                                                      "number too large: " + in_quotes(number->second)});
        } else {
            reading.problems.push_back(PackageProblem{std::string(kManifestFile), 0, 0, "",
                                                      "not JSON: " + parse_error_reason(fault.what())});
        }
        return reading;
    }
    reading.parsed = true;
    reading.positions = JsonPositions::index(*text);
    for (const JsonPositions::RepeatedKey& repeated : reading.positions.repeated_keys()) {
        reading.problems.push_back(PackageProblem{std::string(kManifestFile), repeated.position.line,
                                                  repeated.position.column, repeated.pointer,
                                                  "field given twice (only one may be)"});
    }
    ManifestFields fields(reading.package.directory, reading);
    walk_manifest(ManifestNode{&manifest, ""}, fields, reading.package);
    return reading;
}

tl::expected<Package, std::vector<PackageProblem>> read_package(const std::filesystem::path& directory) {
    ManifestReading reading = read_manifest(directory);
    if (!reading.problems.empty()) {
        return tl::unexpected(reading.take_problems());
    }
    return std::move(reading.package);
}

}  // namespace content

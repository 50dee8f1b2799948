#pragma once
// Typed values out of the manifest's JSON. Each reader reports what is wrong
// with its value (wrong type, empty text, bad id, a path leaving the package)
// and returns nothing for it, so the walk goes on and every problem is found.
// Only the JSON library's non-throwing calls are used here.

#include <filesystem>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "package_reader.h"

namespace content {

// One value of the manifest and its JSON pointer. `value` is null when the
// field is absent: a missing required field has already been reported by
// ManifestFields::object, so readers pass over an absent value silently.
struct ManifestNode {
    const nlohmann::json* value = nullptr;
    std::string pointer;

    explicit operator bool() const { return value != nullptr; }
    ManifestNode member(std::string_view name) const;
    ManifestNode element(std::size_t index) const;
};

struct FieldRule {
    std::string_view name;
    bool required = true;
};
inline constexpr bool kOptional = false;

class ManifestFields {
  public:
    ManifestFields(std::filesystem::path directory, ManifestReading& reading)
        : m_directory(std::move(directory)), m_reading(reading) {}

    void report(const std::string& pointer, std::string reason) {
        m_reading.report(pointer, std::move(reason));
    }

    // True when `node` is an object; reports each unknown field and each
    // missing required one.
    bool object(const ManifestNode& node, std::initializer_list<FieldRule> fields);
    // The elements of an array (none, and a problem, when it is not one).
    std::vector<ManifestNode> array(const ManifestNode& node);

    std::optional<std::string> string(const ManifestNode& node);
    // A string with something to read in it, of at most `max_characters`;
    // `what` names it when it is empty or too long.
    std::optional<std::string> word(const ManifestNode& node, std::size_t max_characters,
                                    std::string_view what = "text");
    // [a-z0-9-]+, at most kMaxIdCharacters.
    std::optional<std::string> id(const ManifestNode& node);
    std::optional<bool> boolean(const ManifestNode& node);
    // A finite number (JSON has no others, but the check says so itself).
    std::optional<double> number(const ManifestNode& node);
    // {"zh": …, "en": …}, both non-empty and of at most `max_characters`.
    // With a box, the text is also kept to be measured against it: a text
    // is measured only once it is known to be short enough.
    std::optional<Bilingual> text(const ManifestNode& node, std::size_t max_characters,
                                  std::optional<TextBox> box = std::nullopt);
    // A relative path inside the package, made absolute and kept for the
    // file check.
    std::optional<std::filesystem::path> path(const ManifestNode& node, FileRole role);

  private:
    bool has_type(const ManifestNode& node, bool matches, std::string_view expected);
    // False (and a problem) when `value` has more than `max_characters`.
    bool within_length(const ManifestNode& node, std::string_view value, std::size_t max_characters,
                       std::string_view what);

    std::filesystem::path m_directory;
    ManifestReading& m_reading;
};

// Reads the whole manifest at `root` into `package`, reporting through `fields`.
void walk_manifest(const ManifestNode& root, ManifestFields& fields, Package& package);
// Reads the manifest's "consultation" block at `node` into `package`.
void read_consultation(const ManifestNode& node, ManifestFields& fields, Package& package);

}  // namespace content

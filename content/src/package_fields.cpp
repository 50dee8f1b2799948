#include "package_fields.h"

#include <algorithm>
#include <cmath>

namespace content {
namespace {

// How far a field name may be from a known one to be called a misspelling of it.
constexpr std::size_t kMaxSpellingDistance = 2;

// "a number", "an object": what the manifest holds where something else belongs.
std::string_view kind_of(const nlohmann::json& value) {
    switch (value.type()) {
        case nlohmann::json::value_t::object:
            return "an object";
        case nlohmann::json::value_t::array:
            return "a list";
        case nlohmann::json::value_t::string:
            return "text";
        case nlohmann::json::value_t::boolean:
            return "true or false";
        case nlohmann::json::value_t::null:
            return "null";
        case nlohmann::json::value_t::discarded:
            return "nothing";
        default:
            return "a number";
    }
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) {
        row[j] = j;
    }
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string unknown_field_reason(std::string_view name, std::initializer_list<FieldRule> fields) {
    std::string reason = "unknown field " + in_quotes(name);
    const FieldRule* nearest = nullptr;
    std::size_t nearest_distance = kMaxSpellingDistance + 1;
    for (const FieldRule& field : fields) {
        // Lengths that differ by more than the distance allowed are at least
        // that far apart: a long unknown name costs nothing to compare.
        const std::size_t length_difference = name.size() > field.name.size()
                                                  ? name.size() - field.name.size()
                                                  : field.name.size() - name.size();
        if (length_difference > kMaxSpellingDistance) {
            continue;
        }
        const std::size_t distance = edit_distance(name, field.name);
        if (distance < nearest_distance && distance < field.name.size()) {
            nearest = &field;
            nearest_distance = distance;
        }
    }
    if (nearest != nullptr) {
        return reason + " (did you mean " + in_quotes(nearest->name) + "?)";
    }
    reason += " (expected ";
    std::size_t listed = 0;
    for (const FieldRule& field : fields) {
        reason += field.name;
        ++listed;
        reason += listed + 1 == fields.size() ? " or " : listed == fields.size() ? ")" : ", ";
    }
    return reason;
}

// Spaces, including the ideographic space, are not text a visitor can read.
bool is_blank(std::string_view text) {
    constexpr std::string_view kIdeographicSpace = "\u3000";
    while (!text.empty()) {
        if (text.starts_with(kIdeographicSpace)) {
            text.remove_prefix(kIdeographicSpace.size());
        } else if (text.front() == ' ' || text.front() == '\t' || text.front() == '\n' ||
                   text.front() == '\r') {
            text.remove_prefix(1);
        } else {
            return false;
        }
    }
    return true;
}

// Characters (code points) of UTF-8 text; the JSON library has checked the
// encoding, so each character has exactly one byte that is not a continuation.
std::size_t count_characters(std::string_view utf8) {
    return static_cast<std::size_t>(std::count_if(utf8.begin(), utf8.end(), [](char byte) {
        return (static_cast<unsigned char>(byte) & 0xC0) != 0x80;
    }));
}

}  // namespace

ManifestNode ManifestNode::member(std::string_view name) const {
    ManifestNode node{nullptr, pointer + "/" + json_pointer_token(name)};
    if (value != nullptr && value->is_object()) {
        if (const auto found = value->find(name); found != value->end()) {
            node.value = &*found;
        }
    }
    return node;
}

ManifestNode ManifestNode::element(std::size_t index) const {
    ManifestNode node{nullptr, pointer + "/" + std::to_string(index)};
    if (value != nullptr && value->is_array() && index < value->size()) {
        node.value = &(*value)[index];
    }
    return node;
}

bool ManifestFields::has_type(const ManifestNode& node, bool matches, std::string_view expected) {
    if (!matches) {
        report(node.pointer,
               "must be " + std::string(expected) + ", not " + std::string(kind_of(*node.value)));
    }
    return matches;
}

bool ManifestFields::object(const ManifestNode& node, std::initializer_list<FieldRule> fields) {
    if (!node || !has_type(node, node.value->is_object(), "an object")) {
        return false;
    }
    for (const auto& member : node.value->items()) {
        const std::string& name = member.key();
        const bool known = std::any_of(fields.begin(), fields.end(),
                                       [&name](const FieldRule& field) { return field.name == name; });
        if (!known) {
            report(node.member(name).pointer, unknown_field_reason(name, fields));
        }
    }
    for (const FieldRule& field : fields) {
        if (field.required && !node.member(field.name)) {
            report(node.member(field.name).pointer, "missing required field " + in_quotes(field.name));
        }
    }
    return true;
}

std::vector<ManifestNode> ManifestFields::array(const ManifestNode& node) {
    std::vector<ManifestNode> elements;
    if (!node || !has_type(node, node.value->is_array(), "a list")) {
        return elements;
    }
    for (std::size_t index = 0; index < node.value->size(); ++index) {
        elements.push_back(node.element(index));
    }
    return elements;
}

std::optional<std::string> ManifestFields::string(const ManifestNode& node) {
    if (!node || !has_type(node, node.value->is_string(), "text")) {
        return std::nullopt;
    }
    return node.value->get_ref<const std::string&>();
}

bool ManifestFields::within_length(const ManifestNode& node, std::string_view value,
                                   std::size_t max_characters, std::string_view what) {
    const std::size_t characters = count_characters(value);
    if (characters <= max_characters) {
        return true;
    }
    report(node.pointer, std::string(what) + " of " + std::to_string(characters) +
                             " characters is too long (at most " + std::to_string(max_characters) +
                             " characters)");
    return false;
}

std::optional<std::string> ManifestFields::word(const ManifestNode& node, std::size_t max_characters,
                                                std::string_view what) {
    auto value = string(node);
    if (!value || !within_length(node, *value, max_characters, what)) {
        return std::nullopt;
    }
    if (is_blank(*value)) {
        report(node.pointer, "empty " + std::string(what));
        return std::nullopt;
    }
    return value;
}

std::optional<std::string> ManifestFields::id(const ManifestNode& node) {
    auto value = string(node);
    if (!value || !within_length(node, *value, kMaxIdCharacters, "id")) {
        return std::nullopt;
    }
    const bool well_formed = !value->empty() && std::all_of(value->begin(), value->end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    });
    if (!well_formed) {
        report(node.pointer,
               "bad id " + in_quotes(*value) + ": ids are lower-case letters a-z, digits and '-'");
        return std::nullopt;
    }
    return value;
}

std::optional<bool> ManifestFields::boolean(const ManifestNode& node) {
    if (!node || !has_type(node, node.value->is_boolean(), "true or false")) {
        return std::nullopt;
    }
    return node.value->get<bool>();
}

std::optional<double> ManifestFields::number(const ManifestNode& node) {
    if (!node || !has_type(node, node.value->is_number(), "a number")) {
        return std::nullopt;
    }
    const auto value = node.value->get<double>();
    if (!std::isfinite(value)) {
        report(node.pointer, "must be a finite number");
        return std::nullopt;
    }
    return value;
}

std::optional<Bilingual> ManifestFields::text(const ManifestNode& node, std::size_t max_characters,
                                              std::optional<TextBox> box) {
    if (!object(node, {{"zh"}, {"en"}})) {
        return std::nullopt;
    }
    const auto zh = word(node.member("zh"), max_characters, "Chinese text");
    const auto en = word(node.member("en"), max_characters, "English text");
    if (!zh || !en) {
        return std::nullopt;
    }
    Bilingual text{*zh, *en};
    if (box) {
        m_reading.texts.push_back(TextUse{*box, node.pointer, text});
    }
    return text;
}

std::optional<std::filesystem::path> ManifestFields::path(const ManifestNode& node, FileRole role) {
    auto written = string(node);
    if (!written || !within_length(node, *written, kMaxPathCharacters, "path")) {
        return std::nullopt;
    }
    if (written->empty()) {
        report(node.pointer, "empty path");
        return std::nullopt;
    }
    if (written->front() == '/') {
        report(node.pointer, "absolute path " + in_quotes(*written) + ": paths are relative to the package");
        return std::nullopt;
    }
    if (written->find('\\') != std::string::npos) {
        report(node.pointer, "path " + in_quotes(*written) + " uses '\\': folders are separated by '/'");
        return std::nullopt;
    }
    const std::filesystem::path relative(*written);
    if (std::any_of(relative.begin(), relative.end(), [](const auto& part) { return part == ".."; })) {
        report(node.pointer, "path " + in_quotes(*written) + " leaves the package ('..')");
        return std::nullopt;
    }
    std::filesystem::path absolute = (m_directory / relative).lexically_normal();
    m_reading.files.push_back(FileUse{absolute, *written, node.pointer, role});
    return absolute;
}

}  // namespace content

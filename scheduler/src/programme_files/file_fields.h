#pragma once
// Internal: one field of a programme file's tree read as a value of its kind,
// and every problem reported at its place ("file:line:column: rules[2].to"
// or "file: /rules/2/to"), for programme_reader.cpp, which gives the fields
// their meaning.

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include <tl/expected.hpp>

#include "programme_files/file_tree.h"
#include "scheduler/calendar.h"
#include "scheduler/programme.h"

namespace scheduler::detail {

// A field's place in the file as a list of keys and indexes.
class Path {
  public:
    Path child(std::string key) const {
        Path path = *this;
        path.m_parts.emplace_back(std::move(key));
        return path;
    }
    Path child(std::size_t index) const {
        Path path = *this;
        path.m_parts.emplace_back(index);
        return path;
    }
    // "/rules/2/to" or "rules[2].to"; keys shown as shown_key does.
    std::string text(PathStyle style) const;

  private:
    std::vector<std::variant<std::string, std::size_t>> m_parts;
};

// An element of the file (a rule, a playlist...) and where it is.
struct Place {
    Path path;
    const FileNode* node = nullptr;
};

// The problems of one file: each at its place, one error per place (the
// first is the cause), and only the first hundred placed, the rest counted,
// so a hostile file with a million mistakes is not placed a million times.
class FileProblems {
  public:
    FileProblems(std::string_view file_name, PathStyle style, const FileNode& root)
        : m_file(file_name), m_style(style), m_root(root) {}

    void report(Severity severity, const Place& place, std::string_view field, std::string message);
    void error(const Place& place, std::string_view field, std::string message) {
        report(Severity::error, place, field, std::move(message));
    }
    bool any() const { return !m_problems.empty() || m_unshown > 0; }
    bool any_error() const;
    // Every problem, errors first, and a last line counting those not shown.
    std::vector<FileProblem> take();

  private:
    // "file:line:column: path" of `field` of `place` (of `place` itself when empty).
    std::string where(const Place& place, std::string_view field) const;

    std::string m_file;
    PathStyle m_style;
    const FileNode& m_root;
    std::vector<FileProblem> m_problems;
    std::set<std::string> m_places_reported;
    std::size_t m_unshown = 0;
    std::size_t m_unshown_errors = 0;
};

// Reads fields of the tables of a file as values of their kinds; each
// problem (missing, of another kind, out of range, unparsable) is reported
// at the field's place and the value is then nullopt.
class FieldReader {
  public:
    explicit FieldReader(FileProblems& problems) : m_problems(problems) {}

    // Reports every key of `place`'s table that is not `allowed`.
    void check_keys(const Place& place, std::initializer_list<const char*> allowed);
    // The member `key` when it has the `type`; a problem when it is missing
    // (and required) or of another type.
    const FileNode* get(const Place& place, const char* key, FileNode::Type type, bool required,
                        const char* what);
    // A string member given its meaning by `parse`, whose error is the problem.
    template <typename T>
    std::optional<T> parsed(const Place& place, const char* key, bool required, const char* what,
                            const std::function<tl::expected<T, std::string>(const std::string&)>& parse) {
        const FileNode* node = get(place, key, FileNode::Type::string, required, what);
        if (node == nullptr) {
            return std::nullopt;
        }
        auto value = parse(node->string);
        if (!value) {
            m_problems.error(place, key, value.error());
            return std::nullopt;
        }
        return *value;
    }
    // The member `key`, a whole number from `lowest` to `highest`, checked
    // before it is narrowed; a problem saying the range when it is not.
    std::optional<std::int64_t> whole_number(const Place& place, const char* key, std::int64_t lowest,
                                             std::int64_t highest, const char* what);
    // The member `key`, a number of seconds within limits.h's display times, as milliseconds.
    std::optional<std::chrono::milliseconds> display_time(const Place& place, const char* key);
    // "zones": a known zone or a list of them, none twice.
    std::optional<std::vector<std::string>> zones(const Place& place);
    // "from" and "to", not equal.
    std::optional<Daypart> daypart(const Place& place);
    // "days" (default daily) and "dates" (default unbounded), in order.
    std::optional<std::pair<Weekdays, DateRange>> days(const Place& place);

  private:
    FileProblems& m_problems;
};

}  // namespace scheduler::detail

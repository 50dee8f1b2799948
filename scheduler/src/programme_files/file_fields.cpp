// Reading one field of a programme file's tree, and reporting problems at their places.

#include "programme_files/file_fields.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "content/message_text.h"
#include "scheduler/limits.h"

namespace scheduler::detail {
namespace {

using Type = FileNode::Type;

// Problems placed and shown; the rest are counted.
constexpr std::size_t kMostProblemsShown = 100;

std::string pointer_token(const std::string& key) {
    std::string token;
    for (const char c : key) {
        token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    }
    return shown_key(token);
}

}  // namespace

std::string Path::text(PathStyle style) const {
    std::string out;
    for (const auto& part : m_parts) {
        if (const auto* key = std::get_if<std::string>(&part)) {
            out += style == PathStyle::json_pointer ? "/" + pointer_token(*key)
                                                    : (out.empty() ? "" : ".") + shown_key(*key);
        } else {
            const std::string index = std::to_string(std::get<std::size_t>(part));
            out += style == PathStyle::json_pointer ? "/" + index : "[" + index + "]";
        }
    }
    return out.empty() && style == PathStyle::json_pointer ? "/" : out;
}

std::string FileProblems::where(const Place& place, std::string_view field) const {
    const FileNode* node = place.node;
    if (!field.empty() && place.node != nullptr && place.node->member(field) != nullptr) {
        node = place.node->member(field);
    }
    std::string out = m_file;
    if (node != nullptr && node->line > 0 && node != &m_root) {
        out += ":" + std::to_string(node->line) + ":" + std::to_string(node->column);
    }
    const Path path = field.empty() ? place.path : place.path.child(std::string(field));
    const std::string path_text = path.text(m_style);
    return path_text.empty() ? out : out + ": " + path_text;
}

void FileProblems::report(Severity severity, const Place& place, std::string_view field,
                          std::string message) {
    if (m_problems.size() >= kMostProblemsShown) {
        ++m_unshown;
        m_unshown_errors += severity == Severity::error ? 1 : 0;
        return;
    }
    std::string at = where(place, field);
    if (m_places_reported.insert(at).second || severity == Severity::warning) {
        m_problems.push_back({severity, std::move(at), std::move(message)});
    }
}

bool FileProblems::any_error() const {
    return m_unshown_errors > 0 ||
           std::any_of(m_problems.begin(), m_problems.end(),
                       [](const FileProblem& problem) { return problem.severity == Severity::error; });
}

std::vector<FileProblem> FileProblems::take() {
    std::stable_sort(m_problems.begin(), m_problems.end(),
                     [](const FileProblem& a, const FileProblem& b) { return a.severity < b.severity; });
    if (m_unshown > 0) {
        m_problems.push_back(
            {m_unshown_errors > 0 ? Severity::error : Severity::warning, m_file,
             "and " + std::to_string(m_unshown) + " more problems, not shown: fix these first"});
        m_unshown = 0;
        m_unshown_errors = 0;
    }
    return std::move(m_problems);
}

void FieldReader::check_keys(const Place& place, std::initializer_list<const char*> allowed) {
    for (const auto& [key, node] : place.node->members) {
        if (std::none_of(allowed.begin(), allowed.end(), [&](const char* name) { return key == name; })) {
            std::string list;
            for (const char* name : allowed) {
                list += (list.empty() ? "" : ", ") + std::string(name);
            }
            m_problems.error(place, key,
                             "unknown key " + content::quoted_text(key) + " (expected " + list + ")");
        }
    }
}

const FileNode* FieldReader::get(const Place& place, const char* key, Type type, bool required,
                                 const char* what) {
    const FileNode* node = place.node->member(key);
    if (node == nullptr) {
        if (required) {
            m_problems.error(place, "", std::string("missing \"") + key + "\": " + what);
        }
        return nullptr;
    }
    if (node->type != type && !(type == Type::floating && node->type == Type::integer)) {
        m_problems.error(
            place, key,
            std::string("must be ") + type_name(type) + " (" + what + "), not " + type_name(node->type));
        return nullptr;
    }
    return node;
}

std::optional<std::int64_t> FieldReader::whole_number(const Place& place, const char* key,
                                                      std::int64_t lowest, std::int64_t highest,
                                                      const char* what) {
    const FileNode* node = place.node->member(key);
    const std::string range = "must be a whole number from " + std::to_string(lowest) + " to " +
                              std::to_string(highest) + " (" + what + ")";
    if (node == nullptr) {
        return std::nullopt;
    }
    if (node->type != Type::integer) {
        m_problems.error(
            place, key,
            range + ", not " +
                (node->type == Type::floating ? node->string : std::string(type_name(node->type))));
        return std::nullopt;
    }
    if (node->beyond_range || node->integer < lowest || node->integer > highest) {
        m_problems.error(place, key, range + ", not " + node->string);
        return std::nullopt;
    }
    return node->integer;
}

std::optional<std::vector<std::string>> FieldReader::zones(const Place& place) {
    const FileNode* node = place.node->member("zones");
    const char* what = "zone names: boards, models, av, health";
    if (node == nullptr) {
        m_problems.error(place, "", std::string("missing \"zones\": ") + what);
        return std::nullopt;
    }
    std::vector<std::string> names;
    if (node->type == Type::string) {
        names.push_back(node->string);
    } else if (node->type == Type::array) {
        for (const FileNode& element : node->elements) {
            if (element.type != Type::string) {
                break;
            }
            names.push_back(element.string);
        }
    }
    if (!names.empty() && (node->type == Type::string || names.size() == node->elements.size())) {
        // The first problem of a list is enough: so only the few known zones
        // are ever looked for again, and a list of a million names costs one pass.
        std::vector<std::string_view> seen;
        for (const std::string& name : names) {
            if (!is_known_zone(name)) {
                m_problems.error(place, "zones",
                                 "unknown zone " + content::quoted_text(name) +
                                     " (the zones are boards, models, av and health)");
                break;
            }
            if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
                m_problems.error(place, "zones", "zone " + name + " given twice (only once may be)");
                break;
            }
            seen.push_back(name);
        }
        return names;
    }
    m_problems.error(place, "zones", std::string("must be a zone or a list of zones (") + what + ")");
    return std::nullopt;
}

std::optional<Daypart> FieldReader::daypart(const Place& place) {
    auto from = parsed<TimeOfDay>(place, "from", true, "a time like \"09:00\"",
                                  [](const std::string& text) { return parse_time_of_day(text, false); });
    auto to = parsed<TimeOfDay>(place, "to", true, "a time like \"17:30\" (24:00 for midnight)",
                                [](const std::string& text) { return parse_time_of_day(text, true); });
    if (!from || !to) {
        return std::nullopt;
    }
    if (*from == *to) {
        m_problems.error(place, "to",
                         "the daypart is empty: it starts and ends at " + format_time_of_day(*from) +
                             " (for the whole day write 00:00 to 24:00)");
    }
    return Daypart{*from, *to};
}

std::optional<std::pair<Weekdays, DateRange>> FieldReader::days(const Place& place) {
    bool ok = true;
    Weekdays weekdays = Weekdays::every_day();
    DateRange dates;
    if (place.node->member("days") != nullptr) {
        auto value = parsed<Weekdays>(place, "days", false, "days like \"mon-fri\"",
                                      [](const std::string& text) { return parse_weekdays(text); });
        ok = ok && value.has_value();
        weekdays = value.value_or(weekdays);
    }
    if (place.node->member("dates") != nullptr) {
        auto value = parsed<DateRange>(place, "dates", false, "dates like \"2026-12-01..2026-12-31\"",
                                       [](const std::string& text) { return parse_date_range(text); });
        ok = ok && value.has_value();
        dates = value.value_or(dates);
        if (dates.first && dates.last && *dates.last < *dates.first) {
            m_problems.error(place, "dates",
                             "the date range ends (" + format_date(*dates.last) + ") before it starts (" +
                                 format_date(*dates.first) + ")");
        }
    }
    return ok ? std::optional(std::pair{weekdays, dates}) : std::nullopt;
}

std::optional<std::chrono::milliseconds> FieldReader::display_time(const Place& place, const char* key) {
    const FileNode* seconds = place.node->member(key);
    if (seconds == nullptr) {
        return std::nullopt;
    }
    const std::string range = "must be a number of seconds from " + format_seconds(kMinDisplayTime) + " to " +
                              format_seconds(kMaxDisplayTime) + ", e.g. 15";
    if (seconds->type != Type::integer && seconds->type != Type::floating) {
        m_problems.error(place, key, range + " (not " + std::string(type_name(seconds->type)) + ")");
        return std::nullopt;
    }
    // The range is checked on the number as written, before it becomes milliseconds.
    const double value =
        seconds->type == Type::integer ? static_cast<double>(seconds->integer) : seconds->floating;
    const double lowest = static_cast<double>(kMinDisplayTime.count()) / 1000.0;
    const double highest = static_cast<double>(kMaxDisplayTime.count()) / 1000.0;
    if (seconds->beyond_range || !(value >= lowest) || !(value <= highest)) {
        m_problems.error(place, key, range + ", not " + seconds->string);
        return std::nullopt;
    }
    return std::chrono::milliseconds{std::llround(value * 1000)};
}

}  // namespace scheduler::detail

// JSON programme files through nlohmann-json: parsing (syntax errors with
// line:column) and writing. Exceptions stay in this file.

#include <exception>
#include <limits>
#include <optional>
#include <unordered_set>

#include <nlohmann/json.hpp>

#include "content/bounded_input.h"
#include "programme_files/file_tree.h"
#include "programme_files/programme_text.h"

namespace scheduler::detail {
namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

// nlohmann's message without its "[json.exception...] " and "parse error at line L, column C: " prefixes.
std::string syntax_message(std::string what) {
    if (what.starts_with("[json.exception.")) {
        what.erase(0, what.find("] ") == std::string::npos ? 0 : what.find("] ") + 2);
    }
    const std::size_t column = what.find("column ");
    const std::size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

// Builds the tree as nlohmann's parser reads the text, without a JSON tree
// of its own: an explicit stack of the open lists and tables (no recursion),
// and every key given twice in one table noticed (nlohmann would keep the
// last silently, so `"rules": [...]` then `"rules": []` would import nothing).
class TreeBuilder final : public nlohmann::json_sax<json> {
  public:
    TreeBuilder(std::string_view text, std::string_view file_name) : m_text(text), m_file(file_name) {}

    tl::expected<FileNode, std::vector<FileProblem>> result() {
        if (!m_problems.empty() || !m_root) {
            if (m_problems.empty()) {
                m_problems.push_back({Severity::error, m_file, "not valid JSON: the text ends too soon"});
            }
            if (m_unshown > 0) {
                m_problems.push_back(unshown_problems(Severity::error, m_file, m_unshown));
            }
            return tl::unexpected(std::move(m_problems));
        }
        return std::move(*m_root);
    }

    bool null() override { return add(FileNode{}); }
    bool boolean(bool value) override {
        FileNode node;
        node.type = Type::boolean;
        node.boolean = value;
        return add(std::move(node));
    }
    bool number_integer(number_integer_t value) override {
        FileNode node;
        node.type = Type::integer;
        node.integer = value;
        node.string = std::to_string(value);
        return add(std::move(node));
    }
    bool number_unsigned(number_unsigned_t value) override {
        FileNode node;
        node.type = Type::integer;
        node.beyond_range = value > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
        node.integer =
            node.beyond_range ? std::numeric_limits<std::int64_t>::max() : static_cast<std::int64_t>(value);
        node.string = std::to_string(value);
        return add(std::move(node));
    }
    bool number_float(number_float_t value, const string_t& text) override {
        FileNode node;
        node.string = text;
        if (text.find_first_of(".eE") == std::string::npos) {
            // Written as a whole number, too large for 64 bits: still a whole number.
            node.type = Type::integer;
            node.beyond_range = true;
            node.integer = text.starts_with('-') ? std::numeric_limits<std::int64_t>::min()
                                                 : std::numeric_limits<std::int64_t>::max();
        } else {
            node.type = Type::floating;
            node.floating = value;
        }
        return add(std::move(node));
    }
    bool string(string_t& value) override {
        FileNode node;
        node.type = Type::string;
        node.string = std::move(value);
        return add(std::move(node));
    }
    bool binary(binary_t& /*value*/) override { return add(FileNode{}); }

    bool start_object(std::size_t /*elements*/) override { return open(Type::table); }
    bool start_array(std::size_t /*elements*/) override { return open(Type::array); }
    bool end_object() override { return close(); }
    bool end_array() override { return close(); }

    bool key(string_t& key) override {
        Frame& frame = m_open.back();
        const bool repeated = !frame.keys.insert(key).second;
        frame.key = std::move(key);
        frame.shown_key.clear();
        if (repeated) {
            // Past the limit only counted: no place is built for a problem never shown.
            if (m_problems.size() < kMostShownProblems) {
                m_problems.push_back({Severity::error, m_file + ": " + pointer(m_open.size()),
                                      "field given twice (only one may be)"});
            } else {
                ++m_unshown;
            }
        }
        return true;
    }

    bool parse_error(std::size_t position, const std::string& /*last_token*/,
                     const nlohmann::detail::exception& error) override {
        m_problems.clear();  // the syntax error is the cause: nothing after it was read
        m_unshown = 0;
        m_problems.push_back({Severity::error, text_place(m_file, m_text, position == 0 ? 0 : position - 1),
                              "not valid JSON: " + syntax_message(error.what())});
        return false;
    }

  private:
    using Type = FileNode::Type;

    struct Frame {
        FileNode node;
        std::string key;                       // of the member being read, in a table
        std::string shown_key;                 // `key` in a pointer; made when first needed
        std::unordered_set<std::string> keys;  // given so far, in a table
    };

    bool open(Type type) {
        if (m_open.size() >= content::kMaxNestingDepth) {
            // Refused before parsing (nesting_overflow); kept so no caller can build deeper.
            const std::string at = pointer(m_open.size());
            m_problems.push_back(
                {Severity::error, m_file + ": " + (at.empty() ? "/" : at),
                 "nested deeper than " + std::to_string(content::kMaxNestingDepth) + " levels"});
            return false;
        }
        m_open.push_back(Frame{});
        m_open.back().node.type = type;
        return true;
    }

    bool close() {
        FileNode node = std::move(m_open.back().node);
        m_open.pop_back();
        return add(std::move(node));
    }

    bool add(FileNode node) {
        if (m_open.empty()) {
            m_root = std::move(node);
        } else if (Frame& frame = m_open.back(); frame.node.type == Type::table) {
            frame.node.members.emplace_back(std::move(frame.key), std::move(node));
        } else {
            frame.node.elements.push_back(std::move(node));
        }
        return true;
    }

    // The JSON pointer of the value being read in the first `levels` open
    // lists and tables. Each key is made short once, so a place costs at most
    // kMaxNestingDepth short tokens however long the keys are.
    std::string pointer(std::size_t levels) {
        std::string out;
        for (std::size_t i = 0; i < levels && i < m_open.size(); ++i) {
            Frame& frame = m_open[i];
            if (frame.node.type == Type::table) {
                if (frame.shown_key.empty()) {
                    frame.shown_key = pointer_token(frame.key);
                }
                out += "/" + frame.shown_key;
            } else {
                out += "/" + std::to_string(frame.node.elements.size());
            }
        }
        return out;
    }

    // A key as a pointer's token ("~" as "~0", "/" as "~1"), cut as shown_key cuts it.
    static std::string pointer_token(const std::string& key) {
        std::string token;
        for (const char c : key) {
            token += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
        }
        return shown_key(token);
    }

    std::string_view m_text;
    std::string m_file;
    std::vector<Frame> m_open;
    std::optional<FileNode> m_root;
    std::vector<FileProblem> m_problems;  // at most kMostShownProblems
    std::size_t m_unshown = 0;            // problems past those
};

ordered_json zones_json(const std::vector<std::string>& zones) {
    return zones.size() == 1 ? ordered_json(zones.front()) : ordered_json(zones);
}

void put_days(ordered_json& object, Weekdays weekdays, const DateRange& dates) {
    object["days"] = format_weekdays(weekdays);
    if (dates.first || dates.last) {
        object["dates"] = format_date_range(dates);
    }
}

}  // namespace

tl::expected<FileNode, std::vector<FileProblem>> parse_json_tree(std::string_view text,
                                                                 std::string_view file_name) {
    TreeBuilder builder(text, file_name);
    try {
        json::sax_parse(text.begin(), text.end(), &builder);
    } catch (const std::exception& error) {
        return tl::unexpected(std::vector<FileProblem>{
            {Severity::error, std::string(file_name), std::string("not valid JSON: ") + error.what()}});
    }
    return builder.result();
}

std::string format_json_programme(const Programme& programme) {
    ordered_json root;
    root["format"] = kFormatName;
    root["version"] = kFormatVersion;
    ordered_json zones = ordered_json::object();
    for (const std::string& zone : zones_in_use(programme)) {
        ordered_json settings = ordered_json::object();
        if (const ZoneSettings* found = programme.find_zone(zone)) {
            if (found->default_playlist) {
                settings["default"] = playlist_name(programme, *found->default_playlist);
            }
            settings["closed_mode"] = to_string(found->closed_mode);
        }
        zones[zone] = settings;
    }
    root["zones"] = zones;

    ordered_json playlists = ordered_json::array();
    for (const Playlist& playlist : programme.playlists) {
        ordered_json items = ordered_json::array();
        for (const PlaylistItem& item : playlist.items) {
            const MediaFile* media = programme.find_media(item.media);
            ordered_json entry;
            entry["media"] = media != nullptr ? media->name : std::to_string(item.media);
            if (item.display_time) {
                entry["display_seconds"] = json::parse(format_seconds(*item.display_time));
            }
            if (item.volume_percent) {
                entry["volume"] = *item.volume_percent;
            }
            items.push_back(entry);
        }
        root["playlists"].push_back(
            {{"name", playlist.name}, {"shuffle", playlist.shuffle}, {"items", items}});
    }
    if (programme.playlists.empty()) {
        root["playlists"] = ordered_json::array();
    }

    root["rules"] = ordered_json::array();
    for (const ScheduleRule& rule : programme.rules) {
        ordered_json entry;
        entry["playlist"] = playlist_name(programme, rule.playlist);
        entry["zones"] = zones_json(rule.zones);
        entry["from"] = format_time_of_day(rule.daypart.start);
        entry["to"] = format_time_of_day(rule.daypart.end);
        put_days(entry, rule.weekdays, rule.dates);
        entry["priority"] = rule.priority;
        root["rules"].push_back(entry);
    }

    root["interrupts"] = ordered_json::array();
    for (const Interrupt& interrupt : programme.interrupts) {
        ordered_json entry;
        entry["playlist"] = playlist_name(programme, interrupt.playlist);
        entry["zones"] = zones_json(interrupt.zones);
        entry["at"] = format_time_of_day(interrupt.at);
        if (interrupt.on) {
            entry["on"] = format_date(*interrupt.on);
        } else {
            put_days(entry, interrupt.weekdays, interrupt.dates);
        }
        root["interrupts"].push_back(entry);
    }

    root["closed"] = ordered_json::array();
    for (const ClosedHours& closed : programme.closed_hours) {
        ordered_json entry;
        entry["zones"] = zones_json(closed.zones);
        entry["from"] = format_time_of_day(closed.daypart.start);
        entry["to"] = format_time_of_day(closed.daypart.end);
        put_days(entry, closed.weekdays, closed.dates);
        root["closed"].push_back(entry);
    }
    // Names from older databases were never checked: invalid UTF-8 is written as U+FFFD, not thrown.
    return root.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace scheduler::detail

// JSON programme files through nlohmann-json: parsing (syntax errors with
// line:column) and writing. Exceptions stay in this file.

#include <exception>

#include <nlohmann/json.hpp>

#include "file_tree.h"
#include "programme_text.h"

namespace scheduler::detail {
namespace {

using json = nlohmann::json;
using ordered_json = nlohmann::ordered_json;

FileNode to_tree(const json& value) {
    FileNode node;
    switch (value.type()) {
        case json::value_t::string:
            node.type = FileNode::Type::string;
            node.string = value.get<std::string>();
            break;
        case json::value_t::number_integer:
        case json::value_t::number_unsigned:
            node.type = FileNode::Type::integer;
            node.integer = value.get<std::int64_t>();
            break;
        case json::value_t::number_float:
            node.type = FileNode::Type::floating;
            node.floating = value.get<double>();
            break;
        case json::value_t::boolean:
            node.type = FileNode::Type::boolean;
            node.boolean = value.get<bool>();
            break;
        case json::value_t::array:
            node.type = FileNode::Type::array;
            for (const json& element : value) {
                node.elements.push_back(to_tree(element));
            }
            break;
        case json::value_t::object:
            node.type = FileNode::Type::table;
            for (const auto& [key, member] : value.items()) {
                node.members.emplace_back(key, to_tree(member));
            }
            break;
        default:
            node.type = FileNode::Type::other;
            break;
    }
    return node;
}

// nlohmann's message without its "[json.exception...] parse error at line L, column C: " prefix.
std::string syntax_message(const std::string& what) {
    const std::size_t column = what.find("column ");
    const std::size_t colon = column == std::string::npos ? std::string::npos : what.find(": ", column);
    return colon == std::string::npos ? what : what.substr(colon + 2);
}

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
    try {
        return to_tree(json::parse(text.begin(), text.end()));
    } catch (const json::parse_error& error) {
        const auto [line, column] = line_and_column(text, error.byte == 0 ? 0 : error.byte - 1);
        return tl::unexpected(std::vector<FileProblem>{
            {Severity::error,
             std::string(file_name) + ":" + std::to_string(line) + ":" + std::to_string(column),
             "not valid JSON: " + syntax_message(error.what())}});
    } catch (const std::exception& error) {
        return tl::unexpected(std::vector<FileProblem>{
            {Severity::error, std::string(file_name), std::string("not valid JSON: ") + error.what()}});
    }
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
                entry["display_seconds"] = json::parse(seconds_text(*item.display_time));
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
    return root.dump(2) + "\n";
}

}  // namespace scheduler::detail

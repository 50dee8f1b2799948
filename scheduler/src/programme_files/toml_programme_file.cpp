// TOML programme files through toml++: parsing (every value keeps its
// line:column) and writing. Exceptions stay in this file.

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <exception>
#include <sstream>

#include <toml++/toml.h>

#include "content/bounded_input.h"
#include "content/message_text.h"
#include "programme_files/file_tree.h"
#include "programme_files/programme_text.h"

namespace scheduler::detail {
namespace {

// `depth` counts the tables and lists above `value`; text nested deeper than
// content::kMaxNestingDepth never gets here (see parse_programme), and the
// guard keeps this recursion bounded whatever the caller.
FileNode to_tree(const toml::node& value, std::size_t depth, bool& too_deep) {
    FileNode node;
    if (depth > content::kMaxNestingDepth) {
        too_deep = true;
        return node;
    }
    node.line = static_cast<int>(value.source().begin.line);
    node.column = static_cast<int>(value.source().begin.column);
    if (const auto* text = value.as_string()) {
        node.type = FileNode::Type::string;
        node.string = text->get();
    } else if (const auto* integer = value.as_integer()) {
        node.type = FileNode::Type::integer;
        node.integer = integer->get();
        node.string = std::to_string(node.integer);
    } else if (const auto* floating = value.as_floating_point()) {
        node.type = FileNode::Type::floating;
        node.floating = floating->get();
        node.string = content::number_text(node.floating);
    } else if (const auto* boolean = value.as_boolean()) {
        node.type = FileNode::Type::boolean;
        node.boolean = boolean->get();
    } else if (const auto* day = value.as_date()) {
        // An unquoted TOML date (on = 2026-12-02) reads like the quoted one.
        node.type = FileNode::Type::string;
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(day->get().year),
                      static_cast<unsigned>(day->get().month), static_cast<unsigned>(day->get().day));
        node.string = buffer;
    } else if (const auto* time = value.as_time()) {
        node.type = FileNode::Type::string;
        char buffer[16];
        std::snprintf(buffer, sizeof buffer, "%02u:%02u:%02u", static_cast<unsigned>(time->get().hour),
                      static_cast<unsigned>(time->get().minute), static_cast<unsigned>(time->get().second));
        node.string = buffer;
    } else if (const auto* array = value.as_array()) {
        node.type = FileNode::Type::array;
        for (const toml::node& element : *array) {
            node.elements.push_back(to_tree(element, depth + 1, too_deep));
        }
    } else if (const auto* table = value.as_table()) {
        node.type = FileNode::Type::table;
        for (const auto& [key, member] : *table) {
            node.members.emplace_back(std::string(key.str()), to_tree(member, depth + 1, too_deep));
        }
    }
    return node;
}

// A TOML basic string.
std::string toml_string(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            case '\r':
                out += "\\r";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                    char buffer[8];
                    std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
                    out += buffer;
                } else {
                    out += c;
                }
        }
    }
    return out + "\"";
}

// A TOML key: bare when it may be, else a basic string.
std::string key(const std::string& text) {
    const bool bare = !text.empty() && std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return std::isalnum(c) != 0 || c == '_' || c == '-';
    });
    return bare ? text : toml_string(text);
}

std::string zones_text(const std::vector<std::string>& zones) {
    std::string out = "[";
    for (std::size_t i = 0; i < zones.size(); ++i) {
        out += (i == 0 ? "" : ", ") + toml_string(zones[i]);
    }
    return out + "]";
}

void put_days(std::ostringstream& out, Weekdays weekdays, const DateRange& dates) {
    out << "days = " << toml_string(format_weekdays(weekdays)) << '\n';
    if (dates.first || dates.last) {
        out << "dates = " << toml_string(format_date_range(dates)) << '\n';
    }
}

}  // namespace

tl::expected<FileNode, std::vector<FileProblem>> parse_toml_tree(std::string_view text,
                                                                 std::string_view file_name) {
    try {
        const toml::table table = toml::parse(text, std::string_view(file_name));
        bool too_deep = false;
        FileNode root = to_tree(table, 0, too_deep);
        if (too_deep) {
            return tl::unexpected(std::vector<FileProblem>{
                {Severity::error, std::string(file_name),
                 "nested deeper than " + std::to_string(content::kMaxNestingDepth) + " levels"}});
        }
        return root;
    } catch (const toml::parse_error& error) {
        const auto& begin = error.source().begin;
        std::string reason(error.description());
        // toml++ refuses a key given twice as a redefinition: say it as the JSON reader does.
        if (reason.find("cannot redefine") != std::string::npos) {
            reason = "field given twice (only one may be): " + reason;
        }
        return tl::unexpected(std::vector<FileProblem>{
            {Severity::error,
             std::string(file_name) + ":" + std::to_string(begin.line) + ":" + std::to_string(begin.column),
             "not valid TOML: " + reason}});
    } catch (const std::exception& error) {
        return tl::unexpected(std::vector<FileProblem>{
            {Severity::error, std::string(file_name), std::string("not valid TOML: ") + error.what()}});
    }
}

std::string format_toml_programme(const Programme& programme) {
    std::ostringstream out;
    out << "# Film programme of the Population Culture Window kiosk.\n"
        << "# Load it with: kioskctl schedule import FILE   (the format: scheduler/README.md)\n"
        << "format = " << toml_string(kFormatName) << "\nversion = " << kFormatVersion << "\n";

    for (const std::string& zone : zones_in_use(programme)) {
        out << "\n[zones." << key(zone) << "]\n";
        if (const ZoneSettings* settings = programme.find_zone(zone)) {
            if (settings->default_playlist) {
                out << "default = " << toml_string(playlist_name(programme, *settings->default_playlist))
                    << '\n';
            }
            out << "closed_mode = " << toml_string(to_string(settings->closed_mode)) << '\n';
        }
    }

    for (const Playlist& playlist : programme.playlists) {
        out << "\n[[playlists]]\nname = " << toml_string(playlist.name)
            << "\nshuffle = " << (playlist.shuffle ? "true" : "false") << "\nitems = [\n";
        for (const PlaylistItem& item : playlist.items) {
            const MediaFile* media = programme.find_media(item.media);
            out << "  { media = " << toml_string(media != nullptr ? media->name : std::to_string(item.media));
            if (item.display_time) {
                out << ", display_seconds = " << format_seconds(*item.display_time);
            }
            if (item.volume_percent) {
                out << ", volume = " << *item.volume_percent;
            }
            out << " },\n";
        }
        out << "]\n";
    }

    for (const ScheduleRule& rule : programme.rules) {
        out << "\n[[rules]]\nplaylist = " << toml_string(playlist_name(programme, rule.playlist))
            << "\nzones = " << zones_text(rule.zones)
            << "\nfrom = " << toml_string(format_time_of_day(rule.daypart.start))
            << "\nto = " << toml_string(format_time_of_day(rule.daypart.end)) << '\n';
        put_days(out, rule.weekdays, rule.dates);
        out << "priority = " << rule.priority << '\n';
    }

    for (const Interrupt& interrupt : programme.interrupts) {
        out << "\n[[interrupts]]\nplaylist = " << toml_string(playlist_name(programme, interrupt.playlist))
            << "\nzones = " << zones_text(interrupt.zones)
            << "\nat = " << toml_string(format_time_of_day(interrupt.at)) << '\n';
        if (interrupt.on) {
            out << "on = " << toml_string(format_date(*interrupt.on)) << '\n';
        } else {
            put_days(out, interrupt.weekdays, interrupt.dates);
        }
    }

    for (const ClosedHours& closed : programme.closed_hours) {
        out << "\n[[closed]]\nzones = " << zones_text(closed.zones)
            << "\nfrom = " << toml_string(format_time_of_day(closed.daypart.start))
            << "\nto = " << toml_string(format_time_of_day(closed.daypart.end)) << '\n';
        put_days(out, closed.weekdays, closed.dates);
    }
    return out.str();
}

}  // namespace scheduler::detail

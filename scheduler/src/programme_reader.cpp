// Gives a programme file's tree its meaning: names become ids, texts become
// times and dates, and every problem is reported at its place in the file.
// The semantic checks are programme_check's, mapped back to file places.

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <variant>

#include "file_tree.h"
#include "programme_text.h"
#include "scheduler/programme_check.h"

namespace scheduler::detail {
namespace {

using Type = FileNode::Type;

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
    std::string text(PathStyle style) const {
        std::string out;
        for (const auto& part : m_parts) {
            if (const auto* key = std::get_if<std::string>(&part)) {
                out += style == PathStyle::json_pointer ? "/" + *key : (out.empty() ? "" : ".") + *key;
            } else {
                const std::string index = std::to_string(std::get<std::size_t>(part));
                out += style == PathStyle::json_pointer ? "/" + index : "[" + index + "]";
            }
        }
        return out.empty() && style == PathStyle::json_pointer ? "/" : out;
    }

  private:
    std::vector<std::variant<std::string, std::size_t>> m_parts;
};

// An element of the file (a rule, a playlist...) and where it is.
struct Place {
    Path path;
    const FileNode* node = nullptr;
};

class Reader {
  public:
    Reader(const FileNode& root, PathStyle style, std::string_view file_name,
           const std::vector<MediaFile>& library, const date::time_zone& tz,
           std::chrono::milliseconds still_time)
        : m_root(root), m_style(style), m_file(file_name), m_tz(tz), m_still_time(still_time) {
        m_programme.media = library;
    }

    tl::expected<ImportedProgramme, std::vector<FileProblem>> run() {
        if (m_root.type != Type::table) {
            error({Path{}, &m_root}, "",
                  "the file must hold a table of playlists, rules, interrupts, closed and zones");
            return tl::unexpected(m_problems);
        }
        const Place root{Path{}, &m_root};
        check_keys(root, {"format", "version", "zones", "playlists", "rules", "interrupts", "closed"});
        if (const FileNode* format = m_root.member("format");
            format != nullptr && (format->type != Type::string || format->string != kFormatName)) {
            error(root, "format", std::string("must be \"") + kFormatName + "\"");
        }
        if (const FileNode* version = m_root.member("version");
            version != nullptr && (version->type != Type::integer || version->integer != kFormatVersion)) {
            error(root, "version", "this kiosk reads version " + std::to_string(kFormatVersion) + " files");
        }
        read_playlists();
        read_zones();
        read_list("rules", &Reader::read_rule);
        read_list("interrupts", &Reader::read_interrupt);
        read_list("closed", &Reader::read_closed);
        add_checks();

        std::stable_sort(m_problems.begin(), m_problems.end(),
                         [](const FileProblem& a, const FileProblem& b) { return a.severity < b.severity; });
        const bool refused = std::any_of(m_problems.begin(), m_problems.end(),
                                         [](const FileProblem& p) { return p.severity == Severity::error; });
        if (refused) {
            return tl::unexpected(m_problems);
        }
        return ImportedProgramme{std::move(m_programme), std::move(m_problems)};
    }

  private:
    std::string where(const Place& place, std::string_view field) const {
        const FileNode* node = place.node;
        if (!field.empty() && place.node != nullptr && place.node->member(field) != nullptr) {
            node = place.node->member(field);
        }
        std::string out = m_file;
        if (node != nullptr && node->line > 0) {
            out += ":" + std::to_string(node->line) + ":" + std::to_string(node->column);
        }
        const Path path = field.empty() ? place.path : place.path.child(std::string(field));
        return out + ": " + path.text(m_style);
    }

    void report(Severity severity, const Place& place, std::string_view field, std::string message) {
        std::string at = where(place, field);
        if (m_places_reported.insert(at).second || severity == Severity::warning) {
            m_problems.push_back({severity, std::move(at), std::move(message)});
        }
    }
    void error(const Place& place, std::string_view field, std::string message) {
        report(Severity::error, place, field, std::move(message));
    }

    void check_keys(const Place& place, std::initializer_list<const char*> allowed) {
        for (const auto& [key, node] : place.node->members) {
            if (std::none_of(allowed.begin(), allowed.end(), [&](const char* name) { return key == name; })) {
                std::string list;
                for (const char* name : allowed) {
                    list += (list.empty() ? "" : ", ") + std::string(name);
                }
                error(place, key, "unknown key \"" + key + "\" (expected " + list + ")");
            }
        }
    }

    // The member `key` when it has the `type`; a problem when it is missing (and required) or of another
    // type.
    const FileNode* get(const Place& place, const char* key, Type type, bool required, const char* what) {
        const FileNode* node = place.node->member(key);
        if (node == nullptr) {
            if (required) {
                error(place, "", std::string("missing \"") + key + "\": " + what);
            }
            return nullptr;
        }
        if (node->type != type && !(type == Type::floating && node->type == Type::integer)) {
            error(
                place, key,
                std::string("must be ") + type_name(type) + " (" + what + "), not " + type_name(node->type));
            return nullptr;
        }
        return node;
    }

    template <typename T>
    std::optional<T> parsed(const Place& place, const char* key, bool required, const char* what,
                            const std::function<tl::expected<T, std::string>(const std::string&)>& parse) {
        const FileNode* node = get(place, key, Type::string, required, what);
        if (node == nullptr) {
            return std::nullopt;
        }
        auto value = parse(node->string);
        if (!value) {
            error(place, key, value.error());
            return std::nullopt;
        }
        return *value;
    }

    std::optional<PlaylistId> playlist_ref(const Place& place, const char* key) {
        const FileNode* node = get(place, key, Type::string, true, "a playlist's name");
        if (node == nullptr) {
            return std::nullopt;
        }
        if (const Playlist* playlist = m_programme.find_playlist(node->string)) {
            return playlist->id;
        }
        error(place, key, "unknown playlist \"" + node->string + "\" (not in this file's playlists)");
        return std::nullopt;
    }

    std::optional<std::vector<std::string>> zones(const Place& place) {
        const FileNode* node = place.node->member("zones");
        const char* what = "zone names: boards, models, av, health";
        if (node == nullptr) {
            error(place, "", std::string("missing \"zones\": ") + what);
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
            for (const std::string& zone : names) {
                if (!is_known_zone(zone)) {
                    error(place, "zones",
                          "unknown zone \"" + zone + "\" (the zones are boards, models, av and health)");
                }
            }
            return names;
        }
        error(place, "zones", std::string("must be a zone or a list of zones (") + what + ")");
        return std::nullopt;
    }

    std::optional<Daypart> daypart(const Place& place) {
        auto from = parsed<TimeOfDay>(place, "from", true, "a time like \"09:00\"",
                                      [](const std::string& text) { return parse_time_of_day(text, false); });
        auto to = parsed<TimeOfDay>(place, "to", true, "a time like \"17:30\" (24:00 for midnight)",
                                    [](const std::string& text) { return parse_time_of_day(text, true); });
        if (!from || !to) {
            return std::nullopt;
        }
        if (*from == *to) {
            error(place, "to",
                  "the daypart is empty: it starts and ends at " + format_time_of_day(*from) +
                      " (for the whole day write 00:00 to 24:00)");
        }
        return Daypart{*from, *to};
    }

    std::optional<std::pair<Weekdays, DateRange>> days(const Place& place) {
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
                error(place, "dates",
                      "the date range ends (" + format_date(*dates.last) + ") before it starts (" +
                          format_date(*dates.first) + ")");
            }
        }
        return ok ? std::optional(std::pair{weekdays, dates}) : std::nullopt;
    }

    void read_list(const char* key, void (Reader::*read)(const Place&, std::int64_t)) {
        const FileNode* list = m_root.member(key);
        if (list == nullptr) {
            return;
        }
        const Place place{Path{}.child(key), list};
        if (list->type != Type::array) {
            error({Path{}, &m_root}, key, std::string("must be a list of tables ([[") + key + "]] in TOML)");
            return;
        }
        for (std::size_t i = 0; i < list->elements.size(); ++i) {
            const Place element{place.path.child(i), &list->elements[i]};
            if (element.node->type != Type::table) {
                error(element, "", "must be a table");
                continue;
            }
            (this->*read)(element, static_cast<std::int64_t>(i) + 1);
        }
        m_places[key] = place;
    }

    void read_playlists() { read_list("playlists", &Reader::read_playlist); }

    void read_playlist(const Place& place, std::int64_t id) {
        check_keys(place, {"name", "shuffle", "items"});
        m_playlist_places[id] = place;
        const FileNode* name = get(place, "name", Type::string, true, "the playlist's name");
        if (name == nullptr) {
            return;
        }
        if (m_programme.find_playlist(name->string) != nullptr) {
            error(place, "name", "another playlist is already called \"" + name->string + "\"");
            return;
        }
        Playlist playlist{id, name->string, false, {}};
        if (const FileNode* shuffle = get(place, "shuffle", Type::boolean, false, "true or false")) {
            playlist.shuffle = shuffle->boolean;
        }
        const FileNode* items = get(place, "items", Type::array, false, "the media to play, in order");
        for (std::size_t i = 0; items != nullptr && i < items->elements.size(); ++i) {
            const Place item_place{place.path.child("items").child(i), &items->elements[i]};
            if (auto item = read_item(item_place)) {
                playlist.items.push_back(*item);
            } else {
                m_tainted_playlists.insert(id);
            }
        }
        m_programme.playlists.push_back(std::move(playlist));
    }

    std::optional<PlaylistItem> read_item(const Place& place) {
        const FileNode* media_name = place.node;
        if (place.node->type == Type::table) {
            check_keys(place, {"media", "display_seconds", "volume"});
            media_name = get(place, "media", Type::string, true, "a media name from kioskctl media list");
        } else if (place.node->type != Type::string) {
            error(place, "", "must be a media name or a table { media = \"...\" }");
            return std::nullopt;
        }
        if (media_name == nullptr) {
            return std::nullopt;
        }
        const MediaFile* media = m_programme.find_media(media_name->string);
        if (media == nullptr) {
            error(
                place, place.node->type == Type::table ? "media" : "",
                "unknown media \"" + media_name->string + "\" (register it first: kioskctl media add FILE)");
            return std::nullopt;
        }
        PlaylistItem item{media->id, std::nullopt, std::nullopt};
        if (place.node->type != Type::table) {
            return item;
        }
        bool ok = true;
        if (const FileNode* seconds = place.node->member("display_seconds")) {
            const double value =
                seconds->type == Type::integer ? static_cast<double>(seconds->integer) : seconds->floating;
            if ((seconds->type != Type::integer && seconds->type != Type::floating) || !(value > 0) ||
                value > 86400) {
                error(place, "display_seconds", "must be a number of seconds above 0, e.g. 15");
                ok = false;
            } else {
                item.display_time = std::chrono::milliseconds{std::llround(value * 1000)};
            }
        }
        if (const FileNode* volume = place.node->member("volume")) {
            if (volume->type != Type::integer || volume->integer < 0 || volume->integer > 100) {
                error(place, "volume", "must be a whole number from 0 to 100 (percent)");
                ok = false;
            } else {
                item.volume_percent = static_cast<int>(volume->integer);
            }
        }
        return ok ? std::optional(item) : std::nullopt;
    }

    void read_zones() {
        const FileNode* zones = m_root.member("zones");
        if (zones == nullptr) {
            return;
        }
        if (zones->type != Type::table) {
            error({Path{}, &m_root}, "zones", "must be a table of zones ([zones.av] in TOML)");
            return;
        }
        for (const auto& [zone, node] : zones->members) {
            const Place place{Path{}.child("zones").child(zone), &node};
            m_zone_places[zone] = place;
            if (node.type != Type::table) {
                error(place, "", "must be a table with default and closed_mode");
                continue;
            }
            check_keys(place, {"default", "closed_mode"});
            ZoneSettings settings{zone, std::nullopt, ClosedMode::slate};
            if (node.member("default") != nullptr) {
                settings.default_playlist = playlist_ref(place, "default");
            }
            if (const FileNode* mode =
                    get(place, "closed_mode", Type::string, false, "\"slate\" or \"blank\"")) {
                if (mode->string == "blank") {
                    settings.closed_mode = ClosedMode::blank;
                } else if (mode->string != "slate") {
                    error(place, "closed_mode",
                          "must be \"slate\" (a quiet closed slate) or \"blank\" (screen off)");
                }
            }
            m_programme.zones.push_back(std::move(settings));
        }
    }

    void read_rule(const Place& place, std::int64_t id) {
        check_keys(place, {"playlist", "zones", "from", "to", "days", "dates", "priority"});
        auto playlist = playlist_ref(place, "playlist");
        auto zone_list = zones(place);
        auto window = daypart(place);
        auto when = days(place);
        int priority = 0;
        bool ok = true;
        if (const FileNode* node =
                get(place, "priority", Type::integer, false, "a whole number; higher wins")) {
            if (node->integer < -1'000'000 || node->integer > 1'000'000) {
                error(place, "priority", "must be between -1000000 and 1000000");
                ok = false;
            }
            priority = static_cast<int>(std::clamp<std::int64_t>(node->integer, -1'000'000, 1'000'000));
        } else if (place.node->member("priority") != nullptr) {
            ok = false;
        }
        if (playlist && zone_list && window && when && ok) {
            m_programme.rules.push_back(
                {id, *playlist, *zone_list, *window, when->first, when->second, priority});
        }
    }

    void read_interrupt(const Place& place, std::int64_t id) {
        check_keys(place, {"playlist", "zones", "at", "on", "days", "dates"});
        auto playlist = playlist_ref(place, "playlist");
        auto zone_list = zones(place);
        auto at = parsed<TimeOfDay>(place, "at", true, "a time like \"10:00\"",
                                    [](const std::string& text) { return parse_time_of_day(text, false); });
        std::optional<Date> on;
        bool ok = true;
        if (place.node->member("on") != nullptr) {
            on = parsed<Date>(place, "on", false, "a date like \"2026-12-02\"",
                              [](const std::string& text) { return parse_date(text); });
            ok = on.has_value();
            if (place.node->member("days") != nullptr || place.node->member("dates") != nullptr) {
                error(place, "on", "give either \"on\" (once) or \"days\"/\"dates\" (recurring), not both");
                ok = false;
            }
        }
        auto when = days(place);
        if (playlist && zone_list && at && when && ok) {
            m_programme.interrupts.push_back({id, *playlist, *zone_list, *at, on, when->first, when->second});
        }
    }

    void read_closed(const Place& place, std::int64_t id) {
        check_keys(place, {"zones", "from", "to", "days", "dates"});
        auto zone_list = zones(place);
        auto window = daypart(place);
        auto when = days(place);
        if (zone_list && window && when) {
            m_programme.closed_hours.push_back({id, *zone_list, *window, when->first, when->second});
        }
    }

    const Place* element_place(const char* list, std::int64_t id) {
        const auto found = m_places.find(list);
        if (found == m_places.end() || id < 1 ||
            static_cast<std::size_t>(id) > found->second.node->elements.size()) {
            return nullptr;
        }
        m_scratch = {found->second.path.child(static_cast<std::size_t>(id - 1)),
                     &found->second.node->elements[static_cast<std::size_t>(id - 1)]};
        return &m_scratch;
    }

    PlaylistId referenced_playlist(const Subject& subject) const {
        switch (subject.kind) {
            case Subject::Kind::rule:
                for (const auto& rule : m_programme.rules) {
                    if (rule.id == subject.id)
                        return rule.playlist;
                }
                break;
            case Subject::Kind::interrupt:
                for (const auto& interrupt : m_programme.interrupts) {
                    if (interrupt.id == subject.id)
                        return interrupt.playlist;
                }
                break;
            case Subject::Kind::zone:
                if (const ZoneSettings* zone = m_programme.find_zone(subject.zone)) {
                    return zone->default_playlist.value_or(0);
                }
                break;
            default:
                break;
        }
        return 0;
    }

    // programme_check's findings, placed in the file.
    void add_checks() {
        for (const Problem& problem : check_programme(m_programme, m_tz, CheckPolicy::strict, m_still_time)) {
            // A playlist that lost items to errors already reported may look empty: say nothing more.
            if ((problem.field == "playlist" || problem.field == "default") &&
                m_tainted_playlists.count(referenced_playlist(problem.subject)) != 0) {
                continue;
            }
            Place place{Path{}, &m_root};
            std::string field = problem.field;
            switch (problem.subject.kind) {
                case Subject::Kind::rule:
                    if (const Place* found = element_place("rules", problem.subject.id))
                        place = *found;
                    break;
                case Subject::Kind::interrupt:
                    if (const Place* found = element_place("interrupts", problem.subject.id))
                        place = *found;
                    break;
                case Subject::Kind::closed_hours:
                    if (const Place* found = element_place("closed", problem.subject.id))
                        place = *found;
                    break;
                case Subject::Kind::playlist:
                    if (const auto found = m_playlist_places.find(problem.subject.id);
                        found != m_playlist_places.end()) {
                        place = found->second;
                        if (problem.subject.item >= 0) {
                            const FileNode* items = place.node->member("items");
                            const auto index = static_cast<std::size_t>(problem.subject.item);
                            if (items != nullptr && index < items->elements.size()) {
                                place = {place.path.child("items").child(index), &items->elements[index]};
                            }
                        }
                    }
                    break;
                case Subject::Kind::zone:
                    if (const auto found = m_zone_places.find(problem.subject.zone);
                        found != m_zone_places.end()) {
                        place = found->second;
                    } else {
                        field = m_root.member("zones") != nullptr ? "zones" : "";
                    }
                    break;
                default:
                    break;
            }
            report(problem.severity, place, field, problem.message);
        }
    }

    const FileNode& m_root;
    PathStyle m_style;
    std::string m_file;
    const date::time_zone& m_tz;
    std::chrono::milliseconds m_still_time;
    Programme m_programme;
    std::vector<FileProblem> m_problems;
    std::set<std::string> m_places_reported;  // one error per place: the first is the cause
    std::map<std::string, Place> m_places;
    std::map<std::int64_t, Place> m_playlist_places;
    std::map<std::string, Place> m_zone_places;
    std::set<PlaylistId> m_tainted_playlists;
    Place m_scratch;
};

}  // namespace

tl::expected<ImportedProgramme, std::vector<FileProblem>> read_programme_tree(
    const FileNode& root, PathStyle style, std::string_view file_name, const std::vector<MediaFile>& library,
    const date::time_zone& tz, std::chrono::milliseconds still_time) {
    return Reader(root, style, file_name, library, tz, still_time).run();
}

}  // namespace scheduler::detail

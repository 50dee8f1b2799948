// Gives a programme file's tree its meaning: names become ids, texts become
// times and dates, and every problem is reported at its place in the file.
// The semantic checks are programme_check's, mapped back to file places.

#include "programme_files/programme_reader.h"

#include <algorithm>
#include <map>
#include <set>

#include "content/message_text.h"
#include "programme_files/file_fields.h"
#include "programme_files/programme_text.h"
#include "scheduler/limits.h"
#include "scheduler/names.h"
#include "scheduler/programme_check.h"

namespace scheduler::detail {
namespace {

using Type = FileNode::Type;

class Reader {
  public:
    Reader(const FileNode& root, PathStyle style, std::string_view file_name,
           const std::vector<MediaFile>& library, const date::time_zone& tz,
           std::chrono::milliseconds still_time)
        : m_root(root),
          m_tz(tz),
          m_still_time(still_time),
          m_problems(file_name, style, root),
          m_fields(m_problems) {
        m_programme.media = library;
        for (std::size_t i = 0; i < m_programme.media.size(); ++i) {
            m_media_by_name.emplace(m_programme.media[i].name, i);
        }
    }

    tl::expected<ImportedProgramme, std::vector<FileProblem>> run() {
        if (m_root.type != Type::table) {
            m_problems.error({Path{}, &m_root}, "",
                             "the file must hold a table of playlists, rules, interrupts, closed and zones");
            return tl::unexpected(m_problems.take());
        }
        const Place root{Path{}, &m_root};
        m_fields.check_keys(root,
                            {"format", "version", "zones", "playlists", "rules", "interrupts", "closed"});
        if (const FileNode* format = m_root.member("format");
            format != nullptr && (format->type != Type::string || format->string != kFormatName)) {
            m_problems.error(root, "format", std::string("must be \"") + kFormatName + "\"");
        }
        if (const FileNode* version = m_root.member("version");
            version != nullptr &&
            (version->type != Type::integer || version->beyond_range || version->integer != kFormatVersion)) {
            m_problems.error(root, "version",
                             "this kiosk reads version " + std::to_string(kFormatVersion) + " files");
        }
        read_playlists();
        read_zones();
        read_list("rules", &Reader::read_rule);
        read_list("interrupts", &Reader::read_interrupt);
        read_list("closed", &Reader::read_closed);
        if (!m_problems.any() && holds_nothing(m_programme)) {
            m_problems.error(
                root, "",
                "the file holds no programme: no playlists, rules, interrupts, closed hours or zone "
                "settings (an empty file never replaces the programme in force)");
            return tl::unexpected(m_problems.take());
        }
        add_checks();
        if (m_problems.any_error()) {
            return tl::unexpected(m_problems.take());
        }
        return ImportedProgramme{std::move(m_programme), m_problems.take()};
    }

  private:
    static bool holds_nothing(const Programme& programme) {
        return programme.playlists.empty() && programme.rules.empty() && programme.interrupts.empty() &&
               programme.closed_hours.empty() &&
               std::all_of(programme.zones.begin(), programme.zones.end(), [](const ZoneSettings& zone) {
                   return !zone.default_playlist && zone.closed_mode == ClosedMode::slate;
               });
    }

    std::optional<PlaylistId> playlist_ref(const Place& place, const char* key) {
        const FileNode* node = m_fields.get(place, key, Type::string, true, "a playlist's name");
        if (node == nullptr) {
            return std::nullopt;
        }
        if (const auto found = m_playlist_ids.find(node->string); found != m_playlist_ids.end()) {
            return found->second;
        }
        m_problems.error(
            place, key,
            "unknown playlist " + content::quoted_text(node->string) + " (not in this file's playlists)");
        return std::nullopt;
    }

    void read_list(const char* key, void (Reader::*read)(const Place&, std::int64_t)) {
        const FileNode* list = m_root.member(key);
        if (list == nullptr) {
            return;
        }
        const Place place{Path{}.child(key), list};
        if (list->type != Type::array) {
            m_problems.error({Path{}, &m_root}, key,
                             std::string("must be a list of tables ([[") + key + "]] in TOML)");
            return;
        }
        for (std::size_t i = 0; i < list->elements.size(); ++i) {
            const Place element{place.path.child(i), &list->elements[i]};
            if (element.node->type != Type::table) {
                m_problems.error(element, "", "must be a table");
                continue;
            }
            (this->*read)(element, static_cast<std::int64_t>(i) + 1);
        }
        m_places[key] = place;
    }

    void read_playlists() { read_list("playlists", &Reader::read_playlist); }

    void read_playlist(const Place& place, std::int64_t id) {
        m_fields.check_keys(place, {"name", "shuffle", "items"});
        m_playlist_places[id] = place;
        const FileNode* name = m_fields.get(place, "name", Type::string, true, "the playlist's name");
        if (name == nullptr) {
            return;
        }
        if (auto good = check_name(name->string); !good) {
            m_problems.error(place, "name",
                             "bad playlist name " + content::quoted_text(name->string) + ": " + good.error());
            return;
        }
        if (!m_playlist_ids.emplace(name->string, id).second) {
            m_problems.error(place, "name",
                             "another playlist is already called " + content::quoted_text(name->string));
            return;
        }
        Playlist playlist{id, name->string, false, {}};
        if (const FileNode* shuffle = m_fields.get(place, "shuffle", Type::boolean, false, "true or false")) {
            playlist.shuffle = shuffle->boolean;
        }
        const FileNode* items =
            m_fields.get(place, "items", Type::array, false, "the media to play, in order");
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
            m_fields.check_keys(place, {"media", "display_seconds", "volume"});
            media_name =
                m_fields.get(place, "media", Type::string, true, "a media name from kioskctl media list");
        } else if (place.node->type != Type::string) {
            m_problems.error(place, "", "must be a media name or a table { media = \"...\" }");
            return std::nullopt;
        }
        if (media_name == nullptr) {
            return std::nullopt;
        }
        const auto found = m_media_by_name.find(media_name->string);
        if (found == m_media_by_name.end()) {
            m_problems.error(place, place.node->type == Type::table ? "media" : "",
                             "unknown media " + content::quoted_text(media_name->string) +
                                 " (register it first: kioskctl media add FILE)");
            return std::nullopt;
        }
        const MediaFile* media = &m_programme.media[found->second];
        PlaylistItem item{media->id, std::nullopt, std::nullopt};
        if (place.node->type != Type::table) {
            return item;
        }
        bool ok = true;
        if (place.node->member("display_seconds") != nullptr) {
            item.display_time = m_fields.display_time(place, "display_seconds");
            ok = item.display_time.has_value();
        }
        if (place.node->member("volume") != nullptr) {
            if (auto value =
                    m_fields.whole_number(place, "volume", kMinVolumePercent, kMaxVolumePercent, "percent")) {
                item.volume_percent = static_cast<int>(*value);
            } else {
                ok = false;
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
            m_problems.error({Path{}, &m_root}, "zones", "must be a table of zones ([zones.av] in TOML)");
            return;
        }
        for (const auto& [zone, node] : zones->members) {
            const Place place{Path{}.child("zones").child(zone), &node};
            m_zone_places[zone] = place;
            if (node.type != Type::table) {
                m_problems.error(place, "", "must be a table with default and closed_mode");
                continue;
            }
            m_fields.check_keys(place, {"default", "closed_mode"});
            ZoneSettings settings{zone, std::nullopt, ClosedMode::slate};
            if (node.member("default") != nullptr) {
                settings.default_playlist = playlist_ref(place, "default");
            }
            if (const FileNode* mode =
                    m_fields.get(place, "closed_mode", Type::string, false, "\"slate\" or \"blank\"")) {
                if (mode->string == "blank") {
                    settings.closed_mode = ClosedMode::blank;
                } else if (mode->string != "slate") {
                    m_problems.error(place, "closed_mode",
                                     "must be \"slate\" (a quiet closed slate) or \"blank\" (screen off)");
                }
            }
            m_programme.zones.push_back(std::move(settings));
        }
    }

    void read_rule(const Place& place, std::int64_t id) {
        m_fields.check_keys(place, {"playlist", "zones", "from", "to", "days", "dates", "priority"});
        auto playlist = playlist_ref(place, "playlist");
        auto zone_list = m_fields.zones(place);
        auto window = m_fields.daypart(place);
        auto when = m_fields.days(place);
        int priority = 0;
        bool ok = true;
        if (place.node->member("priority") != nullptr) {
            const auto value =
                m_fields.whole_number(place, "priority", kMinPriority, kMaxPriority, "higher wins");
            ok = value.has_value();
            priority = static_cast<int>(value.value_or(0));
        }
        if (playlist && zone_list && window && when && ok) {
            m_programme.rules.push_back(
                {id, *playlist, *zone_list, *window, when->first, when->second, priority});
        }
    }

    void read_interrupt(const Place& place, std::int64_t id) {
        m_fields.check_keys(place, {"playlist", "zones", "at", "on", "days", "dates"});
        auto playlist = playlist_ref(place, "playlist");
        auto zone_list = m_fields.zones(place);
        auto at = m_fields.parsed<TimeOfDay>(
            place, "at", true, "a time like \"10:00\"",
            [](const std::string& text) { return parse_time_of_day(text, false); });
        std::optional<Date> on;
        bool ok = true;
        if (place.node->member("on") != nullptr) {
            on = m_fields.parsed<Date>(place, "on", false, "a date like \"2026-12-02\"",
                                       [](const std::string& text) { return parse_date(text); });
            ok = on.has_value();
            if (place.node->member("days") != nullptr || place.node->member("dates") != nullptr) {
                m_problems.error(place, "on",
                                 "give either \"on\" (once) or \"days\"/\"dates\" (recurring), not both");
                ok = false;
            }
        }
        auto when = m_fields.days(place);
        if (playlist && zone_list && at && when && ok) {
            m_programme.interrupts.push_back({id, *playlist, *zone_list, *at, on, when->first, when->second});
        }
    }

    void read_closed(const Place& place, std::int64_t id) {
        m_fields.check_keys(place, {"zones", "from", "to", "days", "dates"});
        auto zone_list = m_fields.zones(place);
        auto window = m_fields.daypart(place);
        auto when = m_fields.days(place);
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
        for (const Problem& problem :
             check_programme(m_programme, m_tz, CheckPolicy::whole_file, m_still_time)) {
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
            m_problems.report(problem.severity, place, field, problem.message);
        }
    }

    const FileNode& m_root;
    const date::time_zone& m_tz;
    std::chrono::milliseconds m_still_time;
    Programme m_programme;
    FileProblems m_problems;
    FieldReader m_fields;
    std::map<std::string, Place> m_places;
    std::map<std::int64_t, Place> m_playlist_places;
    std::map<std::string, Place> m_zone_places;
    std::set<PlaylistId> m_tainted_playlists;
    std::map<std::string, PlaylistId, std::less<>> m_playlist_ids;    // by name: no quadratic lookups
    std::map<std::string, std::size_t, std::less<>> m_media_by_name;  // index in m_programme.media
    Place m_scratch;
};

}  // namespace

tl::expected<ImportedProgramme, std::vector<FileProblem>> read_programme_tree(
    const FileNode& root, PathStyle style, std::string_view file_name, const std::vector<MediaFile>& library,
    const date::time_zone& tz, std::chrono::milliseconds still_time) {
    return Reader(root, style, file_name, library, tz, still_time).run();
}

}  // namespace scheduler::detail

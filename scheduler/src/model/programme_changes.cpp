#include "scheduler/programme_changes.h"

#include <algorithm>
#include <deque>
#include <string_view>
#include <unordered_map>

#include "content/message_text.h"

namespace scheduler {
namespace {

using Kind = ProgrammeChange::Kind;

std::string zones_text(std::vector<std::string> zones) {
    std::sort(zones.begin(), zones.end());
    zones.erase(std::unique(zones.begin(), zones.end()), zones.end());
    if (zones.size() == known_zones().size() &&
        std::all_of(zones.begin(), zones.end(),
                    [](const std::string& zone) { return is_known_zone(zone); })) {
        return "all zones";
    }
    std::string text;
    for (const std::string& zone : zones) {
        text += (text.empty() ? "" : ",") + zone;
    }
    return text;
}

std::string days_text(Weekdays weekdays, const DateRange& dates) {
    std::string text = format_weekdays(weekdays);
    if (dates.first || dates.last) {
        text += " " + format_date_range(dates);
    }
    return text;
}

std::string daypart_text(const Daypart& daypart) {
    return format_time_of_day(daypart.start) + "-" + format_time_of_day(daypart.end);
}

// A programme with its playlists and media found by id and by name in one
// step each, so comparing large programmes stays linear.
class Indexed {
  public:
    explicit Indexed(const Programme& programme) : m_programme(programme) {
        for (const Playlist& playlist : programme.playlists) {
            m_playlists_by_id.emplace(playlist.id, &playlist);
            m_playlists_by_name.emplace(playlist.name, &playlist);
        }
        for (const MediaFile& media : programme.media) {
            m_media.emplace(media.id, &media);
        }
    }
    const Programme& programme() const { return m_programme; }
    const Playlist* playlist(PlaylistId id) const { return found(m_playlists_by_id, id); }
    const Playlist* playlist(std::string_view name) const { return found(m_playlists_by_name, name); }
    const MediaFile* media(MediaId id) const { return found(m_media, id); }

  private:
    template <typename Map, typename Key>
    static auto found(const Map& map, const Key& key) -> typename Map::mapped_type {
        const auto at = map.find(key);
        return at == map.end() ? nullptr : at->second;
    }

    const Programme& m_programme;
    std::unordered_map<PlaylistId, const Playlist*> m_playlists_by_id;
    std::unordered_map<std::string_view, const Playlist*> m_playlists_by_name;
    std::unordered_map<MediaId, const MediaFile*> m_media;
};

// A playlist's name as shown, or in full (`whole`) where texts are compared.
std::string playlist_text(const Indexed& programme, PlaylistId id, bool whole) {
    const Playlist* playlist = programme.playlist(id);
    if (playlist == nullptr) {
        return "(unknown playlist)";
    }
    return whole ? "\"" + playlist->name + "\"" : content::quoted_text(playlist->name);
}

// What each element says, ids aside: two elements that say the same are the same.
std::string meaning(const Indexed& programme, const ScheduleRule& rule, bool whole) {
    return playlist_text(programme, rule.playlist, whole) + " in " + zones_text(rule.zones) + " " +
           daypart_text(rule.daypart) + " " + days_text(rule.weekdays, rule.dates) + ", priority " +
           std::to_string(rule.priority);
}

std::string meaning(const Indexed& programme, const Interrupt& interrupt, bool whole) {
    return playlist_text(programme, interrupt.playlist, whole) + " in " + zones_text(interrupt.zones) +
           " at " + format_time_of_day(interrupt.at) + " " +
           (interrupt.on ? "on " + format_date(*interrupt.on)
                         : days_text(interrupt.weekdays, interrupt.dates));
}

std::string meaning(const Indexed& /*programme*/, const ClosedHours& closed, bool /*whole*/) {
    return zones_text(closed.zones) + " " + daypart_text(closed.daypart) + " " +
           days_text(closed.weekdays, closed.dates);
}

// What an element is for: two that differ but play the same playlist in the
// same zones (closed hours: close the same zones) are one element edited.
std::string purpose(const Indexed& programme, const ScheduleRule& rule) {
    return playlist_text(programme, rule.playlist, true) + " in " + zones_text(rule.zones);
}

std::string purpose(const Indexed& programme, const Interrupt& interrupt) {
    return playlist_text(programme, interrupt.playlist, true) + " in " + zones_text(interrupt.zones);
}

std::string purpose(const Indexed& /*programme*/, const ClosedHours& closed) {
    return zones_text(closed.zones);
}

// Elements without names. Those that say the same before and after are
// matched first, as multisets (one there twice before and once after is
// removed once). Of what is left, one before and one after with the same
// purpose (playlist and zones) are paired in the programme's order, each
// pair a change (a rule whose priority was edited in an exported file);
// the rest are removed or added. So a file with fewer elements always
// removes some, one edited in place removes none, and a rule moved to
// another playlist or other zones is a removal and an addition.
template <typename Element>
void compare_unnamed(const char* what, const char* id_prefix, const Indexed& before,
                     const std::vector<Element>& old_elements, const Indexed& after,
                     const std::vector<Element>& new_elements, std::vector<ProgrammeChange>& changes) {
    // The new elements not yet matched, by meaning, first in the programme's order first.
    std::unordered_map<std::string, std::deque<std::size_t>> unmatched_new;
    std::vector<bool> matched(new_elements.size(), false);
    for (std::size_t i = 0; i < new_elements.size(); ++i) {
        unmatched_new[meaning(after, new_elements[i], true)].push_back(i);
    }
    std::unordered_map<std::string, std::deque<const Element*>> unmatched_old;  // by purpose
    for (const Element& element : old_elements) {
        const auto found = unmatched_new.find(meaning(before, element, true));
        if (found != unmatched_new.end() && !found->second.empty()) {
            matched[found->second.front()] = true;  // matched: neither removed nor added
            found->second.pop_front();
        } else {
            unmatched_old[purpose(before, element)].push_back(&element);
        }
    }
    for (std::size_t i = 0; i < new_elements.size(); ++i) {
        if (matched[i]) {
            continue;
        }
        const auto partner = unmatched_old.find(purpose(after, new_elements[i]));
        if (partner != unmatched_old.end() && !partner->second.empty()) {
            const Element& old_element = *partner->second.front();
            partner->second.pop_front();
            changes.push_back({Kind::changed, std::string(what) + " " + id_prefix +
                                                  std::to_string(old_element.id) + ": from " +
                                                  meaning(before, old_element, false) + " to " +
                                                  meaning(after, new_elements[i], false)});
        } else {
            changes.push_back(
                {Kind::added, std::string(what) + ": " + meaning(after, new_elements[i], false)});
        }
    }
    std::vector<const Element*> removed;
    for (const auto& [purpose_text, elements] : unmatched_old) {
        removed.insert(removed.end(), elements.begin(), elements.end());
    }
    // In the programme's order, whatever order the map keeps.
    std::sort(removed.begin(), removed.end());
    for (const Element* old_element : removed) {
        changes.push_back({Kind::removed, std::string(what) + " " + id_prefix +
                                              std::to_string(old_element->id) + ": " +
                                              meaning(before, *old_element, false)});
    }
}

std::string media_name(const Indexed& programme, MediaId id) {
    const MediaFile* media = programme.media(id);
    return media != nullptr ? media->name : "#" + std::to_string(id);
}

bool same_items(const Indexed& before, const Playlist& old_list, const Indexed& after,
                const Playlist& new_list) {
    return std::equal(old_list.items.begin(), old_list.items.end(), new_list.items.begin(),
                      new_list.items.end(), [&](const PlaylistItem& a, const PlaylistItem& b) {
                          return media_name(before, a.media) == media_name(after, b.media) &&
                                 a.display_time == b.display_time && a.volume_percent == b.volume_percent;
                      });
}

std::string playlist_summary(const Playlist& playlist) {
    return "playlist " + content::quoted_text(playlist.name) + " (" + std::to_string(playlist.items.size()) +
           (playlist.items.size() == 1 ? " item" : " items") + (playlist.shuffle ? ", shuffled" : "") + ")";
}

// A playlist with fewer items after is a removal (an import that empties
// playlists needs --replace); other edits of its items are changes.
void compare_playlists(const Indexed& before, const Indexed& after, std::vector<ProgrammeChange>& changes) {
    for (const Playlist& old_list : before.programme().playlists) {
        const Playlist* new_list = after.playlist(old_list.name);
        if (new_list == nullptr) {
            changes.push_back({Kind::removed, playlist_summary(old_list)});
            continue;
        }
        const std::string what = "playlist " + content::quoted_text(old_list.name) + ": ";
        std::string differences;
        if (new_list->items.size() < old_list.items.size()) {
            changes.push_back({Kind::removed, what + "items from " + std::to_string(old_list.items.size()) +
                                                  " to " + std::to_string(new_list->items.size())});
        } else if (!same_items(before, old_list, after, *new_list)) {
            differences = old_list.items.size() == new_list->items.size()
                              ? "other items or another order"
                              : "items from " + std::to_string(old_list.items.size()) + " to " +
                                    std::to_string(new_list->items.size());
        }
        if (old_list.shuffle != new_list->shuffle) {
            differences += std::string(differences.empty() ? "" : "; ") + "shuffle " +
                           (new_list->shuffle ? "on" : "off");
        }
        if (!differences.empty()) {
            changes.push_back({Kind::changed, what + differences});
        }
    }
    for (const Playlist& new_list : after.programme().playlists) {
        if (before.playlist(new_list.name) == nullptr) {
            changes.push_back({Kind::added, playlist_summary(new_list)});
        }
    }
}

// A zone's default playlist by name ("" for none) and its closed mode; a missing setting is the default.
std::pair<std::string, ClosedMode> zone_setting(const Programme& programme, const std::string& zone) {
    const ZoneSettings* settings = programme.find_zone(zone);
    if (settings == nullptr) {
        return {"", ClosedMode::slate};
    }
    const Playlist* playlist =
        settings->default_playlist ? programme.find_playlist(*settings->default_playlist) : nullptr;
    return {playlist != nullptr ? playlist->name : "", settings->closed_mode};
}

void compare_zones(const Programme& before, const Programme& after, std::vector<ProgrammeChange>& changes) {
    std::vector<std::string> zones = known_zones();
    for (const Programme* programme : {&before, &after}) {
        for (const ZoneSettings& settings : programme->zones) {
            if (std::find(zones.begin(), zones.end(), settings.zone) == zones.end()) {
                zones.push_back(settings.zone);
            }
        }
    }
    for (const std::string& zone : zones) {
        const auto [old_default, old_mode] = zone_setting(before, zone);
        const auto [new_default, new_mode] = zone_setting(after, zone);
        const std::string what = "the default of zone " + zone;
        if (!old_default.empty() && new_default.empty()) {
            changes.push_back({Kind::removed, what + " (" + content::quoted_text(old_default) + ")"});
        } else if (old_default.empty() && !new_default.empty()) {
            changes.push_back({Kind::added, what + " (" + content::quoted_text(new_default) + ")"});
        } else if (old_default != new_default) {
            changes.push_back({Kind::changed, what + ": from " + content::quoted_text(old_default) + " to " +
                                                  content::quoted_text(new_default)});
        }
        if (old_mode != new_mode) {
            changes.push_back({Kind::changed, "the closed mode of zone " + zone + ": from " +
                                                  to_string(old_mode) + " to " + to_string(new_mode)});
        }
    }
}

}  // namespace

std::vector<ProgrammeChange> compare_programmes(const Programme& before, const Programme& after) {
    std::vector<ProgrammeChange> changes;
    const Indexed old_index(before);
    const Indexed new_index(after);
    compare_playlists(old_index, new_index, changes);
    compare_unnamed("rule", "r", old_index, before.rules, new_index, after.rules, changes);
    compare_unnamed("interrupt", "i", old_index, before.interrupts, new_index, after.interrupts, changes);
    compare_unnamed("closed hours", "c", old_index, before.closed_hours, new_index, after.closed_hours,
                    changes);
    compare_zones(before, after, changes);
    std::stable_sort(changes.begin(), changes.end(), [](const ProgrammeChange& a, const ProgrammeChange& b) {
        const auto rank = [](Kind kind) { return kind == Kind::removed ? 0 : kind == Kind::changed ? 1 : 2; };
        return rank(a.kind) < rank(b.kind);
    });
    return changes;
}

std::size_t count_changes(const std::vector<ProgrammeChange>& changes, ProgrammeChange::Kind kind) {
    return static_cast<std::size_t>(std::count_if(
        changes.begin(), changes.end(), [&](const ProgrammeChange& change) { return change.kind == kind; }));
}

const char* to_string(ProgrammeChange::Kind kind, bool planned) {
    switch (kind) {
        case Kind::added:
            return planned ? "would add" : "added";
        case Kind::changed:
            return planned ? "would change" : "changed";
        case Kind::removed:
            return planned ? "would remove" : "removed";
    }
    return "";
}

}  // namespace scheduler

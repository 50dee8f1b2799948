#include "playlist_command.h"

#include <cmath>
#include <iomanip>
#include <optional>

#include "content/message_text.h"
#include "scheduler/limits.h"
#include "scheduler/programme_check.h"
#include "staff_edit.h"

namespace kiosk::ctl {
namespace {

void add_name_option(CLI::App& app, std::string& name) {
    app.add_option("NAME", name, "playlist name")->required();
}

struct PlaylistCreation {
    std::string name;
    bool shuffle = false;
};

void add_creation_options(CLI::App& app, PlaylistCreation& creation) {
    add_name_option(app, creation.name);
    app.add_flag("--shuffle", creation.shuffle, "play the items in a fresh random order each pass");
}

Outcome create_playlist(const PlaylistCreation& creation, const Call& call) {
    return apply_edit(
        call,
        [&](scheduler::ScheduleStore& store, const scheduler::EditCheck& check) {
            return store.create_playlist(creation.name, creation.shuffle, check).map([](auto&&) {});
        },
        "created playlist " + content::quoted_text(creation.name));
}

struct ItemAddition {
    std::string name;
    std::vector<std::string> media;
    std::optional<int> at;
    std::optional<double> display_seconds;
    std::optional<int> volume;
    scheduler::PlaylistItem options;  // the display time and volume, once checked
};

void add_addition_options(CLI::App& app, ItemAddition& addition) {
    add_name_option(app, addition.name);
    app.add_option("MEDIA", addition.media, "media names (kioskctl media list)")->required();
    app.add_option("--at", addition.at, "position to insert at (1 = first)");
    app.add_option("--display", addition.display_seconds, "seconds a still picture stays up (default 10)");
    app.add_option("--volume", addition.volume, "sound volume in percent, 0-100 (default 100)");
}

Outcome check_addition(ItemAddition& addition, const Call& /*call*/) {
    if (addition.display_seconds) {
        // Checked on the number given, before it becomes milliseconds (nan and inf fail both tests).
        const double seconds = *addition.display_seconds;
        const double lowest = static_cast<double>(scheduler::kMinDisplayTime.count()) / 1000.0;
        const double highest = static_cast<double>(scheduler::kMaxDisplayTime.count()) / 1000.0;
        if (!(seconds >= lowest) || !(seconds <= highest)) {
            return refuse("--display " + content::number_text(seconds) + ": give a number of seconds from " +
                          content::number_text(lowest) + " to " + content::number_text(highest));
        }
        addition.options.display_time = std::chrono::milliseconds{std::llround(seconds * 1000)};
    }
    addition.options.volume_percent = addition.volume;
    return {};
}

// All the media or none, in one transaction.
Outcome add_items(const ItemAddition& addition, const Call& call) {
    const std::size_t count = addition.media.size();
    return apply_edit(
        call,
        [&](scheduler::ScheduleStore& store, const scheduler::EditCheck& check) {
            return store.add_playlist_items(addition.name, addition.media, addition.at, addition.options,
                                            check);
        },
        "added " + std::to_string(count) + " item" + (count == 1 ? "" : "s") + " to playlist " +
            content::quoted_text(addition.name));
}

struct ItemMove {
    std::string name;
    int from = 0;
    int to = 0;
};

void add_move_options(CLI::App& app, ItemMove& move) {
    add_name_option(app, move.name);
    app.add_option("FROM", move.from, "current position")->required();
    app.add_option("TO", move.to, "new position")->required();
}

Outcome move_item(const ItemMove& move, const Call& call) {
    return apply_edit(
        call,
        [&](scheduler::ScheduleStore& store, const scheduler::EditCheck& check) {
            return store.move_playlist_item(move.name, move.from, move.to, check);
        },
        "moved item " + std::to_string(move.from) + " of " + content::quoted_text(move.name) + " to " +
            std::to_string(move.to));
}

struct Removal {
    std::string name;
    std::optional<int> position;  // an item; without it, the whole playlist
};

void add_removal_options(CLI::App& app, Removal& removal) {
    add_name_option(app, removal.name);
    app.add_option("POSITION", removal.position, "item position (1 = first)");
}

Outcome remove(const Removal& removal, const Call& call) {
    const std::string name = content::quoted_text(removal.name);
    if (removal.position) {
        return apply_edit(
            call,
            [&](scheduler::ScheduleStore& store, const scheduler::EditCheck& check) {
                return store.remove_playlist_item(removal.name, *removal.position, check);
            },
            "removed item " + std::to_string(*removal.position) + " of " + name);
    }
    return apply_edit(
        call,
        [&](scheduler::ScheduleStore& store, const scheduler::EditCheck& check) {
            return store.remove_playlist(removal.name, check);
        },
        "removed playlist " + name);
}

struct ShuffleSetting {
    std::string name;
    std::string on_off;
};

void add_shuffle_options(CLI::App& app, ShuffleSetting& setting) {
    add_name_option(app, setting.name);
    app.add_option("ON_OFF", setting.on_off, "on or off")->required()->check(CLI::IsMember({"on", "off"}));
}

Outcome set_shuffle(const ShuffleSetting& setting, const Call& call) {
    return apply_edit(
        call,
        [&](scheduler::ScheduleStore& store, const scheduler::EditCheck& check) {
            return store.set_playlist_shuffle(setting.name, setting.on_off == "on", check);
        },
        "shuffle " + setting.on_off + " for " + content::quoted_text(setting.name));
}

struct PlaylistShowing {
    std::string name;
};

void add_showing_options(CLI::App& app, PlaylistShowing& showing) {
    add_name_option(app, showing.name);
}

Outcome show_playlist(const PlaylistShowing& showing, const Call& call) {
    const scheduler::Programme& programme = *call.programme;
    const scheduler::Playlist* playlist = programme.find_playlist(showing.name);
    if (playlist == nullptr) {
        return refuse("no playlist called " + content::quoted_text(showing.name) +
                      " (see kioskctl playlist list)");
    }
    const auto still_time = call.context.still_time;
    std::ostream& out = call.out;
    out << "playlist \"" << playlist->name << "\": " << playlist->items.size() << " items, "
        << format_length(scheduler::playlist_length(programme, playlist->id, still_time)) << " a pass"
        << (playlist->shuffle ? ", shuffled" : "") << '\n';
    for (std::size_t i = 0; i < playlist->items.size(); ++i) {
        const scheduler::PlaylistItem& item = playlist->items[i];
        const scheduler::MediaFile* media = programme.find_media(item.media);
        out << std::right << std::setw(4) << i + 1 << "  " << std::left << std::setw(24) << media->name;
        if (media->is_still) {
            out << "still, " << format_length(item.display_time.value_or(still_time)) << " on screen";
        } else {
            out << format_length(media->duration);
        }
        if (item.volume_percent) {
            out << ", volume " << *item.volume_percent << "%";
        }
        out << '\n';
    }
    return {};
}

struct PlaylistListing {};

Outcome list_playlists(const PlaylistListing& /*listing*/, const Call& call) {
    const scheduler::Programme& programme = *call.programme;
    std::ostream& out = call.out;
    if (programme.playlists.empty()) {
        out << "no playlists (kioskctl playlist create NAME)\n";
        return {};
    }
    out << std::left << std::setw(26) << "NAME" << std::setw(7) << "ITEMS" << std::setw(10) << "LENGTH"
        << "SHUFFLE\n";
    for (const scheduler::Playlist& playlist : programme.playlists) {
        out << std::left << std::setw(26) << playlist.name << std::setw(7) << playlist.items.size()
            << std::setw(10)
            << format_length(scheduler::playlist_length(programme, playlist.id, call.context.still_time))
            << (playlist.shuffle ? "yes" : "no") << '\n';
    }
    return {};
}

}  // namespace

std::vector<CommandEntry> playlist_commands() {
    return {
        command_group({"playlist"}, "ordered lists of media a zone plays"),
        leaf_command<PlaylistCreation>({"playlist", "create"}, "a new, empty playlist", Needs::store,
                                       {.add_options = add_creation_options, .run = create_playlist}),
        leaf_command<ItemAddition>(
            {"playlist", "add"}, "add media to a playlist (at the end, or --at a position)", Needs::store,
            {.add_options = add_addition_options, .check = check_addition, .run = add_items}),
        leaf_command<ItemMove>({"playlist", "move"}, "move the item at FROM to position TO", Needs::store,
                               {.add_options = add_move_options, .run = move_item}),
        leaf_command<Removal>({"playlist", "remove"},
                              "remove the item at POSITION, or without it the whole playlist", Needs::store,
                              {.add_options = add_removal_options, .run = remove}),
        leaf_command<ShuffleSetting>({"playlist", "shuffle"}, "turn shuffling on or off", Needs::store,
                                     {.add_options = add_shuffle_options, .run = set_shuffle}),
        leaf_command<PlaylistShowing>({"playlist", "show"}, "the items of a playlist", Needs::programme,
                                      {.add_options = add_showing_options, .run = show_playlist}),
        leaf_command<PlaylistListing>({"playlist", "list"}, "every playlist", Needs::programme,
                                      {.run = list_playlists}),
    };
}

}  // namespace kiosk::ctl

#include "playlist_command.h"

#include <cmath>
#include <iomanip>

#include "content/message_text.h"
#include "scheduler/edit_check.h"
#include "scheduler/limits.h"
#include "scheduler/programme_check.h"

namespace kiosk::ctl {

PlaylistCommand::PlaylistCommand(CLI::App& cli) {
    CLI::App* playlist = cli.add_subcommand("playlist", "ordered lists of media a zone plays");
    playlist->require_subcommand(1);
    m_create = playlist->add_subcommand("create", "a new, empty playlist");
    m_create->add_option("NAME", m_name, "playlist name")->required();
    m_create->add_flag("--shuffle", m_shuffle_flag, "play the items in a fresh random order each pass");

    m_add = playlist->add_subcommand("add", "add media to a playlist (at the end, or --at a position)");
    m_add->add_option("NAME", m_name, "playlist name")->required();
    m_add->add_option("MEDIA", m_media, "media names (kioskctl media list)")->required();
    m_add->add_option("--at", m_at, "position to insert at (1 = first)");
    m_add->add_option("--display", m_display_seconds, "seconds a still picture stays up (default 10)");
    m_add->add_option("--volume", m_volume, "sound volume in percent, 0-100 (default 100)");

    m_move = playlist->add_subcommand("move", "move the item at FROM to position TO");
    m_move->add_option("NAME", m_name, "playlist name")->required();
    m_move->add_option("FROM", m_from, "current position")->required();
    m_move->add_option("TO", m_to, "new position")->required();

    m_remove =
        playlist->add_subcommand("remove", "remove the item at POSITION, or without it the whole playlist");
    m_remove->add_option("NAME", m_name, "playlist name")->required();
    m_remove->add_option("POSITION", m_position, "item position (1 = first)");

    m_shuffle = playlist->add_subcommand("shuffle", "turn shuffling on or off");
    m_shuffle->add_option("NAME", m_name, "playlist name")->required();
    m_shuffle->add_option("ON_OFF", m_shuffle_value, "on or off")
        ->required()
        ->check(CLI::IsMember({"on", "off"}));

    m_show = playlist->add_subcommand("show", "the items of a playlist");
    m_show->add_option("NAME", m_name, "playlist name")->required();
    m_list = playlist->add_subcommand("list", "every playlist");
}

std::optional<int> PlaylistCommand::run(const CtlContext& context, std::ostream& out, std::ostream& err) {
    if (m_show->parsed())
        return show(context, out, err);
    if (m_list->parsed())
        return list(context, out, err);
    if (m_create->parsed() || m_add->parsed() || m_move->parsed() || m_remove->parsed() ||
        m_shuffle->parsed()) {
        return edit(context, out, err);
    }
    return std::nullopt;
}

int PlaylistCommand::edit(const CtlContext& context, std::ostream& out, std::ostream& err) {
    const std::string command = "playlist " + std::string(m_create->parsed()   ? "create"
                                                          : m_add->parsed()    ? "add"
                                                          : m_move->parsed()   ? "move"
                                                          : m_remove->parsed() ? "remove"
                                                                               : "shuffle");
    scheduler::PlaylistItem options;
    if (m_add->parsed()) {
        if (m_display_seconds) {
            // Checked on the number given, before it becomes milliseconds (nan and inf fail both tests).
            const double lowest = static_cast<double>(scheduler::kMinDisplayTime.count()) / 1000.0;
            const double highest = static_cast<double>(scheduler::kMaxDisplayTime.count()) / 1000.0;
            if (!(*m_display_seconds >= lowest) || !(*m_display_seconds <= highest)) {
                return fail(err, command,
                            "--display " + content::number_text(*m_display_seconds) +
                                ": give a number of seconds from " + content::number_text(lowest) + " to " +
                                content::number_text(highest));
            }
            options.display_time = std::chrono::milliseconds{std::llround(*m_display_seconds * 1000)};
        }
        options.volume_percent = m_volume;
    }
    auto store = context.open_store(command, err);
    if (!store) {
        return 1;
    }
    // Every edit is judged inside its own transaction (see schedule add).
    scheduler::EditReview review;
    const scheduler::EditCheck check =
        scheduler::refuse_new_errors(*context.time_zone, context.still_time, &review);
    tl::expected<void, scheduler::Error> done;
    std::string said;
    const std::string name = content::quoted_text(m_name);
    if (m_create->parsed()) {
        auto created = store->create_playlist(m_name, m_shuffle_flag, check);
        done = created ? tl::expected<void, scheduler::Error>{} : tl::unexpected(created.error());
        said = "created playlist " + name;
    } else if (m_add->parsed()) {
        // All the media or none, in one transaction.
        done = store->add_playlist_items(m_name, m_media, m_at, options, check);
        said = "added " + std::to_string(m_media.size()) + " item" + (m_media.size() == 1 ? "" : "s") +
               " to playlist " + name;
    } else if (m_move->parsed()) {
        done = store->move_playlist_item(m_name, m_from, m_to, check);
        said = "moved item " + std::to_string(m_from) + " of " + name + " to " + std::to_string(m_to);
    } else if (m_remove->parsed() && m_position) {
        done = store->remove_playlist_item(m_name, *m_position, check);
        said = "removed item " + std::to_string(*m_position) + " of " + name;
    } else if (m_remove->parsed()) {
        done = store->remove_playlist(m_name, check);
        said = "removed playlist " + name;
    } else {
        done = store->set_playlist_shuffle(m_name, m_shuffle_value == "on", check);
        said = "shuffle " + m_shuffle_value + " for " + name;
    }
    if (!done) {
        return fail(err, command, done.error());
    }
    out << said << '\n';
    print_warnings(err, review.after, review.programme);
    return 0;
}

int PlaylistCommand::show(const CtlContext& context, std::ostream& out, std::ostream& err) {
    auto store = context.open_store("playlist show", err);
    if (!store) {
        return 1;
    }
    auto programme = store->load_programme();
    if (!programme) {
        return fail(err, "playlist show", programme.error());
    }
    const scheduler::Playlist* playlist = programme->find_playlist(m_name);
    if (playlist == nullptr) {
        return fail(err, "playlist show",
                    "no playlist called " + content::quoted_text(m_name) + " (see kioskctl playlist list)");
    }
    out << "playlist \"" << playlist->name << "\": " << playlist->items.size() << " items, "
        << format_length(scheduler::playlist_length(*programme, playlist->id, context.still_time))
        << " a pass" << (playlist->shuffle ? ", shuffled" : "") << '\n';
    for (std::size_t i = 0; i < playlist->items.size(); ++i) {
        const scheduler::PlaylistItem& item = playlist->items[i];
        const scheduler::MediaFile* media = programme->find_media(item.media);
        out << std::right << std::setw(4) << i + 1 << "  " << std::left << std::setw(24) << media->name;
        if (media->is_still) {
            out << "still, " << format_length(item.display_time.value_or(context.still_time)) << " on screen";
        } else {
            out << format_length(media->duration);
        }
        if (item.volume_percent) {
            out << ", volume " << *item.volume_percent << "%";
        }
        out << '\n';
    }
    return 0;
}

int PlaylistCommand::list(const CtlContext& context, std::ostream& out, std::ostream& err) {
    auto store = context.open_store("playlist list", err);
    if (!store) {
        return 1;
    }
    auto programme = store->load_programme();
    if (!programme) {
        return fail(err, "playlist list", programme.error());
    }
    if (programme->playlists.empty()) {
        out << "no playlists (kioskctl playlist create NAME)\n";
        return 0;
    }
    out << std::left << std::setw(26) << "NAME" << std::setw(7) << "ITEMS" << std::setw(10) << "LENGTH"
        << "SHUFFLE\n";
    for (const scheduler::Playlist& playlist : programme->playlists) {
        out << std::left << std::setw(26) << playlist.name << std::setw(7) << playlist.items.size()
            << std::setw(10)
            << format_length(scheduler::playlist_length(*programme, playlist.id, context.still_time))
            << (playlist.shuffle ? "yes" : "no") << '\n';
    }
    return 0;
}

}  // namespace kiosk::ctl

#include "screen_player.h"

#include <algorithm>

#include <spdlog/spdlog.h>

namespace kiosk::playback {
namespace {

// How often the loop comes back to top up sound while nothing else is due.
constexpr auto kSoundTopUpInterval = std::chrono::milliseconds(20);
// Changes due within this much of now cut in at once.
constexpr double kCutInTolerance = 0.002;

}  // namespace

ScreenPlayer::ScreenPlayer(ScreenProgramme programme, const SourceOptions& options, VideoOutput& output,
                           AudioTimeline* audio, const Clock& clock)
    : m_programme(std::move(programme)),
      m_output(output),
      m_audio(audio),
      m_time(clock),
      m_started_at(clock.now()),
      m_cursor(m_programme.playlist.items.size(), m_programme.passes, m_programme.playlist.shuffle),
      m_preparer(options) {
    if (m_programme.slate) {
        show_slate(*m_programme.slate);
    }
    request_next_item(m_started_at);
}

ScreenPlayer::~ScreenPlayer() {
    if (m_current && (m_current->picture_shown || m_current->sound_written)) {
        report(PlayEvent::Kind::ended, *m_current, "shutdown");
    }
}

bool ScreenPlayer::finished() const {
    return m_list_exhausted && !m_current && !m_next && !m_preparing && !m_pending && !m_suspended;
}

void ScreenPlayer::wake_by(SteadyTime when) {
    m_next_wake = std::min(m_next_wake, when);
}

void ScreenPlayer::report(PlayEvent::Kind kind, const PlayingItem& item, std::string reason) {
    if (m_listener) {
        m_listener(PlayEvent{kind, item.programme, item.path, std::move(reason)});
    }
}

void ScreenPlayer::show_slate(const Slate& slate) {
    if (slate.blank) {
        m_output.show_slate("", "");
    } else {
        m_output.show_slate(slate.title, slate.subtitle);
    }
}

void ScreenPlayer::step(SteadyTime now) {
    m_next_wake = now + kSoundTopUpInterval;
    if (m_retry_index && now >= m_retry_at) {
        request_next_item(now);
    }
    take_prepared_items(now);
    if (m_pending) {
        const std::optional<SteadyTime> at = m_pending->change.at;
        if (!m_current && (!at || now >= *at - to_duration(kCutInTolerance))) {
            cut_in_pending_change(now, std::nullopt);
        } else if (at) {
            wake_by(*at);
        }
    }
    if (!m_current && m_next) {
        const double start = m_clock.started() ? m_clock.seconds_at(now) : 0.0;
        if (!m_clock.started()) {
            m_clock.start(now);
            if (m_audio != nullptr) {
                m_audio->start(now);
            }
        }
        start_item(std::move(m_next), start);
        announce_current_item(now);
    }
    if (!m_current) {
        if (m_retry_index) {
            wake_by(m_retry_at);
        }
        return;
    }
    if (m_audio != nullptr && m_current->source->info().has_audio && !m_current->sound_ended) {
        m_clock.follow_audio(now, m_audio->heard_at(now));
    }
    present_due_pictures(now);
    // Sound after pictures: the step that shows an item's last picture is
    // the one that learns where the item ends, so the next item's sound goes
    // into the ring then, a whole frame interval before the join, and not a
    // top-up later, when the device may already have taken that stretch of
    // the timeline (its first milliseconds would be silence, its fade-in cut).
    feed_sound(now);
    finish_item_when_over(now);
}

void ScreenPlayer::change_programme(ProgrammeChange change, SteadyTime now) {
    PlaylistCursor cursor(change.programme.playlist.items.size(), change.programme.passes,
                          change.programme.playlist.shuffle);
    m_pending = std::make_unique<PendingChange>(
        PendingChange{std::move(change), std::move(cursor), ++m_last_generation, nullptr, false});
    request_incoming_item();
    // The item on screen stops where the new programme cuts in.
    if (m_current && m_pending->change.at && m_clock.started()) {
        const double cut = m_clock.seconds_at(std::max(*m_pending->change.at, now));
        m_current->cut_at = std::max(0.0, cut - m_current->start);
    }
}

void ScreenPlayer::end_interrupt(SteadyTime now) {
    if (!m_suspended) {
        // The interrupt's last item is on and the programme it cut is
        // already lined up after it: cutting that item short is enough.
        if (m_current && !m_interrupt_name.empty() && m_current->programme == m_interrupt_name &&
            m_clock.started()) {
            m_current->cut_at = std::max(0.0, m_clock.seconds_at(now) - m_current->start);
        }
        return;
    }
    Suspended suspended = std::move(*m_suspended);
    m_suspended.reset();
    // The resumed programme comes in like any change cutting in now, so the
    // join is prepared and timed the same way.
    PlaylistCursor cursor = suspended.cursor;
    cursor.restart_at(suspended.cut_index);
    m_pending = std::make_unique<PendingChange>(
        PendingChange{ProgrammeChange{std::move(suspended.programme), now, false}, cursor,
                      ++m_last_generation, nullptr, false});
    request_incoming_item();
    if (m_current && m_clock.started()) {
        m_current->cut_at = std::max(0.0, m_clock.seconds_at(now) - m_current->start);
    }
}

void ScreenPlayer::take_prepared_items(SteadyTime now) {
    while (auto prepared = m_preparer.take_ready()) {
        if (prepared->generation == m_generation) {
            m_preparing = false;
            m_next = accept_prepared(std::move(*prepared), m_programme, m_cursor);
            if (!m_next) {
                request_next_item(now);
            }
        } else if (m_pending && prepared->generation == m_pending->generation) {
            m_pending->preparing = false;
            m_pending->first =
                accept_prepared(std::move(*prepared), m_pending->change.programme, m_pending->cursor);
            if (!m_pending->first) {
                request_incoming_item();
            }
        }
        // Anything else answers a request a programme change has overtaken.
    }
}

std::unique_ptr<PlayingItem> ScreenPlayer::accept_prepared(PreparedItem prepared,
                                                           const ScreenProgramme& programme,
                                                           PlaylistCursor& cursor) {
    const auto& entry = programme.playlist.items[prepared.index];
    auto item = std::make_unique<PlayingItem>();
    item->index = prepared.index;
    item->path = entry.path.string();
    item->programme = programme.playlist.name;
    if (entry.volume_percent) {
        item->gain = static_cast<float>(std::clamp(*entry.volume_percent, 0, 100)) / 100.0f;
    }
    if (prepared.error) {
        spdlog::warn("skipping {}: {}", item->path, prepared.error->message);
        ++m_stats.items_skipped;
        m_stats.skipped.push_back(SkippedItem{item->path, prepared.error->message});
        report(PlayEvent::Kind::skipped, *item, prepared.error->message);
        return nullptr;
    }
    cursor.record_played();
    item->source = std::move(prepared.source);
    // The first picture (decoded by the preparer) is taken out of the
    // source's queue now, so its decoder decodes the second while the
    // current item plays; taken at the join, it would wake the decoder
    // to compete for the CPU with the drawing of that first picture.
    item->pending_picture = item->source->video_frames().try_pop();
    item->pictures_ended = !item->source->info().has_video;
    item->sound_ended = !item->source->info().has_audio;
    return item;
}

void ScreenPlayer::request(std::uint64_t generation, const ScreenProgramme& programme, std::size_t index) {
    const auto& item = programme.playlist.items[index];
    std::optional<double> still_seconds;
    if (item.display_time) {
        still_seconds = std::chrono::duration<double>(*item.display_time).count();
    }
    m_preparer.request(generation, index, item.path, still_seconds);
}

void ScreenPlayer::request_next_item(SteadyTime now) {
    std::optional<std::size_t> index;
    if (m_retry_index) {
        index = std::exchange(m_retry_index, std::nullopt);
    } else {
        index = m_cursor.advance();
        if (m_cursor.last_pass_failed()) {
            spdlog::error("nothing in playlist '{}' can play", m_programme.playlist.name);
            show_slate(Slate{"节目暂不可用", "Programme unavailable", false});
            m_previous_item_end.reset();  // what follows is a restart, not a join
            if (index) {
                m_retry_index = index;
                m_retry_at = now + to_duration(m_programme.retry_seconds);
                return;
            }
        }
    }
    if (!index) {
        // An interrupt's last item is on: the programme it cut is prepared
        // now, so it resumes without a gap.
        if (!resume_suspended(now)) {
            m_list_exhausted = !m_programme.slate;
        }
        return;
    }
    m_list_exhausted = false;
    request(m_generation, m_programme, *index);
    m_preparing = true;
}

void ScreenPlayer::request_incoming_item() {
    if (const std::optional<std::size_t> index = m_pending->cursor.advance()) {
        request(m_pending->generation, m_pending->change.programme, *index);
        m_pending->preparing = true;
    }
}

void ScreenPlayer::cut_in_pending_change(SteadyTime now, std::optional<std::size_t> cut_index) {
    std::unique_ptr<PendingChange> pending = std::move(m_pending);
    if (pending->change.resume_after) {
        m_interrupt_name = pending->change.programme.playlist.name;
    }
    if (pending->change.resume_after && !m_suspended) {
        // The item cut (or, if none was, the one that would have come next)
        // plays again from its start when the interrupt is over.
        const std::size_t resume_at = cut_index.value_or(m_next ? m_next->index : 0);
        m_suspended = Suspended{std::move(m_programme), m_cursor, resume_at};
    }
    m_programme = std::move(pending->change.programme);
    m_cursor = pending->cursor;
    m_generation = pending->generation;
    m_next = std::move(pending->first);
    m_preparing = pending->preparing;
    m_retry_index.reset();
    m_list_exhausted = false;
    spdlog::info("{}: programme changes",
                 m_programme.playlist.name.empty() ? "screen" : m_programme.playlist.name);
    if (m_programme.slate) {
        show_slate(*m_programme.slate);
        m_previous_item_end.reset();
    }
    if (!m_next && !m_preparing) {
        request_next_item(now);
    }
}

bool ScreenPlayer::resume_suspended(SteadyTime now) {
    if (!m_suspended) {
        return false;
    }
    Suspended suspended = std::move(*m_suspended);
    m_suspended.reset();
    m_programme = std::move(suspended.programme);
    m_cursor = suspended.cursor;
    m_cursor.restart_at(suspended.cut_index);
    spdlog::debug("resuming {} at item {}", m_programme.playlist.name, suspended.cut_index);
    m_generation = ++m_last_generation;
    m_list_exhausted = false;
    request_next_item(now);
    return true;
}

void ScreenPlayer::start_item(std::unique_ptr<PlayingItem> item, double start) {
    item->start = start;
    if (m_pending && m_pending->change.at) {
        item->cut_at = std::max(0.0, m_clock.seconds_at(*m_pending->change.at) - start);
    }
    item->source->start_playing();
    m_current = std::move(item);
}

void ScreenPlayer::announce_current_item(SteadyTime now) {
    const PlayingItem& item = *m_current;
    spdlog::info("{}: playing {}", item.programme, std::filesystem::path(item.path).filename().string());
    report(PlayEvent::Kind::started, item);
    if (!item.source->info().has_video) {
        // Sound only: a card with the title, so the screen is never blank.
        m_output.show_slate(item.source->path().stem().string(), "♪");
    }
    if (!m_next && !m_preparing) {
        request_next_item(now);
    }
}

bool ScreenPlayer::change_due_by(double programme_seconds) const {
    return m_pending && (!m_pending->change.at ||
                         m_clock.seconds_at(*m_pending->change.at) <= programme_seconds + kCutInTolerance);
}

void ScreenPlayer::finish_item_when_over(SteadyTime now) {
    const std::optional<double> end = m_current->end();
    if (!end) {
        return;
    }
    const double programme_end = m_current->start + *end;
    if (m_clock.seconds_at(now) + kCutInTolerance < programme_end) {
        wake_by(m_clock.when(programme_end));
        return;
    }
    const bool cut = m_current->cut_short || !m_current->pictures_ended || !m_current->sound_ended;
    spdlog::debug("{}: ends at programme {:.3f} s (pictures {:.3f}, sound {:.3f}{})", m_current->path,
                  programme_end, m_current->pictures_end, m_current->sound_end, cut ? ", cut" : "");
    m_previous_item_end = programme_end;
    // The next picture goes up first; the finished item is put away after
    // it. Closing a source joins its threads and frees its decoder, and
    // events and requests wake other threads; on a busy machine each of
    // those costs milliseconds, which at a join would be a late picture.
    const std::unique_ptr<PlayingItem> finished = std::move(m_current);
    const std::optional<std::size_t> cut_index = cut ? std::optional(finished->index) : std::nullopt;
    if (change_due_by(programme_end)) {
        cut_in_pending_change(now, cut_index);
    }
    if (m_next) {
        start_item(std::move(m_next), programme_end);
        present_due_pictures(now);
    }
    if (finished->picture_shown || finished->sound_written) {
        ++m_stats.items_played;
        m_stats.played.push_back(finished->path);
    }
    report(PlayEvent::Kind::ended, *finished, cut ? "cut" : "");
    m_stats.decode_errors += finished->source->decode_errors();
    if (m_current) {
        announce_current_item(now);
    } else if (!m_preparing && !m_retry_index && !m_list_exhausted) {
        request_next_item(now);
    }
}

}  // namespace kiosk::playback

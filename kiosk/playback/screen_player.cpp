#include "screen_player.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "resume_point.h"

namespace kiosk::playback {
namespace {

// How often the loop comes back to top up sound while nothing else is due.
constexpr auto kSoundTopUpInterval = std::chrono::milliseconds(20);
// How soon to look again, without a wake hook, while the preparer works.
constexpr auto kPreparerPollInterval = std::chrono::milliseconds(20);
// Longest sleep with a wake hook and no sound to feed: every wait has its
// wake-up, so this only bounds what a missed one could cost.
constexpr auto kIdleBackstop = std::chrono::seconds(1);
// Changes due within this much of now cut in at once.
constexpr double kCutInTolerance = 0.002;

}  // namespace

ScreenPlayer::ScreenPlayer(ScreenProgramme programme, const SourceOptions& options, VideoOutput& output,
                           AudioTimeline* audio, const Clock& clock, MediaOpening opening)
    : m_output(output),
      m_audio(audio),
      m_time(clock),
      m_started_at(clock.now()),
      m_preparer(options, std::move(opening.opener), opening.clock ? *opening.clock : real_clock()),
      m_run(make_run(std::move(programme), 0)) {
    if (m_run.programme.slate) {
        show_slate(*m_run.programme.slate);
    }
    request_next_item(m_started_at);
}

ScreenPlayer::~ScreenPlayer() {
    if (m_current && m_current->played()) {
        report(PlayEvent::Kind::ended, *m_current, "shutdown");
    }
}

ScreenPlayer::ProgrammeRun ScreenPlayer::make_run(ScreenProgramme programme, std::uint64_t generation) {
    PlaylistCursor cursor(programme.playlist.items.size(), programme.passes, programme.playlist.shuffle);
    return ProgrammeRun{
        std::move(programme), std::move(cursor), generation, PlayerState::idle, nullptr, std::nullopt, 0.0};
}

void ScreenPlayer::handle(ProgrammeRun& run, PlayerEvent event) {
    const PlayerState before = run.state;
    run.state = next_state(before, event);
    spdlog::trace("{}: {} -> {} ({})", run.programme.playlist.name, to_string(before), to_string(run.state),
                  to_string(event));
}

bool ScreenPlayer::finished() const {
    return m_run.state == PlayerState::finished && !m_current && !m_pending && !m_suspended;
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
    m_next_wake = SteadyTime::max();
    step_once(now);
    // Sound is topped up while an item's sound plays, and while one with
    // sound waits behind a silent one: its sound must be in the ring well
    // before the join, not written at it.
    const auto has_sound_to_feed = [](const PlayingItem* item) {
        return item != nullptr && item->source->info().has_audio && !is_over(item->sound);
    };
    const bool feeding_sound =
        m_audio != nullptr && m_current &&
        (has_sound_to_feed(m_current.get()) || has_sound_to_feed(item_after_current()));
    wake_by(now + (feeding_sound ? kSoundTopUpInterval : m_wake ? kIdleBackstop : kSoundTopUpInterval));
    wait_for_preparer(now);
}

void ScreenPlayer::wait_for_preparer(SteadyTime now) {
    const bool waiting =
        m_run.state == PlayerState::opening || (m_pending && m_pending->run.state == PlayerState::opening);
    if (!waiting) {
        return;
    }
    if (!m_wake) {
        wake_by(now + kPreparerPollInterval);
    } else if (!m_preparer.call_when_ready(m_wake)) {
        wake_by(now);  // ready already: take it at once
    }
}

void ScreenPlayer::step_once(SteadyTime now) {
    if (m_run.state == PlayerState::retrying && now >= m_run.retry->at) {
        handle(m_run, PlayerEvent::retry_due);
        request_next_item(now);
    }
    take_prepared_items(now);
    if (m_pending) {
        const std::optional<SteadyTime> at = m_pending->at;
        if (!m_current && (!at || now >= *at - to_duration(kCutInTolerance))) {
            cut_in_pending_change(now, std::nullopt);
        } else if (at) {
            wake_by(*at);
        }
    }
    if (!m_current && m_run.state == PlayerState::ready) {
        const double start = m_clock.started() ? m_clock.seconds_at(now) : 0.0;
        if (!m_clock.started()) {
            m_clock.start(now);
            if (m_audio != nullptr) {
                m_audio->start(now);
            }
        }
        start_item(take_next(), start);
        announce_current_item(now);
    }
    if (!m_current) {
        if (m_run.state == PlayerState::retrying) {
            wake_by(m_run.retry->at);
        }
        return;
    }
    if (m_audio != nullptr && m_current->source->info().has_audio && !is_over(m_current->sound)) {
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
    m_pending = std::make_unique<PendingChange>(PendingChange{
        make_run(std::move(change.programme), ++m_last_generation), change.at, change.resume_after});
    request_incoming_item();
    // The item on screen stops where the new programme cuts in.
    if (m_current && m_pending->at && m_clock.started()) {
        const double cut = m_clock.seconds_at(std::max(*m_pending->at, now));
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
    // The resumed programme comes in like any change cutting in now, so the
    // join is prepared and timed the same way.
    ProgrammeRun resumed = std::move(*m_suspended);
    m_suspended.reset();
    resumed.generation = ++m_last_generation;
    m_pending = std::make_unique<PendingChange>(PendingChange{std::move(resumed), now, false});
    request_incoming_item();
    if (m_current && m_clock.started()) {
        m_current->cut_at = std::max(0.0, m_clock.seconds_at(now) - m_current->start);
    }
}

void ScreenPlayer::take_prepared_items(SteadyTime now) {
    while (auto prepared = m_preparer.take_ready()) {
        if (prepared->generation == m_run.generation) {
            receive(m_run, std::move(*prepared));
            if (m_run.state == PlayerState::idle) {
                request_next_item(now);
            }
        } else if (m_pending && prepared->generation == m_pending->run.generation) {
            receive(m_pending->run, std::move(*prepared));
            if (m_pending->run.state == PlayerState::idle) {
                request_incoming_item();
            }
        }
        // Anything else answers a request a programme change has overtaken.
    }
}

void ScreenPlayer::receive(ProgrammeRun& run, PreparedItem prepared) {
    const auto& entry = run.programme.playlist.items[prepared.index];
    auto item = std::make_unique<PlayingItem>();
    item->index = prepared.index;
    item->path = entry.path.string();
    item->programme = run.programme.playlist.name;
    if (entry.volume_percent) {
        item->gain = static_cast<float>(std::clamp(*entry.volume_percent, 0, 100)) / 100.0f;
    }
    if (prepared.error) {
        spdlog::warn("skipping {}: {}", item->path, prepared.error->message);
        ++m_stats.items_skipped;
        m_stats.skipped.push_back(SkippedItem{item->path, prepared.error->message});
        report(PlayEvent::Kind::skipped, *item, prepared.error->message);
        handle(run, PlayerEvent::refused);
        return;
    }
    run.cursor.record_played();
    item->source = std::move(prepared.source);
    const StreamInfo& info = item->source->info();
    // The first picture (decoded by the preparer) is taken out of the
    // source's queue now, so its decoder decodes the second while the
    // current item plays; taken at the join, it would wake the decoder
    // to compete for the CPU with the drawing of that first picture.
    item->pending_picture = item->source->video_frames().try_pop();
    item->pictures = info.has_video ? StreamPhase::waiting : StreamPhase::absent;
    item->sound = info.has_audio ? StreamPhase::waiting : StreamPhase::absent;
    if (prepared.start_seconds > 0.0) {
        // A resumed film begins with the keyframe its source started at,
        // shown at that picture's own time on the item's timeline.
        if (item->pending_picture) {
            item->from = item->pending_picture->pts;
        } else {
            item->source->audio_chunks().peek([&](const AudioChunk& chunk) { item->from = chunk.pts; });
        }
        item->from = std::max(0.0, item->from);
    }
    run.next = std::move(item);
    handle(run, PlayerEvent::prepared);
}

void ScreenPlayer::request(ProgrammeRun& run, std::size_t index) {
    const auto& item = run.programme.playlist.items[index];
    ItemRequest request{run.generation, index, item.path, std::nullopt, std::exchange(run.resume_from, 0.0)};
    if (item.display_time) {
        request.still_seconds = std::chrono::duration<double>(*item.display_time).count();
    }
    m_preparer.request(std::move(request));
    handle(run, PlayerEvent::asked);
}

void ScreenPlayer::request_next_item(SteadyTime now) {
    std::optional<std::size_t> index;
    if (m_run.retry) {
        index = m_run.retry->index;
        m_run.retry.reset();
    } else {
        index = m_run.cursor.advance();
        if (m_run.cursor.last_pass_failed()) {
            spdlog::error("nothing in playlist '{}' can play", m_run.programme.playlist.name);
            show_slate(Slate{"节目暂不可用", "Programme unavailable", false});
            m_previous_item_end.reset();  // what follows is a restart, not a join
            if (index) {
                m_run.retry = ProgrammeRun::Retry{*index, now + to_duration(m_run.programme.retry_seconds)};
                handle(m_run, PlayerEvent::pass_failed);
                return;
            }
        }
    }
    if (!index) {
        // An interrupt's last item is on: the programme it cut is prepared
        // now, so it resumes without a gap.
        if (!resume_suspended(now)) {
            handle(m_run, m_run.programme.slate ? PlayerEvent::nothing_to_play : PlayerEvent::passes_done);
        }
        return;
    }
    request(m_run, *index);
}

void ScreenPlayer::request_incoming_item() {
    if (const std::optional<std::size_t> index = m_pending->run.cursor.advance()) {
        request(m_pending->run, *index);
    }
}

std::unique_ptr<PlayingItem> ScreenPlayer::take_next() {
    std::unique_ptr<PlayingItem> item = std::move(m_run.next);
    handle(m_run, PlayerEvent::taken);
    return item;
}

void ScreenPlayer::cut_in_pending_change(SteadyTime now, const std::optional<CutItem>& cut) {
    std::unique_ptr<PendingChange> pending = std::move(m_pending);
    if (pending->resume_after) {
        m_interrupt_name = pending->run.programme.playlist.name;
    }
    if (pending->resume_after && !m_suspended) {
        m_suspended = suspend(std::move(m_run), cut);
    }
    m_run = std::move(pending->run);
    spdlog::info("{}: programme changes",
                 m_run.programme.playlist.name.empty() ? "screen" : m_run.programme.playlist.name);
    if (m_run.programme.slate) {
        show_slate(*m_run.programme.slate);
        m_previous_item_end.reset();
    }
    if (m_run.state == PlayerState::idle) {
        request_next_item(now);
    }
}

ScreenPlayer::ProgrammeRun ScreenPlayer::suspend(ProgrammeRun run, const std::optional<CutItem>& cut) {
    // With no item cut, the one that would have come next plays when the
    // interrupt is over.
    const std::size_t index = cut ? cut->index : (run.next ? run.next->index : 0);
    run.cursor.restart_at(index);
    if (cut) {
        switch (resume_after_cut(cut->at, cut->duration, cut->is_still)) {
            case Resume::from_start:
                break;
            case Resume::from_cut:
                run.resume_from = cut->at;
                break;
            case Resume::next_item:
                run.cursor.advance();
                break;
        }
    }
    run.next.reset();
    run.retry.reset();
    run.state = PlayerState::idle;  // asked again from its cursor when it resumes
    return run;
}

bool ScreenPlayer::resume_suspended(SteadyTime now) {
    if (!m_suspended) {
        return false;
    }
    m_run = std::move(*m_suspended);
    m_suspended.reset();
    m_run.generation = ++m_last_generation;
    spdlog::debug("resuming {}", m_run.programme.playlist.name);
    request_next_item(now);
    return true;
}

void ScreenPlayer::start_item(std::unique_ptr<PlayingItem> item, double start) {
    item->start = start - item->from;
    if (m_pending && m_pending->at) {
        item->cut_at = std::max(0.0, m_clock.seconds_at(*m_pending->at) - item->start);
    }
    item->source->start_playing();
    m_current = std::move(item);
}

void ScreenPlayer::announce_current_item(SteadyTime now) {
    const PlayingItem& item = *m_current;
    spdlog::info("{}: playing {}{}", item.programme, std::filesystem::path(item.path).filename().string(),
                 item.from > 0.0 ? fmt::format(" from {:.1f} s", item.from) : std::string());
    report(PlayEvent::Kind::started, item);
    if (!item.source->info().has_video) {
        // Sound only: a card with the title, so the screen is never blank.
        m_output.show_slate(item.source->path().stem().string(), "♪");
    }
    if (m_run.state == PlayerState::idle) {
        request_next_item(now);
    }
}

bool ScreenPlayer::change_due_by(double programme_seconds) const {
    return m_pending &&
           (!m_pending->at || m_clock.seconds_at(*m_pending->at) <= programme_seconds + kCutInTolerance);
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
    const bool cut = m_current->cut_short() || !is_over(m_current->pictures) || !is_over(m_current->sound);
    spdlog::debug("{}: ends at programme {:.3f} s (pictures {:.3f}, sound {:.3f}{})", m_current->path,
                  programme_end, m_current->pictures_end, m_current->sound_end, cut ? ", cut" : "");
    m_previous_item_end = programme_end;
    // The next picture goes up first; the finished item is put away after
    // it. Closing a source joins its threads and frees its decoder, and
    // events and requests wake other threads; on a busy machine each of
    // those costs milliseconds, which at a join would be a late picture.
    const std::unique_ptr<PlayingItem> finished = std::move(m_current);
    std::optional<CutItem> cut_item;
    if (cut) {
        const StreamInfo& info = finished->source->info();
        cut_item = CutItem{finished->index, *end, info.duration, info.is_still};
    }
    if (change_due_by(programme_end)) {
        cut_in_pending_change(now, cut_item);
    }
    if (m_run.state == PlayerState::ready) {
        start_item(take_next(), programme_end);
        present_due_pictures(now);
    }
    if (finished->played()) {
        ++m_stats.items_played;
        m_stats.played.push_back(finished->path);
    }
    report(PlayEvent::Kind::ended, *finished, cut ? "cut" : "");
    m_stats.decode_errors += finished->source->decode_errors();
    if (m_current) {
        announce_current_item(now);
    } else if (m_run.state == PlayerState::idle) {
        request_next_item(now);
    }
}

}  // namespace kiosk::playback

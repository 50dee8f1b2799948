#include "zone_director.h"

#include <algorithm>

#include <spdlog/spdlog.h>

#include "scheduler/calendar.h"
#include "scheduler/playout.h"

namespace kiosk::app {
namespace {

// How long before a scheduled change the player is told: time enough to open
// the new programme's first film and decode its first picture.
constexpr auto kAnnounceLead = std::chrono::seconds(3);

playback::SteadyTime steady_at(scheduler::Instant at, scheduler::Instant now,
                               playback::SteadyTime steady_now) {
    return steady_now + std::chrono::duration_cast<std::chrono::nanoseconds>(at - now);
}

}  // namespace

ZoneDirector::ZoneDirector(std::string zone, const date::time_zone& tz, std::chrono::milliseconds still_time,
                           playback::ScreenProgramme unscheduled)
    : m_zone(std::move(zone)), m_tz(tz), m_still_time(still_time), m_unscheduled(std::move(unscheduled)) {}

playback::ScreenProgramme ZoneDirector::start(const scheduler::Programme& programme, scheduler::Instant now) {
    m_programme = programme;
    m_schedule =
        scheduler::ZoneSchedule::compile(m_programme, m_zone, scheduler::ResolveOptions{m_still_time});
    m_current = scheduler::resolve(m_schedule, now, m_tz);
    m_announced = false;
    m_before_interrupt.reset();
    return programme_for(m_current);
}

playback::ScreenProgramme ZoneDirector::programme_for(const scheduler::ZoneResolution& resolution) const {
    playback::ScreenProgramme programme;
    programme.retry_seconds = 5.0;
    switch (resolution.state.kind) {
        case scheduler::StateKind::playing: {
            auto list = scheduler::playout_list(m_programme, resolution.state.playlist, m_still_time);
            if (!list) {
                spdlog::error("zone {}: {}", m_zone, list.error().message);
                break;
            }
            programme.playlist = scheduler::to_content_playlist(*list);
            if (resolution.state.source == scheduler::PlaySource::interrupt) {
                programme.passes = 1;
            }
            return programme;
        }
        case scheduler::StateKind::closed: {
            const std::string reopens = scheduler::format_local_moment(resolution.until, m_tz).substr(11, 5);
            programme.playlist.name = "closed";
            programme.slate =
                playback::Slate{"本区已闭馆 · " + reopens + " 开放", "Closed — open again at " + reopens,
                                resolution.state.closed_mode == scheduler::ClosedMode::blank};
            return programme;
        }
        case scheduler::StateKind::unscheduled:
            if (!m_unscheduled.playlist.items.empty()) {
                return m_unscheduled;
            }
            break;
    }
    programme.playlist.name = "unscheduled";
    programme.slate = playback::Slate{"节目暂不可用", "Programme unavailable", false};
    return programme;
}

void ZoneDirector::adopt(const scheduler::Programme& programme, scheduler::Instant now,
                         playback::SteadyTime steady_now, ZonePlayer& player) {
    const scheduler::ZoneState before = m_current.state;
    const scheduler::Playlist* old_list =
        before.kind == scheduler::StateKind::playing ? m_programme.find_playlist(before.playlist) : nullptr;
    const std::optional<scheduler::Playlist> old_items = old_list ? std::optional(*old_list) : std::nullopt;

    m_programme = programme;
    m_schedule =
        scheduler::ZoneSchedule::compile(m_programme, m_zone, scheduler::ResolveOptions{m_still_time});
    m_current = scheduler::resolve(m_schedule, now, m_tz);
    m_announced = false;

    const scheduler::Playlist* new_list = m_current.state.kind == scheduler::StateKind::playing
                                              ? m_programme.find_playlist(m_current.state.playlist)
                                              : nullptr;
    const bool same_items = old_items && new_list && old_items->items.size() == new_list->items.size() &&
                            std::equal(old_items->items.begin(), old_items->items.end(),
                                       new_list->items.begin(), [](const auto& a, const auto& b) {
                                           return a.media == b.media && a.display_time == b.display_time &&
                                                  a.volume_percent == b.volume_percent;
                                       });
    if (m_current.state == before && (same_items || before.kind != scheduler::StateKind::playing)) {
        return;  // nothing this zone shows has changed
    }
    spdlog::info("zone {}: the programme was edited", m_zone);
    const bool interrupt = m_current.state.kind == scheduler::StateKind::playing &&
                           m_current.state.source == scheduler::PlaySource::interrupt;
    if (interrupt && !m_before_interrupt) {
        m_before_interrupt = before;
    }
    player.change_programme(
        playback::ProgrammeChange{programme_for(m_current),
                                  interrupt ? std::optional(steady_now) : std::nullopt, interrupt},
        steady_now);
}

void ZoneDirector::set_unscheduled(playback::ScreenProgramme unscheduled, playback::SteadyTime steady_now,
                                   ZonePlayer& player) {
    const auto& old_items = m_unscheduled.playlist.items;
    const auto& new_items = unscheduled.playlist.items;
    const bool same_films = std::equal(
        old_items.begin(), old_items.end(), new_items.begin(), new_items.end(),
        [](const content::PlaylistItem& a, const content::PlaylistItem& b) { return a.path == b.path; });
    m_unscheduled = std::move(unscheduled);
    if (same_films || m_current.state.kind != scheduler::StateKind::unscheduled) {
        return;
    }
    spdlog::info("zone {}: a new default programme of {} film{}", m_zone, new_items.size(),
                 new_items.size() == 1 ? "" : "s");
    player.change_programme(playback::ProgrammeChange{programme_for(m_current), std::nullopt, false},
                            steady_now);
}

void ZoneDirector::step(scheduler::Instant now, playback::SteadyTime steady_now, ZonePlayer& player) {
    if (now >= m_current.until) {
        // The announced change has happened (or nothing changed at a horizon).
        m_current = scheduler::resolve(m_schedule, now, m_tz);
        m_announced = false;
        if (!(m_current.state.kind == scheduler::StateKind::playing &&
              m_current.state.source == scheduler::PlaySource::interrupt)) {
            m_before_interrupt.reset();
        }
    }
    if (m_announced || m_current.until_is_horizon || now < m_current.until - kAnnounceLead) {
        return;
    }
    m_announced = true;
    const scheduler::ZoneResolution next = scheduler::resolve(m_schedule, m_current.until, m_tz);
    if (next.state == m_current.state) {
        return;
    }
    const bool was_interrupt = m_current.state.kind == scheduler::StateKind::playing &&
                               m_current.state.source == scheduler::PlaySource::interrupt;
    const bool next_is_interrupt = next.state.kind == scheduler::StateKind::playing &&
                                   next.state.source == scheduler::PlaySource::interrupt;
    if (was_interrupt && m_before_interrupt && next.state == *m_before_interrupt) {
        return;  // the interrupt ends into what it cut: the player resumes it where it left off
    }
    if (next_is_interrupt && !was_interrupt) {
        m_before_interrupt = m_current.state;
    }
    spdlog::info("zone {}: programme changes at {}", m_zone,
                 scheduler::format_local_moment(m_current.until, m_tz));
    player.change_programme(
        playback::ProgrammeChange{programme_for(next), steady_at(m_current.until, now, steady_now),
                                  next_is_interrupt},
        steady_now);
}

playback::SteadyTime ZoneDirector::next_wake(scheduler::Instant now, playback::SteadyTime steady_now) const {
    const scheduler::Instant wake = m_announced ? m_current.until : m_current.until - kAnnounceLead;
    return steady_at(std::max(wake, now), now, steady_now);
}

scheduler::PlayEvent ZoneDirector::to_record(const playback::PlayEvent& event, scheduler::Instant now) const {
    scheduler::PlayEvent record;
    switch (event.kind) {
        case playback::PlayEvent::Kind::started:
            record.kind = scheduler::PlayEventKind::start;
            break;
        case playback::PlayEvent::Kind::ended:
            record.kind = scheduler::PlayEventKind::end;
            break;
        case playback::PlayEvent::Kind::skipped:
            record.kind = scheduler::PlayEventKind::skip;
            break;
    }
    record.zone = m_zone;
    record.playlist_name = event.programme;
    if (const scheduler::Playlist* playlist = m_programme.find_playlist(event.programme)) {
        record.playlist = playlist->id;
    }
    record.media_path = event.path;
    for (const scheduler::MediaFile& media : m_programme.media) {
        if (media.path == record.media_path) {
            record.media = media.id;
            break;
        }
    }
    record.at = now;
    record.reason = event.reason;
    if (event.kind == playback::PlayEvent::Kind::ended) {
        record.reason = event.reason == "cut"  ? "schedule change"
                        : event.reason.empty() ? "finished"
                                               : event.reason;
    }
    return record;
}

}  // namespace kiosk::app

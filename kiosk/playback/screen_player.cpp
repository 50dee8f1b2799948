#include "screen_player.h"

#include <algorithm>
#include <cmath>

#include <spdlog/spdlog.h>

#include "frame_pacing.h"
#include "sound_fade.h"

namespace kiosk::playback {
namespace {

// How far ahead of the programme sound is written to the device: enough to
// ride out a slow main-loop pass, little enough that a switch is heard at once.
constexpr double kSoundLead = 0.200;
// How often the loop comes back to top up sound while nothing else is due.
constexpr auto kSoundTopUpInterval = std::chrono::milliseconds(20);
// How soon to look again when the decoder has not delivered the next picture.
constexpr auto kDecoderPollInterval = std::chrono::milliseconds(2);
// Fade at both ends of each item's sound, so a join never clicks.
constexpr double kSoundFadeSeconds = 0.005;
// Queued sound below which a chunk is written without waiting to learn
// whether it is the item's last (and should fade out).
constexpr double kSoundLowWater = 0.060;

}  // namespace

struct ScreenPlayer::Item {
    std::size_t index = 0;
    std::unique_ptr<MediaSource> source;
    double start = 0.0;  // programme seconds at which item second 0 plays
    std::optional<VideoFrame> pending_picture;
    bool pictures_ended = false;
    double pictures_end = 0.0;  // item seconds: end of the last picture
    bool sound_ended = false;
    double sound_end = 0.0;  // item seconds
    std::optional<AudioChunk> pending_sound;
    std::size_t pending_sound_offset = 0;  // frames of pending_sound already written
    bool pending_sound_ready = false;      // faded as needed, being written
    bool sound_started = false;
    bool picture_shown = false;
    bool sound_written = false;

    std::optional<double> end() const {
        if (!pictures_ended || !sound_ended) {
            return std::nullopt;
        }
        return std::max(pictures_end, sound_end);
    }
};

ScreenPlayer::ScreenPlayer(ScreenProgramme programme, const SourceOptions& options, VideoOutput& output,
                           AudioTimeline* audio, const Clock& clock)
    : m_programme(std::move(programme)),
      m_output(output),
      m_audio(audio),
      m_time(clock),
      m_started_at(clock.now()),
      m_cursor(m_programme.playlist.items.size(), m_programme.passes),
      m_preparer(options) {
    request_next_item(m_started_at);
}

ScreenPlayer::~ScreenPlayer() = default;

bool ScreenPlayer::finished() const { return m_list_exhausted && !m_current && !m_next && !m_preparing; }

void ScreenPlayer::wake_by(SteadyTime when) { m_next_wake = std::min(m_next_wake, when); }

void ScreenPlayer::step(SteadyTime now) {
    m_next_wake = now + kSoundTopUpInterval;
    if (m_retry_index && now >= m_retry_at) {
        request_next_item(now);
    }
    take_prepared_items(now);
    if (!m_current && m_next) {
        const double start = m_clock.started() ? m_clock.seconds_at(now) : 0.0;
        if (!m_clock.started()) {
            m_clock.start(now);
            if (m_audio != nullptr) {
                m_audio->start(now);
            }
        }
        start_item(std::move(m_next), start, now);
    }
    if (!m_current) {
        if (m_retry_index) {
            wake_by(m_retry_at);
        }
        return;
    }
    feed_sound(now);
    if (m_audio != nullptr && m_current->source->info().has_audio && !m_current->sound_ended) {
        m_clock.follow_audio(now, m_audio->heard_at(now));
    }
    present_due_pictures(now);
    finish_item_when_over(now);
}

void ScreenPlayer::take_prepared_items(SteadyTime now) {
    while (auto prepared = m_preparer.take_ready()) {
        m_preparing = false;
        const auto& item = m_programme.playlist.items[prepared->index];
        if (prepared->error) {
            spdlog::warn("skipping {}: {}", item.path.string(), prepared->error->message);
            ++m_stats.items_skipped;
            m_stats.skipped.push_back(SkippedItem{item.path.string(), prepared->error->message});
            request_next_item(now);
            continue;
        }
        m_cursor.record_played();
        m_next = std::make_unique<Item>();
        m_next->index = prepared->index;
        m_next->source = std::move(prepared->source);
        m_next->pictures_ended = !m_next->source->info().has_video;
        m_next->sound_ended = !m_next->source->info().has_audio;
    }
}

void ScreenPlayer::request_next_item(SteadyTime now) {
    std::optional<std::size_t> index;
    if (m_retry_index) {
        index = std::exchange(m_retry_index, std::nullopt);
    } else {
        index = m_cursor.advance();
        if (m_cursor.last_pass_failed()) {
            spdlog::error("nothing in playlist '{}' can play", m_programme.playlist.name);
            m_output.show_slate("节目暂不可用", "Programme unavailable");
            m_previous_item_end.reset();  // what follows is a restart, not a join
            if (index) {
                m_retry_index = index;
                m_retry_at = now + to_duration(m_programme.retry_seconds);
                return;
            }
        }
    }
    if (!index) {
        m_list_exhausted = true;
        return;
    }
    const auto& item = m_programme.playlist.items[*index];
    std::optional<double> still_seconds;
    if (item.display_time) {
        still_seconds = std::chrono::duration<double>(*item.display_time).count();
    }
    m_preparer.request(*index, item.path, still_seconds);
    m_preparing = true;
}

void ScreenPlayer::start_item(std::unique_ptr<Item> item, double start, SteadyTime now) {
    item->start = start;
    item->source->start_playing();
    spdlog::info("{}: playing {}", m_programme.playlist.name,
                 m_programme.playlist.items[item->index].path.filename().string());
    if (!item->source->info().has_video) {
        // Sound only: a card with the title, so the screen is never blank.
        m_output.show_slate(item->source->path().stem().string(), "♪");
    }
    m_current = std::move(item);
    if (!m_next && !m_preparing) {
        request_next_item(now);
    }
}

void ScreenPlayer::feed_sound(SteadyTime now) {
    if (m_audio == nullptr) {
        return;
    }
    const double until = m_clock.seconds_at(now) + kSoundLead;
    if (!feed_item_sound(*m_current, until)) {
        return;
    }
    // The current item's sound is all written: the next item's follows on,
    // so the join is seamless in the ring before it is on screen.
    const std::optional<double> end = m_current->end();
    if (m_next && end) {
        m_next->start = m_current->start + *end;
        feed_item_sound(*m_next, until);
    }
}

bool ScreenPlayer::feed_item_sound(Item& item, double until) {
    const auto channels = static_cast<std::size_t>(m_audio->channels());
    const auto fade_frames = static_cast<std::size_t>(kSoundFadeSeconds * m_audio->sample_rate());
    while (!item.sound_ended && m_audio->written_until() < until) {
        if (!item.pending_sound) {
            item.pending_sound = item.source->audio_chunks().try_pop();
            item.pending_sound_offset = 0;
            item.pending_sound_ready = false;
            if (!item.pending_sound) {
                return false;  // the decoder is behind; top up next pass
            }
        }
        AudioChunk& chunk = *item.pending_sound;
        if (chunk.end_of_stream) {
            item.sound_ended = true;
            item.pending_sound.reset();
            break;
        }
        if (!item.pending_sound_ready) {
            // The last chunk of an item fades out, so its successor must be
            // seen first; while plenty of sound is queued, waiting costs
            // nothing, and when the ring runs low the chunk goes as it is.
            std::optional<bool> successor_ends;
            item.source->audio_chunks().peek([&](const AudioChunk& next) { successor_ends = next.end_of_stream; });
            if (!successor_ends && m_audio->written_until() > until - kSoundLead + kSoundLowWater) {
                return false;
            }
            if (!item.sound_started) {
                fade_in(chunk.samples, channels, fade_frames);
                item.sound_started = true;
            }
            if (successor_ends.value_or(false)) {
                fade_out(chunk.samples, channels, fade_frames);
            }
            item.pending_sound_ready = true;
        }
        const std::size_t total = chunk.samples.size() / channels;
        const double chunk_start =
            item.start + chunk.pts + static_cast<double>(item.pending_sound_offset) / m_audio->sample_rate();
        item.pending_sound_offset += m_audio->place(
            std::span<const float>(chunk.samples).subspan(item.pending_sound_offset * channels), chunk_start);
        if (item.pending_sound_offset < total) {
            return false;  // ring full
        }
        item.sound_end = std::max(item.sound_end, chunk.pts + static_cast<double>(total) / m_audio->sample_rate());
        item.sound_written = true;
        item.pending_sound.reset();
    }
    return item.sound_ended;
}

void ScreenPlayer::present_due_pictures(SteadyTime now) {
    Item& item = *m_current;
    MediaSource& source = *item.source;
    const double programme_now = m_clock.seconds_at(now);
    while (!item.pictures_ended) {
        if (!item.pending_picture) {
            item.pending_picture = source.video_frames().try_pop();
            if (!item.pending_picture) {
                wake_by(now + kDecoderPollInterval);
                return;
            }
        }
        VideoFrame& picture = *item.pending_picture;
        if (picture.end_of_stream) {
            item.pictures_ended = true;
            item.pending_picture.reset();
            return;
        }
        std::optional<double> next_pts;
        source.video_frames().peek([&](const VideoFrame& next) {
            if (!next.end_of_stream) {
                next_pts = next.pts;
            }
        });
        const double due = item.start + picture.pts;
        const std::optional<double> next_due = next_pts ? std::optional(item.start + *next_pts) : std::nullopt;
        const double nominal = picture.duration > 0.0 ? picture.duration : source.info().nominal_frame_interval;
        const double duration = source.info().is_still ? picture.duration
                                                       : frame_duration(picture.pts, next_pts, nominal);
        switch (decide_frame(programme_now, due, next_due)) {
            case FrameAction::wait:
                wake_by(m_clock.when(due));
                return;
            case FrameAction::drop:
                ++m_stats.frames_dropped;
                break;
            case FrameAction::present: {
                m_output.show_picture(*picture.frame, source.info().rotation_degrees);
                const SteadyTime shown_at = m_time.now();
                ++m_stats.frames_presented;
                if (!m_stats.first_frame_ms) {
                    m_stats.first_frame_ms =
                        std::chrono::duration<double, std::milli>(shown_at - m_started_at).count();
                }
                if (!item.picture_shown && m_previous_item_end) {
                    const double gap =
                        std::chrono::duration<double, std::milli>(shown_at - m_clock.when(*m_previous_item_end))
                            .count();
                    m_stats.max_transition_gap_ms = std::max(m_stats.max_transition_gap_ms, gap);
                }
                if (m_audio != nullptr && source.info().has_audio && !item.sound_ended) {
                    const double drift = std::abs(m_audio->heard_at(shown_at) - due) * 1000.0;
                    m_stats.av_sync_max_ms = std::max(m_stats.av_sync_max_ms, drift);
                }
                item.picture_shown = true;
                break;
            }
        }
        item.pictures_end = picture.pts + duration;
        item.pending_picture.reset();
    }
}

void ScreenPlayer::finish_item_when_over(SteadyTime now) {
    const std::optional<double> end = m_current->end();
    if (!end) {
        return;
    }
    const double programme_end = m_current->start + *end;
    if (m_clock.seconds_at(now) + kPresentEarlyTolerance < programme_end) {
        wake_by(m_clock.when(programme_end));
        return;
    }
    const auto& finished_item = m_programme.playlist.items[m_current->index];
    if (m_current->picture_shown || m_current->sound_written) {
        ++m_stats.items_played;
        m_stats.played.push_back(finished_item.path.string());
    }
    m_stats.decode_errors += m_current->source->decode_errors();
    m_previous_item_end = programme_end;
    m_current.reset();
    if (m_next) {
        start_item(std::move(m_next), programme_end, now);
        present_due_pictures(now);
    } else if (!m_preparing && !m_retry_index && !m_list_exhausted) {
        request_next_item(now);
    }
}

}  // namespace kiosk::playback

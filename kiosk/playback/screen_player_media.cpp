// The per-frame half of ScreenPlayer: putting the current item's pictures on
// screen when due and its sound into the ring ahead of time.

#include <algorithm>
#include <cmath>
#include <limits>

#include "frame_pacing.h"
#include "screen_player.h"
#include "sound_fade.h"

namespace kiosk::playback {
namespace {

// How far ahead of the programme sound is written to the device: enough to
// ride out a slow main-loop pass, little enough that a switch is heard at once.
constexpr double kSoundLead = 0.200;
// How soon to look again when the decoder has not delivered the next picture.
constexpr auto kDecoderPollInterval = std::chrono::milliseconds(2);
// Fade at both ends of each item's sound, so a join or a cut never clicks.
constexpr double kSoundFadeSeconds = 0.005;
// Queued sound below which a chunk is written without waiting to learn
// whether it is the item's last (and should fade out).
constexpr double kSoundLowWater = 0.060;

}  // namespace

PlayingItem* ScreenPlayer::item_after_current() {
    const std::optional<double> end = m_current->end();
    if (!end) {
        return nullptr;
    }
    const double programme_end = m_current->start + *end;
    PlayingItem* next = change_due_by(programme_end) ? m_pending->first.get() : m_next.get();
    if (next != nullptr) {
        next->start = programme_end;
    }
    return next;
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
    if (PlayingItem* next = item_after_current()) {
        feed_item_sound(*next, until);
    }
}

bool ScreenPlayer::feed_item_sound(PlayingItem& item, double until) {
    const auto channels = static_cast<std::size_t>(m_audio->channels());
    const double rate = m_audio->sample_rate();
    const auto fade_frames = static_cast<std::size_t>(kSoundFadeSeconds * rate);
    const double cut = item.cut_at ? item.start + *item.cut_at : std::numeric_limits<double>::infinity();
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
        const double chunk_start = item.start + chunk.pts;
        if (chunk.end_of_stream || chunk_start >= cut) {
            item.cut_short = item.cut_short || !chunk.end_of_stream;
            item.sound_ended = true;
            item.pending_sound.reset();
            break;
        }
        std::size_t total = chunk.samples.size() / channels;
        if (!item.pending_sound_ready) {
            // The last chunk of an item fades out, so its successor must be
            // seen first; while plenty of sound is queued, waiting costs
            // nothing, and when the ring runs low the chunk goes as it is.
            std::optional<bool> successor_ends;
            item.source->audio_chunks().peek(
                [&](const AudioChunk& next) { successor_ends = next.end_of_stream; });
            if (!successor_ends && m_audio->written_until() > until - kSoundLead + kSoundLowWater) {
                return false;
            }
            const bool cut_here = item.cut_at && chunk_start + static_cast<double>(total) / rate > cut;
            if (cut_here) {
                const auto frames_before_cut =
                    static_cast<std::size_t>(std::max(0.0, (cut - chunk_start) * rate));
                chunk.samples.resize(frames_before_cut * channels);
                total = frames_before_cut;
                item.cut_short = true;
            }
            if (!item.sound_started) {
                fade_in(chunk.samples, channels, fade_frames);
                item.sound_started = true;
            }
            if (successor_ends.value_or(false) || cut_here) {
                fade_out(chunk.samples, channels, fade_frames);
            }
            if (item.gain != 1.0f) {
                for (float& sample : chunk.samples) {
                    sample *= item.gain;
                }
            }
            item.pending_sound_ready = true;
        }
        const double write_start = chunk_start + static_cast<double>(item.pending_sound_offset) / rate;
        item.pending_sound_offset += m_audio->place(
            std::span<const float>(chunk.samples).subspan(item.pending_sound_offset * channels), write_start);
        if (item.pending_sound_offset < total) {
            return false;  // ring full
        }
        item.sound_end = std::max(item.sound_end, chunk.pts + static_cast<double>(total) / rate);
        item.sound_written = true;
        item.pending_sound.reset();
    }
    return item.sound_ended;
}

void ScreenPlayer::present_due_pictures(SteadyTime now) {
    PlayingItem& item = *m_current;
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
        if (picture.end_of_stream || (item.cut_at && picture.pts >= *item.cut_at)) {
            item.cut_short = item.cut_short || !picture.end_of_stream;
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
        const std::optional<double> next_due =
            next_pts ? std::optional(item.start + *next_pts) : std::nullopt;
        const double nominal =
            picture.duration > 0.0 ? picture.duration : source.info().nominal_frame_interval;
        const double duration =
            source.info().is_still ? picture.duration : frame_duration(picture.pts, next_pts, nominal);
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
                if (!item.picture_shown && m_previous_item_end && m_last_shown) {
                    // The join is judged against the previous picture as it
                    // actually reached the screen, so the constant cost of
                    // drawing a picture is not counted as a gap.
                    const SteadyTime ideal =
                        m_last_shown->at + to_duration(*m_previous_item_end - m_last_shown->due);
                    const double gap = std::chrono::duration<double, std::milli>(shown_at - ideal).count();
                    m_stats.max_transition_gap_ms = std::max(m_stats.max_transition_gap_ms, gap);
                }
                m_last_shown = ShownPicture{shown_at, due};
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

}  // namespace kiosk::playback

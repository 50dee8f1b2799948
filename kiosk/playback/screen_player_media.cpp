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
// How soon to look again, without a wake hook, when the decoder has not
// delivered the next picture.
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
    PlayingItem* next = change_due_by(programme_end) ? m_pending->run.next.get() : m_run.next.get();
    if (next != nullptr) {
        next->start = programme_end - next->from;
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
    while (!is_over(item.sound) && m_audio->written_until() < until) {
        if (!item.pending_sound) {
            std::optional<AudioChunk> chunk = item.source->audio_chunks().try_pop();
            if (!chunk) {
                return false;  // the decoder is behind; top up next pass
            }
            item.pending_sound = SoundInHand{std::move(*chunk), std::nullopt, 0};
        }
        SoundInHand& hand = *item.pending_sound;
        AudioChunk& chunk = hand.chunk;
        const double chunk_start = item.start + chunk.pts;
        if (chunk.end_of_stream || chunk_start >= cut) {
            item.sound = chunk.end_of_stream ? StreamPhase::ended : StreamPhase::cut;
            item.pending_sound.reset();
            break;
        }
        if (!hand.plan) {
            // The last chunk of an item fades out, so its successor must be
            // seen first; while plenty of sound is queued, waiting costs
            // nothing, and when the ring runs low the chunk goes as it is.
            std::optional<bool> successor_ends;
            item.source->audio_chunks().peek(
                [&](const AudioChunk& next) { successor_ends = next.end_of_stream; });
            if (!successor_ends && m_audio->written_until() > until - kSoundLead + kSoundLowWater) {
                return false;
            }
            ChunkPlace place;
            place.start = chunk_start;
            place.frames = chunk.samples.size() / channels;
            place.rate = rate;
            if (item.from > 0.0) {
                place.from = item.start + item.from;
            }
            place.cut = cut;
            place.first = item.sound == StreamPhase::waiting;
            place.last = successor_ends.value_or(false);
            const ChunkPlan plan = plan_chunk(place);
            chunk.samples.resize(plan.end * channels);
            chunk.samples.erase(chunk.samples.begin(),
                                chunk.samples.begin() + static_cast<std::ptrdiff_t>(plan.begin * channels));
            shape_chunk(chunk.samples, channels, plan, fade_frames, item.gain);
            if (plan.heard()) {
                item.sound = StreamPhase::running;
            }
            hand.plan = plan;
        }
        const ChunkPlan& plan = *hand.plan;
        const std::size_t total = chunk.samples.size() / channels;
        const double write_start = chunk_start + static_cast<double>(plan.begin + hand.written) / rate;
        const std::size_t placed = m_audio->place(
            std::span<const float>(chunk.samples).subspan(hand.written * channels), write_start);
        hand.written += placed;
        m_stats.sound_seconds += static_cast<double>(placed) / rate;
        if (hand.written < total) {
            return false;  // ring full
        }
        item.sound_end = std::max(item.sound_end, chunk.pts + static_cast<double>(plan.end) / rate);
        if (plan.heard() || plan.begin == 0) {
            ++item.sound_chunks_written;
        }
        const bool cut_here = plan.cut;
        item.pending_sound.reset();
        if (cut_here) {
            item.sound = StreamPhase::cut;
        }
    }
    return is_over(item.sound);
}

void ScreenPlayer::present_due_pictures(SteadyTime now) {
    PlayingItem& item = *m_current;
    MediaSource& source = *item.source;
    const double programme_now = m_clock.seconds_at(now);
    while (!is_over(item.pictures)) {
        if (!item.pending_picture) {
            item.pending_picture = source.video_frames().try_pop();
            if (!item.pending_picture) {
                // The decoder wakes the loop with the picture; without a
                // hook, look again shortly.
                if (!m_wake) {
                    wake_by(now + kDecoderPollInterval);
                } else if (!source.video_frames().call_on_next_push(m_wake)) {
                    wake_by(now);
                }
                return;
            }
        }
        VideoFrame& picture = *item.pending_picture;
        if (picture.end_of_stream || (item.cut_at && picture.pts >= *item.cut_at)) {
            item.pictures = picture.end_of_stream ? StreamPhase::ended : StreamPhase::cut;
            item.pending_picture.reset();
            return;
        }
        if (item.from > 0.0 && picture.pts < item.from) {
            // A resumed film: pictures that belong before its keyframe (an
            // open GOP's leading pictures) are not part of it.
            item.pending_picture.reset();
            continue;
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
                m_output.show_picture(picture.picture, source.info().rotation_degrees);
                const SteadyTime shown_at = m_time.now();
                ++m_stats.frames_presented;
                if (!m_stats.first_frame_ms) {
                    m_stats.first_frame_ms =
                        std::chrono::duration<double, std::milli>(shown_at - m_started_at).count();
                }
                if (item.pictures_shown == 0 && m_previous_item_end && m_last_shown) {
                    // The join is judged against the previous picture as it
                    // actually reached the screen, so the constant cost of
                    // drawing a picture is not counted as a gap.
                    const SteadyTime ideal =
                        m_last_shown->at + to_duration(*m_previous_item_end - m_last_shown->due);
                    const double gap = std::chrono::duration<double, std::milli>(shown_at - ideal).count();
                    m_stats.max_transition_gap_ms = std::max(m_stats.max_transition_gap_ms, gap);
                }
                if (m_last_shown) {
                    m_stats.frame_interval_ms.add(
                        std::chrono::duration<double, std::milli>(shown_at - m_last_shown->at).count());
                }
                m_last_shown = ShownPicture{shown_at, due};
                if (m_audio != nullptr && source.info().has_audio && !is_over(item.sound)) {
                    const double drift = std::abs(m_audio->heard_at(shown_at) - due) * 1000.0;
                    m_stats.av_sync_max_ms = std::max(m_stats.av_sync_max_ms, drift);
                }
                item.pictures = StreamPhase::running;
                ++item.pictures_shown;
                break;
            }
        }
        item.pictures_end = picture.pts + duration;
        item.pending_picture.reset();
    }
}

}  // namespace kiosk::playback

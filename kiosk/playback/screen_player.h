#pragma once
// One screen's film programme: plays a playlist item after item with no gap,
// keeps pictures on time against the programme clock (which follows the
// sound while an item has sound), skips what cannot play and shows a slate
// when nothing can. Lives on the main thread and is driven by step().

#include <filesystem>
#include <memory>
#include <optional>

#include "audio_timeline.h"
#include "content/playlist.h"
#include "item_preparer.h"
#include "playback_stats.h"
#include "playlist_cursor.h"
#include "programme_clock.h"
#include "video_output.h"

namespace kiosk::playback {

struct ScreenProgramme {
    content::Playlist playlist;
    std::optional<int> passes;  // nothing: loop for ever
    // Wait before trying again a list in which nothing could play.
    double retry_seconds = 1.0;
};

class ScreenPlayer {
public:
    // `audio` is null for a screen without sound. `clock` tells when a
    // picture actually reached the screen; `clock.now()` at construction is
    // the start for the first-frame figure.
    ScreenPlayer(ScreenProgramme programme, const SourceOptions& options, VideoOutput& output,
                 AudioTimeline* audio, const Clock& clock);
    ~ScreenPlayer();

    // Does everything due at `now`: takes prepared items, feeds sound,
    // presents or drops due pictures, moves to the next item.
    void step(SteadyTime now);

    // When step() next has something to do.
    SteadyTime next_wake() const { return m_next_wake; }

    // Every pass of a limited programme is done.
    bool finished() const;

    const PlaybackStats& stats() const { return m_stats; }

private:
    struct Item;

    void take_prepared_items(SteadyTime now);
    void request_next_item(SteadyTime now);
    void start_item(std::unique_ptr<Item> item, double start, SteadyTime now);
    void feed_sound(SteadyTime now);
    bool feed_item_sound(Item& item, double until);
    void present_due_pictures(SteadyTime now);
    void finish_item_when_over(SteadyTime now);
    void wake_by(SteadyTime when);

    ScreenProgramme m_programme;
    VideoOutput& m_output;
    AudioTimeline* m_audio;
    const Clock& m_time;
    SteadyTime m_started_at;
    PlaylistCursor m_cursor;
    ItemPreparer m_preparer;
    ProgrammeClock m_clock;
    PlaybackStats m_stats;

    std::unique_ptr<Item> m_current;  // on screen
    std::unique_ptr<Item> m_next;     // prepared, waiting its turn
    bool m_preparing = false;         // a request is with the preparer
    bool m_list_exhausted = false;    // every pass done
    std::optional<std::size_t> m_retry_index;
    SteadyTime m_retry_at{};
    std::optional<double> m_previous_item_end;  // programme seconds, for the transition gap
    SteadyTime m_next_wake{};
};

}  // namespace kiosk::playback

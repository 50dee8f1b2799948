#pragma once
// One screen's film programme: plays a playlist item after item with no gap,
// keeps pictures on time against the programme clock (which follows the
// sound while an item has sound), skips what cannot play, shows a slate when
// nothing can, and changes programme on the dot when told to. Lives on the
// main thread and is driven by step().

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "audio_timeline.h"
#include "content/playlist.h"
#include "item_preparer.h"
#include "playback_stats.h"
#include "playing_item.h"
#include "playlist_cursor.h"
#include "programme_clock.h"
#include "video_output.h"

namespace kiosk::playback {

// A full-screen card instead of films: the zone is closed, or nothing can play.
struct Slate {
    std::string title;
    std::string subtitle;
    bool blank = false;  // a black screen instead of the card
};

struct ScreenProgramme {
    content::Playlist playlist;
    std::optional<int> passes;  // nothing: loop for ever
    // Wait before trying again a list in which nothing could play.
    double retry_seconds = 1.0;
    // Shown instead of the playlist (which is then empty): closed hours.
    std::optional<Slate> slate;
};

struct ProgrammeChange {
    ScreenProgramme programme;
    // Cut in at this time (the current item stops there, mid-film if need
    // be); nothing: at the end of the current item.
    std::optional<SteadyTime> at;
    // An interrupt: when its passes are done, the programme it cut in on
    // resumes with the item it cut.
    bool resume_after = false;
};

// What proof of play records.
struct PlayEvent {
    enum class Kind { started, ended, skipped };
    Kind kind;
    std::string programme;  // playlist name
    std::string path;
    std::string reason;  // skipped: why; ended: "cut" when a programme change stopped it early
};

class ScreenPlayer {
  public:
    // `audio` is null for a screen without sound. `clock` tells when a
    // picture actually reached the screen; `clock.now()` at construction is
    // the start for the first-frame figure.
    ScreenPlayer(ScreenProgramme programme, const SourceOptions& options, VideoOutput& output,
                 AudioTimeline* audio, const Clock& clock);
    ~ScreenPlayer();

    // Called on the main thread, from step(), for every item start, end and skip.
    void on_play_event(std::function<void(const PlayEvent&)> listener) { m_listener = std::move(listener); }

    // Switches programme. To switch on time, call it a few seconds before
    // `change.at`: the new programme's first item is prepared meanwhile.
    void change_programme(ProgrammeChange change, SteadyTime now);

    // Ends an interrupt before its passes are done (a visitor closed the
    // film they asked for): the item on screen is cut at `now` and the
    // programme the interrupt cut in on resumes with the item it cut.
    // Nothing happens when no interrupt is on.
    void end_interrupt(SteadyTime now);

    // Does everything due at `now`: takes prepared items, feeds sound,
    // presents or drops due pictures, moves to the next item.
    void step(SteadyTime now);

    // When step() next has something to do.
    SteadyTime next_wake() const { return m_next_wake; }

    // Every pass of a limited programme is done.
    bool finished() const;

    const PlaybackStats& stats() const { return m_stats; }

  private:
    struct Suspended {
        ScreenProgramme programme;
        PlaylistCursor cursor;
        std::size_t cut_index;
    };
    struct PendingChange {
        ProgrammeChange change;
        PlaylistCursor cursor;  // the incoming programme's
        std::uint64_t generation;
        std::unique_ptr<PlayingItem> first;  // its first playable item, once prepared
        bool preparing = false;
    };

    void take_prepared_items(SteadyTime now);
    std::unique_ptr<PlayingItem> accept_prepared(PreparedItem prepared, const ScreenProgramme& programme,
                                                 PlaylistCursor& cursor);
    void request_next_item(SteadyTime now);
    void request_incoming_item();
    void request(std::uint64_t generation, const ScreenProgramme& programme, std::size_t index);
    // Puts `item` on the screen's timeline at programme second `start`.
    void start_item(std::unique_ptr<PlayingItem> item, double start);
    // The rest of an item's start: the log, the started event, a card for
    // sound only, the request for the item after. At a join it waits until
    // the item's first picture is up.
    void announce_current_item(SteadyTime now);
    // `cut_index`: the item of the outgoing programme the change cut short.
    void cut_in_pending_change(SteadyTime now, std::optional<std::size_t> cut_index);
    bool resume_suspended(SteadyTime now);
    void show_slate(const Slate& slate);
    PlayingItem* item_after_current();
    // A pending change cuts in at or before `programme_seconds`.
    bool change_due_by(double programme_seconds) const;
    void feed_sound(SteadyTime now);
    bool feed_item_sound(PlayingItem& item, double until);
    void present_due_pictures(SteadyTime now);
    void finish_item_when_over(SteadyTime now);
    void report(PlayEvent::Kind kind, const PlayingItem& item, std::string reason = {});
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
    std::function<void(const PlayEvent&)> m_listener;

    std::unique_ptr<PlayingItem> m_current;  // on screen
    std::unique_ptr<PlayingItem> m_next;     // prepared, waiting its turn
    std::uint64_t m_generation = 0;          // of the programme on screen
    std::uint64_t m_last_generation = 0;     // handed out so far
    bool m_preparing = false;                // a request of this generation is with the preparer
    bool m_list_exhausted = false;           // every pass done
    std::optional<std::size_t> m_retry_index;
    SteadyTime m_retry_at{};
    std::optional<double> m_previous_item_end;  // programme seconds, for the transition gap
    struct ShownPicture {
        SteadyTime at;  // when it reached the screen
        double due;     // programme seconds it was due at
    };
    std::optional<ShownPicture> m_last_shown;
    std::unique_ptr<PendingChange> m_pending;  // waiting for its time
    std::optional<Suspended> m_suspended;      // the programme an interrupt cut in on
    std::string m_interrupt_name;              // the playlist of the latest interrupt, for end_interrupt()
    SteadyTime m_next_wake{};
};

}  // namespace kiosk::playback

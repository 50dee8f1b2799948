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
#include "player_state.h"
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
    // resumes with the item it cut, from the keyframe at or before the cut
    // (see resume_point.h for films cut near either end, and stills).
    bool resume_after = false;
};

// Where a screen's items come from: FFmpeg sources whose first picture has
// until a deadline on the steady clock (decoding runs in real time), or, in
// tests, scripted sources on a manual clock.
struct MediaOpening {
    MediaOpener opener;            // empty: FfmpegMediaSource::open
    const Clock* clock = nullptr;  // null: the steady clock
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
                 AudioTimeline* audio, const Clock& clock, MediaOpening opening = {});
    ~ScreenPlayer();

    // Called on the main thread, from step(), for every item start, end and skip.
    void on_play_event(std::function<void(const PlayEvent&)> listener) { m_listener = std::move(listener); }

    // Switches programme. To switch on time, call it a few seconds before
    // `change.at`: the new programme's first item is prepared meanwhile.
    void change_programme(ProgrammeChange change, SteadyTime now);

    // Ends an interrupt before its passes are done (a visitor closed the
    // film they asked for): the item on screen is cut at `now` and the
    // programme the interrupt cut in on resumes with the item it cut, where
    // it was cut.
    // Nothing happens when no interrupt is on.
    void end_interrupt(SteadyTime now);

    // Does everything due at `now`: takes prepared items, feeds sound,
    // presents or drops due pictures, moves to the next item.
    void step(SteadyTime now);

    // When step() next has something to do.
    SteadyTime next_wake() const { return m_next_wake; }

    // `wake` is called, from the preparer's or a decoder's thread, when
    // something step() waits for arrives (a prepared item, a decoded
    // picture), so the caller's loop can sleep until next_wake() without
    // polling. Without it, next_wake() comes back every few milliseconds
    // while the player waits on a thread. Set once, before the first step().
    void wake_with(std::function<void()> wake) { m_wake = std::move(wake); }

    // Every pass of a limited programme is done.
    bool finished() const;

    const PlaybackStats& stats() const { return m_stats; }

    // The programme on screen's state (see player_state.h).
    PlayerState state() const { return m_run.state; }

    // An item is being opened off the main thread. Tests of scripted
    // sources wait for it instead of guessing how long it takes.
    bool preparing() const { return m_preparer.busy(); }

  private:
    // A programme as the player runs it: its list, where it is in the list,
    // and its next item.
    struct ProgrammeRun {
        ScreenProgramme programme;
        PlaylistCursor cursor;
        std::uint64_t generation = 0;  // tags its requests to the preparer
        PlayerState state = PlayerState::idle;
        std::unique_ptr<PlayingItem> next;  // in state ready
        struct Retry {
            std::size_t index;  // the item tried again
            SteadyTime at;
        };
        std::optional<Retry> retry;  // in state retrying
        double resume_from = 0.0;    // item seconds the next item asked for starts at
    };
    struct PendingChange {
        ProgrammeRun run;  // the incoming programme, its first item prepared meanwhile
        std::optional<SteadyTime> at;
        bool resume_after = false;
    };
    // The item a programme change stopped before its end.
    struct CutItem {
        std::size_t index;
        double at;  // item seconds
        double duration;
        bool is_still;
    };

    static ProgrammeRun make_run(ScreenProgramme programme, std::uint64_t generation);
    // The only place a programme's state changes.
    void handle(ProgrammeRun& run, PlayerEvent event);
    void take_prepared_items(SteadyTime now);
    void receive(ProgrammeRun& run, PreparedItem prepared);
    void request_next_item(SteadyTime now);
    void request_incoming_item();
    void request(ProgrammeRun& run, std::size_t index);
    std::unique_ptr<PlayingItem> take_next();
    // Puts `item` on the screen's timeline so that its first picture or
    // sound plays at programme second `start`.
    void start_item(std::unique_ptr<PlayingItem> item, double start);
    // The rest of an item's start: the log, the started event, a card for
    // sound only, the request for the item after.
    void announce_current_item(SteadyTime now);
    // `cut`: the item of the outgoing programme the change cut short.
    void cut_in_pending_change(SteadyTime now, const std::optional<CutItem>& cut);
    // The programme on screen, put aside by an interrupt, to resume as `cut` says.
    static ProgrammeRun suspend(ProgrammeRun run, const std::optional<CutItem>& cut);
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
    // One step; step() adds the wake-ups that stand for no particular event.
    void step_once(SteadyTime now);
    // Has the preparer wake the caller's loop when the item asked for is open.
    void wait_for_preparer(SteadyTime now);

    VideoOutput& m_output;
    AudioTimeline* m_audio;
    const Clock& m_time;
    SteadyTime m_started_at;
    ItemPreparer m_preparer;
    ProgrammeClock m_clock;
    PlaybackStats m_stats;
    std::function<void(const PlayEvent&)> m_listener;

    ProgrammeRun m_run;                         // the programme on screen
    std::unique_ptr<PlayingItem> m_current;     // on screen
    std::uint64_t m_last_generation = 0;        // handed out so far
    std::optional<double> m_previous_item_end;  // programme seconds, for the transition gap
    struct ShownPicture {
        SteadyTime at;  // when it reached the screen
        double due;     // programme seconds it was due at
    };
    std::optional<ShownPicture> m_last_shown;
    std::unique_ptr<PendingChange> m_pending;  // waiting for its time
    std::optional<ProgrammeRun> m_suspended;   // the programme an interrupt cut in on
    std::string m_interrupt_name;              // the playlist of the latest interrupt, for end_interrupt()
    SteadyTime m_next_wake{};
    std::function<void()> m_wake;  // see wake_with()
};

}  // namespace kiosk::playback

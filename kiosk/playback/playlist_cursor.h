#pragma once
// Which playlist item comes next, how many passes are done, and whether a
// whole pass failed. Pure bookkeeping, owned by one screen's player.

#include <cstddef>
#include <optional>

namespace kiosk::playback {

class PlaylistCursor {
  public:
    // `passes` is how many times the list plays; nullopt loops for ever.
    PlaylistCursor(std::size_t item_count, std::optional<int> passes);

    // The item to prepare next, or nothing when every pass is done (or the
    // list is empty). Each call moves on by one.
    std::optional<std::size_t> advance();

    // The next advance() returns `index` (of the current pass): an interrupted
    // programme resumes with the item the interrupt cut.
    void restart_at(std::size_t index) { m_next = index < m_item_count ? index : m_item_count; }

    // An item of the current pass turned out playable.
    void record_played() { m_played_this_pass = true; }

    // True right after advance() wrapped past the end of a pass in which no
    // item played: time for the "programme unavailable" slate.
    bool last_pass_failed() const { return m_last_pass_failed; }
    int passes_completed() const { return m_passes_completed; }

  private:
    std::size_t m_item_count;
    std::optional<int> m_passes;
    std::size_t m_next = 0;
    int m_passes_completed = 0;
    bool m_played_this_pass = false;
    bool m_last_pass_failed = false;
};

}  // namespace kiosk::playback

#pragma once
// Which playlist item comes next, how many passes are done, and whether a
// whole pass failed. Pure bookkeeping, owned by one screen's player.

#include <cstddef>
#include <optional>
#include <random>
#include <vector>

namespace kiosk::playback {

class PlaylistCursor {
  public:
    // `passes` is how many times the list plays; nullopt loops for ever.
    // `shuffle` plays each pass in a fresh random order.
    PlaylistCursor(std::size_t item_count, std::optional<int> passes, bool shuffle = false);

    // The item to prepare next, or nothing when every pass is done (or the
    // list is empty). Each call moves on by one.
    std::optional<std::size_t> advance();

    // The next advance() returns `index` (of the current pass): an interrupted
    // programme resumes with the item the interrupt cut.
    void restart_at(std::size_t index);

    // An item of the current pass turned out playable.
    void record_played() { m_played_this_pass = true; }

    // True right after advance() wrapped past the end of a pass in which no
    // item played: time for the "programme unavailable" slate.
    bool last_pass_failed() const { return m_last_pass_failed; }
    int passes_completed() const { return m_passes_completed; }

  private:
    std::size_t m_item_count;
    std::optional<int> m_passes;
    bool m_shuffle;
    std::vector<std::size_t> m_order;  // this pass's order of item indexes
    std::mt19937_64 m_random;
    std::size_t m_next = 0;  // position in m_order
    int m_passes_completed = 0;
    bool m_played_this_pass = false;
    bool m_last_pass_failed = false;
};

}  // namespace kiosk::playback

#include "playlist_cursor.h"

namespace kiosk::playback {

PlaylistCursor::PlaylistCursor(std::size_t item_count, std::optional<int> passes)
    : m_item_count(item_count), m_passes(passes) {}

std::optional<std::size_t> PlaylistCursor::advance() {
    m_last_pass_failed = false;
    if (m_item_count == 0) {
        return std::nullopt;
    }
    if (m_next == m_item_count) {
        m_next = 0;
        ++m_passes_completed;
        m_last_pass_failed = !m_played_this_pass;
        m_played_this_pass = false;
    }
    if (m_passes && m_passes_completed >= *m_passes) {
        return std::nullopt;
    }
    return m_next++;
}

}  // namespace kiosk::playback

#include "playlist_cursor.h"

#include <algorithm>
#include <numeric>

namespace kiosk::playback {

PlaylistCursor::PlaylistCursor(std::size_t item_count, std::optional<int> passes, bool shuffle)
    : m_item_count(item_count),
      m_passes(passes),
      m_shuffle(shuffle),
      m_order(item_count),
      m_random(std::random_device{}()) {
    std::iota(m_order.begin(), m_order.end(), std::size_t{0});
    if (m_shuffle) {
        std::shuffle(m_order.begin(), m_order.end(), m_random);
    }
}

void PlaylistCursor::restart_at(std::size_t index) {
    m_next = static_cast<std::size_t>(std::find(m_order.begin(), m_order.end(), index) - m_order.begin());
}

std::optional<std::size_t> PlaylistCursor::advance() {
    m_last_pass_failed = false;
    if (m_item_count == 0) {
        return std::nullopt;
    }
    if (m_next == m_item_count) {
        m_next = 0;
        ++m_passes_completed;
        if (m_shuffle) {
            std::shuffle(m_order.begin(), m_order.end(), m_random);
        }
        m_last_pass_failed = !m_played_this_pass;
        m_played_this_pass = false;
    }
    if (m_passes && m_passes_completed >= *m_passes) {
        return std::nullopt;
    }
    return m_order[m_next++];
}

}  // namespace kiosk::playback

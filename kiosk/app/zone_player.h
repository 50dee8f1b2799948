#pragma once
// What a zone's director asks of its screen's player: programme changes, on
// time. ZoneDirector depends on this alone, so it is tested with a recorder
// in place of a player that decodes.

#include "playback/screen_player.h"

namespace kiosk::app {

class ZonePlayer {
  public:
    virtual ~ZonePlayer() = default;
    // Switches programme (see playback::ScreenPlayer::change_programme).
    virtual void change_programme(playback::ProgrammeChange change, playback::SteadyTime now) = 0;
};

// A screen's player as a zone's director drives it.
class ScreenZonePlayer final : public ZonePlayer {
  public:
    explicit ScreenZonePlayer(playback::ScreenPlayer& player) : m_player(player) {}
    void change_programme(playback::ProgrammeChange change, playback::SteadyTime now) override {
        m_player.change_programme(std::move(change), now);
    }

  private:
    playback::ScreenPlayer& m_player;
};

}  // namespace kiosk::app

#include "hall_schedule.h"

#include <spdlog/spdlog.h>

#include "scheduler/calendar.h"
#include "scheduler/schedule_store.h"

namespace kiosk::app {
namespace {

// Start-up waits this long for the first read of the database.
constexpr auto kFirstLoadTimeout = std::chrono::seconds(10);

scheduler::Instant wall_now() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

}  // namespace

tl::expected<std::unique_ptr<HallSchedule>, HallScheduleError> HallSchedule::open(
    const std::filesystem::path& data_dir, const std::string& time_zone,
    std::chrono::milliseconds still_time) {
    auto tz = scheduler::locate_time_zone(time_zone);
    if (!tz) {
        return tl::unexpected(
            HallScheduleError{HallScheduleError::Kind::bad_time_zone, "time_zone: " + tz.error().message});
    }
    const std::filesystem::path database = scheduler::database_path(data_dir);
    // Opened once here to create and migrate it, and to fail loudly at
    // start-up rather than quietly in a thread.
    if (auto store = scheduler::open_schedule_store(database); !store) {
        return tl::unexpected(
            HallScheduleError{HallScheduleError::Kind::database_refused,
                              "schedule database " + database.string() + ": " + store.error().message});
    }
    std::unique_ptr<HallSchedule> schedule(new HallSchedule(database, **tz, still_time));
    if (!schedule->m_watcher.wait_for_first(kFirstLoadTimeout)) {
        return tl::unexpected(
            HallScheduleError{HallScheduleError::Kind::database_stalled,
                              "schedule database " + database.string() + ": not readable in time"});
    }
    if (auto programme = schedule->m_watcher.take_new_programme()) {
        schedule->m_programme = std::move(*programme);
    }
    return schedule;
}

HallSchedule::HallSchedule(const std::filesystem::path& database_file, const date::time_zone& tz,
                           std::chrono::milliseconds still_time)
    : m_tz(tz), m_still_time(still_time), m_watcher(database_file), m_play_log(database_file) {}

playback::ScreenProgramme HallSchedule::start_screen(const std::string& zone,
                                                     playback::ScreenProgramme unscheduled) {
    m_directors.push_back(std::make_unique<ZoneDirector>(zone, m_tz, m_still_time, std::move(unscheduled)));
    return m_directors.back()->start(m_programme, wall_now());
}

void HallSchedule::set_unscheduled(std::size_t index, playback::ScreenProgramme unscheduled,
                                   playback::SteadyTime steady_now, ZonePlayer& player) {
    m_directors.at(index)->set_unscheduled(std::move(unscheduled), steady_now, player);
}

void HallSchedule::attach(std::size_t index, playback::ScreenPlayer& player) {
    ZoneDirector* director = m_directors.at(index).get();
    player.on_play_event([this, director](const playback::PlayEvent& event) {
        m_play_log.record(director->to_record(event, wall_now()));
    });
}

void HallSchedule::take_edits_through(MainLoopInbox& inbox) {
    m_watcher.deliver_to([this, &inbox](scheduler::Programme programme) {
        inbox.post([this, programme = std::move(programme)]() mutable { m_edited = std::move(programme); });
    });
}

void HallSchedule::step(playback::SteadyTime steady_now, const std::vector<ZonePlayer*>& players) {
    const scheduler::Instant now = wall_now();
    std::optional<scheduler::Programme> edited = std::exchange(m_edited, std::nullopt);
    if (!edited) {
        edited = m_watcher.take_new_programme();  // (before the inbox is set)
    }
    if (edited) {
        m_programme = std::move(*edited);
        spdlog::info("programme version {} loaded", m_programme.version);
        for (std::size_t index = 0; index < m_directors.size(); ++index) {
            m_directors[index]->adopt(m_programme, now, steady_now, *players.at(index));
        }
    }
    for (std::size_t index = 0; index < m_directors.size(); ++index) {
        m_directors[index]->step(now, steady_now, *players.at(index));
    }
}

playback::SteadyTime HallSchedule::next_wake(playback::SteadyTime steady_now) const {
    const scheduler::Instant now = wall_now();
    playback::SteadyTime wake = playback::SteadyTime::max();
    for (const auto& director : m_directors) {
        wake = std::min(wake, director->next_wake(now, steady_now));
    }
    return wake;
}

}  // namespace kiosk::app

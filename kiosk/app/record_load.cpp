#include "record_load.h"

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace kiosk::app {

RecordLoad::RecordLoad(records::RecordWriter& writer, double records_per_second, std::string zone)
    : m_writer(writer),
      m_rate(records_per_second),
      m_zone(std::move(zone)),
      m_thread([this](std::stop_token stop) { run(stop); }) {}

void RecordLoad::run(std::stop_token stop) {
    using Clock = std::chrono::steady_clock;
    const auto interval =
        std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / m_rate));
    std::mutex mutex;
    std::condition_variable_any stopped;
    // On a fixed grid, so a slow hand-over never lowers the rate.
    auto next = Clock::now();
    while (!stop.stop_requested()) {
        records::BoardView view;
        view.zone = m_zone;
        view.board = "record-load";
        view.opened =
            std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
        view.dwell = std::chrono::milliseconds(1000);
        m_writer.record(std::move(view));
        next += interval;
        std::unique_lock lock(mutex);
        stopped.wait_until(lock, stop, next, [] { return false; });
    }
}

}  // namespace kiosk::app

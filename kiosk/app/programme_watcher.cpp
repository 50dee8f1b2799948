#include "programme_watcher.h"

#include <spdlog/spdlog.h>

#include "scheduler/schedule_store.h"

namespace kiosk::app {
namespace {

// How often the store's version is read: edits show on screen within this
// plus the time to the next item boundary.
constexpr auto kPollInterval = std::chrono::seconds(1);

}  // namespace

ProgrammeWatcher::ProgrammeWatcher(std::filesystem::path database_file)
    : m_database_file(std::move(database_file)), m_thread([this](std::stop_token stop) { run(stop); }) {}

std::optional<scheduler::Programme> ProgrammeWatcher::take_new_programme() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_latest, std::nullopt);
}

bool ProgrammeWatcher::wait_for_first(std::chrono::milliseconds timeout) {
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [this] { return m_loaded_once; });
}

void ProgrammeWatcher::deliver_to(std::function<void(scheduler::Programme)> sink) {
    std::lock_guard lock(m_mutex);
    m_sink = std::move(sink);
    if (m_latest) {
        m_sink(*std::exchange(m_latest, std::nullopt));
    }
}

void ProgrammeWatcher::run(std::stop_token stop) {
    std::unique_ptr<scheduler::ScheduleStore> store;
    std::optional<std::int64_t> seen_version;
    std::unique_lock lock(m_mutex);
    while (!stop.stop_requested()) {
        lock.unlock();
        if (!store) {
            auto opened = scheduler::open_schedule_store(m_database_file);
            if (opened) {
                store = std::move(*opened);
            } else {
                spdlog::error("schedule database {}: {}", m_database_file.string(), opened.error().message);
            }
        }
        std::optional<scheduler::Programme> loaded;
        if (store) {
            auto version = store->programme_version();
            if (version && *version != seen_version) {
                auto programme = store->load_programme();
                if (programme) {
                    seen_version = *version;
                    loaded = std::move(*programme);
                } else {
                    spdlog::error("cannot load the programme: {}", programme.error().message);
                }
            } else if (!version) {
                spdlog::error("cannot read the programme version: {}", version.error().message);
            }
        }
        lock.lock();
        if (loaded && m_sink) {
            m_sink(std::move(*loaded));
        } else if (loaded) {
            m_latest = std::move(loaded);
        }
        if (!m_loaded_once) {
            m_loaded_once = true;
            m_changed.notify_all();
        }
        m_changed.wait_for(lock, stop, kPollInterval, [] { return false; });
    }
}

}  // namespace kiosk::app

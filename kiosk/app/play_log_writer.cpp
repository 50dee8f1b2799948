#include "play_log_writer.h"

#include <map>
#include <string>
#include <utility>

#include <spdlog/spdlog.h>

#include "scheduler/schedule_store.h"

namespace kiosk::app {
namespace {

// Events waiting for the disk: hours of plays on four screens.
constexpr std::size_t kQueueDepth = 4096;

}  // namespace

PlayLogWriter::PlayLogWriter(std::filesystem::path database_file)
    : m_database_file(std::move(database_file)), m_events(kQueueDepth), m_thread([this] { run(); }) {}

PlayLogWriter::~PlayLogWriter() {
    m_events.push(std::nullopt);  // the writer drains what came before it, then stops (m_thread joins it)
}

void PlayLogWriter::record(scheduler::PlayEvent event) {
    if (m_events.size() >= kQueueDepth) {
        spdlog::error("proof of play: the disk is not keeping up; an event was dropped");
        return;
    }
    m_events.push(std::move(event));
}

void PlayLogWriter::run() {
    auto store = scheduler::open_schedule_store(m_database_file);
    if (!store) {
        spdlog::error("proof of play is not recorded: {}", store.error().message);
    }
    // The start event of the item now playing in each zone, for its end.
    std::map<std::string, std::int64_t> open_starts;
    while (auto next = m_events.pop()) {
        if (!*next) {
            return;
        }
        scheduler::PlayEvent* event = &**next;
        if (!store) {
            continue;
        }
        if (event->kind == scheduler::PlayEventKind::end) {
            if (auto start = open_starts.find(event->zone); start != open_starts.end()) {
                event->start_event = start->second;
                open_starts.erase(start);
            }
        }
        auto id = (*store)->record_play(*event);
        if (!id) {
            spdlog::error("proof of play: {}", id.error().message);
        } else if (event->kind == scheduler::PlayEventKind::start) {
            open_starts[event->zone] = *id;
        }
    }
}

}  // namespace kiosk::app

#include "item_preparer.h"

#include <chrono>

namespace kiosk::playback {
namespace {

// From request to first decoded picture. Past this the item is skipped, so a
// bad file costs the screen less than a second.
constexpr std::chrono::milliseconds kPrepareDeadline{900};
// Requests and results in flight: the player asks for one item at a time,
// plus one per programme change that overtakes an unfinished request.
constexpr std::size_t kQueueDepth = 16;

}  // namespace

ItemPreparer::ItemPreparer(SourceOptions options)
    : m_options(std::move(options)),
      m_requests(kQueueDepth),
      m_ready(kQueueDepth),
      m_thread([this] { run(); }) {}

ItemPreparer::~ItemPreparer() {
    m_requests.abort();
    m_ready.abort();
    m_thread.join();
}

void ItemPreparer::request(std::uint64_t generation, std::size_t index, std::filesystem::path path,
                           std::optional<double> still_seconds) {
    m_requests.push(Request{generation, index, std::move(path), still_seconds});
}

void ItemPreparer::run() {
    while (auto request = m_requests.pop()) {
        const SteadyTime deadline = std::chrono::steady_clock::now() + kPrepareDeadline;
        SourceOptions options = m_options;
        if (request->still_seconds) {
            options.still_seconds = *request->still_seconds;
        }
        PreparedItem prepared;
        prepared.generation = request->generation;
        prepared.index = request->index;
        auto source = MediaSource::open(request->path, options);
        if (!source) {
            prepared.error = source.error();
        } else if (auto first = (*source)->wait_for_first_frame(deadline); !first) {
            prepared.error = first.error();
        } else {
            prepared.source = std::move(*source);
        }
        if (!m_ready.push(std::move(prepared))) {
            return;
        }
    }
}

}  // namespace kiosk::playback

#include "item_preparer.h"

#include <chrono>

#include "ffmpeg_media_source.h"

namespace kiosk::playback {
namespace {

// From request to first decoded picture. Past this the item is skipped, so a
// bad file costs the screen less than a second.
constexpr std::chrono::milliseconds kPrepareDeadline{900};
// Requests and results in flight: the player asks for one item at a time,
// plus one per programme change that overtakes an unfinished request.
constexpr std::size_t kQueueDepth = 16;

}  // namespace

ItemPreparer::ItemPreparer(SourceOptions options, MediaOpener opener, const Clock& clock)
    : m_options(std::move(options)),
      m_opener(opener ? std::move(opener) : MediaOpener(&FfmpegMediaSource::open)),
      m_clock(clock),
      m_requests(kQueueDepth),
      m_ready(kQueueDepth),
      m_thread([this](std::stop_token stop) { run(std::move(stop)); }) {}

ItemPreparer::~ItemPreparer() {
    m_thread.request_stop();
    m_requests.abort();
    m_ready.abort();
}

void ItemPreparer::request(ItemRequest request) {
    ++m_unanswered;
    if (!m_requests.push(std::move(request))) {
        --m_unanswered;
    }
}

void ItemPreparer::run(std::stop_token stop) {
    while (auto request = m_requests.pop()) {
        if (stop.stop_requested()) {
            return;
        }
        const SteadyTime deadline = m_clock.now() + kPrepareDeadline;
        SourceOptions options = m_options;
        if (request->still_seconds) {
            options.still_seconds = *request->still_seconds;
        }
        options.start_seconds = request->start_seconds;
        PreparedItem prepared;
        prepared.generation = request->generation;
        prepared.index = request->index;
        prepared.start_seconds = request->start_seconds;
        auto source = m_opener(request->path, options);
        if (!source) {
            prepared.error = source.error();
        } else if (auto first = (*source)->wait_for_first_frame(deadline, m_clock); !first) {
            prepared.error = first.error();
        } else {
            prepared.source = std::move(*source);
        }
        const bool delivered = m_ready.push(std::move(prepared));
        --m_unanswered;
        if (!delivered) {
            return;
        }
    }
}

}  // namespace kiosk::playback

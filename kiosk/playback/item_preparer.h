#pragma once
// Opens playlist items ahead of their turn, on a thread of its own, so the
// main thread never waits on a disk or a probe: the next item is open and its
// first picture decoded while the current one still plays.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

#include "bounded_queue.h"
#include "clock.h"
#include "media_source.h"

namespace kiosk::playback {

struct PreparedItem {
    std::uint64_t generation = 0;  // as requested: lets the player drop answers to old requests
    std::size_t index = 0;
    double start_seconds = 0.0;                // as requested
    std::unique_ptr<MediaSource> source;       // set when the item can play
    std::optional<content::MediaError> error;  // set when it cannot
};

// What an item is asked for with.
struct ItemRequest {
    std::uint64_t generation = 0;
    std::size_t index = 0;
    std::filesystem::path path;
    std::optional<double> still_seconds;  // overrides the default display time of a still picture
    double start_seconds = 0.0;           // item seconds to begin at (a resumed item)
};

class ItemPreparer {
  public:
    // Items are opened by `opener` (FfmpegMediaSource::open when empty);
    // each has until kPrepareDeadline on `clock` to show its first picture.
    ItemPreparer(SourceOptions options, MediaOpener opener, const Clock& clock);
    explicit ItemPreparer(SourceOptions options) : ItemPreparer(std::move(options), {}, real_clock()) {}
    ~ItemPreparer();
    ItemPreparer(const ItemPreparer&) = delete;
    ItemPreparer& operator=(const ItemPreparer&) = delete;

    // Queues an item for opening. Main thread.
    void request(ItemRequest request);

    // A finished preparation, if one is waiting. Never blocks. Main thread.
    std::optional<PreparedItem> take_ready() { return m_ready.try_pop(); }
    // `listener` runs once, on the preparer's thread, when the next
    // preparation is finished; false when one is waiting already.
    bool call_when_ready(std::function<void()> listener) {
        return m_ready.call_on_next_push(std::move(listener));
    }

    // Requests not yet answered in take_ready()'s queue. Any thread.
    bool busy() const { return m_unanswered.load() > 0; }

  private:
    void run(std::stop_token stop);

    SourceOptions m_options;
    MediaOpener m_opener;
    const Clock& m_clock;
    BoundedQueue<ItemRequest> m_requests;
    BoundedQueue<PreparedItem> m_ready;
    std::atomic<int> m_unanswered{0};
    std::jthread m_thread;  // last: joined before the queues go
};

}  // namespace kiosk::playback

#pragma once
// Opens playlist items ahead of their turn, on a thread of its own, so the
// main thread never waits on a disk or a probe: the next item is open and its
// first picture decoded while the current one still plays.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <thread>

#include "bounded_queue.h"
#include "media_source.h"

namespace kiosk::playback {

struct PreparedItem {
    std::uint64_t generation = 0;  // as requested: lets the player drop answers to old requests
    std::size_t index = 0;
    std::unique_ptr<MediaSource> source;       // set when the item can play
    std::optional<content::MediaError> error;  // set when it cannot
};

class ItemPreparer {
  public:
    explicit ItemPreparer(SourceOptions options);
    ~ItemPreparer();
    ItemPreparer(const ItemPreparer&) = delete;
    ItemPreparer& operator=(const ItemPreparer&) = delete;

    // Queues item `index` for opening; `still_seconds` overrides the default
    // display time of a still picture.
    void request(std::uint64_t generation, std::size_t index, std::filesystem::path path,
                 std::optional<double> still_seconds);

    // A finished preparation, if one is waiting. Never blocks.
    std::optional<PreparedItem> take_ready() { return m_ready.try_pop(); }

  private:
    struct Request {
        std::uint64_t generation;
        std::size_t index;
        std::filesystem::path path;
        std::optional<double> still_seconds;
    };
    void run();

    SourceOptions m_options;
    BoundedQueue<Request> m_requests;
    BoundedQueue<PreparedItem> m_ready;
    std::thread m_thread;
};

}  // namespace kiosk::playback

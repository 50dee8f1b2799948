#pragma once
// The records writer's state: what the screens hand over and the writer
// thread's own bookkeeping. Private to record_writer.cpp.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <variant>

#include "records/record_writer.h"

namespace kiosk::records {
namespace writer_detail {

using SteadyTime = std::chrono::steady_clock::time_point;

struct Submit {
    NewConsultation consultation;
    CommitCallback done;
};
struct RateTask {
    ConsultationId id;
    Rating rating;
    std::string reason;
    Instant at;
    RatedCallback done;
};
using HeldRecord = std::variant<VisitSession, BoardView>;
using Task = std::variant<Submit, RateTask, VisitSession, BoardView>;
// A task handed over, and since when another program has kept it from the database.
struct Pending {
    Task task;
    std::optional<SteadyTime> busy_since;
};

}  // namespace writer_detail

struct RecordWriter::State {
    using SteadyTime = writer_detail::SteadyTime;
    using Task = writer_detail::Task;
    using Pending = writer_detail::Pending;
    using HeldRecord = writer_detail::HeldRecord;

    explicit State(Options given) : options(std::move(given)) {}

    Options options;

    // Shared with the screens' threads.
    std::mutex mutex;
    std::condition_variable wake;
    std::deque<Task> queue;
    bool stopping = false;
    std::function<void(const Consultation&)> on_closed;
    Instant watch_since{};
    bool watch_changed = false;  // wakes the writer to start polling at once
    std::atomic<bool> available{true};
    std::atomic<std::int64_t> written{0};
    std::atomic<std::int64_t> waiting{0};

    // The writer thread's own.
    std::unique_ptr<RecordsStore> store;
    bool first_open = true;  // only the start checks the file and sets a damaged one aside
    std::deque<Pending> pending;
    std::deque<HeldRecord> held;
    bool stop_seen = false;  // the destructor asked to stop: finish the queue, then end
    bool giving_up = false;  // stopping, and the disk refuses: no more tries
    SteadyTime next_retry{};
    std::chrono::milliseconds retry_interval{};
    SteadyTime next_busy_try{};  // of the first pending task, or of the held records
    SteadyTime next_poll{};
    SteadyTime next_purge{};
    Instant closed_after{};
    std::set<ConsultationId> reported_closed;

    // From the screens' threads.
    void hand_over(Task task);
    void run();
    std::optional<RecordError> open_store();
    void work_pending();
    bool handle(Pending& pending);
    bool keep_trying(Pending& pending, const RecordError& error);
    template <typename Done, typename Write>
    bool answer(Pending& task, Done& done, Write&& write_it);
    bool take(HeldRecord& record, Pending& pending);
    tl::expected<void, RecordError> write(const HeldRecord& record);
    void note_failure(const RecordError& error);
    void hold(HeldRecord record);
    void flush_held(std::size_t most, std::optional<SteadyTime> deadline);
    void retry();
    void poll_closed(const std::function<void(const Consultation&)>& closed);
    void purge();
    SteadyTime next_wake(bool watching) const;
    void set_available(bool now_available, const std::string& why);
};

}  // namespace kiosk::records

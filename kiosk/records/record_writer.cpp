// The writer thread as one loop of steps: take what the screens handed over,
// write it, then whatever is due (records held back by a full or read-only
// disk tried again, the desk's closed consultations looked up, old call-back
// numbers deleted), and sleep until the next of those or the next hand-over.
// While another program holds the database (kioskctl importing the desk's
// log), what was handed over waits, in order, and is tried again shortly:
// the screens go on taking requests.

#include "records/record_writer.h"

#include <spdlog/spdlog.h>

#include "records/record_writer_state.h"

#include "scheduler/calendar.h"

namespace kiosk::records {

// (The writer's tasks, named plainly in its own file.)
using namespace writer_detail;

namespace {

// Sessions and board views kept in memory while the disk refuses them:
// a day of a busy hall's touches; past it the oldest are dropped.
constexpr std::size_t kMaxHeldBack = 10000;
// Held-back records written per step once the disk takes them again, so a
// visitor's request waits behind at most this many syncs.
constexpr std::size_t kFlushPerStep = 200;
// While another program holds the database, a record is tried again this
// often, for this long in all, before its visitor is sent to the desk.
constexpr std::chrono::milliseconds kBusyRetryEvery{200};
constexpr std::chrono::seconds kBusyPatience{30};
// Tries to reopen a database that refuses writes come ever further apart,
// up to this, so a disk full for hours is not read over and over.
constexpr std::chrono::milliseconds kLongestRetry{30000};
// How long the writer may spend, when stopping, on records held back.
constexpr std::chrono::milliseconds kStopFlushBudget{500};
// How often call-back numbers past their retention are deleted.
constexpr std::chrono::hours kPurgeEvery{24};
// Closings are looked up this far before the latest seen, in case another
// program's clock wrote one a little earlier.
constexpr std::chrono::seconds kClosedOverlap{60};

Instant system_now() {
    return std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
}

bool wants_disk(const RecordError& error) {
    return error.kind == RecordErrorKind::unavailable || error.kind == RecordErrorKind::corrupt;
}

}  // namespace

void RecordWriter::State::set_available(bool now_available, const std::string& why) {
    if (available.exchange(now_available) != now_available) {
        if (now_available) {
            spdlog::info("records: the database takes records again");
        } else {
            spdlog::error("records: cannot write ({}); visitors are sent to the desk until it can", why);
        }
    }
}

// The error when no store could be opened.
std::optional<RecordError> RecordWriter::State::open_store() {
    const date::time_zone* tz = options.time_zone;
    if (!tz) {
        auto fallback = scheduler::locate_time_zone(scheduler::kDefaultTimeZone);
        if (!fallback) {
            set_available(false, "no time zone");
            return RecordError{RecordErrorKind::unavailable, "no time zone"};
        }
        tz = *fallback;
        options.time_zone = tz;
    }
    store.reset();
    // Reopening after a failed write must not read the whole file each time,
    // nor move it from under kioskctl: that is for the start alone.
    RecordsStoreOptions store_options = options.store;
    if (!first_open) {
        store_options.check_integrity = false;
        store_options.move_aside_damaged = false;
    }
    auto opened = open_records_store(options.database_file, options.categories, *tz, store_options);
    first_open = first_open && !opened && opened.error().kind == RecordErrorKind::busy;
    if (!opened) {
        if (opened.error().kind != RecordErrorKind::busy) {
            set_available(false, opened.error().message);
        }
        return opened.error();
    }
    store = std::move(*opened);
    return std::nullopt;
}

void RecordWriter::State::hold(HeldRecord record) {
    if (held.size() >= kMaxHeldBack) {
        if (held.size() == kMaxHeldBack) {
            spdlog::warn("records: {} sessions and board views wait for the disk; dropping the oldest",
                         kMaxHeldBack);
        }
        held.pop_front();
    }
    held.push_back(std::move(record));
    waiting = static_cast<std::int64_t>(held.size());
}

tl::expected<void, RecordError> RecordWriter::State::write(const HeldRecord& record) {
    if (const auto* visit = std::get_if<VisitSession>(&record)) {
        return store->add_visit(*visit);
    }
    return store->add_board_view(std::get<BoardView>(record));
}

void RecordWriter::State::note_failure(const RecordError& error) {
    if (wants_disk(error)) {
        set_available(false, error.message);
    }
    if (wants_disk(error) || error.kind == RecordErrorKind::busy) {
        giving_up = stop_seen;  // stopping: no more waits on the disk or on another program
    }
}

// Whether a task another program kept from the database is tried again
// (it stays pending, its visitor waiting) rather than answered with `error`.
bool RecordWriter::State::keep_trying(Pending& task, const RecordError& error) {
    if (error.kind != RecordErrorKind::busy || stop_seen) {
        return false;
    }
    const auto now = std::chrono::steady_clock::now();
    if (!task.busy_since) {
        task.busy_since = now;
    }
    return now - *task.busy_since < kBusyPatience;
}

// A new session or board view: written now, or held back behind those
// already waiting for the disk. False while another program holds the
// database: it is tried again.
bool RecordWriter::State::take(HeldRecord& record, Pending& task) {
    if (giving_up) {
        return true;
    }
    if (!held.empty() || !store || !available) {
        hold(std::move(record));
        return true;
    }
    if (auto written_now = write(record)) {
        ++written;
        retry_interval = options.retry_every;
    } else if (keep_trying(task, written_now.error())) {
        return false;
    } else if (wants_disk(written_now.error())) {
        note_failure(written_now.error());
        hold(std::move(record));
    } else {
        note_failure(written_now.error());
        spdlog::warn("records: not recorded: {}", written_now.error().message);
    }
    return true;
}

// A visitor's request or rating: written, and its visitor told how it went;
// false, untold, while another program holds the database.
template <typename Done, typename Write>
bool RecordWriter::State::answer(Pending& task, Done& done, Write&& write_it) {
    decltype(write_it()) result = tl::unexpected(
        RecordError{RecordErrorKind::unavailable, "the records database cannot be written now"});
    if (store && !giving_up) {
        result = write_it();
        if (result) {
            ++written;
            retry_interval = options.retry_every;
            set_available(true, "");
        } else if (keep_trying(task, result.error())) {
            return false;
        } else {
            note_failure(result.error());
        }
    }
    // Not kept for later: the visitor was told to see the desk.
    if (done) {
        done(std::move(result));
    }
    return true;
}

// False while another program holds the database and the task is to be tried again.
bool RecordWriter::State::handle(Pending& task) {
    // A visitor waits for these; sessions and board views are held back meanwhile.
    const bool answered =
        std::holds_alternative<Submit>(task.task) || std::holds_alternative<RateTask>(task.task);
    if (answered && !store && !stop_seen) {
        if (auto failed = open_store(); failed && keep_trying(task, *failed)) {
            return false;
        }
    }
    if (auto* submit = std::get_if<Submit>(&task.task)) {
        return answer(task, submit->done, [&] { return store->add(submit->consultation); });
    } else if (auto* rate = std::get_if<RateTask>(&task.task)) {
        return answer(task, rate->done,
                      [&] { return store->rate(rate->id, rate->rating, rate->reason, rate->at); });
    } else if (auto* visit = std::get_if<VisitSession>(&task.task)) {
        HeldRecord record = *visit;
        return take(record, task);
    } else if (auto* view = std::get_if<BoardView>(&task.task)) {
        HeldRecord record = *view;
        return take(record, task);
    }
    return true;
}

// The tasks handed over, in order; the first one another program keeps from
// the database holds back those behind it until its next try.
void RecordWriter::State::work_pending() {
    if (!pending.empty() && pending.front().busy_since && !stop_seen &&
        std::chrono::steady_clock::now() < next_busy_try) {
        return;
    }
    while (!pending.empty()) {
        if (!handle(pending.front())) {
            next_busy_try = std::chrono::steady_clock::now() + kBusyRetryEvery;
            return;
        }
        pending.pop_front();
    }
}

void RecordWriter::State::flush_held(std::size_t most, std::optional<SteadyTime> deadline) {
    for (std::size_t n = 0; n < most && !held.empty() && store && !giving_up; ++n) {
        if (deadline && std::chrono::steady_clock::now() >= *deadline) {
            break;
        }
        auto written_now = write(held.front());
        if (!written_now && written_now.error().kind == RecordErrorKind::busy) {
            next_busy_try = std::chrono::steady_clock::now() + kBusyRetryEvery;
            note_failure(written_now.error());
            break;  // another program writes: kept, in order, for a moment
        }
        if (!written_now && wants_disk(written_now.error())) {
            note_failure(written_now.error());
            break;  // kept, in order, for the next try
        }
        if (written_now) {
            ++written;
        } else {
            spdlog::warn("records: not recorded: {}", written_now.error().message);
        }
        held.pop_front();
        waiting = static_cast<std::int64_t>(held.size());
    }
}

void RecordWriter::State::retry() {
    next_retry = std::chrono::steady_clock::now() + retry_interval;
    retry_interval = std::min(retry_interval * 2, std::max(kLongestRetry, options.retry_every));
    tl::expected<void, RecordError> probed = tl::unexpected(RecordError{RecordErrorKind::unavailable, ""});
    if (store) {
        probed = store->probe_writable();
    }
    if (!probed && probed.error().kind == RecordErrorKind::busy) {
        return;  // another program writes: nothing known of the disk yet
    }
    if (!probed) {
        // A fresh connection: one opened read-only, or on a file since
        // replaced, would refuse writes for ever.
        open_store();
        if (!store) {
            return;
        }
        probed = store->probe_writable();
        if (!probed) {
            if (probed.error().kind != RecordErrorKind::busy) {
                set_available(false, probed.error().message);
            }
            return;
        }
    }
    retry_interval = options.retry_every;
    set_available(true, "");
}

void RecordWriter::State::poll_closed(const std::function<void(const Consultation&)>& closed) {
    next_poll = std::chrono::steady_clock::now() + options.retry_every;
    if (!store) {
        return;
    }
    auto found = store->closed_unrated_since(closed_after);
    if (!found) {
        return;
    }
    Instant latest = closed_after;
    for (const Consultation& consultation : *found) {
        if (consultation.closed_at) {
            latest = std::max(latest, *consultation.closed_at);
        }
        if (reported_closed.insert(consultation.id).second) {
            closed(consultation);
        }
    }
    // Look back a little from the latest closing; ids already told are
    // remembered, so none is told twice.
    closed_after = std::max(closed_after, latest - kClosedOverlap);
}

void RecordWriter::State::purge() {
    next_purge = std::chrono::steady_clock::now() + kPurgeEvery;
    if (!store) {
        next_purge = std::chrono::steady_clock::now() + options.retry_every;
        return;
    }
    if (auto purged = store->purge_callbacks(system_now(), options.callback_retention)) {
        if (*purged > 0) {
            spdlog::info("records: deleted {} call-back numbers past their {} days", *purged,
                         options.callback_retention.count());
        }
    } else {
        next_purge = std::chrono::steady_clock::now() + options.retry_every;
    }
}

SteadyTime RecordWriter::State::next_wake(bool watching) const {
    SteadyTime wake_at = next_purge;
    if (!available || !store) {
        wake_at = std::min(wake_at, next_retry);
    } else if (!held.empty()) {
        wake_at = std::min(wake_at, next_busy_try);  // the disk takes them again: go on writing them
    }
    if (!pending.empty()) {
        wake_at = std::min(wake_at, next_busy_try);
    }
    if (watching) {
        wake_at = std::min(wake_at, next_poll);
    }
    return wake_at;
}

void RecordWriter::State::run() {
    open_store();
    const auto start = std::chrono::steady_clock::now();
    retry_interval = options.retry_every;
    next_retry = start + options.retry_every;
    purge();
    for (;;) {
        std::deque<Task> batch;
        bool stop = false;
        std::function<void(const Consultation&)> closed;
        {
            std::unique_lock lock(mutex);
            wake.wait_until(lock, next_wake(static_cast<bool>(on_closed)),
                            [&] { return stopping || !queue.empty() || watch_changed; });
            batch.swap(queue);
            stop = stopping;
            stop_seen = stop;
            closed = on_closed;
            watch_changed = false;
            if (closed && closed_after == Instant{}) {
                closed_after = watch_since;
            }
        }
        for (Task& task : batch) {
            pending.push_back(Pending{std::move(task), std::nullopt});
        }
        work_pending();
        if (stop) {
            std::lock_guard lock(mutex);
            if (!queue.empty() || !pending.empty()) {
                continue;  // handed over while stopping: finish it too
            }
            break;
        }
        const auto now = std::chrono::steady_clock::now();
        if (now >= next_retry && (!available || !store)) {
            retry();
        }
        if (available && store && !held.empty() && now >= next_busy_try) {
            flush_held(kFlushPerStep, std::nullopt);
        }
        if (closed && now >= next_poll) {
            poll_closed(closed);
        }
        if (now >= next_purge) {
            purge();
        }
    }
    if (!giving_up && available && store) {
        flush_held(kMaxHeldBack, std::chrono::steady_clock::now() + kStopFlushBudget);
    }
    if (!held.empty()) {
        spdlog::warn("records: stopping with {} sessions and board views not written", held.size());
    }
}

RecordWriter::RecordWriter(Options options)
    : m_state(std::make_unique<State>(std::move(options))),
      m_thread([state = m_state.get()] { state->run(); }) {}

RecordWriter::~RecordWriter() {
    {
        std::lock_guard lock(m_state->mutex);
        m_state->stopping = true;
    }
    m_state->wake.notify_all();
    m_thread.join();
}

void RecordWriter::State::hand_over(Task task) {
    {
        std::lock_guard lock(mutex);
        queue.push_back(std::move(task));
    }
    wake.notify_one();
}

void RecordWriter::submit(NewConsultation consultation, CommitCallback done) {
    m_state->hand_over(Submit{std::move(consultation), std::move(done)});
}

void RecordWriter::rate(ConsultationId id, Rating rating, std::string reason, Instant at,
                        RatedCallback done) {
    m_state->hand_over(RateTask{id, rating, std::move(reason), at, std::move(done)});
}

void RecordWriter::record(VisitSession visit) {
    m_state->hand_over(std::move(visit));
}

void RecordWriter::record(BoardView view) {
    m_state->hand_over(std::move(view));
}

void RecordWriter::watch_closed(std::function<void(const Consultation&)> closed) {
    {
        std::lock_guard lock(m_state->mutex);
        m_state->on_closed = std::move(closed);
        m_state->watch_since = system_now();
        m_state->watch_changed = true;
    }
    m_state->wake.notify_one();
}

bool RecordWriter::available() const {
    return m_state->available;
}

std::int64_t RecordWriter::written() const {
    return m_state->written;
}

std::int64_t RecordWriter::waiting() const {
    return m_state->waiting;
}

}  // namespace kiosk::records

// The crash harness's child: logs consultations through the kiosk's records
// writer as fast as it commits them, on the power-cut VFS, and prints each
// committed id on its own line once the writer has reported it committed,
// as the kiosk shows the visitor a queue number only then. The harness
// kills it with SIGKILL at a random moment and checks the ids afterwards.
//
//   records_crash_child DIR RUN [--negative]
//
// Each record's note is "crash run RUN", so the harness can tell a record of
// this run from one that took its id after a loss. --negative is the
// harness's control: synchronous=OFF and every fsync a no-op, so committed
// records are lost.

#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <mutex>
#include <string>
#include <string_view>

#include <date/tz.h>

#include "power_cut_vfs.h"
#include "records/categories.h"
#include "records/record_writer.h"
#include "records/records_store.h"

namespace {

constexpr const char* kVfsName = "power-cut";
// Requests handed to the writer and not yet reported: enough that it always
// has the next one, few enough that the queue does not grow without bound.
constexpr int kInFlight = 8;
// Every so many requests carries a call-back, so a commit spans two tables.
constexpr std::int64_t kCallbackEvery = 5;

void write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n < 0 && errno == EINTR) {
            continue;
        }
        if (n <= 0) {
            std::_Exit(4);  // the harness has gone: nothing to report to
        }
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

// Bounds the requests in flight; released on the writer's thread.
class InFlight {
  public:
    void acquire() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [&] { return m_count < kInFlight; });
        ++m_count;
    }
    void release() {
        {
            const std::lock_guard lock(m_mutex);
            --m_count;
        }
        m_changed.notify_one();
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_count = 0;
};

kiosk::records::NewConsultation request(std::int64_t n, const std::string& note) {
    const auto& categories = kiosk::records::default_categories();
    kiosk::records::NewConsultation consultation;
    consultation.at =
        std::chrono::time_point_cast<std::chrono::milliseconds>(std::chrono::system_clock::now());
    consultation.category = categories[static_cast<std::size_t>(n) % categories.size()].id;
    consultation.zone = "hall";
    consultation.channel = kiosk::records::Channel::kiosk;
    consultation.note = note;
    if (n % kCallbackEvery == 0) {
        consultation.callback = kiosk::records::CallbackRequest{"13812345678", consultation.at};
    }
    return consultation;
}

[[noreturn]] void log_forever(const std::filesystem::path& dir, const std::string& run, bool negative) {
    kiosk::records::RecordWriter::Options options;
    options.database_file = kiosk::records::records_file(dir);
    options.time_zone = date::locate_zone("Asia/Shanghai");
    options.store.vfs = kVfsName;
    options.store.synchronous_off = negative;
    InFlight in_flight;  // outlives the writer, whose thread releases it
    kiosk::records::RecordWriter writer(std::move(options));
    const std::string note = "crash run " + run;
    for (std::int64_t n = 0;; ++n) {
        in_flight.acquire();
        writer.submit(
            request(n, note),
            [&in_flight](tl::expected<kiosk::records::Committed, kiosk::records::RecordError> done) {
                if (!done) {
                    write_all(STDERR_FILENO, std::string("records_crash_child: ") +
                                                 kiosk::records::to_string(done.error().kind) + ": " +
                                                 done.error().message + "\n");
                    std::_Exit(3);
                }
                write_all(STDOUT_FILENO, std::to_string(done->id) + "\n");
                in_flight.release();
            });
    }
}

}  // namespace

int main(int argc, char** argv) {
    const bool negative = argc == 4 && std::string_view(argv[3]) == "--negative";
    if (argc != 3 && !negative) {
        std::fprintf(stderr, "usage: %s DIR RUN [--negative]\n", argv[0]);
        return 2;
    }
    const auto sync = negative ? kiosk::test::PowerCutSync::does_nothing : kiosk::test::PowerCutSync::flushes;
    // Synced, the page cache also writes back on its own: a cut leaves some
    // unsynced data on disk, which must not cost a committed record either.
    // (Unsynced, that data makes a database a cut can corrupt outright; the
    // negative control only needs to show records lost, so it writes nothing back.)
    const auto write_back =
        negative ? kiosk::test::PowerCutWriteBack::none : kiosk::test::PowerCutWriteBack::early;
    if (auto registered = kiosk::test::register_power_cut_vfs(kVfsName, sync, write_back); !registered) {
        std::fprintf(stderr, "records_crash_child: %s\n", registered.error().c_str());
        return 2;
    }
    try {
        log_forever(argv[1], argv[2], negative);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "records_crash_child: %s\n", error.what());
        return 3;
    }
}

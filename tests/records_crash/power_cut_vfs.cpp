#include "power_cut_vfs.h"

#include <sqlite3.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <random>
#include <type_traits>

namespace kiosk::test {
namespace {

using Offset = sqlite3_int64;

// Writes at a sync go to the real file in pieces no larger than this.
constexpr Offset kLargestWrite = 1 << 20;

// One file's page cache: the writes since its last sync, and its size as the
// process sees it. The real file holds valid data only below `on_disk`;
// above it a truncation since the sync has made it stale.
class HeldFile {
  public:
    explicit HeldFile(Offset size) : m_size(size), m_on_disk(size) {}

    std::mutex& mutex() { return m_mutex; }
    Offset size() const { return m_size; }

    void write(const void* data, int amount, Offset offset) {
        const Offset end = offset + amount;
        // Extend the extent that holds or ends at `offset`, or start one: a
        // WAL's appends then grow one buffer instead of copying it each time.
        auto it = m_extents.upper_bound(offset);
        if (it != m_extents.begin() && extent_end(*std::prev(it)) >= offset) {
            --it;
        } else {
            it = m_extents.emplace_hint(it, offset, std::string{});
        }
        std::string& bytes = it->second;
        const Offset start = it->first;
        if (extent_end(*it) < end) {
            bytes.resize(static_cast<std::size_t>(end - start));
        }
        std::memcpy(bytes.data() + (offset - start), data, static_cast<std::size_t>(amount));
        // Extents after it that the write reached are absorbed: keep what lies beyond.
        for (auto next = std::next(it); next != m_extents.end() && next->first <= extent_end(*it);) {
            const Offset covered = extent_end(*it) - next->first;
            if (covered < static_cast<Offset>(next->second.size())) {
                bytes.append(next->second, static_cast<std::size_t>(covered));
            }
            next = m_extents.erase(next);
        }
        m_size = std::max(m_size, end);
    }

    void truncate(Offset size) {
        m_extents.erase(m_extents.lower_bound(size), m_extents.end());
        if (!m_extents.empty() && extent_end(*m_extents.rbegin()) > size) {
            auto& last = *m_extents.rbegin();
            last.second.resize(static_cast<std::size_t>(size - last.first));
        }
        m_on_disk = std::min({m_on_disk, m_size, size});
        m_size = size;
    }

    // Reads what the process sees: the real file's valid part, the held writes over it.
    int read(sqlite3_file* real, void* buffer, int amount, Offset offset) const {
        auto* out = static_cast<char*>(buffer);
        std::memset(out, 0, static_cast<std::size_t>(amount));
        const Offset end = offset + amount;
        const Offset from_disk = std::clamp<Offset>(m_on_disk - offset, 0, amount);
        if (from_disk > 0) {
            const int rc = real->pMethods->xRead(real, out, static_cast<int>(from_disk), offset);
            if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) {
                return rc;
            }
        }
        auto it = m_extents.upper_bound(offset);
        if (it != m_extents.begin()) {
            --it;
        }
        for (; it != m_extents.end() && it->first < end; ++it) {
            const Offset from = std::max(offset, it->first);
            const Offset to = std::min(end, extent_end(*it));
            if (from < to) {
                std::memcpy(out + (from - offset), it->second.data() + (from - it->first),
                            static_cast<std::size_t>(to - from));
            }
        }
        return end > m_size ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
    }

    // The page cache writing back on its own: the `pick`th run of held writes
    // goes to the real file unsynced. It stays held, so what the process
    // reads and the next sync are unchanged.
    int write_back_one(sqlite3_file* real, std::uint64_t pick) const {
        if (m_extents.empty()) {
            return SQLITE_OK;
        }
        auto it = m_extents.begin();
        std::advance(it, static_cast<std::ptrdiff_t>(pick % m_extents.size()));
        const auto length = static_cast<Offset>(it->second.size());
        int rc = SQLITE_OK;
        for (Offset done = 0; rc == SQLITE_OK && done < length; done += kLargestWrite) {
            const Offset piece = std::min(kLargestWrite, length - done);
            rc = real->pMethods->xWrite(real, it->second.data() + done, static_cast<int>(piece),
                                        it->first + done);
        }
        return rc;
    }

    // Puts the held writes in the real file and fsyncs it, as the page cache
    // does at an fsync; a process killed half-way leaves some of them there.
    int flush(sqlite3_file* real, int sync_flags) {
        const sqlite3_io_methods* io = real->pMethods;
        Offset real_size = 0;
        int rc = io->xFileSize(real, &real_size);
        if (rc == SQLITE_OK && real_size > m_on_disk) {
            rc = io->xTruncate(real, m_on_disk);
        }
        for (auto it = m_extents.begin(); rc == SQLITE_OK && it != m_extents.end(); ++it) {
            const auto length = static_cast<Offset>(it->second.size());
            for (Offset done = 0; rc == SQLITE_OK && done < length; done += kLargestWrite) {
                const Offset piece = std::min(kLargestWrite, length - done);
                rc = io->xWrite(real, it->second.data() + done, static_cast<int>(piece), it->first + done);
            }
        }
        if (rc == SQLITE_OK) {
            rc = io->xFileSize(real, &real_size);
        }
        if (rc == SQLITE_OK && real_size < m_size) {
            rc = io->xTruncate(real, m_size);  // a file grown by truncation
        }
        if (rc == SQLITE_OK) {
            rc = io->xSync(real, sync_flags);
        }
        if (rc == SQLITE_OK) {
            m_extents.clear();
            m_on_disk = m_size;
        }
        return rc;
    }

  private:
    static Offset extent_end(const std::pair<const Offset, std::string>& extent) {
        return extent.first + static_cast<Offset>(extent.second.size());
    }

    std::mutex m_mutex;
    Offset m_size;
    Offset m_on_disk;
    std::map<Offset, std::string> m_extents;  // by offset; never overlapping
};

// One registered VFS: SQLite keeps a pointer to `vfs` for the life of the process.
struct PowerCutVfs {
    sqlite3_vfs vfs{};
    sqlite3_vfs* real = nullptr;
    PowerCutSync sync = PowerCutSync::flushes;
    PowerCutWriteBack write_back = PowerCutWriteBack::none;
    std::string name;
    // When early write-back happens: seeded per process, so each run of a
    // crash harness's child writes back at other moments.
    std::mutex chance_mutex;
    std::mt19937_64 chance{std::random_device{}()};

    // One write in eight, on average, is followed by a write-back.
    std::optional<std::uint64_t> write_back_now() {
        if (write_back != PowerCutWriteBack::early) {
            return std::nullopt;
        }
        const std::lock_guard lock(chance_mutex);
        const std::uint64_t draw = chance();
        return draw % 8 == 0 ? std::optional(draw / 8) : std::nullopt;
    }
    std::mutex mutex;  // guards `files`
    // Held data by path: it outlives the handles, as the page cache does, until the file is deleted.
    std::map<std::string, std::shared_ptr<HeldFile>> files;
};

// What SQLite allocates for a file (szOsFile bytes): this, then the wrapped VFS's file.
struct PowerCutFile {
    sqlite3_file base;  // first: SQLite knows only this part
    sqlite3_file* real;
    PowerCutVfs* vfs;
    std::shared_ptr<HeldFile> held;  // empty for files passed straight through (temporary files)
};
static_assert(std::is_standard_layout_v<PowerCutFile>,
              "SQLite's sqlite3_file* must convert to PowerCutFile*");

constexpr std::size_t kRealFileOffset = (sizeof(PowerCutFile) + alignof(std::max_align_t) - 1) /
                                        alignof(std::max_align_t) * alignof(std::max_align_t);

PowerCutFile& file_of(sqlite3_file* file) {
    return *reinterpret_cast<PowerCutFile*>(file);
}
PowerCutVfs& vfs_of(sqlite3_vfs* vfs) {
    return *static_cast<PowerCutVfs*>(vfs->pAppData);
}
const sqlite3_io_methods& real_io(sqlite3_file* file) {
    return *file_of(file).real->pMethods;
}

int file_close(sqlite3_file* file) {
    PowerCutFile& self = file_of(file);
    const int rc = self.real->pMethods->xClose(self.real);
    self.~PowerCutFile();
    return rc;
}

int file_read(sqlite3_file* file, void* buffer, int amount, Offset offset) {
    PowerCutFile& self = file_of(file);
    if (!self.held) {
        return real_io(file).xRead(self.real, buffer, amount, offset);
    }
    const std::lock_guard lock(self.held->mutex());
    return self.held->read(self.real, buffer, amount, offset);
}

int file_write(sqlite3_file* file, const void* data, int amount, Offset offset) {
    PowerCutFile& self = file_of(file);
    if (!self.held) {
        return real_io(file).xWrite(self.real, data, amount, offset);
    }
    const auto write_back = self.vfs->write_back_now();
    const std::lock_guard lock(self.held->mutex());
    self.held->write(data, amount, offset);
    if (write_back) {
        return self.held->write_back_one(self.real, *write_back);
    }
    return SQLITE_OK;
}

int file_truncate(sqlite3_file* file, Offset size) {
    PowerCutFile& self = file_of(file);
    if (!self.held) {
        return real_io(file).xTruncate(self.real, size);
    }
    const std::lock_guard lock(self.held->mutex());
    self.held->truncate(size);
    return SQLITE_OK;
}

int file_sync(sqlite3_file* file, int flags) {
    PowerCutFile& self = file_of(file);
    if (!self.held) {
        return real_io(file).xSync(self.real, flags);
    }
    if (self.vfs->sync == PowerCutSync::does_nothing) {
        return SQLITE_OK;
    }
    const std::lock_guard lock(self.held->mutex());
    return self.held->flush(self.real, flags);
}

int file_size(sqlite3_file* file, Offset* size) {
    PowerCutFile& self = file_of(file);
    if (!self.held) {
        return real_io(file).xFileSize(self.real, size);
    }
    const std::lock_guard lock(self.held->mutex());
    *size = self.held->size();
    return SQLITE_OK;
}

int file_lock(sqlite3_file* file, int level) {
    return real_io(file).xLock(file_of(file).real, level);
}
int file_unlock(sqlite3_file* file, int level) {
    return real_io(file).xUnlock(file_of(file).real, level);
}
int file_check_reserved_lock(sqlite3_file* file, int* reserved) {
    return real_io(file).xCheckReservedLock(file_of(file).real, reserved);
}

int file_control(sqlite3_file* file, int op, void* arg) {
    PowerCutFile& self = file_of(file);
    // The wrapped VFS would grow or round the real file itself, behind the held writes.
    if (self.held && (op == SQLITE_FCNTL_SIZE_HINT || op == SQLITE_FCNTL_CHUNK_SIZE)) {
        return SQLITE_OK;
    }
    return real_io(file).xFileControl(self.real, op, arg);
}

int file_sector_size(sqlite3_file* file) {
    return real_io(file).xSectorSize(file_of(file).real);
}
int file_device_characteristics(sqlite3_file* file) {
    return real_io(file).xDeviceCharacteristics(file_of(file).real);
}

// The WAL's shared memory is the wrapped VFS's: a new process rebuilds it from the WAL on disk.
int file_shm_map(sqlite3_file* file, int region, int size, int extend, void volatile** mapped) {
    const sqlite3_io_methods& io = real_io(file);
    return io.iVersion >= 2 ? io.xShmMap(file_of(file).real, region, size, extend, mapped)
                            : SQLITE_IOERR_SHMMAP;
}
int file_shm_lock(sqlite3_file* file, int offset, int count, int flags) {
    const sqlite3_io_methods& io = real_io(file);
    return io.iVersion >= 2 ? io.xShmLock(file_of(file).real, offset, count, flags) : SQLITE_IOERR_SHMLOCK;
}
void file_shm_barrier(sqlite3_file* file) {
    const sqlite3_io_methods& io = real_io(file);
    if (io.iVersion >= 2) {
        io.xShmBarrier(file_of(file).real);
    }
}
int file_shm_unmap(sqlite3_file* file, int delete_it) {
    const sqlite3_io_methods& io = real_io(file);
    return io.iVersion >= 2 ? io.xShmUnmap(file_of(file).real, delete_it) : SQLITE_OK;
}

// Version 2: no xFetch, so SQLite never maps the real file into memory past the held writes.
constexpr sqlite3_io_methods kFileMethods = {
    2,
    file_close,
    file_read,
    file_write,
    file_truncate,
    file_sync,
    file_size,
    file_lock,
    file_unlock,
    file_check_reserved_lock,
    file_control,
    file_sector_size,
    file_device_characteristics,
    file_shm_map,
    file_shm_lock,
    file_shm_barrier,
    file_shm_unmap,
    nullptr,
    nullptr,
};

bool holds_writes(const char* name, int flags) {
    return name != nullptr &&
           (flags & (SQLITE_OPEN_MAIN_DB | SQLITE_OPEN_MAIN_JOURNAL | SQLITE_OPEN_WAL)) != 0;
}

int vfs_open(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    PowerCutVfs& self = vfs_of(vfs);
    auto* real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + kRealFileOffset);
    file->pMethods = nullptr;
    int rc = self.real->xOpen(self.real, name, real, flags, out_flags);
    std::shared_ptr<HeldFile> held;
    if (rc == SQLITE_OK && holds_writes(name, flags)) {
        const std::lock_guard lock(self.mutex);
        auto& entry = self.files[name];
        if (!entry) {
            Offset size = 0;
            rc = real->pMethods->xFileSize(real, &size);
            if (rc == SQLITE_OK) {
                entry = std::make_shared<HeldFile>(size);
            } else {
                self.files.erase(name);
            }
        }
        held = entry;
    }
    if (rc != SQLITE_OK) {
        // SQLite calls xClose after a failed xOpen only if pMethods is set: ours is not.
        if (real->pMethods != nullptr) {
            real->pMethods->xClose(real);
        }
        return rc;
    }
    new (file) PowerCutFile{{&kFileMethods}, real, &self, std::move(held)};
    return SQLITE_OK;
}

int vfs_delete(sqlite3_vfs* vfs, const char* name, int sync_dir) {
    PowerCutVfs& self = vfs_of(vfs);
    {
        const std::lock_guard lock(self.mutex);
        self.files.erase(name);
    }
    return self.real->xDelete(self.real, name, sync_dir);
}

int vfs_access(sqlite3_vfs* vfs, const char* name, int flags, int* result) {
    PowerCutVfs& self = vfs_of(vfs);
    if (flags == SQLITE_ACCESS_EXISTS) {
        std::shared_ptr<HeldFile> held;
        {
            const std::lock_guard lock(self.mutex);
            if (auto it = self.files.find(name); it != self.files.end()) {
                held = it->second;
            }
        }
        if (held) {
            // As the wrapped VFS answers: an empty file is no journal and no WAL.
            const std::lock_guard lock(held->mutex());
            *result = held->size() > 0 ? 1 : 0;
            return SQLITE_OK;
        }
    }
    return self.real->xAccess(self.real, name, flags, result);
}

sqlite3_vfs* real_of(sqlite3_vfs* vfs) {
    return vfs_of(vfs).real;
}

int vfs_full_pathname(sqlite3_vfs* vfs, const char* name, int size, char* out) {
    return real_of(vfs)->xFullPathname(real_of(vfs), name, size, out);
}
void* vfs_dl_open(sqlite3_vfs* vfs, const char* name) {
    return real_of(vfs)->xDlOpen(real_of(vfs), name);
}
void vfs_dl_error(sqlite3_vfs* vfs, int size, char* out) {
    real_of(vfs)->xDlError(real_of(vfs), size, out);
}
void (*vfs_dl_sym(sqlite3_vfs* vfs, void* handle, const char* symbol))(void) {
    return real_of(vfs)->xDlSym(real_of(vfs), handle, symbol);
}
void vfs_dl_close(sqlite3_vfs* vfs, void* handle) {
    real_of(vfs)->xDlClose(real_of(vfs), handle);
}
int vfs_randomness(sqlite3_vfs* vfs, int size, char* out) {
    return real_of(vfs)->xRandomness(real_of(vfs), size, out);
}
int vfs_sleep(sqlite3_vfs* vfs, int microseconds) {
    return real_of(vfs)->xSleep(real_of(vfs), microseconds);
}
int vfs_current_time(sqlite3_vfs* vfs, double* now) {
    return real_of(vfs)->xCurrentTime(real_of(vfs), now);
}
int vfs_get_last_error(sqlite3_vfs* vfs, int size, char* out) {
    return real_of(vfs)->xGetLastError(real_of(vfs), size, out);
}
int vfs_current_time_int64(sqlite3_vfs* vfs, sqlite3_int64* now) {
    return real_of(vfs)->xCurrentTimeInt64(real_of(vfs), now);
}
int vfs_set_system_call(sqlite3_vfs* vfs, const char* name, sqlite3_syscall_ptr call) {
    return real_of(vfs)->xSetSystemCall(real_of(vfs), name, call);
}
sqlite3_syscall_ptr vfs_get_system_call(sqlite3_vfs* vfs, const char* name) {
    return real_of(vfs)->xGetSystemCall(real_of(vfs), name);
}
const char* vfs_next_system_call(sqlite3_vfs* vfs, const char* name) {
    return real_of(vfs)->xNextSystemCall(real_of(vfs), name);
}

}  // namespace

tl::expected<void, std::string> register_power_cut_vfs(const std::string& name, PowerCutSync sync,
                                                       PowerCutWriteBack write_back) {
    static std::mutex registering;
    const std::lock_guard lock(registering);
    if (sqlite3_vfs* existing = sqlite3_vfs_find(name.c_str())) {
        if (existing->xOpen == vfs_open && vfs_of(existing).sync == sync &&
            vfs_of(existing).write_back == write_back) {
            return {};
        }
        return tl::unexpected("an SQLite VFS named \"" + name + "\" is already registered");
    }
    sqlite3_vfs* real = sqlite3_vfs_find(nullptr);
    if (real == nullptr || real->iVersion < 3) {
        return tl::unexpected(std::string("no default SQLite VFS of version 3 to wrap"));
    }
    // Kept for the life of the process, as SQLite keeps the pointer.
    auto* self = new PowerCutVfs;
    self->real = real;
    self->sync = sync;
    self->write_back = write_back;
    self->name = name;
    sqlite3_vfs& vfs = self->vfs;
    vfs.iVersion = 3;
    vfs.szOsFile = static_cast<int>(kRealFileOffset) + real->szOsFile;
    vfs.mxPathname = real->mxPathname;
    vfs.zName = self->name.c_str();
    vfs.pAppData = self;
    vfs.xOpen = vfs_open;
    vfs.xDelete = vfs_delete;
    vfs.xAccess = vfs_access;
    vfs.xFullPathname = vfs_full_pathname;
    vfs.xDlOpen = vfs_dl_open;
    vfs.xDlError = vfs_dl_error;
    vfs.xDlSym = vfs_dl_sym;
    vfs.xDlClose = vfs_dl_close;
    vfs.xRandomness = vfs_randomness;
    vfs.xSleep = vfs_sleep;
    vfs.xCurrentTime = vfs_current_time;
    vfs.xGetLastError = vfs_get_last_error;
    vfs.xCurrentTimeInt64 = vfs_current_time_int64;
    vfs.xSetSystemCall = vfs_set_system_call;
    vfs.xGetSystemCall = vfs_get_system_call;
    vfs.xNextSystemCall = vfs_next_system_call;
    if (const int rc = sqlite3_vfs_register(&vfs, 0); rc != SQLITE_OK) {
        delete self;
        return tl::unexpected(std::string("cannot register the SQLite VFS: ") + sqlite3_errstr(rc));
    }
    return {};
}

}  // namespace kiosk::test

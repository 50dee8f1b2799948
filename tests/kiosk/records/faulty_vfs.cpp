#include "faulty_vfs.h"

#include <sqlite3.h>

#include <cstdlib>
#include <mutex>

namespace kiosk::records::test {
namespace {

// A file's methods as the system's VFS gave them, with the writes wrapped.
// The wrapper table comes first, so a file's pMethods leads back to it.
struct WrappedMethods {
    sqlite3_io_methods methods;
    const sqlite3_io_methods* real;
};

constexpr int kMostMethodTables = 8;
WrappedMethods g_wrapped[kMostMethodTables];
int g_wrapped_count = 0;
std::mutex g_wrapped_mutex;
sqlite3_vfs* g_system = nullptr;
sqlite3_vfs g_vfs;

const sqlite3_io_methods* real_methods(sqlite3_file* file) {
    return reinterpret_cast<const WrappedMethods*>(file->pMethods)->real;
}

int faulty_write(sqlite3_file* file, const void* data, int amount, sqlite3_int64 offset) {
    if (faulty_vfs().disk_full) {
        return SQLITE_FULL;
    }
    return real_methods(file)->xWrite(file, data, amount, offset);
}

int faulty_truncate(sqlite3_file* file, sqlite3_int64 size) {
    if (faulty_vfs().disk_full) {
        return SQLITE_FULL;
    }
    return real_methods(file)->xTruncate(file, size);
}

const sqlite3_io_methods* wrap(const sqlite3_io_methods* real) {
    std::lock_guard lock(g_wrapped_mutex);
    for (int i = 0; i < g_wrapped_count; ++i) {
        if (g_wrapped[i].real == real) {
            return &g_wrapped[i].methods;
        }
    }
    if (g_wrapped_count == kMostMethodTables) {
        std::abort();  // the system VFS has more kinds of file than it ever had
    }
    WrappedMethods& wrapped = g_wrapped[g_wrapped_count++];
    wrapped.methods = *real;
    wrapped.methods.xWrite = faulty_write;
    wrapped.methods.xTruncate = faulty_truncate;
    wrapped.real = real;
    return &wrapped.methods;
}

int faulty_open(sqlite3_vfs*, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
    if (faulty_vfs().read_only && (flags & SQLITE_OPEN_MAIN_DB)) {
        flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)) | SQLITE_OPEN_READONLY;
    }
    const int result = g_system->xOpen(g_system, name, file, flags, out_flags);
    if (result == SQLITE_OK && file->pMethods) {
        file->pMethods = wrap(file->pMethods);
    }
    return result;
}

int faulty_delete(sqlite3_vfs*, const char* name, int sync_dir) {
    return g_system->xDelete(g_system, name, sync_dir);
}
int faulty_access(sqlite3_vfs*, const char* name, int flags, int* result) {
    return g_system->xAccess(g_system, name, flags, result);
}
int faulty_full_pathname(sqlite3_vfs*, const char* name, int size, char* out) {
    return g_system->xFullPathname(g_system, name, size, out);
}
void* faulty_dl_open(sqlite3_vfs*, const char* name) {
    return g_system->xDlOpen(g_system, name);
}
void faulty_dl_error(sqlite3_vfs*, int size, char* out) {
    g_system->xDlError(g_system, size, out);
}
void (*faulty_dl_sym(sqlite3_vfs*, void* handle, const char* symbol))(void) {
    return g_system->xDlSym(g_system, handle, symbol);
}
void faulty_dl_close(sqlite3_vfs*, void* handle) {
    g_system->xDlClose(g_system, handle);
}
int faulty_randomness(sqlite3_vfs*, int size, char* out) {
    return g_system->xRandomness(g_system, size, out);
}
int faulty_sleep(sqlite3_vfs*, int microseconds) {
    return g_system->xSleep(g_system, microseconds);
}
int faulty_current_time(sqlite3_vfs*, double* now) {
    return g_system->xCurrentTime(g_system, now);
}
int faulty_last_error(sqlite3_vfs*, int size, char* out) {
    return g_system->xGetLastError ? g_system->xGetLastError(g_system, size, out) : 0;
}
int faulty_current_time_int64(sqlite3_vfs*, sqlite3_int64* now) {
    return g_system->xCurrentTimeInt64(g_system, now);
}

}  // namespace

Faults& faulty_vfs() {
    static Faults faults;
    static std::once_flag registered;
    std::call_once(registered, [] {
        g_system = sqlite3_vfs_find(nullptr);
        g_vfs = sqlite3_vfs{};
        g_vfs.iVersion = 2;
        g_vfs.szOsFile = g_system->szOsFile;
        g_vfs.mxPathname = g_system->mxPathname;
        g_vfs.zName = kFaultyVfs;
        g_vfs.xOpen = faulty_open;
        g_vfs.xDelete = faulty_delete;
        g_vfs.xAccess = faulty_access;
        g_vfs.xFullPathname = faulty_full_pathname;
        g_vfs.xDlOpen = faulty_dl_open;
        g_vfs.xDlError = faulty_dl_error;
        g_vfs.xDlSym = faulty_dl_sym;
        g_vfs.xDlClose = faulty_dl_close;
        g_vfs.xRandomness = faulty_randomness;
        g_vfs.xSleep = faulty_sleep;
        g_vfs.xCurrentTime = faulty_current_time;
        g_vfs.xGetLastError = faulty_last_error;
        g_vfs.xCurrentTimeInt64 = faulty_current_time_int64;
        sqlite3_vfs_register(&g_vfs, 0);
    });
    return faults;
}

}  // namespace kiosk::records::test

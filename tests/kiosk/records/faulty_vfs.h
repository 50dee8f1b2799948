#pragma once
// An SQLite VFS over the system's that the tests turn faulty at will: the
// disk full (every write refused with SQLITE_FULL), or the database file
// write-protected (opened read-only, as SQLite opens a file it may not
// write). Root ignores file modes and tests cannot fill a real disk safely,
// so this is how the records' "unavailable" paths are driven.

#include <atomic>

namespace kiosk::records::test {

inline constexpr const char* kFaultyVfs = "records-test-faulty";

struct Faults {
    std::atomic<bool> disk_full{false};
    std::atomic<bool> read_only{false};
};

// Registers the VFS once (not as the default) and returns its switches.
Faults& faulty_vfs();

// Sets the faults for the scope of one test, and clears them after it.
class ScopedFaults {
  public:
    ScopedFaults() = default;
    ~ScopedFaults() {
        faulty_vfs().disk_full = false;
        faulty_vfs().read_only = false;
    }
    ScopedFaults(const ScopedFaults&) = delete;
    ScopedFaults& operator=(const ScopedFaults&) = delete;
};

}  // namespace kiosk::records::test

#pragma once
// An SQLite VFS that makes a killed process lose what a power cut loses.
//
// A process killed with SIGKILL loses nothing it wrote: the kernel's page
// cache outlives it and reaches the disk later. A power cut loses whatever
// was not yet fsynced. This VFS wraps the default one and keeps every write
// to a database, its rollback journal and its WAL in the process's own memory
// until SQLite syncs that file; only then are the writes put in the real file
// and fsynced. Killing the process is then a power cut: the file on disk
// holds what was synced and, of the sync under way, any part of it. With
// early write-back, as a kernel's page cache writes dirty pages back when it
// likes, a write now and then also puts one held run of writes into the real
// file before any sync (kept held too, and not fsynced): a cut then leaves
// some unsynced data on disk, in no particular order, as a real one may.
//
// Within the process everything reads as written (each file's held writes
// are shared by every handle on it, like a page cache); locks and the WAL's
// shared memory are the wrapped VFS's own. Not modelled: a created file's
// directory entry is on disk at once, with or without a directory sync.

#include <string>

#include <tl/expected.hpp>

namespace kiosk::test {

enum class PowerCutSync {
    flushes,       // a sync writes the held data to the file and fsyncs it
    does_nothing,  // fsync made a no-op: held data never reaches the file
};

// Registers the VFS under `name` (not as the default) for the rest of the
// process; a database opened with that VFS name uses it. Registering the same
// name again with the same modes does nothing; with other modes, or a name
// another VFS has, it is refused.
enum class PowerCutWriteBack {
    none,   // nothing reaches the file before a sync
    early,  // now and then a held run of writes reaches it unsynced
};

tl::expected<void, std::string> register_power_cut_vfs(
    const std::string& name, PowerCutSync sync, PowerCutWriteBack write_back = PowerCutWriteBack::none);

}  // namespace kiosk::test

#pragma once
// Limits shared by every reader of outside input: manifests, programme files,
// the configuration, input scripts. A kiosk that runs for months must never
// read a file without end (/dev/zero), block on one (a FIFO), or recurse as
// deep as a hostile file nests; each reader states its limits through these.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <tl/expected.hpp>

namespace content {

// How deep any file we read may nest tables, arrays and objects. The deepest
// real file (a content manifest) nests about ten; deeper is refused with its
// place before any recursive code sees it.
inline constexpr std::size_t kMaxNestingDepth = 32;

enum class FileReadErrorKind {
    missing,      // no such file or folder
    denied,       // permission denied, on the file or a folder above it
    not_regular,  // a folder, FIFO, device or socket
    too_large,    // more bytes than the reader's limit
    io,           // any other error while opening or reading
};

struct FileReadError {
    FileReadErrorKind kind;
    std::string reason;  // for people: "not a regular file (a FIFO)", "permission denied", ...
};

// An open file descriptor, closed when its owner goes.
class FileDescriptor {
  public:
    explicit FileDescriptor(int fd = -1) : m_fd(fd) {}
    FileDescriptor(FileDescriptor&& other) noexcept : m_fd(std::exchange(other.m_fd, -1)) {}
    FileDescriptor& operator=(FileDescriptor&& other) noexcept;
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    ~FileDescriptor();
    int get() const { return m_fd; }

  private:
    int m_fd;
};

// A regular file opened for reading. What `file` is is looked at before it is
// opened: a device, FIFO or folder is refused without being opened (opening
// a device can act on it: a watchdog arms, a tape rewinds, a serial line
// raises DTR). The file is opened without blocking and must still be the
// same regular file once open.
tl::expected<FileDescriptor, FileReadError> open_regular_file(const std::filesystem::path& file);

// The whole text of a regular file of at most `max_bytes` (open_regular_file,
// then read); a file that grows past the limit while it is read is refused
// all the same.
tl::expected<std::string, FileReadError> read_regular_file(const std::filesystem::path& file,
                                                           std::uintmax_t max_bytes);

// Whether `file` is a regular file this process may read, without reading it.
tl::expected<void, FileReadError> check_regular_file(const std::filesystem::path& file);

// "16 MiB", "64 KiB", "300 bytes": a size limit as people write it.
std::string size_text(std::uintmax_t bytes);

// The byte offset of the first '[' or '{' of a JSON text that opens a level
// deeper than `max_depth` (strings skipped), or nullopt. One pass, constant
// stack, on any text, valid JSON or not.
std::optional<std::size_t> json_nesting_overflow(std::string_view text,
                                                 std::size_t max_depth = kMaxNestingDepth);

// The same for TOML: a key's dotted parts ("a.b.c = 1", "[a.b.c]") count as
// levels, as do the arrays and inline tables of its value. Comments and every
// kind of string are skipped.
std::optional<std::size_t> toml_nesting_overflow(std::string_view text,
                                                 std::size_t max_depth = kMaxNestingDepth);

// The 1-based line and column (in characters, UTF-8) of byte `offset`.
struct TextPlace {
    int line = 1;
    int column = 1;
};
TextPlace text_place(std::string_view text, std::size_t offset);

}  // namespace content

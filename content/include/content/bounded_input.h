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

// The whole text of a regular file of at most `max_bytes`. The file is opened
// without blocking (a FIFO cannot stall the caller) and checked to be a
// regular file before a byte is read; a file that grows past the limit while
// it is read is refused all the same.
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

// SHA-256 of a media file through libsodium.

#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "content/bounded_input.h"
#include "scheduler/media_registration.h"

namespace scheduler {

tl::expected<std::string, Error> sha256_of_file(const std::filesystem::path& file) {
    if (sodium_init() < 0) {
        return tl::unexpected(Error{ErrorKind::storage, "libsodium could not start"});
    }
    // A regular file only, opened without blocking: a FIFO swapped in after
    // the probe would otherwise stall registration for ever. A regular file ends.
    auto opened = content::open_regular_file(file);
    if (!opened) {
        return tl::unexpected(
            Error{ErrorKind::storage, file.string() + ": cannot read the file: " + opened.error().reason});
    }
    const content::FileDescriptor fd = std::move(*opened);
    struct stat status {};
    if (::fstat(fd.get(), &status) != 0) {
        return tl::unexpected(
            Error{ErrorKind::storage, file.string() + ": cannot read the file: " + std::strerror(errno)});
    }
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    // Large enough to read a film at disk speed, small enough for a hall PC.
    constexpr std::size_t kBlockBytes = 1 << 20;
    std::vector<unsigned char> block(kBlockBytes);
    int failure = 0;
    // A file still being written could be read for ever: no more than its size when opened.
    const auto size = static_cast<std::uint64_t>(status.st_size);
    std::uint64_t total = 0;
    while (true) {
        const ssize_t got = ::read(fd.get(), block.data(), block.size());
        if (got < 0 && errno == EINTR) {
            continue;
        }
        if (got < 0) {
            failure = errno;
            break;
        }
        if (got == 0) {
            break;
        }
        total += static_cast<std::uint64_t>(got);
        if (total > size) {
            return tl::unexpected(Error{ErrorKind::storage,
                                        file.string() + ": the file grew while it was read: register it once "
                                                        "it is complete"});
        }
        crypto_hash_sha256_update(&state, block.data(), static_cast<unsigned long long>(got));
    }
    if (failure != 0) {
        return tl::unexpected(Error{ErrorKind::storage,
                                    file.string() + ": read error while hashing: " + std::strerror(failure)});
    }
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&state, digest.data());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data());
}

}  // namespace scheduler

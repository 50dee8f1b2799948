// SHA-256 of a media file through libsodium.

#include <sodium.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <vector>

#include "scheduler/media_registration.h"

namespace scheduler {

tl::expected<std::string, Error> sha256_of_file(const std::filesystem::path& file) {
    if (sodium_init() < 0) {
        return tl::unexpected(Error{ErrorKind::storage, "libsodium could not start"});
    }
    std::ifstream in(file, std::ios::binary);
    if (!in) {
        return tl::unexpected(Error{ErrorKind::storage, file.string() + ": cannot read the file"});
    }
    crypto_hash_sha256_state state;
    crypto_hash_sha256_init(&state);
    // Large enough to read a film at disk speed, small enough for a hall PC.
    constexpr std::size_t kBlockBytes = 1 << 20;
    std::vector<unsigned char> block(kBlockBytes);
    while (in) {
        in.read(reinterpret_cast<char*>(block.data()), static_cast<std::streamsize>(block.size()));
        const std::streamsize got = in.gcount();
        if (got > 0) {
            crypto_hash_sha256_update(&state, block.data(), static_cast<unsigned long long>(got));
        }
    }
    if (in.bad()) {
        return tl::unexpected(Error{ErrorKind::storage, file.string() + ": read error while hashing"});
    }
    std::array<unsigned char, crypto_hash_sha256_BYTES> digest{};
    crypto_hash_sha256_final(&state, digest.data());
    std::array<char, crypto_hash_sha256_BYTES * 2 + 1> hex{};
    sodium_bin2hex(hex.data(), hex.size(), digest.data(), digest.size());
    return std::string(hex.data());
}

}  // namespace scheduler

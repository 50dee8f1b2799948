#include "content/bounded_input.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace content {
namespace {

FileReadError from_errno(int error) {
    switch (error) {
        case ENOENT:
        case ENOTDIR:
            return {FileReadErrorKind::missing, "no such file"};
        case EACCES:
        case EPERM:
            return {FileReadErrorKind::denied, "permission denied"};
        case EISDIR:
            return {FileReadErrorKind::not_regular, "not a regular file (a folder)"};
        default:
            return {FileReadErrorKind::io, std::strerror(error)};
    }
}

const char* file_type_name(mode_t mode) {
    if (S_ISDIR(mode)) {
        return "a folder";
    }
    if (S_ISFIFO(mode)) {
        return "a FIFO";
    }
    if (S_ISCHR(mode) || S_ISBLK(mode)) {
        return "a device";
    }
    if (S_ISSOCK(mode)) {
        return "a socket";
    }
    return "not a plain file";
}

FileReadError not_regular(mode_t mode) {
    return {FileReadErrorKind::not_regular, std::string("not a regular file (") + file_type_name(mode) + ")"};
}

FileReadError too_large(std::uintmax_t max_bytes) {
    return {FileReadErrorKind::too_large,
            "larger than such a file may be (at most " + size_text(max_bytes) + ")"};
}

bool is_continuation_byte(char byte) {
    return (static_cast<unsigned char>(byte) & 0xC0U) == 0x80U;
}

// Skips the TOML string starting at `at` (any of its four kinds); returns
// the offset after it, or the end of the text when it is never closed.
std::size_t skip_toml_string(std::string_view text, std::size_t at) {
    const char quote = text[at];
    const bool literal = quote == '\'';
    const std::string_view triple = literal ? "'''" : "\"\"\"";
    if (text.substr(at, 3) == triple) {
        for (std::size_t i = at + 3; i < text.size(); ++i) {
            if (!literal && text[i] == '\\') {
                ++i;
            } else if (text.substr(i, 3) == triple) {
                // Up to two more quotes belong to the string's content.
                std::size_t end = i + 3;
                while (end < text.size() && end < i + 5 && text[end] == quote) {
                    ++end;
                }
                return end;
            }
        }
        return text.size();
    }
    for (std::size_t i = at + 1; i < text.size(); ++i) {
        if (!literal && text[i] == '\\') {
            ++i;
        } else if (text[i] == quote || text[i] == '\n') {
            return i + 1;
        }
    }
    return text.size();
}

std::size_t skip_to_line_end(std::string_view text, std::size_t at) {
    const std::size_t end = text.find('\n', at);
    return end == std::string_view::npos ? text.size() : end;
}

}  // namespace

FileDescriptor& FileDescriptor::operator=(FileDescriptor&& other) noexcept {
    if (this != &other) {
        if (m_fd >= 0) {
            ::close(m_fd);
        }
        m_fd = std::exchange(other.m_fd, -1);
    }
    return *this;
}

FileDescriptor::~FileDescriptor() {
    if (m_fd >= 0) {
        ::close(m_fd);
    }
}

tl::expected<FileDescriptor, FileReadError> open_regular_file(const std::filesystem::path& file) {
    struct stat before {};
    if (::stat(file.c_str(), &before) != 0) {
        return tl::unexpected(from_errno(errno));
    }
    if (!S_ISREG(before.st_mode)) {
        return tl::unexpected(not_regular(before.st_mode));
    }
    FileDescriptor fd(::open(file.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY));
    if (fd.get() < 0) {
        return tl::unexpected(from_errno(errno));
    }
    // Swapped between the look and the open: refused, whatever it now is.
    struct stat opened {};
    if (::fstat(fd.get(), &opened) != 0) {
        return tl::unexpected(from_errno(errno));
    }
    if (!S_ISREG(opened.st_mode) || opened.st_dev != before.st_dev || opened.st_ino != before.st_ino) {
        return tl::unexpected(FileReadError{FileReadErrorKind::not_regular,
                                            "not a regular file (it was replaced while it was opened)"});
    }
    return fd;
}

tl::expected<std::string, FileReadError> read_regular_file(const std::filesystem::path& file,
                                                           std::uintmax_t max_bytes) {
    auto opened = open_regular_file(file);
    if (!opened) {
        return tl::unexpected(opened.error());
    }
    const FileDescriptor fd = std::move(*opened);
    struct stat status {};
    if (::fstat(fd.get(), &status) == 0 && static_cast<std::uintmax_t>(status.st_size) > max_bytes) {
        return tl::unexpected(too_large(max_bytes));
    }
    std::string text;
    std::vector<char> buffer(64 * 1024);
    while (true) {
        const ssize_t got = ::read(fd.get(), buffer.data(), buffer.size());
        if (got < 0) {
            if (errno == EINTR) {
                continue;
            }
            return tl::unexpected(from_errno(errno));
        }
        if (got == 0) {
            return text;
        }
        if (text.size() + static_cast<std::size_t>(got) > max_bytes) {
            return tl::unexpected(too_large(max_bytes));
        }
        text.append(buffer.data(), static_cast<std::size_t>(got));
    }
}

tl::expected<void, FileReadError> check_regular_file(const std::filesystem::path& file) {
    auto opened = open_regular_file(file);
    if (!opened) {
        return tl::unexpected(opened.error());
    }
    return {};
}

std::string size_text(std::uintmax_t bytes) {
    constexpr std::uintmax_t kKiB = 1024;
    if (bytes >= kKiB * kKiB && bytes % (kKiB * kKiB) == 0) {
        return std::to_string(bytes / (kKiB * kKiB)) + " MiB";
    }
    if (bytes >= kKiB && bytes % kKiB == 0) {
        return std::to_string(bytes / kKiB) + " KiB";
    }
    return std::to_string(bytes) + (bytes == 1 ? " byte" : " bytes");
}

std::optional<std::size_t> json_nesting_overflow(std::string_view text, std::size_t max_depth) {
    std::size_t depth = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        switch (text[i]) {
            case '"':
                for (++i; i < text.size() && text[i] != '"'; ++i) {
                    if (text[i] == '\\') {
                        ++i;
                    }
                }
                break;
            case '[':
            case '{':
                if (++depth > max_depth) {
                    return i;
                }
                break;
            case ']':
            case '}':
                depth -= depth > 0 ? 1 : 0;
                break;
            default:
                break;
        }
    }
    return std::nullopt;
}

std::optional<std::size_t> toml_nesting_overflow(std::string_view text, std::size_t max_depth) {
    // Levels from the last [table] header, from the current key's dotted
    // parts, and one for each open array or inline table of its value.
    std::size_t table_depth = 0;
    std::size_t key_depth = 0;         // dotted parts of the top-level key
    std::size_t inline_key_depth = 0;  // dotted parts of the key being read inside an inline table
    // Each open '[' or '{' of the value being read, with the dotted parts of
    // the inline-table key it belongs to (restored when it closes).
    struct Open {
        char bracket;
        std::size_t key_depth;
    };
    std::vector<Open> open;
    std::size_t open_key_depths = 0;  // the sum of open[].key_depth
    bool in_key = true;               // reading a key (top level or inside an inline table)
    bool line_start = true;
    std::size_t i = 0;
    auto depth = [&] { return table_depth + key_depth + open_key_depths + inline_key_depth + open.size(); };
    auto close = [&] {
        inline_key_depth = open.back().key_depth;
        open_key_depths -= inline_key_depth;
        open.pop_back();
    };
    while (i < text.size()) {
        const char c = text[i];
        if (c == '#') {
            i = skip_to_line_end(text, i);
            continue;
        }
        if (c == '"' || c == '\'') {
            i = skip_toml_string(text, i);
            continue;
        }
        if (c == '\n') {
            if (open.empty()) {
                line_start = true;
                in_key = true;
                key_depth = 0;
            }
            ++i;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
            continue;
        }
        if (line_start && c == '[') {
            // A header: [a.b.c] or [[a.b.c]], read to its closing bracket.
            const bool array_of_tables = text.substr(i, 2) == "[[";
            table_depth = array_of_tables ? 2 : 1;
            if (table_depth > max_depth) {
                return i;
            }
            for (i += array_of_tables ? 2 : 1; i < text.size() && text[i] != ']' && text[i] != '\n';) {
                if (text[i] == '"' || text[i] == '\'') {
                    i = skip_toml_string(text, i);
                    continue;
                }
                if (text[i] == '.' && ++table_depth > max_depth) {
                    return i;
                }
                ++i;
            }
            i = skip_to_line_end(text, i);
            continue;
        }
        line_start = false;
        if (in_key) {
            if (c == '=') {
                in_key = false;
            } else if (c == '.' && depth() + 1 > max_depth) {
                return i;
            } else if (c == '.') {
                ++(open.empty() ? key_depth : inline_key_depth);
            } else if (c == '}' && !open.empty()) {
                close();  // an empty inline table: "{ }"
                in_key = false;
            }
            ++i;
            continue;
        }
        if (c == '[' || c == '{') {
            open.push_back(Open{c, inline_key_depth});
            open_key_depths += inline_key_depth;
            inline_key_depth = 0;
            if (depth() + 1 > max_depth) {
                return i;
            }
            in_key = c == '{';
        } else if ((c == ']' || c == '}') && !open.empty()) {
            close();
        } else if (c == ',' && !open.empty() && open.back().bracket == '{') {
            in_key = true;
            inline_key_depth = 0;
        }
        ++i;
    }
    return std::nullopt;
}

TextPlace text_place(std::string_view text, std::size_t offset) {
    TextPlace place;
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++place.line;
            place.column = 1;
        } else if (!is_continuation_byte(text[i])) {
            ++place.column;
        }
    }
    return place;
}

}  // namespace content

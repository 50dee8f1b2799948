// The limits every reader of outside input shares: whole files only from
// regular files, within a size, without blocking; nesting refused with its
// place before any recursive code sees it.
#include "content/bounded_input.h"

#include <fcntl.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>

#include <gtest/gtest.h>

#include "../support/unprivileged.h"
#include "package_test_support.h"

namespace content {
namespace {

using test::PackageDirectory;

class ReadRegularFile : public ::testing::Test {
  protected:
    std::filesystem::path write(const std::string& name, const std::string& text) const {
        const std::filesystem::path file = m_dir.path() / name;
        std::ofstream(file, std::ios::binary) << text;
        return file;
    }

    PackageDirectory m_dir;
};

TEST_F(ReadRegularFile, ReadsAWholeFileWithinItsLimit) {
    const auto text = read_regular_file(write("a.txt", "hello\n"), 6);
    ASSERT_TRUE(text.has_value()) << text.error().reason;
    EXPECT_EQ(*text, "hello\n");
}

TEST_F(ReadRegularFile, RefusesAFileOverItsLimitNamingTheLimit) {
    const auto text = read_regular_file(write("a.txt", std::string(2049, 'x')), 2048);
    ASSERT_FALSE(text.has_value());
    EXPECT_EQ(text.error().kind, FileReadErrorKind::too_large);
    EXPECT_EQ(text.error().reason, "larger than such a file may be (at most 2 KiB)");
}

TEST_F(ReadRegularFile, SaysWhenThereIsNoSuchFile) {
    const auto text = read_regular_file(m_dir.path() / "none.txt", 100);
    ASSERT_FALSE(text.has_value());
    EXPECT_EQ(text.error().kind, FileReadErrorKind::missing);
    EXPECT_EQ(text.error().reason, "no such file");
}

TEST_F(ReadRegularFile, RefusesAFolder) {
    const auto text = read_regular_file(m_dir.path(), 100);
    ASSERT_FALSE(text.has_value());
    EXPECT_EQ(text.error().kind, FileReadErrorKind::not_regular);
    EXPECT_EQ(text.error().reason, "not a regular file (a folder)");
}

// Opening a device can act on it (a watchdog arms, a tape rewinds): what a
// path is is looked at before it is opened. inotify sees every open of the
// node; a FIFO stands in for the device.
TEST_F(ReadRegularFile, NeverOpensWhatIsNotARegularFile) {
    const std::filesystem::path fifo = m_dir.path() / "node";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const int watch = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    ASSERT_GE(watch, 0);
    ASSERT_GE(inotify_add_watch(watch, fifo.c_str(), IN_OPEN), 0);
    const auto opens = [&] {
        int count = 0;
        alignas(inotify_event) char buffer[4096];
        for (ssize_t got; (got = read(watch, buffer, sizeof buffer)) > 0;) {
            for (ssize_t at = 0; at < got;) {
                const auto* event = reinterpret_cast<const inotify_event*>(buffer + at);
                count += (event->mask & IN_OPEN) != 0 ? 1 : 0;
                at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            }
        }
        return count;
    };
    EXPECT_FALSE(open_regular_file(fifo).has_value());
    EXPECT_FALSE(read_regular_file(fifo, 100).has_value());
    EXPECT_FALSE(check_regular_file(fifo).has_value());
    EXPECT_EQ(opens(), 0);
    const int fd = open(fifo.c_str(), O_RDONLY | O_NONBLOCK);  // the watch does see an open
    ASSERT_GE(fd, 0);
    close(fd);
    EXPECT_EQ(opens(), 1);
    close(watch);
}

// /dev/zero never ends: read, it would fill the memory.
TEST_F(ReadRegularFile, RefusesADeviceAtOnce) {
    const auto text = read_regular_file("/dev/zero", 1024 * 1024);
    ASSERT_FALSE(text.has_value());
    EXPECT_EQ(text.error().reason, "not a regular file (a device)");
}

// A FIFO with no writer would block an open() for ever.
TEST_F(ReadRegularFile, RefusesAFifoWithoutWaitingForAWriter) {
    const std::filesystem::path fifo = m_dir.path() / "fifo";
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const auto start = std::chrono::steady_clock::now();
    const auto text = read_regular_file(fifo, 100);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    ASSERT_FALSE(text.has_value());
    EXPECT_EQ(text.error().reason, "not a regular file (a FIFO)");
    EXPECT_FALSE(check_regular_file(fifo).has_value());
}

// As root every file is readable; the read is then made by a child that
// has become "nobody", as the kiosk's service user would meet the folder.
TEST_F(ReadRegularFile, SaysPermissionDeniedForAFileInAnUnreadableFolder) {
    const std::filesystem::path folder = m_dir.path() / "closed";
    std::filesystem::create_directory(folder);
    std::ofstream(folder / "a.txt") << "x";
    std::filesystem::permissions(folder, std::filesystem::perms::none);
    EXPECT_TRUE(kiosk::test::holds_unprivileged([&] {
        const auto text = read_regular_file(folder / "a.txt", 100);
        return !text && text.error().kind == FileReadErrorKind::denied &&
               text.error().reason == "permission denied";
    }));
    std::filesystem::permissions(folder, std::filesystem::perms::owner_all);
}

TEST(SizeText, WritesSizesAsPeopleDo) {
    EXPECT_EQ(size_text(16 * 1024 * 1024), "16 MiB");
    EXPECT_EQ(size_text(64 * 1024), "64 KiB");
    EXPECT_EQ(size_text(300), "300 bytes");
    EXPECT_EQ(size_text(1), "1 byte");
}

TEST(JsonNesting, TakesTextUpToTheLimit) {
    const std::string deep = std::string(kMaxNestingDepth, '[') + std::string(kMaxNestingDepth, ']');
    EXPECT_EQ(json_nesting_overflow(deep), std::nullopt);
    EXPECT_EQ(json_nesting_overflow(R"({"a": [1, {"b": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}]})"),
              std::nullopt)
        << "brackets inside strings are text";
    EXPECT_EQ(json_nesting_overflow(R"(["\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["])"), std::nullopt)
        << "an escaped quote does not end the string";
}

TEST(JsonNesting, FindsTheFirstBracketPastTheLimit) {
    const std::string deep = "{\"a\": " + std::string(20000, '[');
    const auto at = json_nesting_overflow(deep);
    ASSERT_TRUE(at.has_value());
    EXPECT_EQ(*at, 6 + kMaxNestingDepth - 1) << "the object is one level, then 31 lists";
    const TextPlace place = text_place(deep, *at);
    EXPECT_EQ(place.line, 1);
    EXPECT_EQ(place.column, static_cast<int>(*at) + 1);
}

TEST(TomlNesting, TakesARealConfigurationAndProgramme) {
    const std::string text = R"(# A "comment" with [brackets] and {braces}
image_seconds = 8
title = "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
literal = '{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{{'
block = """
[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[
"""
[zones.av]
default = "av-loop"

[[screen]]
zone = "av"
media = ["a.mp4", "b.mp4"]

[[playlists]]
items = [
  { media = "a", display_seconds = 1.5 },
  { media = "b", volume = 80 },
]
)";
    EXPECT_EQ(toml_nesting_overflow(text), std::nullopt);
}

TEST(TomlNesting, CountsDottedKeysHeadersListsAndInlineTables) {
    std::string dotted_key = "a";
    for (std::size_t i = 0; i < 40; ++i) {
        dotted_key += ".a";
    }
    EXPECT_TRUE(toml_nesting_overflow(dotted_key + " = 1\n").has_value());
    EXPECT_TRUE(toml_nesting_overflow("[" + dotted_key + "]\n").has_value());
    EXPECT_TRUE(toml_nesting_overflow("x = " + std::string(40, '[') + "\n").has_value());
    std::string inline_tables = "x = ";
    for (int i = 0; i < 40; ++i) {
        inline_tables += "{ a = ";
    }
    const auto at = toml_nesting_overflow("\n\n" + inline_tables + "1\n");
    ASSERT_TRUE(at.has_value());
    EXPECT_EQ(text_place("\n\n" + inline_tables, *at).line, 3);
}

// The dotted keys of every enclosing inline table count, not only the innermost's.
TEST(TomlNesting, CountsTheDottedKeysOfEnclosingInlineTables) {
    const auto dotted = [](char letter, int parts) {
        std::string key(1, letter);
        for (int i = 1; i < parts; ++i) {
            key += "." + std::string(1, letter);
        }
        return key;
    };
    const std::string text =
        "a = { " + dotted('b', 12) + " = { " + dotted('c', 12) + " = { " + dotted('d', 12) + " = 1 } } }\n";
    EXPECT_TRUE(toml_nesting_overflow(text).has_value()) << "about 40 levels";
    const std::string shallow =
        "a = { " + dotted('b', 5) + " = { " + dotted('c', 5) + " = 1 }, " + dotted('e', 5) + " = 2 }\n";
    EXPECT_EQ(toml_nesting_overflow(shallow), std::nullopt);
}

TEST(TextPlace, CountsCharactersNotBytes) {
    const std::string text = "第一行\n第二行 x";
    const TextPlace place = text_place(text, text.find('x'));
    EXPECT_EQ(place.line, 2);
    EXPECT_EQ(place.column, 5);
}

}  // namespace
}  // namespace content

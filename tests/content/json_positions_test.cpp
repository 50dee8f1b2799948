// JsonPositions: where each value of a manifest starts, by JSON pointer.
#include "json_positions.h"

#include <string>

#include <chrono>

#include <gtest/gtest.h>

namespace content {

// For EXPECT_EQ's messages.
bool operator==(const TextPosition& a, const TextPosition& b) {
    return a.line == b.line && a.column == b.column;
}
std::ostream& operator<<(std::ostream& out, const TextPosition& position) {
    return out << position.line << ':' << position.column;
}

namespace {

TextPosition at(int line, int column) {
    return TextPosition{line, column};
}

TEST(JsonPositions, PlacesEveryValueByItsPointer) {
    const std::string text = R"({
  "format": "pcw-content/1",
  "zones": [
    {"id": "boards", "n": [1, 2.5, true, null]},
    {"id": "av", "empty": {}, "none": []}
  ]
})";
    const JsonPositions positions = JsonPositions::index(text);
    EXPECT_EQ(positions.find(""), at(1, 1));
    EXPECT_EQ(positions.find("/format"), at(2, 13));
    EXPECT_EQ(positions.find("/zones"), at(3, 12));
    EXPECT_EQ(positions.find("/zones/0"), at(4, 5));
    EXPECT_EQ(positions.find("/zones/0/id"), at(4, 12));
    EXPECT_EQ(positions.find("/zones/0/n"), at(4, 27));
    EXPECT_EQ(positions.find("/zones/0/n/0"), at(4, 28));
    EXPECT_EQ(positions.find("/zones/0/n/1"), at(4, 31));
    EXPECT_EQ(positions.find("/zones/0/n/2"), at(4, 36));
    EXPECT_EQ(positions.find("/zones/0/n/3"), at(4, 42));
    EXPECT_EQ(positions.find("/zones/1/id"), at(5, 12));
    EXPECT_EQ(positions.find("/zones/1/empty"), at(5, 27));
    EXPECT_EQ(positions.find("/zones/1/none"), at(5, 39));
    EXPECT_TRUE(positions.contains("/zones/1/none"));
    EXPECT_FALSE(positions.contains("/zones/2"));
    EXPECT_TRUE(positions.repeated_keys().empty());
}

TEST(JsonPositions, ColumnsCountCharactersNotBytes) {
    const std::string text = R"({"title": {"zh": "婚姻登记", "en": "Marriage"}})";
    const JsonPositions positions = JsonPositions::index(text);
    EXPECT_EQ(positions.find("/title"), at(1, 11));
    EXPECT_EQ(positions.find("/title/zh"), at(1, 18));
    EXPECT_EQ(positions.find("/title/en"), at(1, 32)) << "4 characters of 3 bytes each before it";
}

TEST(JsonPositions, AMissingFieldIsPlacedAtItsNearestEnclosingValue) {
    const std::string text = "{\n  \"zones\": [\n    {\"id\": \"av\"}\n  ]\n}";
    const JsonPositions positions = JsonPositions::index(text);
    EXPECT_EQ(positions.find("/zones/0/title"), at(3, 5));
    EXPECT_EQ(positions.find("/zones/0/title/en"), at(3, 5));
    EXPECT_EQ(positions.find("/package/id"), at(1, 1));
    EXPECT_EQ(JsonPositions::index("").find("/a"), at(0, 0)) << "nothing to place it at";
}

TEST(JsonPositions, KeysAreDecodedAndEscapedAsPointerTokens) {
    const std::string text = R"({"a/b": 1, "c~d": 2, "\u00e9t\u00e9": 3, "q\"\\": 4, "\ud83d\ude00": 5})";
    const JsonPositions positions = JsonPositions::index(text);
    EXPECT_TRUE(positions.contains("/a~1b"));
    EXPECT_TRUE(positions.contains("/c~0d"));
    EXPECT_TRUE(positions.contains("/été"));
    EXPECT_TRUE(positions.contains("/q\"\\"));
    EXPECT_TRUE(positions.contains("/\xF0\x9F\x98\x80")) << "a surrogate pair is one character";
}

TEST(JsonPositions, StringsMayHoldEveryBracketAndQuote) {
    const std::string text = R"({"a": "]},[{\" \\", "b": 2})";
    EXPECT_EQ(JsonPositions::index(text).find("/b"), at(1, 26));
}

TEST(JsonPositions, NoticesAKeyGivenTwice) {
    const std::string text = R"({"a": 1, "b": {"a": 2}, "a": 3})";
    const JsonPositions positions = JsonPositions::index(text);
    ASSERT_EQ(positions.repeated_keys().size(), 1U);
    EXPECT_EQ(positions.repeated_keys()[0].pointer, "/a");
    EXPECT_EQ(positions.repeated_keys()[0].position, at(1, 30));
    EXPECT_EQ(positions.find("/a"), at(1, 30)) << "the value kept is the last, as nlohmann::json keeps it";
}

TEST(JsonPositions, ARepeatedObjectDoesNotRepeatItsMembers) {
    const std::string text = R"({"a": {"x": 1}, "a": {"x": 2}})";
    const JsonPositions positions = JsonPositions::index(text);
    ASSERT_EQ(positions.repeated_keys().size(), 1U);
    EXPECT_EQ(positions.repeated_keys()[0].pointer, "/a");
}

TEST(JsonPositions, SkipsAByteOrderMarkAndCountsWindowsLineEnds) {
    const JsonPositions marked = JsonPositions::index("\xEF\xBB\xBF{\"a\": 1}");
    EXPECT_EQ(marked.find(""), at(1, 1));
    EXPECT_EQ(marked.find("/a"), at(1, 7));

    const JsonPositions windows = JsonPositions::index("{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}\r\n");
    EXPECT_EQ(windows.find("/a"), at(2, 8));
    EXPECT_EQ(windows.find("/b"), at(3, 8));
}

TEST(JsonPositions, KeepsWhatItFoundBeforeAFault) {
    const JsonPositions cut = JsonPositions::index(R"({"a": [1, 2)");
    EXPECT_TRUE(cut.contains("/a/1"));
    const JsonPositions no_colon = JsonPositions::index(R"({"a" 1, "b": 2})");
    EXPECT_TRUE(no_colon.contains(""));
    EXPECT_FALSE(no_colon.contains("/a"));
    EXPECT_FALSE(no_colon.contains("/b"));
    const JsonPositions open_string = JsonPositions::index(R"({"a": "never closed)");
    EXPECT_TRUE(open_string.contains("/a"));
    EXPECT_FALSE(JsonPositions::index(R"({"\u12": 1})").contains("/\x12"));
}

TEST(JsonPositions, SurvivesDeepNesting) {
    const std::string deep = std::string(200000, '[') + std::string(200000, ']');
    const JsonPositions positions = JsonPositions::index(deep);
    EXPECT_TRUE(positions.contains("/0/0/0"));
    std::string hundred_deep;
    for (int depth = 0; depth < 100; ++depth) {
        hundred_deep += "/0";
    }
    EXPECT_FALSE(positions.contains(hundred_deep)) << "values that deep are not placed";
}

// A manifest written on one line: each position was counted from the line's
// start, so 200,000 values took minutes. Now it is one pass.
TEST(JsonPositions, PlacesTheValuesOfAOneLineTextInOnePass) {
    std::string text = "[";
    for (int i = 0; i < 200000; ++i) {
        text += i == 0 ? "{\"a\":1}" : ",{\"a\":1}";
    }
    text += "]";
    const auto start = std::chrono::steady_clock::now();
    const JsonPositions positions = JsonPositions::index(text);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(5));
    EXPECT_EQ(positions.find("/199999/a"), at(1, 2 + 199999 * 8 + 5));
    EXPECT_EQ(positions.find("/3"), at(1, 2 + 3 * 8));
}

// A key repeated a million times is reported a bounded number of times.
TEST(JsonPositions, ReportsAtMostAHundredRepeatedKeys) {
    std::string text = "{";
    for (int i = 0; i < 100000; ++i) {
        text += i == 0 ? "\"k\":1" : ",\"k\":1";
    }
    text += "}";
    const JsonPositions positions = JsonPositions::index(text);
    EXPECT_EQ(positions.repeated_keys().size(), JsonPositions::kMaxRepeatedKeys);
    EXPECT_EQ(positions.find("/k"), at(1, 2 + 99999 * 6 + 4))
        << "the pointer leads to the last, as nlohmann keeps it";
}

TEST(JsonPositions, PlacesAByteOffset) {
    const std::string text = "ab\nc婚d";
    EXPECT_EQ(JsonPositions::position_of(text, 0), at(1, 1));
    EXPECT_EQ(JsonPositions::position_of(text, 3), at(2, 1));
    EXPECT_EQ(JsonPositions::position_of(text, 7), at(2, 3)) << "after one character of three bytes";
    EXPECT_EQ(JsonPositions::position_of(text, 1000), at(2, 4)) << "past the end is the end";
}

TEST(JsonPositions, PointerTokensEscapeTildeAndSlash) {
    EXPECT_EQ(json_pointer_token("title"), "title");
    EXPECT_EQ(json_pointer_token("a/b~c"), "a~1b~0c");
    EXPECT_EQ(json_pointer_token(""), "");
}

}  // namespace
}  // namespace content

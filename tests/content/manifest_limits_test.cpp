// The manifest reader under hostile input: too deep, not a regular file, and
// a few thousand random mutations of a valid manifest, each answered in
// bounded time without a crash.
#include <sys/stat.h>

#include <chrono>
#include <string>

#include <gtest/gtest.h>

#include "../support/hostile_input.h"
#include "content/bounded_input.h"
#include "package_test_support.h"

namespace content {
namespace {

using test::kValidManifest;
using test::listed;
using test::PackageDirectory;

using kiosk::test::kMostPerHostileInput;

TEST(ManifestLimits, ADeeplyNestedManifestIsRefusedWithItsPlace) {
    PackageDirectory package;
    package.write_manifest("{\n  \"format\": \"pcw-content/1\",\n  \"zones\": " + std::string(20000, '[') +
                           std::string(20000, ']') + "\n}\n");
    const auto read = read_package(package.path());
    ASSERT_FALSE(read.has_value());
    ASSERT_EQ(read.error().size(), 1U) << listed(read.error());
    EXPECT_EQ(read.error()[0].line, 3);
    EXPECT_EQ(read.error()[0].column, 12 + static_cast<int>(kMaxNestingDepth) - 1);
    EXPECT_EQ(read.error()[0].reason, "nested too deep (at most 32 levels of objects and lists)");
}

TEST(ManifestLimits, AManifestThatIsAFifoIsRefusedAtOnce) {
    PackageDirectory package;
    ASSERT_EQ(mkfifo((package.path() / "manifest.json").c_str(), 0600), 0);
    const auto read = read_package(package.path());
    ASSERT_FALSE(read.has_value());
    EXPECT_EQ(to_string(read.error()[0]),
              "manifest.json: cannot read manifest.json: not a regular file (a FIFO)");
}

TEST(ManifestLimits, AManifestOverSixteenMebibytesIsRefusedNamingTheLimit) {
    PackageDirectory package;
    package.write_manifest(std::string(16 * 1024 * 1024 + 1, ' '));
    const auto read = read_package(package.path());
    ASSERT_FALSE(read.has_value());
    EXPECT_EQ(read.error()[0].reason,
              "cannot read manifest.json: larger than such a file may be (at most 16 MiB)");
}

// nlohmann refuses a number past a double's range without a place.
TEST(ManifestLimits, ANumberTooLargeIsRefusedWithItsPlace) {
    PackageDirectory package;
    package.write_manifest("{\n  \"format\": \"pcw-content/1\",\n  \"x\": [1, \"1e999\", -1e400]\n}\n");
    const auto read = read_package(package.path());
    ASSERT_FALSE(read.has_value());
    ASSERT_EQ(read.error().size(), 1U) << listed(read.error());
    EXPECT_EQ(to_string(read.error()[0]), "manifest.json:3:21: number too large: \"-1e400\"");
}

// A manifest of a million mistakes gets a report staff can read, not a
// million lines: the first hundred, then how many more.
TEST(ManifestLimits, ReportsAtMostAHundredProblemsAndCountsTheRest) {
    PackageDirectory package;
    std::string manifest = "{\"format\": \"pcw-content/1\"";
    for (int i = 0; i < 5000; ++i) {
        manifest += ", \"unknown" + std::to_string(i) + "\": 1";
    }
    package.write_manifest(manifest + "}");
    const auto read = read_package(package.path());
    ASSERT_FALSE(read.has_value());
    ASSERT_EQ(read.error().size(), 101U);
    EXPECT_EQ(read.error().back().reason.rfind("and ", 0), 0U) << read.error().back().reason;
    EXPECT_NE(read.error().back().reason.find(" more problems after these"), std::string::npos);
}

// A key of megabytes is shown by its start wherever a place names it.
TEST(ManifestLimits, AHugeKeyIsShownByItsStartInEveryPlace) {
    PackageDirectory package;
    const std::string key(4 * 1024 * 1024, 'k');
    std::string members;
    for (int i = 0; i < 150; ++i) {
        members += std::string(i == 0 ? "" : ", ") + "\"a\": 1";
    }
    package.write_manifest("{\"format\": \"pcw-content/1\", \"" + key + "\": {" + members + "}}");
    const auto took = kiosk::test::time_to_answer([&] {
        const auto read = read_package(package.path());
        ASSERT_FALSE(read.has_value());
        std::size_t total = 0;
        for (const PackageProblem& problem : read.error()) {
            EXPECT_LT(problem.pointer.size(), 300U);
            total += to_string(problem).size();
        }
        EXPECT_LT(total, 100000U) << "the report stays short";
    });
    EXPECT_LT(took, kMostPerHostileInput);
}

TEST(ManifestLimits, RandomAndMutatedManifestsAreAnsweredInBoundedTime) {
    PackageDirectory package;
    kiosk::test::Mutator mutator(20261207);
    for (int round = 0; round < 1500; ++round) {
        const std::string text =
            round % 10 == 0 ? mutator.noise(4096) : mutator.mutate(std::string(kValidManifest));
        package.write_manifest(text);
        const auto took = kiosk::test::time_to_answer([&] {
            const auto read = read_package(package.path());
            if (!read) {
                for (const PackageProblem& problem : read.error()) {
                    ASSERT_FALSE(problem.reason.empty()) << "round " << round;
                }
            }
        });
        ASSERT_LT(took, kMostPerHostileInput) << "round " << round << ": " << text.substr(0, 200);
    }
}

}  // namespace
}  // namespace content

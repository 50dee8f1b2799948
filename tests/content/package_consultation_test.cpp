// The manifest's "consultation" block: the categories a package renames or
// gives topics, read whole, and every problem refused at its pointer.
#include <algorithm>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "content/package.h"
#include "content/package_check.h"
#include "package_test_support.h"

namespace content {
namespace {

using test::expect_problem;
using test::kValidManifest;
using test::listed;
using test::PackageDirectory;
using test::replace_once;

// The valid manifest with `block` as its "consultation" value.
std::string with_consultation(std::string_view block) {
    return replace_once(std::string(kValidManifest), "\n  ]\n}\n",
                        "\n  ],\n  \"consultation\": " + std::string(block) + "\n}\n");
}

// The manifest line (1-based) on which `text` first appears.
int line_of(const std::string& manifest, std::string_view text) {
    const std::size_t at = manifest.find(text);
    EXPECT_NE(at, std::string::npos) << text;
    return 1 + static_cast<int>(std::count(manifest.begin(), manifest.begin() + static_cast<long>(at), '\n'));
}

tl::expected<Package, std::vector<PackageProblem>> read(const std::string& manifest) {
    PackageDirectory package;
    package.write_manifest(manifest);
    return read_package(package.path());
}

std::vector<PackageProblem> problems_of(const std::string& manifest) {
    auto package = read(manifest);
    if (package) {
        ADD_FAILURE() << "the package was read without a problem";
        return {};
    }
    return package.error();
}

// `count` topics, {"zh": "话题1", "en": "Topic 1"}, …
std::string topics(int count) {
    std::string list = "[";
    for (int i = 1; i <= count; ++i) {
        list += (i == 1 ? "" : ", ") + std::string(R"({"zh": "话题)") + std::to_string(i) +
                R"(", "en": "Topic )" + std::to_string(i) + "\"}";
    }
    return list + "]";
}

TEST(PackageConsultation, AManifestWithoutTheBlockNamesNoCategory) {
    auto package = read(std::string(kValidManifest));
    ASSERT_TRUE(package) << listed(package.error());
    EXPECT_TRUE(package->consultation_categories.empty());
}

TEST(PackageConsultation, ReadsRenamedCategoriesAndTheirTopics) {
    auto package = read(with_consultation(R"({"categories": [
    {"id": "legal-aid", "label": {"zh": "法律服务", "en": "Legal services"},
     "topics": [{"zh": "劳动合同", "en": "Employment contracts"}, {"zh": "继承", "en": "Inheritance"}]},
    {"id": "policy", "label": {"zh": "政策解读", "en": "Policies explained"}},
    {"id": "employment", "topics": []}
  ]})"));
    ASSERT_TRUE(package) << listed(package.error());
    const auto& categories = package->consultation_categories;
    ASSERT_EQ(categories.size(), 3U);

    EXPECT_EQ(categories[0].id, "legal-aid");
    ASSERT_TRUE(categories[0].label.has_value());
    EXPECT_EQ(categories[0].label->zh, "法律服务");
    EXPECT_EQ(categories[0].label->en, "Legal services");
    ASSERT_TRUE(categories[0].topics.has_value());
    ASSERT_EQ(categories[0].topics->size(), 2U);
    EXPECT_EQ((*categories[0].topics)[1].zh, "继承");
    EXPECT_EQ((*categories[0].topics)[1].en, "Inheritance");

    EXPECT_EQ(categories[1].id, "policy");
    EXPECT_FALSE(categories[1].topics.has_value()) << "no topics: the kiosk's own stay";

    EXPECT_EQ(categories[2].id, "employment");
    EXPECT_FALSE(categories[2].label.has_value());
    ASSERT_TRUE(categories[2].topics.has_value()) << "an empty list: the category offers no topic";
    EXPECT_TRUE(categories[2].topics->empty());
}

TEST(PackageConsultation, TakesEveryIdOfTheHallsTenAndTheMostTopics) {
    std::string block = R"({"categories": [)";
    for (std::size_t i = 0; i < kConsultationCategoryIds.size(); ++i) {
        block += (i == 0 ? "\n    " : ",\n    ") + std::string(R"({"id": ")") +
                 std::string(kConsultationCategoryIds[i]) + R"(", "topics": )" +
                 topics(static_cast<int>(kMaxConsultationTopics)) + "}";
    }
    auto package = read(with_consultation(block + "\n  ]}"));
    ASSERT_TRUE(package) << listed(package.error());
    EXPECT_EQ(package->consultation_categories.size(), 10U);
}

TEST(PackageConsultation, RefusesAnIdNotAmongTheHallsTen) {
    const std::string manifest = with_consultation(R"({"categories": [
    {"id": "tax-advice", "label": {"zh": "税务", "en": "Tax"}}
  ]})");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(
        problems, "/consultation/categories/0/id", line_of(manifest, "tax-advice"),
        R"(unknown consultation category "tax-advice" (expected policy, legal-aid, employment, )"
        R"(school-enrolment, residence-permit, business-licence, housing-rental, dispute-mediation, )"
        R"(reproductive-health or health-screening))");
}

TEST(PackageConsultation, RefusesACategoryGivenTwice) {
    const std::string manifest = with_consultation(R"({"categories": [
    {"id": "policy", "label": {"zh": "政策", "en": "Policy"}},
    {"id": "policy", "topics": []}
  ]})");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 1U) << listed(problems);
    expect_problem(problems, "/consultation/categories/1/id",
                   line_of(manifest, R"({"id": "policy", "topics")"),
                   R"(duplicate consultation category id "policy" (first at /consultation/categories/0/id))");
}

TEST(PackageConsultation, RefusesTooManyTopicsAndATopicListedTwice) {
    const std::string manifest = with_consultation(R"({"categories": [
    {"id": "legal-aid",
     "topics": )" + topics(static_cast<int>(kMaxConsultationTopics) + 1) +
                                                   R"(},
    {"id": "employment",
     "topics": [{"zh": "岗位", "en": "Jobs"}, {"zh": "岗位", "en": "Openings"}]}
  ]})");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 2U) << listed(problems);
    expect_problem(problems, "/consultation/categories/0/topics",
                   line_of(manifest, R"("topics": [{"zh": "话题1")"),
                   "a category has at most 30 topics, not 31");
    expect_problem(
        problems, "/consultation/categories/1/topics/1/zh", line_of(manifest, R"("topics": [{"zh": "岗位")"),
        R"(topic "岗位" is listed twice in its category (first at /consultation/categories/1/topics/0))");
}

TEST(PackageConsultation, RefusesBadTypesUnknownFieldsAndLongTexts) {
    const std::string manifest = with_consultation(R"({"categories": [
    {"id": 7},
    {"id": "policy", "label": "政策"},
    {"id": "employment", "topics": {"zh": "岗位", "en": "Jobs"}},
    {"id": "legal-aid", "topics": [{"zh": "劳动"}]},
    {"id": "housing-rental", "icon": "house.png"},
    {"id": "health-screening", "label": {"zh": "体检", "en": ")" +
                                                   std::string(kMaxLabelCharacters + 1, 'a') + R"("}},
    "school-enrolment"
  ]})");
    const auto problems = problems_of(manifest);
    EXPECT_EQ(problems.size(), 7U) << listed(problems);
    expect_problem(problems, "/consultation/categories/0/id", line_of(manifest, R"({"id": 7})"),
                   "must be text, not a number");
    expect_problem(problems, "/consultation/categories/1/label", line_of(manifest, R"("label": "政策")"),
                   "must be an object, not text");
    expect_problem(problems, "/consultation/categories/2/topics",
                   line_of(manifest, R"("employment", "topics")"), "must be a list, not an object");
    expect_problem(problems, "/consultation/categories/3/topics/0/en", line_of(manifest, R"({"zh": "劳动"})"),
                   R"(missing required field "en")");
    expect_problem(problems, "/consultation/categories/4/icon", line_of(manifest, "house.png"),
                   R"(unknown field "icon")");
    expect_problem(problems, "/consultation/categories/5/label/en", line_of(manifest, "health-screening"),
                   "English text of 101 characters is too long (at most 100 characters)");
    expect_problem(problems, "/consultation/categories/6", line_of(manifest, R"("school-enrolment")"),
                   "must be an object, not text");
}

TEST(PackageConsultation, RefusesABlockWithoutItsCategoriesAndAMisspeltBlock) {
    const std::string manifest = with_consultation(R"({"categorys": []})");
    const auto problems = problems_of(manifest);
    ASSERT_EQ(problems.size(), 2U) << listed(problems);
    expect_problem(problems, "/consultation/categorys", line_of(manifest, "categorys"),
                   R"(unknown field "categorys" (did you mean "categories"?))");
    expect_problem(problems, "/consultation/categories", line_of(manifest, "categorys"),
                   R"(missing required field "categories")");
}

TEST(PackageConsultation, TheCheckRefusesWhatTheReaderRefuses) {
    PackageDirectory package;
    package.write_manifest(with_consultation(R"({"categories": [{"id": "lobby"}]})"));
    CheckOptions options;
    options.probe_media = false;
    const auto problems = check_package(package.path(), options);
    ASSERT_FALSE(problems.empty());
    EXPECT_TRUE(std::any_of(problems.begin(), problems.end(), [](const PackageProblem& problem) {
        return problem.pointer == "/consultation/categories/0/id" &&
               problem.reason.starts_with("unknown consultation category \"lobby\"");
    })) << listed(problems);
}

}  // namespace
}  // namespace content

// The categories a kiosk offers: defaults ← the content package ← the
// hall's configuration.
#include <algorithm>

#include <gtest/gtest.h>

#include "app/consult_categories.h"

namespace kiosk::app {
namespace {

const records::Category& category(const records::Categories& categories, std::string_view id) {
    const records::Category* found = categories.find(id);
    EXPECT_NE(found, nullptr) << id;
    return *found;
}

// What a configuration's [[consultation.category]] for `id` set.
template <typename Edit>
std::vector<records::CategoryChange> configured(std::string_view id, Edit edit) {
    records::CategoryChange change;
    change.id = std::string(id);
    edit(change);
    return {change};
}

content::Package package_naming(std::vector<content::ConsultationCategory> categories) {
    content::Package package;
    package.consultation_categories = std::move(categories);
    return package;
}

TEST(ConsultCategories, ThePackageAllowsExactlyTheDefaultIds) {
    const auto& defaults = records::default_categories();
    ASSERT_EQ(defaults.size(), content::kConsultationCategoryIds.size());
    for (std::size_t i = 0; i < defaults.size(); ++i) {
        EXPECT_EQ(defaults[i].id, content::kConsultationCategoryIds[i]);
    }
}

TEST(ConsultCategories, WithoutAPackageTheConfigurationStands) {
    const auto hall = configured("policy", [](records::CategoryChange& c) { c.en = "Policies"; });
    const records::Categories merged = consult_categories(hall, nullptr);
    EXPECT_EQ(category(merged, "policy").en, "Policies");
    const content::Package empty;
    EXPECT_EQ(consult_categories(hall, &empty).list().size(), 10U);
    const records::Categories unchanged = consult_categories(hall, &empty);
    EXPECT_EQ(category(unchanged, "policy").en, "Policies");
}

TEST(ConsultCategories, ThePackageRenamesAndGivesTopicsWhereTheConfigurationDoesNot) {
    const content::Package package =
        package_naming({{"legal-aid", content::Bilingual{"法律服务", "Legal services"},
                         std::vector<content::Bilingual>{{"继承", "Inheritance"}}},
                        {"employment", std::nullopt, std::vector<content::Bilingual>{}}});
    const records::Categories merged = consult_categories({}, &package);

    const records::Category& legal = category(merged, "legal-aid");
    EXPECT_EQ(legal.zh, "法律服务");
    EXPECT_EQ(legal.en, "Legal services");
    ASSERT_EQ(legal.topics.size(), 1U);
    EXPECT_EQ(legal.topics[0].zh, "继承");
    EXPECT_EQ(legal.topics[0].en, "Inheritance");
    EXPECT_EQ(legal.badge, "法") << "what the package does not name stays the default";

    const records::Category& employment = category(merged, "employment");
    EXPECT_EQ(employment.zh, "就业推荐");
    EXPECT_TRUE(employment.topics.empty());

    const records::Category& policy = category(merged, "policy");
    EXPECT_EQ(policy.zh, "政策咨询") << "a category the package leaves out stays the default";
    EXPECT_EQ(policy.topics.size(), records::default_categories()[0].topics.size());
    EXPECT_EQ(merged.list().size(), 10U);
    EXPECT_EQ(merged.list()[1].id, "legal-aid") << "the tiles keep the defaults' order";
}

TEST(ConsultCategories, TheConfigurationHasTheLastWord) {
    const auto hall = configured("legal-aid", [](records::CategoryChange& c) {
        c.en = "Free legal advice";
        c.topics = std::vector<records::Topic>{{"租房合同", "Tenancy agreements"}};
    });
    const content::Package package =
        package_naming({{"legal-aid", content::Bilingual{"法律服务", "Legal services"},
                         std::vector<content::Bilingual>{{"继承", "Inheritance"}}}});
    const records::Categories merged = consult_categories(hall, &package);
    const records::Category& legal = category(merged, "legal-aid");
    EXPECT_EQ(legal.zh, "法律服务") << "the configuration renamed only the English label";
    EXPECT_EQ(legal.en, "Free legal advice");
    ASSERT_EQ(legal.topics.size(), 1U);
    EXPECT_EQ(legal.topics[0].zh, "租房合同");
}

TEST(ConsultCategories, AConfigurationRestatingADefaultStillHasTheLastWord) {
    const auto hall = configured("legal-aid", [](records::CategoryChange& c) { c.zh = "法律援助"; });
    const content::Package package =
        package_naming({{"legal-aid", content::Bilingual{"法律服务", "Legal services"}, std::nullopt}});
    const records::Categories merged = consult_categories(hall, &package);
    EXPECT_EQ(category(merged, "legal-aid").zh, "法律援助") << "the hall said so, even if it is the default";
    EXPECT_EQ(category(merged, "legal-aid").en, "Legal services");
}

}  // namespace
}  // namespace kiosk::app

// The hall's categories and the plain values of its records.

#include <gtest/gtest.h>

#include "records/categories.h"
#include "records/consultation.h"
#include "records/csv_import.h"
#include "records/record_error.h"

namespace kiosk::records {
namespace {

// How many characters (code points) a UTF-8 string holds.
std::size_t characters(const std::string& text) {
    std::size_t count = 0;
    for (const unsigned char c : text) {
        count += (c & 0xc0) != 0x80 ? 1 : 0;
    }
    return count;
}

TEST(Categories, TheTenDefaultsHaveTheirFixedIdsAndChineseLabelsInTileOrder) {
    const std::vector<std::pair<std::string, std::string>> expected{{"policy", "政策咨询"},
                                                                    {"legal-aid", "法律援助"},
                                                                    {"employment", "就业推荐"},
                                                                    {"school-enrolment", "入学入托"},
                                                                    {"residence-permit", "居住证办理"},
                                                                    {"business-licence", "营业执照"},
                                                                    {"housing-rental", "房屋租赁"},
                                                                    {"dispute-mediation", "矛盾调解"},
                                                                    {"reproductive-health", "生殖健康指导"},
                                                                    {"health-screening", "健康查体"}};
    const auto& list = default_categories();
    ASSERT_EQ(list.size(), expected.size());
    for (std::size_t i = 0; i < list.size(); ++i) {
        EXPECT_EQ(list[i].id, expected[i].first);
        EXPECT_EQ(list[i].zh, expected[i].second);
        EXPECT_FALSE(list[i].en.empty()) << list[i].id;
        EXPECT_EQ(characters(list[i].badge), 1U) << list[i].id;
        EXPECT_TRUE(list[i].picture.empty()) << list[i].id;
        for (const Topic& topic : list[i].topics) {
            EXPECT_FALSE(topic.zh.empty());
            EXPECT_FALSE(topic.en.empty());
        }
    }
    std::string badges;
    for (const Category& category : list) {
        badges += category.badge;
    }
    EXPECT_EQ(badges, "政法业学居照房调育检");
}

TEST(Categories, LegalAidOffersLabourDisputesAndFamilyMatters) {
    const Categories categories;
    const Category* legal_aid = categories.find("legal-aid");
    ASSERT_NE(legal_aid, nullptr);
    ASSERT_GE(legal_aid->topics.size(), 2U);
    EXPECT_EQ(legal_aid->topics[0].zh, "劳动争议");
    EXPECT_EQ(legal_aid->topics[0].en, "Labour disputes");
    EXPECT_EQ(legal_aid->topics[1].zh, "婚姻家庭");
}

TEST(Categories, FindsByIdAndListsTheIdsForARefusal) {
    const Categories categories;
    EXPECT_EQ(categories.find("housing-rental")->zh, "房屋租赁");
    EXPECT_EQ(categories.find("Housing-Rental"), nullptr);
    EXPECT_EQ(categories.find(""), nullptr);
    EXPECT_EQ(categories.ids_text(),
              "policy, legal-aid, employment, school-enrolment, residence-permit, business-licence, "
              "housing-rental, dispute-mediation, reproductive-health, health-screening");
}

TEST(Categories, AHallMayRenameItsCategories) {
    std::vector<Category> list = default_categories();
    list[0].zh = "政策问答";
    list[0].topics = {{"积分落户", "Points-based residence"}};
    const Categories renamed(list);
    EXPECT_EQ(renamed.find("policy")->zh, "政策问答");
    EXPECT_EQ(renamed.find("policy")->topics.size(), 1U);
    EXPECT_EQ(Categories{}.find("policy")->zh, "政策咨询");
}

TEST(Consultation, MainlandMobileNumbersAreElevenDigitsFrom13To19) {
    EXPECT_TRUE(is_mainland_mobile("13812345678"));
    EXPECT_TRUE(is_mainland_mobile("19912345678"));
    EXPECT_FALSE(is_mainland_mobile("12812345678"));
    EXPECT_FALSE(is_mainland_mobile("1381234567"));
    EXPECT_FALSE(is_mainland_mobile("138123456789"));
    EXPECT_FALSE(is_mainland_mobile("1381234567a"));
    EXPECT_FALSE(is_mainland_mobile("+8613812345"));
    EXPECT_FALSE(is_mainland_mobile(""));
    EXPECT_FALSE(is_mainland_mobile(std::string("1381234567\0", 11)));
}

TEST(Consultation, ChannelsStatusesAndRatingsHaveTheirWords) {
    EXPECT_STREQ(to_string(Channel::kiosk), "kiosk");
    EXPECT_STREQ(to_string(Channel::desk), "desk");
    EXPECT_EQ(parse_channel("desk"), Channel::desk);
    EXPECT_EQ(parse_channel("kiosk"), Channel::kiosk);
    EXPECT_EQ(parse_channel("Desk"), std::nullopt);
    EXPECT_STREQ(to_string(ConsultationStatus::closed), "closed");
    EXPECT_STREQ(rating_key(Rating::very_satisfied), "very-satisfied");
    EXPECT_STREQ(rating_key(Rating::very_dissatisfied), "very-dissatisfied");
    EXPECT_STREQ(rating_zh(Rating::very_satisfied), "非常满意");
    EXPECT_STREQ(rating_zh(Rating::satisfied), "满意");
    EXPECT_STREQ(rating_zh(Rating::basically_satisfied), "基本满意");
    EXPECT_STREQ(rating_zh(Rating::dissatisfied), "不满意");
    EXPECT_STREQ(rating_zh(Rating::very_dissatisfied), "非常不满意");
    EXPECT_TRUE(is_low(Rating::dissatisfied));
    EXPECT_FALSE(is_low(Rating::basically_satisfied));
    EXPECT_STREQ(to_string(RecordErrorKind::unavailable), "unavailable");
}

TEST(Consultation, InstantsAreWrittenWithTheOffsetTheyWereRecordedAt) {
    const Instant at{std::chrono::milliseconds{1796608800123}};  // 2026-12-07T02:00:00.123Z
    EXPECT_EQ(format_with_offset(at, 480), "2026-12-07T10:00:00+08:00");
    EXPECT_EQ(format_with_offset(at, 0), "2026-12-07T02:00:00+00:00");
    EXPECT_EQ(format_with_offset(at, -300), "2026-12-06T21:00:00-05:00");
    EXPECT_EQ(format_with_offset(at, 330), "2026-12-07T07:30:00+05:30");
}

}  // namespace
}  // namespace kiosk::records

// The ten categories every hall reports (PRODUCT.md, "Services the hall
// logs"). Ids and Chinese labels are fixed: the monthly report upward and
// the tests use them. Topics are a start; a hall names its own in the
// configuration.

#include "records/categories.h"

#include <algorithm>

namespace kiosk::records {

const std::vector<Category>& default_categories() {
    static const std::vector<Category> categories{
        {"policy",
         "政策咨询",
         "Policy questions",
         "政",
         "",
         {{"社会保障", "Social insurance"},
          {"落户政策", "Household registration"},
          {"补贴申领", "Subsidies"}}},
        {"legal-aid",
         "法律援助",
         "Legal aid",
         "法",
         "",
         {{"劳动争议", "Labour disputes"},
          {"婚姻家庭", "Marriage and family"},
          {"工伤赔偿", "Work injury compensation"},
          {"欠薪追讨", "Unpaid wages"}}},
        {"employment",
         "就业推荐",
         "Employment",
         "业",
         "",
         {{"岗位推荐", "Job openings"},
          {"技能培训", "Skills training"},
          {"创业扶持", "Starting a business"}}},
        {"school-enrolment",
         "入学入托",
         "School and nursery places",
         "学",
         "",
         {{"幼儿园", "Nursery"}, {"小学", "Primary school"}, {"初中", "Middle school"}}},
        {"residence-permit",
         "居住证办理",
         "Residence permit",
         "居",
         "",
         {{"首次办理", "First application"}, {"签注续期", "Renewal"}}},
        {"business-licence",
         "营业执照",
         "Business licence",
         "照",
         "",
         {{"个体工商户", "Sole trader"}, {"变更注销", "Changes and closure"}}},
        {"housing-rental",
         "房屋租赁",
         "Housing and renting",
         "房",
         "",
         {{"租赁备案", "Tenancy registration"}, {"公租房", "Public rental housing"}}},
        {"dispute-mediation",
         "矛盾调解",
         "Dispute mediation",
         "调",
         "",
         {{"邻里纠纷", "Neighbours"}, {"租赁纠纷", "Landlord and tenant"}}},
        {"reproductive-health",
         "生殖健康指导",
         "Reproductive health advice",
         "育",
         "",
         {{"孕前检查", "Before pregnancy"}, {"避孕节育", "Contraception"}}},
        {"health-screening",
         "健康查体",
         "Health check-ups",
         "检",
         "",
         {{"免费体检", "Free check-up"}, {"慢病随访", "Chronic illness follow-up"}}},
    };
    return categories;
}

const Category* Categories::find(std::string_view id) const {
    for (const Category& category : m_list) {
        if (category.id == id) {
            return &category;
        }
    }
    return nullptr;
}

bool Categories::apply(const CategoryChange& change) {
    const auto category =
        std::find_if(m_list.begin(), m_list.end(), [&](const Category& c) { return c.id == change.id; });
    if (category == m_list.end()) {
        return false;
    }
    for (auto [value, target] :
         {std::pair{&change.zh, &category->zh}, std::pair{&change.en, &category->en},
          std::pair{&change.badge, &category->badge}, std::pair{&change.picture, &category->picture}}) {
        if (*value) {
            *target = **value;
        }
    }
    if (change.topics) {
        category->topics = *change.topics;
    }
    return true;
}

std::string Categories::ids_text() const {
    std::string text;
    for (const Category& category : m_list) {
        if (!text.empty()) {
            text += ", ";
        }
        text += category.id;
    }
    return text;
}

}  // namespace kiosk::records

// The manifest's "consultation" block: the hall's consultation categories as
// the package names them, and the topics a visitor picks within each.
#include <algorithm>
#include <map>

#include "package_fields.h"

namespace content {
namespace {

// "policy, legal-aid, … or health-screening": the ids a reason offers.
std::string category_ids_text() {
    std::string list;
    for (std::size_t i = 0; i < kConsultationCategoryIds.size(); ++i) {
        list += i == 0 ? "" : i + 1 == kConsultationCategoryIds.size() ? " or " : ", ";
        list += kConsultationCategoryIds[i];
    }
    return list;
}

class ConsultationWalk {
  public:
    ConsultationWalk(ManifestFields& fields, Package& package) : m_fields(fields), m_package(package) {}

    void read(const ManifestNode& node) {
        if (!m_fields.object(node, {{"categories"}})) {
            return;
        }
        for (const ManifestNode& category : m_fields.array(node.member("categories"))) {
            if (auto read = read_category(category)) {
                m_package.consultation_categories.push_back(std::move(*read));
            }
        }
    }

  private:
    std::optional<ConsultationCategory> read_category(const ManifestNode& node) {
        if (!m_fields.object(node, {{"id"}, {"label", kOptional}, {"topics", kOptional}})) {
            return std::nullopt;
        }
        ConsultationCategory category;
        const ManifestNode id = node.member("id");
        if (auto value = m_fields.string(id)) {
            if (std::find(kConsultationCategoryIds.begin(), kConsultationCategoryIds.end(), *value) ==
                kConsultationCategoryIds.end()) {
                m_fields.report(id.pointer, "unknown consultation category " + in_quotes(*value) +
                                                " (expected " + category_ids_text() + ")");
            } else if (const auto [first, claimed] = m_category_places.emplace(*value, id.pointer);
                       !claimed) {
                m_fields.report(id.pointer, "duplicate consultation category id " + in_quotes(*value) +
                                                " (first at " + first->second + ")");
            } else {
                category.id = std::move(*value);
            }
        }
        if (const ManifestNode label = node.member("label")) {
            category.label = m_fields.text(label, kMaxLabelCharacters);
        }
        if (const ManifestNode topics = node.member("topics")) {
            category.topics = read_topics(topics);
        }
        return category;
    }

    // Two topics of one name would be one row of the report by topic, and
    // two tiles the visitor cannot tell apart.
    std::vector<Bilingual> read_topics(const ManifestNode& node) {
        std::vector<Bilingual> topics;
        const std::vector<ManifestNode> elements = m_fields.array(node);
        if (elements.size() > kMaxConsultationTopics) {
            m_fields.report(node.pointer, "a category has at most " + std::to_string(kMaxConsultationTopics) +
                                              " topics, not " + std::to_string(elements.size()));
        }
        std::map<std::string, std::string> first_places;  // "zh:" or "en:" and the name, its topic's pointer
        for (const ManifestNode& element : elements) {
            auto topic = m_fields.text(element, kMaxLabelCharacters);
            if (!topic) {
                continue;
            }
            for (const auto& [language, name] : {std::pair{"zh", &topic->zh}, std::pair{"en", &topic->en}}) {
                const auto [first, named] =
                    first_places.emplace(std::string(language) + ":" + *name, element.pointer);
                if (!named) {
                    m_fields.report(element.member(language).pointer,
                                    "topic " + in_quotes(*name) +
                                        " is listed twice in its category (first at " + first->second + ")");
                }
            }
            topics.push_back(std::move(*topic));
        }
        return topics;
    }

    ManifestFields& m_fields;
    Package& m_package;
    std::map<std::string, std::string> m_category_places;  // id, where it first came
};

}  // namespace

void read_consultation(const ManifestNode& node, ManifestFields& fields, Package& package) {
    ConsultationWalk(fields, package).read(node);
}

}  // namespace content

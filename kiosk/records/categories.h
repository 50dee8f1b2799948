#pragma once
// The hall's consultation categories (PRODUCT.md, "Services the hall logs"):
// ten by default, with fixed ids and Chinese labels that the monthly report
// upward uses. The configuration may rename a category or add topics within
// it; it may not add or remove one, so every hall reports the same rows.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::records {

// A topic within a category, as the visitor picks it. Stored as its Chinese
// label, the hall's language of record.
struct Topic {
    std::string zh;
    std::string en;
};

struct Category {
    std::string id;  // "legal-aid": stable, in the database and the reports
    std::string zh;  // "法律援助"
    std::string en;  // "Legal aid"
    // Drawn on the category's tile: one Chinese character in a coloured
    // badge ("法"), unless `picture` names a picture (a content package's).
    std::string badge;
    std::string picture;  // empty: the badge
    std::vector<Topic> topics;
};

// The ten categories in the order the tiles show them: policy, legal-aid,
// employment, school-enrolment, residence-permit, business-licence,
// housing-rental, dispute-mediation, reproductive-health, health-screening.
const std::vector<Category>& default_categories();

// What a content package or a hall's configuration sets for one category,
// and nothing else: applied over the defaults in that order, the hall's own
// file last.
struct CategoryChange {
    std::string id;
    std::optional<std::string> zh;
    std::optional<std::string> en;
    std::optional<std::string> badge;
    std::optional<std::string> picture;
    std::optional<std::vector<Topic>> topics;
};

class Categories {
  public:
    Categories() : m_list(default_categories()) {}
    explicit Categories(std::vector<Category> list) : m_list(std::move(list)) {}

    const std::vector<Category>& list() const { return m_list; }
    const Category* find(std::string_view id) const;
    // Sets what `change` sets on the category it names; false when no category has its id.
    bool apply(const CategoryChange& change);
    // "policy, legal-aid, ...": for the message that refuses an unknown id.
    std::string ids_text() const;

  private:
    std::vector<Category> m_list;
};

}  // namespace kiosk::records

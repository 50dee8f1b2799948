#include "consult_categories.h"

namespace kiosk::app {
namespace {

std::vector<records::Topic> topics_of(const std::vector<content::Bilingual>& named) {
    std::vector<records::Topic> topics;
    for (const content::Bilingual& topic : named) {
        topics.push_back(records::Topic{topic.zh, topic.en});
    }
    return topics;
}

}  // namespace

records::Categories consult_categories(const std::vector<records::CategoryChange>& configured,
                                       const content::Package* package) {
    records::Categories categories;
    if (package != nullptr) {
        for (const content::ConsultationCategory& named : package->consultation_categories) {
            // (Made whole at once: GCC 12 misjudges optionals filled in one by one.)
            const records::CategoryChange change{
                .id = named.id,
                .zh = named.label ? std::optional(named.label->zh) : std::nullopt,
                .en = named.label ? std::optional(named.label->en) : std::nullopt,
                .badge = std::nullopt,
                .picture = std::nullopt,
                .topics = named.topics ? std::optional(topics_of(*named.topics)) : std::nullopt,
            };
            categories.apply(change);  // (the package check lets only the default ids through)
        }
    }
    for (const records::CategoryChange& change : configured) {
        categories.apply(change);
    }
    return categories;
}

}  // namespace kiosk::app

#include "ui_text.h"

namespace kiosk::ui::words {

const content::Bilingual& visitor_of(content::LifeStage stage) {
    static const content::Bilingual teenager{"青少年", "Teenager"};
    static const content::Bilingual newly_wed{"新婚夫妇", "Newly-wed"};
    static const content::Bilingual expecting{"准父母", "Expecting a baby"};
    static const content::Bilingual parent{"家有幼儿", "Parent of a young child"};
    static const content::Bilingual over_fifty{"50 岁以上", "50 and over"};
    switch (stage) {
        case content::LifeStage::adolescence:
            return teenager;
        case content::LifeStage::newly_wed:
            return newly_wed;
        case content::LifeStage::pregnancy:
            return expecting;
        case content::LifeStage::child_rearing:
            return parent;
        case content::LifeStage::later_life:
            return over_fifty;
    }
    return teenager;
}

const content::Bilingual& stage_name(content::LifeStage stage) {
    static const content::Bilingual adolescence{"青春期", "adolescence"};
    static const content::Bilingual newly_wed{"新婚期", "newly-wed"};
    static const content::Bilingual pregnancy{"孕产期", "pregnancy and childbirth"};
    static const content::Bilingual child_rearing{"育儿期", "child-rearing"};
    static const content::Bilingual later_life{"更年期及老年期", "menopause and later life"};
    switch (stage) {
        case content::LifeStage::adolescence:
            return adolescence;
        case content::LifeStage::newly_wed:
            return newly_wed;
        case content::LifeStage::pregnancy:
            return pregnancy;
        case content::LifeStage::child_rearing:
            return child_rearing;
        case content::LifeStage::later_life:
            return later_life;
    }
    return adolescence;
}

std::string other_language(content::Language language) {
    return language == content::Language::zh ? "English" : "中文";
}

}  // namespace kiosk::ui::words

#include "exhibit_text_fit.h"

#include <string>

#include "line_breaking.h"

namespace kiosk::ui {

ExhibitTextFit::ExhibitTextFit(std::vector<ScreenMetrics> screens, const TextMeasure& measure)
    : m_measure(measure) {
    for (const ScreenMetrics& screen : screens) {
        for (const bool large : {false, true}) {
            std::string description = std::to_string(screen.width) + "x" + std::to_string(screen.height);
            if (large) {
                description += ", large text";
            }
            // The zone's colour does not change a size.
            m_configurations.push_back(Configuration{Theme::make(screen, large, "boards"), description});
        }
    }
}

std::vector<std::string> ExhibitTextFit::overflows(content::TextBox box, std::string_view text,
                                                   content::Language) const {
    std::vector<std::string> overflowing;
    for (const Configuration& configuration : m_configurations) {
        const TextBoxSpec spec = text_box(box, configuration.theme);
        const auto lines = break_lines({StyledText{std::string(text), spec.style}}, spec.width, m_measure);
        bool too_wide = false;
        for (const TextLine& line : lines) {
            too_wide = too_wide || line.width > spec.width;
        }
        if (static_cast<int>(lines.size()) > spec.max_lines || too_wide) {
            overflowing.push_back(configuration.description);
        }
    }
    return overflowing;
}

}  // namespace kiosk::ui

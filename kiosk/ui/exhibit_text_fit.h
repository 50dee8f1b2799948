#pragma once
// The content check's text measurement, done by the exhibit's own layout:
// a text fits when it takes no more lines than its box allows, on every
// configured screen, in normal and in large text.

#include <vector>

#include "content/package_check.h"
#include "text_measure.h"
#include "theme.h"

namespace kiosk::ui {

class ExhibitTextFit final : public content::TextFit {
  public:
    // `measure` must outlive this.
    ExhibitTextFit(std::vector<ScreenMetrics> screens, const TextMeasure& measure);

    std::vector<std::string> overflows(content::TextBox box, std::string_view text,
                                       content::Language language) const override;

  private:
    struct Configuration {
        Theme theme;
        std::string description;  // "1080x1920, large text"
    };
    std::vector<Configuration> m_configurations;
    const TextMeasure& m_measure;
};

}  // namespace kiosk::ui

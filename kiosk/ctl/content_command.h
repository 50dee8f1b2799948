#pragma once
// kioskctl content check: whether a content package may go on the screens.

#include <filesystem>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "command_table.h"
#include "content/package_check.h"
#include "ctl_context.h"

namespace kiosk::ctl {

struct ScreenSize {
    int width = 0;
    int height = 0;
};

// The screens the package's texts are measured for (--size WxH, repeatable).
struct TextFitScreens {
    std::vector<ScreenSize> sizes;  // landscape and portrait full HD unless given
};

// "1080x1920"; nothing when it is not WxH with both sides positive.
std::optional<ScreenSize> parse_screen_size(const std::string& text);

// What measures texts against the screen layout's boxes for `screens`;
// null while texts are not measured.
std::unique_ptr<content::TextFit> make_text_fit(const CtlContext& context, const TextFitScreens& screens);

// content check DIR: exit 0 when the package is clean, 1 when it has
// problems, 2 when DIR cannot be read.
std::vector<CommandEntry> content_commands();

}  // namespace kiosk::ctl

#pragma once
// kioskctl media add|list|remove: the media library.

#include <vector>

#include "command_table.h"

namespace kiosk::ctl {

std::vector<CommandEntry> media_commands();

}  // namespace kiosk::ctl

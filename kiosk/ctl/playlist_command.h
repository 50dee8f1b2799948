#pragma once
// kioskctl playlist create|add|move|remove|shuffle|show|list.

#include <vector>

#include "command_table.h"

namespace kiosk::ctl {

std::vector<CommandEntry> playlist_commands();

}  // namespace kiosk::ctl

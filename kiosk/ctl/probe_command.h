#pragma once
// kioskctl probe FILE [--json]: what a media file holds, or why it cannot
// play (exit 1).

#include <vector>

#include "command_table.h"

namespace kiosk::ctl {

std::vector<CommandEntry> probe_commands();

}  // namespace kiosk::ctl

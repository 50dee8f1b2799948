#pragma once
// kioskctl report plays: proof of play.

#include <vector>

#include "command_table.h"

namespace kiosk::ctl {

std::vector<CommandEntry> report_commands();

}  // namespace kiosk::ctl

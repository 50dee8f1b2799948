#pragma once
// kioskctl consult: the desk's log of the help it gives. add, list, show,
// close, import (the desk's earlier logs as CSV) and purge (call-back numbers
// past their keeping time).

#include <vector>

#include "command_table.h"

namespace kiosk::ctl {

std::vector<CommandEntry> consult_commands();

}  // namespace kiosk::ctl

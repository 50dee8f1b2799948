#pragma once
// kioskctl schedule add|list|remove|show|resolve|export|import. Editing in
// schedule_command.cpp, viewing in schedule_view.cpp, files in
// programme_file_command.cpp; the group's table here.

#include <vector>

#include "command_table.h"

namespace kiosk::ctl {

std::vector<CommandEntry> schedule_commands();

// schedule show, schedule resolve (schedule_view.cpp).
CommandEntry schedule_show_command();
CommandEntry schedule_resolve_command();
// schedule export, schedule import (programme_file_command.cpp).
CommandEntry schedule_export_command();
CommandEntry schedule_import_command();

}  // namespace kiosk::ctl

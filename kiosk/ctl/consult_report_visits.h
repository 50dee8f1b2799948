#pragma once
// kioskctl report visits (visitor sessions at the zones' screens) and report
// boards (the most-read boards).

#include "command_table.h"

namespace kiosk::ctl {

CommandEntry visits_report_command();
CommandEntry boards_report_command();

}  // namespace kiosk::ctl

#pragma once
// kioskctl report consultations, visits and boards: the figures staff
// report upward each month and year, as a table, CSV, JSON, an Excel
// workbook and a bar chart.

#include <vector>

#include "command_table.h"

namespace kiosk::ctl {

// The entries go after report_commands(), whose group they join.
std::vector<CommandEntry> consultation_report_commands();

}  // namespace kiosk::ctl

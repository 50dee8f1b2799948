#pragma once
// An edit of the programme as every staff command makes it: judged inside its
// own transaction, refused when it brings errors of its own, and followed by
// the problems the programme still has.

#include <functional>
#include <string>

#include <tl/expected.hpp>

#include "command_table.h"
#include "scheduler/edit_check.h"

namespace kiosk::ctl {

// The edit made on the store with `check` (scheduler::refuse_new_errors for
// the hall's time zone and still time). Done: `done` on standard output, then
// each problem of the programme after it as a warning. Refused: the store's error.
using StaffEdit = std::function<tl::expected<void, scheduler::Error>(scheduler::ScheduleStore& store,
                                                                     const scheduler::EditCheck& check)>;
Outcome apply_edit(const Call& call, const StaffEdit& edit, const std::string& done);

}  // namespace kiosk::ctl

#pragma once
// How an edit is judged against the whole programme. The store runs the
// check inside the edit's own BEGIN IMMEDIATE transaction, on the programme
// as it is before the edit and as it would be after it, so no other edit can
// slip in between the check and the write (two interrupts added at once for
// one zone cannot both pass).

#include <chrono>
#include <functional>
#include <vector>

#include <tl/expected.hpp>

#include "scheduler/calendar.h"
#include "scheduler/error.h"
#include "scheduler/programme.h"
#include "scheduler/programme_check.h"

namespace scheduler {

// Called by the store inside an edit's transaction with the programme before
// the edit and after it, both read from the database. An error refuses the
// edit: the transaction is rolled back and the store returns the error.
using EditCheck = std::function<tl::expected<void, Error>(const Programme& before, const Programme& after)>;

// What an edit would do to the programme's problems.
struct EditReview {
    // Errors after the edit that were not there before it: the edit's own
    // fault, so it is refused. Gaps (see CheckPolicy::lenient) are not errors.
    std::vector<Problem> brought;
    // Every problem of the programme after the edit, to be shown as warnings
    // once it is done, and that programme (to name what they are about).
    std::vector<Problem> after;
    Programme programme;
};

EditReview review_edit(const Programme& before, const Programme& after, const date::time_zone& tz,
                       std::chrono::milliseconds still_time = kDefaultStillTime);

// The check every staff edit goes through: refused (invalid_input, the
// message listing the problems) when it brings errors of its own. `review`,
// when given, receives the review of the last call, for the caller's messages.
EditCheck refuse_new_errors(const date::time_zone& tz, std::chrono::milliseconds still_time,
                            EditReview* review = nullptr);

}  // namespace scheduler

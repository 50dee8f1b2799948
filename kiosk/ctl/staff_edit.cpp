#include "staff_edit.h"

namespace kiosk::ctl {

Outcome apply_edit(const Call& call, const StaffEdit& edit, const std::string& done) {
    // The check runs inside the edit's transaction: the programme is read and
    // judged and the edit written with no other edit in between.
    scheduler::EditReview review;
    const scheduler::EditCheck check =
        scheduler::refuse_new_errors(*call.context.time_zone, call.context.still_time, &review);
    if (auto edited = edit(*call.store, check); !edited) {
        return refuse(edited.error());
    }
    call.out << done << '\n';
    print_warnings(call.err, review.after, review.programme);
    return {};
}

}  // namespace kiosk::ctl

#include "scheduler/edit_check.h"

#include <algorithm>
#include <tuple>

namespace scheduler {
namespace {

bool same(const Problem& a, const Problem& b) {
    return std::tie(a.severity, a.subject.kind, a.subject.id, a.subject.zone, a.subject.item, a.field,
                    a.message) == std::tie(b.severity, b.subject.kind, b.subject.id, b.subject.zone,
                                           b.subject.item, b.field, b.message);
}

}  // namespace

EditReview review_edit(const Programme& before, const Programme& after, const date::time_zone& tz,
                       std::chrono::milliseconds still_time) {
    EditReview review;
    review.after = check_programme(after, tz, CheckPolicy::lenient, still_time);
    review.programme = after;
    if (!has_errors(review.after)) {
        return review;
    }
    const std::vector<Problem> earlier = check_programme(before, tz, CheckPolicy::lenient, still_time);
    for (const Problem& problem : review.after) {
        if (problem.severity == Severity::error &&
            std::none_of(earlier.begin(), earlier.end(),
                         [&](const Problem& old) { return same(old, problem); })) {
            review.brought.push_back(problem);
        }
    }
    return review;
}

EditCheck refuse_new_errors(const date::time_zone& tz, std::chrono::milliseconds still_time,
                            EditReview* review) {
    return [&tz, still_time, review](const Programme& before,
                                     const Programme& after) -> tl::expected<void, Error> {
        EditReview found = review_edit(before, after, tz, still_time);
        std::string message;
        for (const Problem& problem : found.brought) {
            message += (message.empty() ? "" : "; ") + describe(problem.subject, after) +
                       (problem.field.empty() ? "" : " (" + problem.field + ")") + ": " + problem.message;
        }
        if (review != nullptr) {
            *review = std::move(found);
        }
        if (message.empty()) {
            return {};
        }
        return tl::unexpected(Error{ErrorKind::invalid_input, message});
    };
}

}  // namespace scheduler

#include "ctl_context.h"

namespace kiosk::ctl {

std::unique_ptr<scheduler::ScheduleStore> CtlContext::open_store(const std::string& command,
                                                                 std::ostream& err) const {
    auto store = scheduler::open_schedule_store(scheduler::database_path(data_dir));
    if (!store) {
        fail(err, command, store.error());
        return nullptr;
    }
    return std::move(*store);
}

std::optional<scheduler::Programme> CtlContext::load_programme(const std::string& command,
                                                               std::ostream& err) const {
    auto store = open_store(command, err);
    if (!store) {
        return std::nullopt;
    }
    auto programme = store->load_programme();
    if (!programme) {
        fail(err, command, programme.error());
        return std::nullopt;
    }
    return std::move(*programme);
}

int fail(std::ostream& err, const std::string& command, const std::string& message) {
    err << "kioskctl: " << command << ": " << message << '\n';
    return 1;
}

int fail(std::ostream& err, const std::string& command, const scheduler::Error& error) {
    return fail(err, command, error.message);
}

void print_warnings(std::ostream& err, const std::vector<scheduler::Problem>& problems,
                    const scheduler::Programme& programme) {
    for (const scheduler::Problem& problem : problems) {
        err << "warning: " << scheduler::describe(problem.subject, programme);
        if (!problem.field.empty()) {
            err << " (" << problem.field << ")";
        }
        err << ": " << problem.message << '\n';
    }
}

std::string format_length(std::chrono::milliseconds length) {
    const long long total = (length.count() + 500) / 1000;
    const auto two = [](long long value) {
        std::string text(value < 10 ? "0" : "");
        return text.append(std::to_string(value));
    };
    if (total >= 3600) {
        return std::to_string(total / 3600) + ":" + two(total / 60 % 60) + ":" + two(total % 60);
    }
    return std::to_string(total / 60) + ":" + two(total % 60);
}

}  // namespace kiosk::ctl

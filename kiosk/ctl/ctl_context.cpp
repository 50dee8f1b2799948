#include "ctl_context.h"

#include "content/message_text.h"

namespace kiosk::ctl {

int exit_status(CtlErrorKind kind) {
    switch (kind) {
        case CtlErrorKind::refused:
            return kExitRefused;
        case CtlErrorKind::usage:
        case CtlErrorKind::unreadable:
            return kExitUsage;
    }
    return kExitRefused;
}

tl::unexpected<CtlError> refuse(std::string message) {
    return tl::unexpected(CtlError{CtlErrorKind::refused, std::move(message)});
}

tl::unexpected<CtlError> refuse(const scheduler::Error& error) {
    return refuse(error.message);
}

tl::unexpected<CtlError> already_said() {
    return refuse(std::string());
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

std::string unknown_zone_text(const std::string& zone) {
    return "--zone " + content::quoted_text(zone) +
           ": unknown zone (the zones are boards, models, av, health)";
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

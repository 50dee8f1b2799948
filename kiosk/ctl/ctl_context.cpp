#include "ctl_context.h"

#include <toml++/toml.h>

namespace kiosk::ctl {

std::unique_ptr<scheduler::ScheduleStore> CtlContext::open_store(const std::string& command, std::ostream& err) const {
    auto store = scheduler::open_schedule_store(scheduler::database_path(data_dir));
    if (!store) {
        fail(err, command, store.error());
        return nullptr;
    }
    return std::move(*store);
}

tl::expected<std::string, std::string> configured_time_zone(const std::optional<std::filesystem::path>& config) {
    if (!config) {
        return std::string(scheduler::kDefaultTimeZone);
    }
    try {
        const toml::table table = toml::parse_file(config->string());
        const toml::node* node = table.get("time_zone");
        if (node == nullptr) {
            return std::string(scheduler::kDefaultTimeZone);
        }
        if (!node->is_string()) {
            const auto& at = node->source().begin;
            return tl::unexpected(config->string() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                                  ": time_zone must be an IANA name such as \"Asia/Shanghai\"");
        }
        return node->as_string()->get();
    } catch (const toml::parse_error& error) {
        const auto& at = error.source().begin;
        return tl::unexpected(config->string() + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) +
                              ": " + std::string(error.description()));
    }
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
    const auto two = [](long long value) { return (value < 10 ? "0" : "") + std::to_string(value); };
    if (total >= 3600) {
        return std::to_string(total / 3600) + ":" + two(total / 60 % 60) + ":" + two(total % 60);
    }
    return std::to_string(total / 60) + ":" + two(total % 60);
}

}  // namespace kiosk::ctl

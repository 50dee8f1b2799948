#pragma once
// kioskctl schedule add|list|remove|show|resolve|export|import. Editing in
// schedule_command.cpp, viewing in schedule_view.cpp, files in
// programme_file_command.cpp.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "ctl_context.h"
#include "scheduler/resolver.h"

namespace kiosk::ctl {

class ScheduleCommand {
  public:
    explicit ScheduleCommand(CLI::App& cli);
    std::optional<int> run(const CtlContext& context, std::ostream& out, std::ostream& err);

  private:
    int add(const CtlContext& context, std::ostream& out, std::ostream& err);
    int remove(const CtlContext& context, std::ostream& out, std::ostream& err);
    int list(const CtlContext& context, std::ostream& out, std::ostream& err);
    int show(const CtlContext& context, std::ostream& out, std::ostream& err);
    int resolve(const CtlContext& context, std::ostream& out, std::ostream& err);
    int export_file(const CtlContext& context, std::ostream& out, std::ostream& err);
    int import_file(const CtlContext& context, std::ostream& out, std::ostream& err);

    CLI::App* m_add_rule = nullptr;
    CLI::App* m_add_interrupt = nullptr;
    CLI::App* m_add_closed = nullptr;
    CLI::App* m_add_default = nullptr;
    CLI::App* m_remove = nullptr;
    CLI::App* m_list = nullptr;
    CLI::App* m_show = nullptr;
    CLI::App* m_resolve = nullptr;
    CLI::App* m_export = nullptr;
    CLI::App* m_import = nullptr;

    std::string m_playlist;
    std::vector<std::string> m_zones;
    std::string m_from;
    std::string m_to;
    std::string m_days = "daily";
    std::string m_dates;
    int m_priority = 0;
    std::string m_at;
    std::string m_on;
    std::string m_mode;
    std::string m_id;
    std::string m_zone;
    std::string m_day;
    std::string m_file;
    bool m_dry_run = false;
    bool m_replace = false;
};

// "\"av-loop\" (rule r3)", "closed (quiet slate)", ...
std::string describe_state(const scheduler::Programme& programme, const scheduler::ZoneState& state);

}  // namespace kiosk::ctl

#pragma once
// kioskctl media add|list|remove: the media library.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "ctl_context.h"

namespace kiosk::ctl {

class MediaCommand {
  public:
    explicit MediaCommand(CLI::App& cli);
    // Runs the subcommand that was given; nullopt when none of this command's was.
    std::optional<int> run(const CtlContext& context, std::ostream& out, std::ostream& err);

  private:
    int add(const CtlContext& context, std::ostream& out, std::ostream& err);
    int list(const CtlContext& context, std::ostream& out, std::ostream& err);
    int remove(const CtlContext& context, std::ostream& out, std::ostream& err);

    CLI::App* m_add = nullptr;
    CLI::App* m_list = nullptr;
    CLI::App* m_remove = nullptr;
    std::vector<std::string> m_files;
    std::string m_name;
    std::string m_remove_name;
    bool m_json = false;
};

}  // namespace kiosk::ctl

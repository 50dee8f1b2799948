#pragma once
// kioskctl report plays: proof of play.

#include <optional>
#include <ostream>
#include <string>

#include <CLI/CLI.hpp>

#include "ctl_context.h"

namespace kiosk::ctl {

class ReportCommand {
  public:
    explicit ReportCommand(CLI::App& cli);
    std::optional<int> run(const CtlContext& context, std::ostream& out, std::ostream& err);

  private:
    CLI::App* m_plays = nullptr;
    std::string m_from;
    std::string m_to;
    std::string m_zone;
    std::string m_format = "table";
};

}  // namespace kiosk::ctl

#pragma once
// kioskctl playlist create|add|move|remove|shuffle|show|list.

#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "ctl_context.h"

namespace kiosk::ctl {

class PlaylistCommand {
  public:
    explicit PlaylistCommand(CLI::App& cli);
    std::optional<int> run(const CtlContext& context, std::ostream& out, std::ostream& err);

  private:
    int edit(const CtlContext& context, std::ostream& out, std::ostream& err);
    int show(const CtlContext& context, std::ostream& out, std::ostream& err);
    int list(const CtlContext& context, std::ostream& out, std::ostream& err);

    CLI::App* m_create = nullptr;
    CLI::App* m_add = nullptr;
    CLI::App* m_move = nullptr;
    CLI::App* m_remove = nullptr;
    CLI::App* m_shuffle = nullptr;
    CLI::App* m_show = nullptr;
    CLI::App* m_list = nullptr;
    std::string m_name;
    std::vector<std::string> m_media;
    bool m_shuffle_flag = false;
    std::string m_shuffle_value;
    std::optional<int> m_at;
    std::optional<double> m_display_seconds;
    std::optional<int> m_volume;
    int m_from = 0;
    int m_to = 0;
    std::optional<int> m_position;
};

}  // namespace kiosk::ctl

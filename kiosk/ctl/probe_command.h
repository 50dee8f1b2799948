#pragma once

#include <filesystem>
#include <ostream>

namespace kiosk::ctl {

// `kioskctl probe FILE [--json]`: exit 0 when the file can play, 1 when not.
int run_probe(const std::filesystem::path& file, bool json, std::ostream& out, std::ostream& err);

}  // namespace kiosk::ctl

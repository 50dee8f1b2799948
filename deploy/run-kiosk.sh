#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a running kiosk: installs what
# is missing, builds, makes the sample content package (boards, pictures and
# films of all four zones) and starts the kiosk on it, in a window when there
# is a display and headless otherwise.
#   deploy/run-kiosk.sh [extra kiosk options, e.g. --run-for 30]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

"$repo/deploy/install-deps.sh" --run
configure_and_build "$repo/build"

data_dir="$repo/build/kiosk-data"
as_invoking_user "$repo/content/sample/make_sample_package.sh" "$data_dir/content"

mode=()
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "run-kiosk: no display found: running headless (logs only)"
  mode=(--headless)
fi
# As the user behind sudo: their display, their build tree.
as_invoking_user "$repo/build/kiosk/kiosk" --data-dir "$data_dir" \
  --config "$repo/deploy/examples/sample-hall.toml" "${mode[@]}" "$@"

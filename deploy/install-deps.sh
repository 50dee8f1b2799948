#!/usr/bin/env bash
# Installs exactly the Debian 12 packages the kiosk needs to build, run and test
# that are not installed yet. Works as root or through sudo.
#   deploy/install-deps.sh            build + run dependencies
#   deploy/install-deps.sh --run      also what the sample programme is made with
#   deploy/install-deps.sh --test     also the tools the tests and benchmarks use
set -euo pipefail

build_packages=(
  build-essential cmake pkg-config
  libsdl2-dev libsdl2-ttf-dev libsdl2-image-dev
  libavformat-dev libavcodec-dev libavutil-dev libswscale-dev libswresample-dev
  libsqlite3-dev libsqlitecpp-dev libcurl4-openssl-dev libxlsxwriter-dev
  libexpected-dev nlohmann-json3-dev libtomlplusplus-dev libspdlog-dev libfmt-dev libcli11-dev
  libhowardhinnant-date-dev tzdata libsodium-dev libsystemd-dev
  libgtest-dev libgmock-dev
  libfontconfig-dev fonts-noto-cjk fonts-wqy-zenhei fontconfig
)
run_packages=(ffmpeg)
test_packages=(ffmpeg xvfb xauth mpv python3 time ccache sqlite3)

want=("${build_packages[@]}")
case "${1:-}" in
  --run) want+=("${run_packages[@]}") ;;
  --test) want+=("${test_packages[@]}") ;;
  "") ;;
  *) echo "usage: install-deps.sh [--run|--test]" >&2; exit 2 ;;
esac

missing=()
for package in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: everything is installed"
  exit 0
fi

as_root=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  as_root=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq
"${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"

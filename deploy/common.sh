# Shared by the deploy scripts: where things are, and how to build as the
# person who asked rather than as root when run through sudo.
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# as_invoking_user CMD...: runs CMD as the user behind sudo, so build trees
# in their checkout stay theirs; as is, when run directly.
as_invoking_user() {
  if [[ $(id -u) -eq 0 && -n "${SUDO_USER:-}" && "${SUDO_USER}" != root ]]; then
    sudo -u "$SUDO_USER" --preserve-env=PATH,CI,DISPLAY,WAYLAND_DISPLAY,XDG_RUNTIME_DIR,CCACHE_BASEDIR,CCACHE_NOHASHDIR "$@"
  else
    "$@"
  fi
}

# With ccache installed (CMakeLists.txt uses it when present), a rebuild of
# unchanged sources is a cache hit in any checkout: paths are taken relative
# to the checkout, and the build folder is left out of the hash.
export CCACHE_BASEDIR="$repo"
export CCACHE_NOHASHDIR=true

# configure_and_build BUILD_DIR [CMAKE ARGS...]
configure_and_build() {
  local build_dir=$1
  shift
  as_invoking_user cmake -S "$repo" -B "$build_dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@"
  as_invoking_user cmake --build "$build_dir" -j "$(nproc)"
}

#!/usr/bin/env bash
# One command from a fresh Debian 12 machine to a green test run: installs
# what is missing, builds with warnings as errors, runs every test, then
# builds again with AddressSanitizer + UndefinedBehaviorSanitizer and runs
# every test again.
#   deploy/run-tests.sh            both runs
#   deploy/run-tests.sh --quick    the plain run only
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

quick=false
[[ "${1:-}" == "--quick" ]] && quick=true

"$repo/deploy/install-deps.sh" --test

run_suite() {
  local build_dir=$1
  shift
  configure_and_build "$build_dir" -DKIOSK_WARNINGS_AS_ERRORS=ON "$@"
  (cd "$build_dir" && as_invoking_user ctest --output-on-failure -j 2 --timeout 600)
}

run_suite "$repo/build-tests"
if ! $quick; then
  # Leak reports are errors; the SDL dummy drivers and fontconfig keep a few
  # process-lifetime allocations, which tests/lsan.supp names.
  export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
  export LSAN_OPTIONS=suppressions="$repo/tests/lsan.supp":print_suppressions=0
  export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
  run_suite "$repo/build-sanitize" -DKIOSK_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug
fi

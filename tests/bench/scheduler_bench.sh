#!/usr/bin/env bash
# Builds the scheduler benchmark in Release and runs it: µs per resolution
# with 1,000 rules, ms per week's timeline of four zones.
#   tests/bench/scheduler_bench.sh [BUILD_DIR] [-- scheduler_bench args, e.g. --strict]
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-/tmp/build-scheduler-bench}
[[ $# -gt 0 ]] && shift
[[ ${1:-} == "--" ]] && shift
cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" --target scheduler_bench -j "$(nproc)" >/dev/null
echo "scheduler_bench ($(uname -m), $(nproc) cores, Release)"
"$build/tests/scheduler/scheduler_bench" "$@"

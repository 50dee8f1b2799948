#!/usr/bin/env bash
# check_includes.sh against a small tree made here: a clean one passes, and
# one with a forbidden include in each checked place fails, naming each file
# and line. Proves the layering check would catch what it is there to catch.
#
# usage: check_includes_test.sh CHECK_INCLUDES_SH
set -u

check=${1:?usage: check_includes_test.sh CHECK_INCLUDES_SH}
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
failed=0

mkdir -p "$tree"/content/src "$tree"/scheduler/src "$tree"/kiosk/ui "$tree"/kiosk/records "$tree"/media/include/media
printf '#include "content/package.h"\n#include <vector>\n' >"$tree/content/src/package.cpp"
printf '#include "content/media_facts.h"\n' >"$tree/scheduler/src/programme.cpp"
printf '#include "ui/scene.h"\n' >"$tree/kiosk/ui/navigator.cpp"
printf '#include "records/categories.h"\n' >"$tree/kiosk/records/categories.cpp"
printf '#include "content/media_prober.h"\n' >"$tree/media/include/media/media_probe.h"

if ! output=$("$check" "$tree" 2>&1); then
    echo "FAIL: a clean tree was refused:"
    echo "$output"
    failed=1
fi

printf '\n#include <libavformat/avformat.h>\n' >>"$tree/content/src/package.cpp"
printf '#  include "SDL_ttf.h"\n' >>"$tree/scheduler/src/programme.cpp"
printf '#include "media/media_probe.h"\n' >>"$tree/scheduler/src/programme.cpp"
printf '#include <SDL.h>\n' >>"$tree/kiosk/ui/navigator.cpp"
printf '#include <libavutil/frame.h>\n' >>"$tree/kiosk/records/categories.cpp"
printf '#include <libswscale/swscale.h>\n' >>"$tree/media/include/media/media_probe.h"
printf '#include "render/text_engine.h"\n#include "scheduler/resolver.h"\n' >"$tree/content/src/reach.cpp"

output=$("$check" "$tree" 2>&1)
status=$?
if ((status != 1)); then
    echo "FAIL: a tree with forbidden includes exited $status, not 1"
    failed=1
fi
for expected in \
    "content/src/package.cpp:4: includes FFmpeg" \
    "scheduler/src/programme.cpp:2: includes SDL" \
    "scheduler/src/programme.cpp:3: includes a module above it" \
    "kiosk/ui/navigator.cpp:2: includes SDL" \
    "kiosk/records/categories.cpp:2: includes FFmpeg" \
    "media/include/media/media_probe.h:2: a public media header includes FFmpeg" \
    "content/src/reach.cpp:1: includes a module above it" \
    "content/src/reach.cpp:2: includes the scheduler"; do
    if [[ $output != *"$expected"* ]]; then
        echo "FAIL: not reported: $expected"
        failed=1
    fi
done
echo "$output"

if ((failed)); then
    exit 1
fi
echo "the layering check caught every forbidden include"

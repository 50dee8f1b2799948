#!/usr/bin/env bash
# The modules' allowed edges, checked on what each file includes:
#   - the catalogue (content/), the programme (scheduler/), the screens'
#     logic (kiosk/ui/) and the hall's records (kiosk/records/) include no
#     FFmpeg (libav*, libsw*) and no SDL header;
#   - media's public headers (media/include/) show no FFmpeg type;
#   - content/ and scheduler/ include nothing of media/ or kiosk/, and
#     content/ nothing of scheduler/: dependencies point down only.
# Prints each offending include as FILE:LINE: why, and fails when there is one.
#
# usage: check_includes.sh SOURCE_DIR
set -u

root=${1:?usage: check_includes.sh SOURCE_DIR}
cd "$root" || exit 2

found=0

# violations DIR WHY REGEX: every #include line under DIR matching REGEX.
violations() {
    local dir=$1 why=$2 pattern=$3
    [[ -d $dir ]] || return 0
    local hits
    hits=$(grep -rnE --include='*.h' --include='*.hpp' --include='*.cpp' --include='*.cc' \
        "^[[:space:]]*#[[:space:]]*include[[:space:]]*${pattern}" "$dir")
    if [[ -n $hits ]]; then
        while IFS= read -r hit; do
            # FILE:LINE:TEXT -> FILE:LINE: why: TEXT
            local place=${hit%%:*} rest=${hit#*:}
            local line=${rest%%:*} text=${rest#*:}
            echo "$place:$line: $why: ${text#"${text%%[![:space:]]*}"}"
        done <<<"$hits"
        found=1
    fi
}

ffmpeg='[<"](libav|libsw|libpostproc)[a-z]*/'
sdl='[<"]SDL'
# Our other modules, as their files are included: kiosk/'s folders and media/.
upper='[<"](kiosk|media|app|ctl|playback|render|text|ui)/'

for dir in content scheduler kiosk/ui kiosk/records; do
    violations "$dir" "includes FFmpeg (only media/ and kiosk/playback/ may)" "$ffmpeg"
    violations "$dir" "includes SDL (only kiosk's adapters may)" "$sdl"
done
violations media/include "a public media header includes FFmpeg (media/ffmpeg/include is for adapters)" "$ffmpeg"
for dir in content scheduler; do
    violations "$dir" "includes a module above it (content <- scheduler <- kiosk)" "$upper"
done
violations content "includes the scheduler (content depends on no module of ours)" '[<"]scheduler/'

if ((found)); then
    echo "layering check failed: see the includes above" >&2
    exit 1
fi
echo "layering check passed: content, scheduler, kiosk/ui and kiosk/records include no FFmpeg or SDL; dependencies point down"

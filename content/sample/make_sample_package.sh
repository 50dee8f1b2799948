#!/usr/bin/env bash
# Builds the bundled sample content package (content/PACKAGE_FORMAT.md) into
# OUTDIR: the manifest, every drawing in package/art rendered to
# images/NAME.png, and the short films the manifest names, made from FFmpeg's
# own generators and the installed CJK font. SAMPLE CONTENT: the manifest
# marks it so, and every film carries the mark.
#   make_sample_package.sh OUTDIR
# Outputs newer than their sources are kept, so a second run is quick.
set -euo pipefail

out=${1:?usage: make_sample_package.sh OUTDIR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
self=$here/$(basename "${BASH_SOURCE[0]}")
src=$here/package
lib=$here/lib/sample_media.sh
# shellcheck source-path=SCRIPTDIR source=lib/sample_media.sh
source "$lib"
sample_media_init make_sample_package
decoders=$(ffmpeg -hide_banner -decoders 2>/dev/null || true)
if [[ $decoders != *librsvg* ]]; then
  echo "make_sample_package: this ffmpeg cannot read SVG (it needs the librsvg decoder)" >&2
  exit 1
fi
SAMPLE_SIZE=1280x720
SAMPLE_RATE=25
SAMPLE_MARK='示例内容 · Sample content'

mkdir -p "$out/images" "$out/films"
failed=$(mktemp)
trap 'rm -f "$failed"' EXIT

# Run up to one job per processor at a time; a failed job is noted in $failed.
max_jobs=$(nproc 2>/dev/null || echo 2)
job() {
  while (( $(jobs -rp | wc -l) >= max_jobs )); do wait -n || true; done
  { "$@" || echo "$*" >> "$failed"; } &
}

# is_fresh OUT SOURCE…: OUT exists and is newer than every SOURCE.
is_fresh() {
  local target=$1 source
  shift
  [[ -f $target ]] || return 1
  for source in "$@"; do
    [[ $target -nt $source ]] || return 1
  done
}

# 1. The manifest.
cmp -s "$src/manifest.json" "$out/manifest.json" || cp "$src/manifest.json" "$out/manifest.json"

# 2. The pictures.
for svg in "$src"/art/*.svg; do
  name=$(basename "$svg" .svg)
  is_fresh "$out/images/$name.png" "$svg" || job sample_svg "$svg" "$out/images/$name.png"
done
wait
if [[ -s $failed ]]; then
  echo "make_sample_package: could not render: $(cat "$failed")" >&2
  exit 1
fi

# 3. The films: film NAME SECONDS COLOUR_A COLOUR_B PICTURE ZH EN
film() {
  local name=$1 seconds=$2 colour_a=$3 colour_b=$4 picture=$out/images/$5.png zh=$6 en=$7
  is_fresh "$out/films/$name.mp4" "$self" "$lib" "$picture" && return 0
  job sample_film "$out/films/$name.mp4" "$seconds" "$colour_a" "$colour_b" "$zh" "$en" "$picture"
}
film life-cycle            8 0x264653 0x2a9d8f family         "世代服务 一路相伴" "Services for every stage of life"
film family-support        8 0x9c4a3a 0xe9c46a family         "三孩政策与支持措施" "The three-child policy and support for families"
film model-guide           8 0x003049 0x669bbc model-body     "轻触屏幕 认识模型" "Touch the screen to explore the models"
film birth-of-life         8 0x1d3557 0xb5485a model-fetal    "生命的诞生" "The birth of life"
film pregnancy-education   8 0x2a9d8f 0x264653 pregnancy      "孕产期教育" "Pregnancy and childbirth education"
film birth-spacing         8 0x6d597a 0xb56576 baby           "避孕节育知识" "Contraception and birth spacing"
film lesson-adolescence    6 0x1f6f78 0x8ecae6 youth          "青春期课堂" "Class: growing up"
film lesson-newly-wed      6 0x9d3c52 0xf4a7b9 wedding        "新婚课堂" "Class: for newly-weds"
film lesson-child-rearing  6 0x2f6b3f 0xe9c46a growth-chart   "育儿课堂" "Class: parenting"
film lesson-later-life     6 0x7a4f2a 0xf6c76a elders         "乐龄课堂" "Class: healthy ageing"
film free-screening        8 0x1b4332 0x52b788 clinic         "免费健康查体" "Free health screening for residents and migrants"
film fingerprint-consent   8 0x243b55 0x5f8fb4 fingerprint    "指纹签到 自愿同意" "Fingerprint check-in: only with your consent"
wait
if [[ -s $failed ]]; then
  echo "make_sample_package: could not make: $(cat "$failed")" >&2
  exit 1
fi

# 4. Every file the manifest names must now be in the package.
missing=()
while IFS= read -r path; do
  [[ -f $out/$path ]] || missing+=("$path")
done < <(grep -oE '"(images|films)/[^"]+"' "$out/manifest.json" | tr -d '"' | sort -u)
if (( ${#missing[@]} )); then
  echo "make_sample_package: the manifest names files this script does not make: ${missing[*]}" >&2
  exit 1
fi
echo "make_sample_package: sample package written to $out"

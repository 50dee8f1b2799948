#!/usr/bin/env bash
# Makes the sample film programme of each zone: short title films and a still
# card, drawn here from FFmpeg's own generators and the installed CJK font, so
# the repository ships no third-party media. SAMPLE CONTENT, not for display
# to the public as real information.
#   make_sample_films.sh OUTDIR     writes OUTDIR/<zone>/NN-name.{mp4,png}
set -euo pipefail

out=${1:?usage: make_sample_films.sh OUTDIR}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
lib=$here/../lib/sample_media.sh
stamp="$out/.complete"
script_hash=$(cat "$0" "$lib" | sha256sum | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$script_hash" ]]; then
  exit 0
fi
# shellcheck source-path=SCRIPTDIR source=../lib/sample_media.sh
source "$lib"
sample_media_init make_sample_films
SAMPLE_SIZE=960x540
SAMPLE_RATE=30
SAMPLE_MARK='样例内容 · Sample content'

# film ZONE NAME SECONDS COLOUR_A COLOUR_B ZH EN
film() {
  mkdir -p "$out/$1"
  sample_film "$out/$1/$2.mp4" "$3" "$4" "$5" "$6" "$7"
}

# card ZONE NAME COLOUR ZH EN
card() {
  mkdir -p "$out/$1"
  sample_card "$out/$1/$2.png" "$3" "$4" "$5"
}

film av 01-birth-of-life 8 0x1d3557 0xe63946 "生命的诞生" "The birth of life"
film av 02-pregnancy-education 8 0x2a9d8f 0x264653 "孕产期教育" "Pregnancy and childbirth education"
card av 03-welcome 0x3d405b "欢迎来到人口文化视窗" "Welcome to the Population Culture Window"
film av 04-birth-spacing 8 0x6d597a 0xb56576 "避孕节育知识" "Contraception and birth spacing"
film boards 01-life-cycle-service 8 0x264653 0xe9c46a "世代服务" "Services for every stage of life"
film models 01-model-guide 8 0x003049 0x669bbc "实物模型展示区" "Physical-model display zone"
film health 01-free-screening 8 0x1b4332 0x52b788 "免费健康查体" "Free health screening · check in by fingerprint"
echo "$script_hash" > "$stamp"
echo "make_sample_films: sample programme written to $out"

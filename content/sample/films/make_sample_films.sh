#!/usr/bin/env bash
# Makes the sample film programme of each zone: short title films and a still
# card, drawn here from FFmpeg's own generators and the installed CJK font, so
# the repository ships no third-party media. SAMPLE CONTENT, not for display
# to the public as real information.
#   make_sample_films.sh OUTDIR     writes OUTDIR/<zone>/NN-name.{mp4,png}
set -euo pipefail

out=${1:?usage: make_sample_films.sh OUTDIR}
stamp="$out/.complete"
script_hash=$(sha256sum "$0" | cut -d' ' -f1)
if [[ -f "$stamp" && "$(cat "$stamp")" == "$script_hash" ]]; then
  exit 0
fi
command -v ffmpeg >/dev/null || { echo "make_sample_films: ffmpeg is needed (deploy/install-deps.sh installs it)" >&2; exit 1; }
font=$(fc-match -f '%{file}' 'Noto Sans CJK SC:style=Bold' 2>/dev/null || true)
[[ -f "$font" ]] || font=$(fc-match -f '%{file}' 'WenQuanYi Zen Hei' 2>/dev/null || true)
[[ -f "$font" ]] || { echo "make_sample_films: no CJK font (install fonts-noto-cjk)" >&2; exit 1; }

# film ZONE NAME SECONDS COLOUR_A COLOUR_B ZH EN
film() {
  local zone=$1 name=$2 seconds=$3 colour_a=$4 colour_b=$5 zh=$6 en=$7
  mkdir -p "$out/$zone"
  local text="drawtext=fontfile='$font':text='$zh':fontsize=h/9:fontcolor=white:x=(w-tw)/2:y=h*0.36:shadowx=3:shadowy=3,"
  text+="drawtext=fontfile='$font':text='$en':fontsize=h/20:fontcolor=white@0.9:x=(w-tw)/2:y=h*0.54,"
  text+="drawtext=fontfile='$font':text='样例内容 · Sample content':fontsize=h/32:fontcolor=white@0.7:x=(w-tw)/2:y=h*0.86"
  ffmpeg -loglevel error -y \
    -f lavfi -i "gradients=size=960x540:rate=30:duration=$seconds:speed=0.02:c0=$colour_a:c1=$colour_b:nb_colors=2" \
    -f lavfi -i "aevalsrc=0.08*sin(2*PI*220*t)*(0.6+0.4*sin(2*PI*0.25*t))+0.05*sin(2*PI*330*t):s=48000:d=$seconds:c=stereo" \
    -vf "$text,fade=in:st=0:d=0.5,fade=out:st=$((seconds - 1)).5:d=0.5" \
    -af "afade=in:st=0:d=0.5,afade=out:st=$((seconds - 1)).5:d=0.5" \
    -c:v libx264 -preset veryfast -crf 26 -pix_fmt yuv420p -c:a aac -b:a 96k -movflags +faststart \
    "$out/$zone/$name.mp4"
}

# card ZONE NAME COLOUR ZH EN
card() {
  local zone=$1 name=$2 colour=$3 zh=$4 en=$5
  mkdir -p "$out/$zone"
  ffmpeg -loglevel error -y -f lavfi -i "color=c=$colour:size=960x540:duration=1" -frames:v 1 \
    -vf "drawtext=fontfile='$font':text='$zh':fontsize=h/10:fontcolor=white:x=(w-tw)/2:y=h*0.38,drawtext=fontfile='$font':text='$en':fontsize=h/22:fontcolor=white:x=(w-tw)/2:y=h*0.56" \
    "$out/$zone/$name.png"
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

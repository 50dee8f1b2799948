# shellcheck shell=bash
# Shared by films/make_sample_films.sh and make_sample_package.sh: the sample
# films and cards, drawn from FFmpeg's own generators and the installed CJK
# font, so the repository ships no third-party media. Source it, then call
# sample_media_init NAME before anything else.
#
# Settings (change before calling sample_film / sample_card):
#   SAMPLE_SIZE   frame size, WxH (default 960x540)
#   SAMPLE_RATE   frames per second (default 30)
#   SAMPLE_MARK   the sample mark along the bottom of every frame

SAMPLE_SIZE=${SAMPLE_SIZE:-960x540}
SAMPLE_RATE=${SAMPLE_RATE:-30}
SAMPLE_MARK=${SAMPLE_MARK:-示例内容 · Sample content}

# sample_media_init NAME: checks for ffmpeg and a CJK font; sets
# SAMPLE_FONT_BOLD and SAMPLE_FONT. NAME prefixes the error messages.
sample_media_init() {
  local who=$1
  if ! command -v ffmpeg >/dev/null; then
    echo "$who: ffmpeg is needed (deploy/install-deps.sh installs it)" >&2
    return 1
  fi
  if ! command -v fc-match >/dev/null; then
    echo "$who: fc-match is needed to find the CJK font (install fontconfig)" >&2
    return 1
  fi
  SAMPLE_FONT_BOLD=$(_sample_font 'Noto Sans CJK SC:style=Bold' 'CJK')
  SAMPLE_FONT=$(_sample_font 'Noto Sans CJK SC' 'CJK')
  [[ -n $SAMPLE_FONT_BOLD ]] || SAMPLE_FONT_BOLD=$(_sample_font 'WenQuanYi Zen Hei' 'WenQuanYi')
  [[ -n $SAMPLE_FONT ]] || SAMPLE_FONT=$SAMPLE_FONT_BOLD
  if [[ -z $SAMPLE_FONT_BOLD ]]; then
    echo "$who: no CJK font found: neither Noto Sans CJK SC nor WenQuanYi Zen Hei (install fonts-noto-cjk)" >&2
    return 1
  fi
}

# _sample_font PATTERN FAMILY_WORD: the font file fontconfig picks for
# PATTERN, only when its family really is the one asked for (fc-match falls
# back to any font at all otherwise).
_sample_font() {
  local family file
  family=$(fc-match -f '%{family}' "$1" 2>/dev/null || true)
  file=$(fc-match -f '%{file}' "$1" 2>/dev/null || true)
  if [[ $family == *"$2"* && -f $file ]]; then
    printf '%s' "$file"
  fi
}

# _sample_text FILE TEXT: drawtext reads its text from a file, so that no
# punctuation needs escaping.
_sample_text() {
  printf '%s' "$2" > "$1"
}

# sample_film OUT SECONDS COLOUR_A COLOUR_B ZH EN [PICTURE]
# A title film: a slowly turning two-colour gradient, the Chinese title, the
# English one under it and the sample mark, with a soft two-note tone; fades
# in and out. With PICTURE (a PNG), the picture sits framed above the titles.
# Everything that stands still is drawn once, as a transparent card laid over
# the gradient, which keeps the film quick to make. Written to OUT.tmp.mp4
# first, then renamed, so a cut-off run leaves no half-made film behind.
sample_film() {
  local out=$1 seconds=$2 colour_a=$3 colour_b=$4 zh=$5 en=$6 picture=${7:-}
  local width=${SAMPLE_SIZE%x*} height=${SAMPLE_SIZE#*x}
  local tmp=${out%.mp4}.tmp.mp4 work status=0
  work=$(mktemp -d)
  _sample_text "$work/zh" "$zh"
  _sample_text "$work/en" "$en"
  _sample_text "$work/mark" "$SAMPLE_MARK"
  local draw="fontcolor=white:expansion=none:x=(w-tw)/2"
  local inputs=(-f lavfi -i "color=c=black@0.0:size=$SAMPLE_SIZE,format=rgba") graph
  if [[ -n $picture ]]; then
    local pw=$((width * 45 / 100 / 2 * 2)) ph band_y=$((height * 62 / 100)) band_h=$((height * 28 / 100))
    ph=$((pw * 10 / 16 / 2 * 2))
    inputs+=(-f lavfi -i "color=c=black@0.25:size=${width}x${band_h},format=rgba" -i "$picture")
    graph="[2:v]scale=$pw:$ph,pad=$((pw + 12)):$((ph + 12)):6:6:white@0.9[pic];"
    graph+="[0:v][1:v]overlay=x=0:y=${band_y}[card];[card][pic]overlay=x=(W-w)/2:y=H*0.075,"
    graph+="drawtext=fontfile='$SAMPLE_FONT_BOLD':textfile='$work/zh':$draw:fontsize=h/12:y=h*0.65:shadowx=2:shadowy=2,"
    graph+="drawtext=fontfile='$SAMPLE_FONT':textfile='$work/en':$draw:fontsize=h/24:y=h*0.775:fontcolor=0xf0f0f0,"
  else
    graph="[0:v]drawtext=fontfile='$SAMPLE_FONT_BOLD':textfile='$work/zh':$draw:fontsize=h/9:y=h*0.36:shadowx=3:shadowy=3,"
    graph+="drawtext=fontfile='$SAMPLE_FONT':textfile='$work/en':$draw:fontsize=h/20:y=h*0.54:fontcolor=0xf0f0f0,"
  fi
  graph+="drawtext=fontfile='$SAMPLE_FONT':textfile='$work/mark':$draw:fontsize=h/28:y=h*0.925:fontcolor=0xd8d8d8"
  ffmpeg -nostdin -loglevel error -y "${inputs[@]}" -filter_complex "$graph" -frames:v 1 "$work/card.png" || status=$?

  local fade_out
  fade_out=$(awk -v s="$seconds" 'BEGIN { printf "%.2f", s - 0.6 }')
  # The gradient is drawn small and scaled up: it is smooth, and this is
  # much cheaper than drawing it full size.
  local gw=$((width / 4)) gh=$((height / 4))
  graph="[0:v]scale=$width:$height,format=yuv420p[bg];[bg][1:v]overlay=x=0:y=0,"
  graph+="fade=in:st=0:d=0.6,fade=out:st=$fade_out:d=0.6[v];"
  graph+="[2:a][3:a]amix=inputs=2:weights=0.6 0.35,volume=0.5,tremolo=f=0.25:d=0.4,"
  graph+="afade=in:st=0:d=0.6,afade=out:st=$fade_out:d=0.6,aformat=channel_layouts=stereo[a]"
  if [[ $status -eq 0 ]]; then
    ffmpeg -nostdin -loglevel error -y \
      -f lavfi -i "gradients=size=${gw}x${gh}:rate=$SAMPLE_RATE:duration=$seconds:speed=0.005:x0=0:y0=0:x1=$((gw * 2)):y1=$((gh * 2)):c0=$colour_a:c1=$colour_b" \
      -i "$work/card.png" \
      -f lavfi -i "sine=frequency=220:sample_rate=48000:duration=$seconds" \
      -f lavfi -i "sine=frequency=330:sample_rate=48000:duration=$seconds" \
      -filter_complex "$graph" -map '[v]' -map '[a]' \
      -c:v libx264 -preset veryfast -crf 26 -pix_fmt yuv420p -c:a aac -b:a 96k -movflags +faststart \
      "$tmp" && mv -f "$tmp" "$out" || status=$?
  fi
  rm -rf "$work"
  [[ $status -eq 0 ]] || rm -f "$tmp"
  return $status
}

# sample_card OUT COLOUR ZH EN: a still title card (PNG).
sample_card() {
  local out=$1 colour=$2 zh=$3 en=$4
  local tmp=${out%.png}.tmp.png texts
  texts=$(mktemp -d)
  _sample_text "$texts/zh" "$zh"
  _sample_text "$texts/en" "$en"
  _sample_text "$texts/mark" "$SAMPLE_MARK"
  local draw="fontcolor=white:expansion=none:x=(w-tw)/2"
  local status=0
  ffmpeg -nostdin -loglevel error -y -f lavfi -i "color=c=$colour:size=$SAMPLE_SIZE:duration=1" -frames:v 1 \
    -vf "drawtext=fontfile='$SAMPLE_FONT_BOLD':textfile='$texts/zh':$draw:fontsize=h/10:y=h*0.38,drawtext=fontfile='$SAMPLE_FONT':textfile='$texts/en':$draw:fontsize=h/22:y=h*0.56,drawtext=fontfile='$SAMPLE_FONT':textfile='$texts/mark':$draw:fontsize=h/32:y=h*0.86:fontcolor=white@0.7" \
    "$tmp" && mv -f "$tmp" "$out" || status=$?
  rm -rf "$texts"
  [[ $status -eq 0 ]] || rm -f "$tmp"
  return $status
}

# sample_svg IN.svg OUT.png: renders a drawing with FFmpeg's librsvg decoder.
sample_svg() {
  local in=$1 out=$2
  local tmp=${out%.png}.tmp.png status=0
  ffmpeg -nostdin -loglevel error -y -i "$in" -frames:v 1 "$tmp" && mv -f "$tmp" "$out" || status=$?
  [[ $status -eq 0 ]] || rm -f "$tmp"
  return $status
}

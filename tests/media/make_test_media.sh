#!/usr/bin/env bash
# Generates every media file the tests decode into OUTDIR, with the ffmpeg CLI and its lavfi sources.
#
#   make_test_media.sh OUTDIR
#
# Idempotent: OUTDIR/.complete holds the hash of this script and is written last, so a finished run is
# skipped and an interrupted or outdated one is redone in full. Clips are small so the whole set builds
# in well under a minute on two cores.
#
# The lavfi input helpers below print options that are meant to be split into words:
# shellcheck disable=SC2046
set -euo pipefail

if [[ $# -ne 1 ]]; then
    echo "usage: $0 OUTDIR" >&2
    exit 2
fi

mkdir -p "$1"
OUTDIR=$(cd "$1" && pwd)
STAMP="$OUTDIR/.complete"
SCRIPT_HASH=$(sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1)

if [[ -f $STAMP && $(<"$STAMP") == "$SCRIPT_HASH" ]]; then
    echo "make_test_media: $OUTDIR is up to date"
    exit 0
fi

command -v ffmpeg >/dev/null || { echo "make_test_media: ffmpeg not found" >&2; exit 1; }
command -v ffprobe >/dev/null || { echo "make_test_media: ffprobe not found" >&2; exit 1; }

rm -f "$STAMP"
cd "$OUTDIR"
START=$SECONDS

die() {
    echo "make_test_media: $*" >&2
    exit 1
}

ff() { ffmpeg -hide_banner -nostdin -loglevel error -y "$@"; }

# ffprobe entries of the first video stream: probe_v ENTRIES [FFPROBE ARGS...] FILE
probe_v() {
    local entries=$1
    shift
    ffprobe -v error -select_streams v:0 -show_entries "$entries" -of csv=p=0 "$@"
}

# Input options for lavfi sources, printed to be split into words by an unquoted $(...):
# testsrc SIZE FPS SECONDS, colour COLOUR SIZE FPS SECONDS, sine HZ SECONDS
testsrc() { echo "-f lavfi -i testsrc2=size=$1:rate=$2:duration=$3"; }
colour() { echo "-f lavfi -i color=c=$1:size=$2:rate=$3:duration=$4"; }
sine() { echo "-f lavfi -i sine=frequency=$1:sample_rate=48000:duration=$2"; }

H264=(-c:v libx264 -preset veryfast -pix_fmt yuv420p)
AAC=(-c:a aac -b:a 96k -ar 48000 -ac 2)

# --- Good clips -------------------------------------------------------------------------------------

# mp4 without faststart: the moov atom sits at the end, which truncated.mp4 relies on.
ff $(testsrc 320x240 30 2) $(sine 440 2) "${H264[@]}" "${AAC[@]}" h264_aac.mp4

ff $(testsrc 320x240 30 2) $(sine 440 2) -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 300k \
    -pix_fmt yuv420p -c:a libopus -b:a 64k -ar 48000 -ac 2 vp9_opus.webm

encoders=$(ffmpeg -hide_banner -encoders 2>/dev/null)
if [[ $encoders == *" libx265 "* ]]; then
    ff $(testsrc 320x240 25 2) $(sine 440 2) -c:v libx265 -preset ultrafast -x265-params log-level=error \
        -pix_fmt yuv420p "${AAC[@]}" hevc.mkv
else
    echo "make_test_media: WARNING: no libx265 encoder; hevc.mkv holds H.264 instead of HEVC" >&2
    ff $(testsrc 320x240 25 2) $(sine 440 2) "${H264[@]}" "${AAC[@]}" hevc.mkv
fi

ff $(testsrc 320x240 25 2) $(sine 440 2) -c:v mpeg2video -q:v 4 -pix_fmt yuv420p -c:a mp2 -b:a 128k \
    -ar 48000 -ac 2 -f mpegts mpeg2.ts

# ffmpeg 5.1 drops the rotate tag when encoding, but writes it as a display matrix on a stream copy.
ff $(testsrc 320x240 30 2) "${H264[@]}" rotated_tmp.mp4
ff -i rotated_tmp.mp4 -c copy -metadata:s:v:0 rotate=90 rotated_portrait.mp4
rm -f rotated_tmp.mp4
rotation=$(probe_v stream_side_data=rotation rotated_portrait.mp4)
[[ $rotation =~ ^-?(90|270)$ ]] ||
    die "rotated_portrait.mp4 has no 90 degree display matrix (got '$rotation')"

ff $(testsrc 320x240 30 2) "${H264[@]}" video_only.mp4

ff $(sine 440 2) "${AAC[@]}" audio_only.m4a

ff $(testsrc 320x240 60 2) $(sine 440 2) "${H264[@]}" "${AAC[@]}" fps60.mp4

ff $(testsrc 320x240 30 2) $(sine 440 2) -c:v libx264 -preset veryfast -pix_fmt yuv444p "${AAC[@]}" yuv444.mp4

# Variable frame rate: one second at 10 fps then one second at 30 fps (40 frames).
ff -filter_complex "testsrc2=size=320x240:rate=10:duration=1[a];testsrc2=size=320x240:rate=30:duration=1[b];
    [a][b]concat=n=2:v=1:a=0[v]" -map "[v]" -fps_mode vfr "${H264[@]}" vfr.mkv
frame_gaps=$(ffprobe -v error -select_streams v:0 -show_entries packet=pts_time -of csv=p=0 vfr.mkv |
    sort -g | awk 'NR > 1 { printf "%.3f\n", $1 - prev } { prev = $1 }' | sort -u | wc -l)
((frame_gaps >= 2)) || die "vfr.mkv has a constant frame duration"

# Solid colours for checks by screenshot colour. green is pure green (0,255,0), not CSS green.
ff $(colour red 320x240 30 2) "${H264[@]}" red.mp4
ff $(colour blue 320x240 30 2) "${H264[@]}" blue.mp4
ff $(colour 0x00FF00 320x240 30 2) "${H264[@]}" green.mp4
ff $(colour red 1920x1080 30 2) "${H264[@]}" red_1080p.mp4

ff -f lavfi -i color=c=yellow:size=320x240 -frames:v 1 -update 1 still.png
ff -f lavfi -i color=c=magenta:size=320x240 -frames:v 1 -update 1 -q:v 2 still.jpg
# Pictures the screens must not be given: JPEG 2000 (SDL_image has no decoder for it), and wider
# than the 4096-pixel limit.
ff -f lavfi -i color=c=cyan:size=64x64 -frames:v 1 -update 1 -c:v jpeg2000 -f image2 still_jpeg2000.jp2
ff -f lavfi -i color=c=white:size=5000x32 -frames:v 1 -update 1 too_wide.png

# Ten distinct 3 s clips for transition tests (each with its own tone).
for n in 0 1 2 3 4 5 6 7 8 9; do
    ff $(testsrc 640x360 30 3) $(sine $((300 + 50 * n)) 3) "${H264[@]}" "${AAC[@]}" "clip_3s_0$n.mp4"
done

# Six seconds whose brightness rises one luma step a frame (luma 16 + the frame's number, so a picture
# tells its own time), with a keyframe at every whole second and nowhere else, and a tone: a film that an
# interrupt cuts and that resumes at the keyframe at or before the cut.
ff -f lavfi -i "nullsrc=size=320x240:rate=30:duration=6,format=yuv420p,geq=lum='16+30*T':cb=128:cr=128" \
    $(sine 500 6) "${H264[@]}" -g 30 -keyint_min 30 -sc_threshold 0 "${AAC[@]}" ramp_gop1s.mp4
keyframes=$(probe_v packet=pts_time,flags ramp_gop1s.mp4 | awk -F, '$2 ~ /K/ { printf "%d ", $1 + 0.5 }')
[[ $keyframes == "0 1 2 3 4 5 "* ]] || die "ramp_gop1s.mp4 has keyframes at '$keyframes', not every second"

# --- Damaged inputs ---------------------------------------------------------------------------------

rm -f missing.mp4

: >empty.mp4

size=$(stat -c %s h264_aac.mp4)
head -c $((size * 40 / 100)) h264_aac.mp4 >truncated.mp4
if ffprobe -v quiet truncated.mp4; then die "truncated.mp4 still opens (moov not at the end?)"; fi

# 4 s of H.264 in MPEG-TS with 2 KiB in the middle overwritten by seeded (reproducible) noise.
ff $(testsrc 320x240 30 4) $(sine 440 4) "${H264[@]}" -g 30 "${AAC[@]}" -f mpegts corrupt_middle.ts
python3 -c 'import random, sys; random.seed(20240601); sys.stdout.buffer.write(random.randbytes(2048))' \
    >noise.bin
size=$(stat -c %s corrupt_middle.ts)
dd if=noise.bin of=corrupt_middle.ts bs=1 seek=$((size / 2)) conv=notrunc status=none
rm -f noise.bin
# (MPEG-TS lists the stream once more under its program: keep the first non-empty value.)
decoded=$(probe_v stream=nb_read_frames -v quiet -count_frames corrupt_middle.ts |
    awk 'NF && !v { v = $1 } END { print v }')
((decoded >= 100)) || die "corrupt_middle.ts decodes only $decoded of 120 frames"

printf 'This is a plain text file with an .mp4 name.\nIt holds no media.\n' >not_media.mp4

# still.png with its image data's checksum changed: FFmpeg's decoder ignores it and shows the
# picture, libpng (the screens' decoder) refuses it.
python3 - still.png bad_checksum.png <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
idat = data.index(b"IDAT")
length = int.from_bytes(data[idat - 4:idat], "big")
data[idat + 4 + length] ^= 0xFF
open(sys.argv[2], "wb").write(data)
PY

# A video codec FFmpeg can encode and mux but has no decoder for (Commodore 64 multicolour charset):
# Matroska stores it under a VfW fourcc, and demuxing yields a stream of codec "none".
ff $(testsrc 320x240 25 2) -c:v a64multi unsupported.mkv
if ffmpeg -hide_banner -nostdin -loglevel quiet -i unsupported.mkv -map 0:v -f null - 2>/dev/null; then
    die "unsupported.mkv decodes; pick a codec without a decoder"
fi

# --- Done -------------------------------------------------------------------------------------------

expected=(h264_aac.mp4 vp9_opus.webm hevc.mkv mpeg2.ts rotated_portrait.mp4 video_only.mp4 audio_only.m4a
    fps60.mp4 yuv444.mp4 vfr.mkv red.mp4 blue.mp4 green.mp4 red_1080p.mp4 still.png still.jpg
    clip_3s_0{0..9}.mp4 truncated.mp4 corrupt_middle.ts not_media.mp4 unsupported.mkv
    still_jpeg2000.jp2 too_wide.png bad_checksum.png)
for f in "${expected[@]}"; do
    [[ -s $f ]] || die "$f was not generated"
done
[[ -s ramp_gop1s.mp4 ]] || die "ramp_gop1s.mp4 was not generated"
[[ -f empty.mp4 && ! -s empty.mp4 ]] || die "empty.mp4 is not empty"
[[ ! -e missing.mp4 ]] || die "missing.mp4 exists"

echo "$SCRIPT_HASH" >"$STAMP"
echo "make_test_media: $((${#expected[@]} + 1)) files in $OUTDIR in $((SECONDS - START)) s"

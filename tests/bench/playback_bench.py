#!/usr/bin/env python3
"""Playback benchmark: the kiosk player side by side with ffmpeg, ffplay and mpv.

Usage
-----
    tests/bench/playback_bench.py --kiosk build/kiosk/app/kiosk
        [--out results.json] [--quick] [--scenario NAME ...] [--repeat N]
        [--media-dir DIR] [--strict]

Media
-----
Clips are encoded with ffmpeg (libx264 preset medium, yuv420p, ~6 Mb/s, testsrc2
with a hue sweep and a moving overlay; AAC 48 kHz stereo sine) into a temporary
directory, or into --media-dir where they are kept and reused by name:
  h264_1080p30_60s.mp4      1920x1080 30 fps, 60 s (--quick: h264_1080p30_10s.mp4)
  clip_3s_00..09.mp4        1920x1080 30 fps, 3 s each

Scenarios
---------
  single       one 1080p30 clip headless: ours vs the single-thread decode floor
               (ffmpeg -f null), ffplay (SDL dummy drivers) and mpv --vo=null.
  four         four screens at once: ours --screens 4 vs four concurrent floors
               and four concurrent mpv --vo=null (CPU summed).
  transitions  ten 3 s clips in a row: our largest gap between clips and wall
               time against 30 s, vs mpv (one process) and ffplay (one per file).
  xvfb         windowed playback on Xvfb :97: mpv --vo=x11 and ours, for reference.

Measurement
-----------
Each command's CPU seconds (user+sys) and peak RSS come from os.wait4 on its own
pid; references and ours run in the same invocation, alternating which goes
first, and each step keeps the best (least CPU) of --repeat rounds. Quality
figures from our --stats-json (drops, gaps, first frame, A/V sync) keep the
worst round. Every child has a timeout of 3 x its media duration + 30 s.

Output
------
A table on stdout (scenario, measure, measured, reference, ratio, target,
result) and everything, raw runs included, as JSON to --out. Result PASS/FAIL
is for our targets, "ok"/"WARN" checks that a reference ran in real time, and
"n/a" means our figure is missing (no stats JSON, run failed or timed out).

Exit status: 0; 1 with --strict when a target is FAIL or n/a; 2 when the kiosk
binary or a reference tool is missing.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_util  # noqa: E402
from bench_util import Spec, kill_all, run_concurrent, run_sequential, xvfb_display  # noqa: E402

FPS = 30
MAIN_SECONDS = 60
QUICK_SECONDS = 10
SHORT_SECONDS = 3
SHORT_COUNT = 10
XVFB_DISPLAY = 97
TOOLS = ["ffmpeg", "ffprobe", "ffplay", "mpv"]
SDL_DUMMY = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
# mpv prints this status line whenever the counters change; the last one holds the totals.
MPV_STATUS = "MPVSTAT vo_drop=${frame-drop-count} dec_drop=${decoder-frame-drop-count}"


def child_timeout(media_seconds: float) -> float:
    return media_seconds * 3 + 30


# ---------------------------------------------------------------- media

def encode_argv(path: str, seconds: int, index: int) -> list[str]:
    """testsrc2 with a hue sweep and a Mandelbrot tile wandering over it, so the
    encoder sees motion across the whole frame; index varies hue and tone."""
    video = (f"[0:v]hue=h={index * 36}+t*36[bg];"
             "[bg][1:v]overlay=x='mod(t*300,W-w)':y='(H-h)/2+200*sin(2*t)':shortest=1,"
             "format=yuv420p[v]")
    return ["ffmpeg", "-hide_banner", "-loglevel", "error", "-y",
            "-f", "lavfi", "-i", f"testsrc2=s=1920x1080:r={FPS}:d={seconds}",
            "-f", "lavfi", "-i", f"mandelbrot=s=320x320:r={FPS}",
            "-f", "lavfi", "-i", f"sine=f={440 + 55 * index}:r=48000:d={seconds}",
            "-filter_complex", video, "-map", "[v]", "-map", "2:a",
            "-c:v", "libx264", "-preset", "medium", "-b:v", "6M", "-maxrate", "8M",
            "-bufsize", "12M", "-g", "60", "-c:a", "aac", "-b:a", "128k", "-ar", "48000",
            "-ac", "2", "-t", str(seconds), "-movflags", "+faststart", path]


def probe_seconds(path: str) -> float:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration",
                          "-of", "csv=p=0", path], capture_output=True, text=True, timeout=60)
    return float(out.stdout.strip())


def ensure_clip(media_dir: str, name: str, seconds: int, index: int, log_dir: str) -> str:
    path = os.path.join(media_dir, name)
    if not os.path.exists(path):
        print(f"bench: encoding {name} ({seconds} s)...", file=sys.stderr, flush=True)
        partial = path[:-4] + ".part.mp4"
        [m] = run_sequential([Spec(f"encode-{name}", encode_argv(partial, seconds, index),
                                   timeout=seconds * 30 + 120)], log_dir)
        if m.exit_code != 0 or m.timed_out:
            sys.exit(f"bench: ffmpeg failed to encode {name}:\n{m.output_tail}")
        os.replace(partial, path)
    return path


def ensure_media(media_dir: str, quick: bool, scenarios: list[str], log_dir: str) -> dict:
    os.makedirs(media_dir, exist_ok=True)
    media: dict = {}
    if set(scenarios) & {"single", "four", "xvfb"}:
        seconds = QUICK_SECONDS if quick else MAIN_SECONDS
        media["main"] = ensure_clip(media_dir, f"h264_1080p30_{seconds}s.mp4", seconds, 0, log_dir)
        media["main_s"] = probe_seconds(media["main"])
    if "transitions" in scenarios:
        media["short"] = [ensure_clip(media_dir, f"clip_3s_{i:02d}.mp4", SHORT_SECONDS, i, log_dir)
                          for i in range(SHORT_COUNT)]
        media["short_s"] = sum(probe_seconds(p) for p in media["short"])
    return media


# ---------------------------------------------------------------- measuring

def reference_drops(m) -> int | None:
    """Frame drops a reference printed: mpv's status counters or ffplay's fd=."""
    if m.label.startswith("mpv"):
        found = re.findall(r"MPVSTAT vo_drop=(\d+) dec_drop=(\d+)", m.output_tail)
        return int(found[-1][0]) + int(found[-1][1]) if found else None
    if m.label.startswith("ffplay"):
        found = re.findall(r"fd=\s*(\d+)", m.output_tail)
        return int(found[-1]) if found else None
    return None


def stat_of(stats: dict, key: str):
    """A figure from our stats JSON: top level, or summed/maxed over "screens"."""
    if isinstance(stats.get(key), (int, float)):
        return stats[key]
    per = [s[key] for s in stats.get("screens", [])
           if isinstance(s, dict) and isinstance(s.get(key), (int, float))]
    if not per:
        return None
    return sum(per) if key.startswith("frames_") else max(per)


class Step:
    """One step's rounds, summarised: the least-CPU round for CPU, wall and RSS
    (RSS summed over concurrent processes), the worst round for quality."""

    def __init__(self, rounds: list, sequential: bool):
        self.rounds = rounds
        best = min(rounds, key=lambda ms: sum(m.cpu_s for m in ms))
        self.cpu = sum(m.cpu_s for m in best)
        span = sum if sequential else max
        self.wall = span(m.wall_s for m in best)
        # Other processes' CPU seconds and the wall time over all rounds.
        self.background = sum(span(m.background_cpu_s for m in ms) for ms in rounds)
        self.all_wall = sum(span(m.wall_s for m in ms) for ms in rounds)
        rss = [m.maxrss_kb / 1024 for m in best]
        self.rss_mb = max(rss) if sequential else sum(rss)
        drops = [[reference_drops(m) for m in ms] for ms in rounds]
        self.drops = None if any(None in d for d in drops) else max(sum(d) for d in drops)
        self.problems = [f"{m.label}: {'timed out' if m.timed_out else f'exit {m.exit_code}'}"
                         for ms in rounds for m in ms if m.timed_out or m.exit_code != 0]
        results = [m.result for ms in rounds for m in ms if m.label == "ours"]
        self.stats = results if results and None not in results else None

    def stat(self, key: str):
        if self.stats is None:
            return None
        values = [v for v in (stat_of(s, key) for s in self.stats) if v is not None]
        if not values:
            return None
        return min(values) if key == "frames_presented" else max(values)


class Bench:
    def __init__(self, kiosk: str, repeat: int, work: str):
        self.kiosk, self.repeat, self.work = kiosk, repeat, work
        self.logs = os.path.join(work, "logs")
        os.makedirs(self.logs, exist_ok=True)
        self.runs = 0

    def floor(self, clip: str, seconds: float) -> Spec:
        return Spec("floor", ["ffmpeg", "-hide_banner", "-loglevel", "error", "-threads", "1",
                              "-i", clip, "-f", "null", "-"], child_timeout(seconds))

    def ffplay(self, clip: str, seconds: float) -> Spec:
        # -stats makes ffplay print its status line (fd= frame drops) despite -loglevel error.
        return Spec("ffplay", ["ffplay", "-autoexit", "-loglevel", "error", "-stats", clip],
                    child_timeout(seconds), env=SDL_DUMMY)

    def mpv(self, clips: list, seconds: float, vo: str = "null", env: dict | None = None) -> Spec:
        return Spec(f"mpv-{vo}", ["mpv", "--no-config", f"--vo={vo}", "--ao=null",
                                  f"--term-status-msg={MPV_STATUS}", *clips],
                    child_timeout(seconds), env=env or {})

    def ours(self, clips: list, seconds: float, extra=(), headless=True, env=None) -> Spec:
        self.runs += 1
        run_dir = os.path.join(self.work, f"ours-{self.runs:03d}")
        os.makedirs(os.path.join(run_dir, "data"))
        stats = os.path.join(run_dir, "stats.json")
        argv = [self.kiosk, *(["--headless"] if headless else []), "--play", *clips, *extra,
                "--stats-json", stats, "--data-dir", os.path.join(run_dir, "data")]
        return Spec("ours", argv, child_timeout(seconds), env=env or {}, result_json=stats)

    def side_by_side(self, steps: list) -> dict:
        """steps: (name, build, sequential); build() gives the specs of one round.
        Rounds alternate the order so neither side always runs first."""
        rounds: dict = {name: [] for name, _, _ in steps}
        for r in range(self.repeat):
            for name, build, sequential in (steps if r % 2 == 0 else steps[::-1]):
                runner = run_sequential if sequential else run_concurrent
                rounds[name].append(runner(build(), self.logs))
        return {name: Step(rounds[name], seq) for name, _, seq in steps}


# ---------------------------------------------------------------- rows

def row(measure, value, ref=None, *, limit=None, on="ratio", target=None, valid=True,
        within=None, note=""):
    """limit: our target (value or ratio must be <= limit) -> PASS/FAIL/n/a;
    within=(lo, hi): a reference sanity range for the value -> ok/WARN."""
    ratio = value / ref if isinstance(value, (int, float)) and ref else None
    result = ""
    if limit is not None:
        subject = ratio if on == "ratio" else value
        result = "n/a" if not valid or subject is None else ("PASS" if subject <= limit else "FAIL")
        target = target or (f"ratio <= {limit:g}" if on == "ratio" else f"<= {limit:g}")
    elif within is not None and value is not None:
        result = "ok" if within[0] <= value <= within[1] else "WARN"
        target = target or f"{within[0]:.1f}..{within[1]:.1f}"
    return {"measure": measure, "measured": value if valid else None, "reference": ref,
            "ratio": ratio if valid else None, "target": target or "", "result": result,
            "note": note}


def realtime(seconds: float) -> tuple:
    return (seconds - 0.3, seconds * 1.05 + 1.0)


def our_note(step: Step) -> str:
    if step.stats is not None:
        return "; ".join(step.problems)
    return "no stats JSON from kiosk" + (f" ({'; '.join(step.problems)})" if step.problems else "")


def scenario_single(b: Bench, media: dict) -> tuple:
    clip, d = media["main"], media["main_s"]
    s = b.side_by_side([("ours", lambda: [b.ours([clip], d)], False),
                        ("floor", lambda: [b.floor(clip, d)], False),
                        ("ffplay", lambda: [b.ffplay(clip, d)], False),
                        ("mpv", lambda: [b.mpv([clip], d)], False)])
    o, fl, fp, mp = s["ours"], s["floor"], s["ffplay"], s["mpv"]
    ok, note = o.stats is not None, our_note(o)
    rows = [row("CPU s: ours / decode floor", o.cpu, fl.cpu, limit=1.35, valid=ok, note=note),
            row("CPU s: ours / ffplay", o.cpu, fp.cpu, limit=0.8, valid=ok),
            row("CPU s: mpv --vo=null / floor", mp.cpu, fl.cpu),
            row("CPU s: ffplay / floor", fp.cpu, fl.cpu),
            row("dropped frames: ours (ref mpv)", o.stat("frames_dropped"), mp.drops,
                limit=0, on="value", target="= 0", valid=ok),
            row("dropped frames: ffplay fd=", fp.drops, note="ffplay status line"),
            row("peak RSS MB: ours / mpv", o.rss_mb, mp.rss_mb, limit=100, on="value", valid=ok),
            row("peak RSS MB: ffplay", fp.rss_mb),
            row("first frame ms: ours", o.stat("first_frame_ms"), limit=150, on="value", valid=ok),
            row("A/V sync max ms: ours", o.stat("av_sync_max_ms"), valid=ok),
            row("frames presented / expected", o.stat("frames_presented"), round(d * FPS), valid=ok),
            row("wall s: ours / clip", o.wall, d, valid=ok),
            row("wall s: ffplay (real time?)", fp.wall, d, within=realtime(d), note="; ".join(fp.problems)),
            row("wall s: mpv (real time?)", mp.wall, d, within=realtime(d), note="; ".join(mp.problems))]
    return rows, s


def scenario_four(b: Bench, media: dict) -> tuple:
    clip, d = media["main"], media["main_s"]
    s = b.side_by_side([("ours", lambda: [b.ours([clip], d, ["--screens", "4"])], False),
                        ("floor x4", lambda: [b.floor(clip, d) for _ in range(4)], False),
                        ("mpv x4", lambda: [b.mpv([clip], d) for _ in range(4)], False)])
    o, fl, mp = s["ours"], s["floor x4"], s["mpv x4"]
    ok, note = o.stats is not None, our_note(o)
    mpv_note = "mpv frame-drop-count + decoder-frame-drop-count from its status line"
    if mp.drops is None:
        mpv_note = "mpv printed no drop counters: mpv drops unknown"
    rows = [row("CPU s: ours / 4 floors (sum)", o.cpu, fl.cpu, limit=1.35, valid=ok, note=note),
            row("CPU s: ours / 4 mpv (sum)", o.cpu, mp.cpu, valid=ok),
            row("CPU s: 4 mpv / 4 floors", mp.cpu, fl.cpu),
            row("dropped frames: ours (ref 4 mpv)", o.stat("frames_dropped"), mp.drops,
                limit=0, on="value", target="= 0", valid=ok, note=mpv_note),
            row("peak RSS MB: ours / 4 mpv (sum)", o.rss_mb, mp.rss_mb, limit=200, on="value", valid=ok),
            row("frames presented / expected", o.stat("frames_presented"), round(4 * d * FPS), valid=ok),
            row("wall s: 4 floors at once / clip", fl.wall, d, note="< 1: decoding keeps up"),
            row("wall s: 4 mpv (real time?)", mp.wall, d, within=realtime(d), note="; ".join(mp.problems))]
    return rows, s


def scenario_transitions(b: Bench, media: dict) -> tuple:
    clips, total = media["short"], media["short_s"]
    each = total / len(clips)
    switches = len(clips) - 1
    s = b.side_by_side([("ours", lambda: [b.ours(clips, total)], False),
                        ("mpv", lambda: [b.mpv(clips, total)], False),
                        ("ffplay seq", lambda: [b.ffplay(c, each) for c in clips], True)])
    o, mp, fp = s["ours"], s["mpv"], s["ffplay seq"]
    ok, note = o.stats is not None, our_note(o)
    gap = o.stat("max_transition_gap_ms")
    rows = [row("max transition gap ms: ours", gap, limit=5, on="value", valid=ok, note=note),
            row("max transition gap ms vs 1 frame", gap, 1000 / FPS, limit=33.3, on="value", valid=ok),
            row("wall - content s: ours / mpv", o.wall - total, mp.wall - total,
                limit=0.5, on="value", valid=ok, note=f"content {total:.2f} s"),
            row("per switch ms: ours / mpv", (o.wall - total) / switches * 1000,
                (mp.wall - total) / switches * 1000, valid=ok, note=f"(wall - content) / {switches}"),
            row("per file ms: ffplay (1 process each)", (fp.wall - total) / len(clips) * 1000,
                note="; ".join([f"(wall - content) / {len(clips)}", *fp.problems])),
            row("dropped frames: ours (ref mpv)", o.stat("frames_dropped"), mp.drops, valid=ok),
            row("CPU s: ours / mpv", o.cpu, mp.cpu, valid=ok)]
    return rows, s


def scenario_xvfb(b: Bench, media: dict) -> tuple:
    if not shutil.which("Xvfb"):
        return [row("skipped", None, note="Xvfb not installed")], {}
    clip, d = media["main"], media["main_s"]
    with xvfb_display(XVFB_DISPLAY, "1920x1080x24", b.logs) as display:
        if display is None:
            return [row("skipped", None, note=f"Xvfb :{XVFB_DISPLAY} busy or failed")], {}
        x11 = {"DISPLAY": display}
        s = b.side_by_side([
            ("ours", lambda: [b.ours([clip], d, ["--size", "1920x1080"], headless=False,
                                     env=x11 | {"SDL_AUDIODRIVER": "dummy"})], False),
            ("floor", lambda: [b.floor(clip, d)], False),
            ("mpv x11", lambda: [b.mpv([clip], d, vo="x11", env=x11)], False)])
    o, fl, mp = s["ours"], s["floor"], s["mpv x11"]
    ok, note = o.stats is not None, our_note(o)
    rows = [row("CPU s: ours windowed / floor", o.cpu, fl.cpu, valid=ok, note=note),
            row("CPU s: mpv --vo=x11 / floor", mp.cpu, fl.cpu, note="X server's CPU not included"),
            row("CPU s: ours windowed / mpv x11", o.cpu, mp.cpu, valid=ok),
            row("dropped frames: ours (ref mpv x11)", o.stat("frames_dropped"), mp.drops, valid=ok),
            row("peak RSS MB: ours / mpv x11", o.rss_mb, mp.rss_mb, valid=ok),
            row("wall s: mpv x11 (real time?)", mp.wall, d, within=realtime(d), note="; ".join(mp.problems))]
    return rows, s


def background_row(steps: dict) -> dict:
    """How busy the rest of the machine was while the scenario measured."""
    cores = sum(s.background for s in steps.values()) / sum(s.all_wall for s in steps.values())
    return row("other processes' CPU, cores", cores, within=(0, 0.1), target="<= 0.1 (idle)",
               note="machine not idle: figures disturbed" if cores > 0.1 else "")


SCENARIOS = {"single": scenario_single, "four": scenario_four,
             "transitions": scenario_transitions, "xvfb": scenario_xvfb}


# ---------------------------------------------------------------- output

def fmt(v) -> str:
    if v is None:
        return "n/a"
    if isinstance(v, float):
        return f"{v:.0f}" if abs(v) >= 1000 else f"{v:.2f}"
    return str(v)


def print_table(rows: list) -> None:
    head = ["scenario", "measure", "measured", "reference", "ratio", "target", "result"]
    cells = [[r["scenario"], r["measure"], fmt(r["measured"]), "" if r["reference"] is None
              else fmt(r["reference"]), "" if r["ratio"] is None else fmt(r["ratio"]),
              r["target"], r["result"]] for r in rows]
    bench_util.print_table(head, cells, [r["note"] for r in rows], numeric=range(2, 5))


def tool_versions() -> dict:
    versions = {}
    for tool in ["ffmpeg", "mpv"]:
        out = subprocess.run([tool, "--version" if tool == "mpv" else "-version"],
                             capture_output=True, text=True, timeout=30).stdout
        versions[tool] = out.splitlines()[0] if out else "?"
    return versions


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kiosk", required=True, help="path to the kiosk binary")
    ap.add_argument("--out", help="write the full results as JSON here")
    ap.add_argument("--quick", action="store_true", help="10 s main clip instead of 60 s")
    ap.add_argument("--scenario", nargs="+", choices=list(SCENARIOS), default=list(SCENARIOS))
    ap.add_argument("--repeat", type=int, default=1, help="rounds per step, best kept")
    ap.add_argument("--media-dir", help="keep generated clips here (reused by name)")
    ap.add_argument("--strict", action="store_true", help="exit 1 if a target fails or is n/a")
    args = ap.parse_args()

    kiosk = os.path.abspath(args.kiosk)
    if not (os.path.isfile(kiosk) and os.access(kiosk, os.X_OK)):
        print(f"bench: kiosk binary not found or not executable: {kiosk}", file=sys.stderr)
        return 2
    missing = [t for t in TOOLS if not shutil.which(t)]
    if missing:
        print(f"bench: missing tools: {' '.join(missing)} (deploy/install-deps.sh --test)",
              file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    rows, raw = [], {}
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as work:
        try:
            bench = Bench(kiosk, max(1, args.repeat), work)
            media = ensure_media(os.path.abspath(args.media_dir or os.path.join(work, "media")),
                                 args.quick, args.scenario, bench.logs)
            for name in dict.fromkeys(args.scenario):
                print(f"bench: running {name}...", file=sys.stderr, flush=True)
                scenario_rows, steps = SCENARIOS[name](bench, media)
                if steps:
                    scenario_rows.append(background_row(steps))
                rows += [{"scenario": name, **r} for r in scenario_rows]
                raw[name] = {step: [[m.to_json() for m in ms] for ms in st.rounds]
                             for step, st in steps.items()}
        finally:
            kill_all()

    print_table(rows)
    targets = [r for r in rows if r["result"] in ("PASS", "FAIL", "n/a")]
    summary = {k: sum(r["result"] == k for r in targets) for k in ("PASS", "FAIL", "n/a")}
    print(f"\ntargets: {summary['PASS']} PASS, {summary['FAIL']} FAIL, {summary['n/a']} n/a")
    if args.out:
        report = {"kiosk": kiosk, "args": vars(args), "host": {
                      "machine": platform.machine(), "cpus": os.cpu_count(),
                      "python": platform.python_version(), **tool_versions()},
                  "media": {k: v for k, v in media.items()}, "summary": summary,
                  "rows": rows, "runs": raw}
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
    return 1 if args.strict and (summary["FAIL"] or summary["n/a"]) else 0


if __name__ == "__main__":
    sys.exit(main())

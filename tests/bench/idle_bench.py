#!/usr/bin/env python3
"""What the kiosk costs while little happens on screen: the main loop must
sleep until something is due, not poll.

Two scenarios, each run side by side with its reference in one invocation:

  still  `kiosk --headless --play STILL --image-seconds 3600`: one still
         picture on screen. Figure: the share of one core it uses once
         started. Target: <= 1 %. Reference: the same run of another kiosk
         binary when --reference-kiosk is given (an older build), as a ratio.
  home   the sample package's boards zone, headless 1920x1080, one tap to
         leave the attract loop, then the home page with its corner film.
         Figure: its CPU per second of film over the film's decode floor
         (`ffmpeg -threads 1 -i FILM -f null -` on the same films, CPU per
         second of media). Target: <= 2.5 x.

Start-up is subtracted by running each kiosk twice, for a short and a long
time, and taking the difference: (cpu_long - cpu_short) / (long - short).

Usage:
  tests/bench/idle_bench.py --kiosk build/kiosk/kiosk [--reference-kiosk OLD]
        [--scenario still home] [--short 5] [--long 35] [--json FILE] [--strict]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_util  # noqa: E402
from bench_util import Spec, kill_all, run_sequential  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
TARGETS = {"still_core_percent": 1.0, "home_over_floor": 2.5}
HOME_ZONE = "boards"
SCREEN_MIDDLE = (960, 540)


def ensure_package(args) -> str:
    if args.package:
        return os.path.abspath(args.package)
    out = os.path.abspath(args.package_cache or os.path.expanduser("~/.cache/kiosk-bench/sample-package"))
    done = subprocess.run([os.path.join(REPO, "content/sample/make_sample_package.sh"), out],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench: the sample package did not build:\n{done.stderr[-2000:]}")
    return out


def make_still(work: str) -> str:
    path = os.path.join(work, "still.png")
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", "testsrc2=size=1920x1080",
                    "-frames:v", "1", path], check=True)
    return path


def kiosk_cpu_per_second(label: str, argv: list, short: float, long: float, logs: str,
                         env: dict | None = None) -> dict:
    """CPU seconds per second of running, start-up subtracted."""
    runs = run_sequential([Spec(f"{label} {seconds:g}s", argv + ["--run-for", f"{seconds:g}"],
                                timeout=seconds * 3 + 60, env=env or {})
                           for seconds in (short, long)], logs)
    for run in runs:
        if run.exit_code != 0:
            sys.exit(f"bench: {run.label} exited {run.exit_code}:\n{run.output_tail}")
    per_second = max(0.0, runs[1].cpu_s - runs[0].cpu_s) / (long - short)
    return {"per_second": per_second, "runs": [r.to_json() for r in runs],
            "background_cpu_s": sum(r.background_cpu_s for r in runs)}


def scenario_still(args, work: str, logs: str) -> list:
    still = make_still(work)
    rows = []
    binaries = [("ours", args.kiosk)] + ([("reference", args.reference_kiosk)] if args.reference_kiosk else [])
    results = {}
    for name, binary in binaries:
        argv = [binary, "--headless", "--data-dir", os.path.join(work, f"data-{name}"), "--image-seconds",
                "3600", "--play", still]
        results[name] = kiosk_cpu_per_second(f"still {name}", argv, args.short, args.long, logs)
    ours = results["ours"]["per_second"] * 100
    reference = results["reference"]["per_second"] * 100 if "reference" in results else None
    rows.append({"scenario": "still", "figure": "% of one core, one still picture", "measured": ours,
                 "reference": reference,
                 "ratio": ours / reference if reference else None,
                 "target": TARGETS["still_core_percent"],
                 "result": "PASS" if ours <= TARGETS["still_core_percent"] else "FAIL",
                 "detail": results})
    return rows


def media_seconds(path: str) -> float:
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0",
                          path], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def scenario_home(args, work: str, logs: str) -> list:
    package = ensure_package(args)
    with open(os.path.join(package, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    zone = next(z for z in manifest["zones"] if z["id"] == HOME_ZONE)
    films = [os.path.join(package, film) for film in zone["programme"]]
    floor_runs = run_sequential([Spec(f"floor {os.path.basename(film)}",
                                      ["ffmpeg", "-v", "error", "-nostdin", "-threads", "1", "-i", film,
                                       "-f", "null", "-"], timeout=600) for film in films], logs)
    floor = sum(r.cpu_s for r in floor_runs) / sum(media_seconds(film) for film in films)
    script = os.path.join(work, "home.script")
    with open(script, "w", encoding="utf-8") as f:
        f.write(f"wait 800\ntap {SCREEN_MIDDLE[0]} {SCREEN_MIDDLE[1]}\n")
    results = {}
    binaries = [("ours", args.kiosk)] + ([("reference", args.reference_kiosk)] if args.reference_kiosk else [])
    for name, binary in binaries:
        argv = [binary, "--headless", "--size", "1920x1080", "--data-dir", os.path.join(work, f"home-{name}"),
                "--content", package, "--zone", HOME_ZONE, "--idle-timeout", "3600", "--input-script", script]
        results[name] = kiosk_cpu_per_second(f"home {name}", argv, args.short, args.long, logs)
    ours = results["ours"]["per_second"] / floor
    reference = results["reference"]["per_second"] / floor if "reference" in results else None
    return [{"scenario": "home", "figure": "home page with its corner film, x decode floor",
             "measured": ours, "reference": reference,
             "ratio": ours / reference if reference else None,
             "target": TARGETS["home_over_floor"],
             "result": "PASS" if ours <= TARGETS["home_over_floor"] else "FAIL",
             "detail": results | {"floor_cpu_per_media_second": floor,
                                  "floor_runs": [r.to_json() for r in floor_runs]}}]


SCENARIOS = {"still": scenario_still, "home": scenario_home}


def fmt(value) -> str:
    return "" if value is None else f"{value:.3g}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kiosk", required=True)
    ap.add_argument("--reference-kiosk", help="another kiosk binary run side by side (an older build)")
    ap.add_argument("--scenario", nargs="+", choices=list(SCENARIOS), default=list(SCENARIOS))
    ap.add_argument("--short", type=float, default=5.0, help="seconds of the run that measures start-up")
    ap.add_argument("--long", type=float, default=35.0, help="seconds of the run that measures start-up and more")
    ap.add_argument("--package")
    ap.add_argument("--package-cache")
    ap.add_argument("--json")
    ap.add_argument("--strict", action="store_true")
    args = ap.parse_args()
    for binary in [args.kiosk] + ([args.reference_kiosk] if args.reference_kiosk else []):
        if not os.access(binary, os.X_OK):
            print(f"bench: no kiosk binary at {binary}", file=sys.stderr)
            return 2
    rows = []
    try:
        with tempfile.TemporaryDirectory(prefix="idle-bench-") as work:
            logs = os.path.join(work, "logs")
            os.makedirs(logs)
            for name in args.scenario:
                rows += SCENARIOS[name](args, work, logs)
    finally:
        kill_all()
    head = ["scenario", "figure", "ours", "reference", "ours/ref", "target", "result"]
    cells = [[r["scenario"], r["figure"], fmt(r["measured"]), fmt(r["reference"]), fmt(r["ratio"]),
              fmt(r["target"]), r["result"]] for r in rows]
    background = sum(r["detail"]["ours"]["background_cpu_s"] for r in rows)
    bench_util.print_table(head, cells, [f"other processes used {background:.1f} CPU s while ours ran"],
                           range(2, 6))
    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(rows, f, indent=1)
    return 1 if args.strict and any(r["result"] != "PASS" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())

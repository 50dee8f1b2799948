#!/usr/bin/env python3
"""Does writing the hall's records disturb a film? A 1080p30 film plays
headless while the kiosk's records writer commits RATE records a second
(`--record-load RATE`: board views through the same writer, WAL with
synchronous=FULL, as visitors' records go), side by side with the same run
without load, alternating which goes first.

Figure: the p99 of the film's frame intervals (from one picture reaching the
screen to the next, `frame_interval_ms` in --stats-json) with the load minus
without it. Target: <= 1 ms. Also reported: the records the loaded run
committed (read back from its records.db), and dropped frames of both.

Usage:
  tests/bench/records_load_bench.py --kiosk build/kiosk/kiosk [--rate 100] [--seconds 30]
        [--repeat 3] [--json FILE] [--strict]
"""
from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_util  # noqa: E402
from bench_util import Spec, kill_all, run_sequential  # noqa: E402

TARGET_P99_DELTA_MS = 1.0


def make_film(work: str, seconds: int) -> str:
    path = os.path.join(work, "film-1080p30.mp4")
    subprocess.run(["ffmpeg", "-v", "error", "-y", "-f", "lavfi", "-i", f"testsrc2=size=1920x1080:rate=30:d={seconds}",
                    "-f", "lavfi", "-i", f"sine=frequency=440:d={seconds}", "-c:v", "libx264", "-preset",
                    "veryfast", "-pix_fmt", "yuv420p", "-g", "30", "-c:a", "aac", "-shortest", path], check=True)
    return path


def committed_records(data_dir: str) -> int | None:
    try:
        with sqlite3.connect(f"file:{os.path.join(data_dir, 'records.db')}?mode=ro", uri=True) as db:
            return db.execute("SELECT count(*) FROM board_view").fetchone()[0]
    except sqlite3.Error:
        return None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--kiosk", required=True)
    parser.add_argument("--rate", type=int, default=100, help="records a second (default 100)")
    parser.add_argument("--seconds", type=int, default=30, help="film length (default 30)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--json", help="write the results here ('-' for stdout)")
    parser.add_argument("--strict", action="store_true", help="exit 1 when the target is missed")
    args = parser.parse_args()
    kiosk = os.path.abspath(args.kiosk)
    if not os.access(kiosk, os.X_OK):
        print(f"bench: no kiosk at {kiosk}", file=sys.stderr)
        return 2

    rounds = []
    with tempfile.TemporaryDirectory(prefix="records-load-") as work:
        film = make_film(work, args.seconds)
        try:
            for round_no in range(args.repeat):
                specs = []
                for loaded in (False, True):
                    data_dir = os.path.join(work, f"data-{round_no}-{'load' if loaded else 'quiet'}")
                    os.makedirs(data_dir)
                    stats = os.path.join(work, f"stats-{round_no}-{int(loaded)}.json")
                    argv = [kiosk, "--headless", "--data-dir", data_dir, "--play", film, "--stats-json", stats]
                    if loaded:
                        argv += ["--record-load", str(args.rate)]
                    specs.append((loaded, data_dir, Spec(f"{'load' if loaded else 'quiet'}-{round_no}", argv,
                                                          timeout=args.seconds * 3 + 30, result_json=stats)))
                if round_no % 2:
                    specs.reverse()
                measured = run_sequential([spec for _, _, spec in specs], work)
                row = {}
                for (loaded, data_dir, _), m in zip(specs, measured):
                    result = m.result or {}
                    intervals = result.get("frame_interval_ms", {})
                    row["load" if loaded else "quiet"] = {
                        "exit": m.exit_code, "p99": intervals.get("p99"), "median": intervals.get("median"),
                        "max": intervals.get("max"), "frames": result.get("frames_presented"),
                        "dropped": result.get("frames_dropped"), "cpu_s": round(m.cpu_s, 2),
                        "records": committed_records(data_dir) if loaded else None}
                rounds.append(row)
        finally:
            kill_all()

    def p99s(kind):
        return [r[kind]["p99"] for r in rounds if r[kind]["p99"] is not None]

    quiet, load = p99s("quiet"), p99s("load")
    ok_runs = all(r[k]["exit"] == 0 for r in rounds for k in ("quiet", "load"))
    delta = (statistics.median(load) - statistics.median(quiet)) if quiet and load else None
    records = [r["load"]["records"] for r in rounds if r["load"]["records"] is not None]
    expected = args.rate * args.seconds
    def ms(value):
        return "n/a" if value is None else f"{value:.1f}"

    cells = [[str(i), ms(r["quiet"]["p99"]), ms(r["load"]["p99"]), ms(r["quiet"]["max"]), ms(r["load"]["max"]),
              f"{r['quiet']['dropped']}", f"{r['load']['dropped']}", f"{r['load']['records']}"]
             for i, r in enumerate(rounds)]
    bench_util.print_table(["round", "p99 quiet ms", "p99 load ms", "max quiet", "max load", "dropped quiet",
                            "dropped load", "records"], cells, [""] * len(cells), range(1, 8))
    verdict = "PASS" if ok_runs and delta is not None and delta <= TARGET_P99_DELTA_MS else "FAIL"
    print(f"\nframe-interval p99: {ms(statistics.median(quiet)) if quiet else 'n/a'} ms quiet, "
          f"{ms(statistics.median(load)) if load else 'n/a'} ms with {args.rate} records/s; "
          f"delta {ms(delta)} ms (target <= {TARGET_P99_DELTA_MS}) {verdict}")
    print(f"records committed per loaded run: {records} (about {expected} expected)")
    report = {"rate": args.rate, "seconds": args.seconds, "rounds": rounds, "p99_delta_ms": delta,
              "target_ms": TARGET_P99_DELTA_MS, "verdict": verdict}
    if args.json == "-":
        json.dump(report, sys.stdout, indent=2)
        print()
    elif args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=2)
    return 1 if args.strict and verdict != "PASS" else 0


if __name__ == "__main__":
    sys.exit(main())

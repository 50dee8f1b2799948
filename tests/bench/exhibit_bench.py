#!/usr/bin/env python3
"""Touch-exhibit benchmark: how fast the exhibit answers while the zone's film plays.

Usage
-----
    tests/bench/exhibit_bench.py --kiosk build/kiosk/kiosk
        [--package DIR] [--quick] [--scenario NAME ...] [--repeat N]
        [--reference still|none] [--json FILE] [--strict]

Package
-------
--package names a built content package. Without it the bundled sample is
built (content/sample/make_sample_package.sh) into ~/.cache/kiosk-bench/
sample-package, or --package-cache DIR, and reused (a fresh one takes about
a minute, a kept one a second).

Scenarios
---------
Each runs `kiosk --headless --size 1920x1080 --stats-json` with a generated
--input-script and reads the "exhibit" block of its stats.
  latency  taps round attract -> home -> section -> board -> back -> back ...
           with the boards zone's film playing (full screen in the attract
           loop, in its tile on home); --idle-timeout 1 brings the attract
           film back every cycle so it is on screen when touched.
  scroll   the longest board of the boards zone (most body blocks, steps and
           pictures in the manifest) dragged and flung up and down at
           different speeds.
  boards   every board of every zone opened: a tap on a section tile, a tap on
           its first board, then the Right key through the rest.
  home     several starts: the kiosk's start -> home laid out and rendered,
           and the processor time it had used by then (its log line).

Reference
---------
The house rule is a reference in the same run, as a ratio. Here the reference
is the same script on the same package with every zone's programme replaced
by one still picture (--reference still, the default): the exhibit's own cost
without a film decoding and drawing. The ratio film / still says what the
film costs the exhibit; each figure is also given as a share of its target.
--reference none skips the reference runs (about half the time).

Output
------
A table on stdout (scenario, figure, measured, reference, ratio, target,
result) and, with --json, everything as JSON (every run's stats, CPU and the
machine's load). PASS/FAIL compare the film runs with the targets; "n/a"
means the figure is missing (a run failed or no sample was taken).

Exit status: 0; 1 with --strict when a target is FAIL or n/a; 2 when the
kiosk binary or the package cannot be had.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_util  # noqa: E402
from bench_util import Spec, busy_cpu_seconds, kill_all, run_sequential  # noqa: E402

REPO = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
WIDTH, HEIGHT = 1920, 1080
BENCH_ZONE = "boards"
# The targets, in milliseconds.
TARGETS = {"touch_median": 16.7, "touch_p99": 50.0, "scroll_p99": 16.7, "board_open_max": 100.0,
           "home_ready": 1000.0}
# Seconds without a touch before the attract loop: the kiosk's minimum for the
# latency script, which waits for the attract film between visitors; long
# enough for the others never to meet it.
IDLE_TIMEOUT_S = 1
LONG_IDLE_TIMEOUT_S = 60
# A tap lasts 50 ms (ui::kScriptTapMs); this much more passes before the next.
TAP_GAP_MS = 200

# Where things are on a 1920x1080 exhibit (kiosk/ui/*_layout.cpp, theme.cpp at
# scale 1): the home grid's tiles, a section's first board card, the bars.
HOME_GRID_TOP = 232          # title bar 124 + margin 40 + one welcome line 44 + gap 24
HOME_TILE_PITCH = (607, 267)  # tile 583 x 243 plus the 24 px gap
HOME_TILE_INSIDE = (290, 100)
FIRST_CARD = (960, 312)       # section page: first card from y 252
BACK_BUTTON = (339, 1024)
HOME_BUTTON = (135, 1024)
SCREEN_MIDDLE = (960, 540)
BOARD_SWIPE_X = 960           # inside the board's column (300..1620), clear of the arrows
# The kiosk's log line at home ready: the processor time it took until then.
HOME_READY_LOG = re.compile(r"home screen ready \d+ ms after start \((\d+) ms of processor time\)")


# ---------------------------------------------------------------- package

def ensure_package(args) -> str:
    if args.package:
        return os.path.abspath(args.package)
    out = os.path.abspath(args.package_cache or os.path.expanduser("~/.cache/kiosk-bench/sample-package"))
    print(f"bench: building the sample package in {out} (kept for the next run)...", file=sys.stderr, flush=True)
    done = subprocess.run([os.path.join(REPO, "content/sample/make_sample_package.sh"), out],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench: the sample package did not build:\n{done.stderr[-2000:]}")
    return out


def still_package(package: str, work: str) -> str:
    """The package with every zone's programme one still picture: the reference.
    Media are hard-linked (copied across file systems): the kiosk refuses a
    package whose symbolic links lead out of it."""
    with open(os.path.join(package, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    still = None
    for zone in manifest["zones"]:
        for section in zone["sections"]:
            for board in section["boards"]:
                for image in board.get("images", []):
                    still = still or image["file"]
    out = os.path.join(work, "still-package")
    os.makedirs(out)
    for name in os.listdir(package):
        source = os.path.join(package, name)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(out, name), copy_function=link_or_copy)
    for zone in manifest["zones"]:
        zone["programme"] = [still]
    with open(os.path.join(out, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    return out


def link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def read_zones(package: str) -> dict:
    with open(os.path.join(package, "manifest.json"), encoding="utf-8") as f:
        return {zone["id"]: zone for zone in json.load(f)["zones"]}


def board_weight(board: dict) -> int:
    """How long a board's page is, roughly, from its manifest entry."""
    steps = sum(2 + len(s.get("bring", [])) + ("detail" in s) + ("where" in s) for s in board.get("steps", []))
    return len(board["body"]["zh"]) + steps + 6 * len(board.get("images", [])) + 6 * ("video" in board)


def longest_board(zone: dict) -> tuple:
    """(section index, index in the section, board id) of the heaviest board."""
    best = max(((board_weight(b), -s, -i, b["id"]) for s, section in enumerate(zone["sections"])
                for i, b in enumerate(section["boards"])))
    return -best[1], -best[2], best[3]


# ---------------------------------------------------------------- scripts

def tap(point) -> list:
    return [f"tap {point[0]} {point[1]}", f"wait {TAP_GAP_MS}"]


def tile(index: int) -> tuple:
    column, row = index % 2, index // 2
    return (40 + column * HOME_TILE_PITCH[0] + HOME_TILE_INSIDE[0],
            HOME_GRID_TOP + row * HOME_TILE_PITCH[1] + HOME_TILE_INSIDE[1])


def go_to_board(section: int, index: int) -> list:
    """From home: the section's tile, its first board, Right to the index-th."""
    lines = tap(tile(section)) + tap(FIRST_CARD)
    for _ in range(index):
        lines += ["key Right", f"wait {TAP_GAP_MS}"]
    return lines


def latency_script(zone: dict, cycles: int) -> tuple:
    """Each cycle: a tap on the attract film, then home -> section -> board ->
    back -> back twice and home -> section -> board -> Home, then idle until the
    attract loop is back. Returns the script and the taps expected to count."""
    sections = len(zone["sections"])
    lines, taps = ["wait 800"], 0
    for cycle in range(cycles):
        lines += tap(SCREEN_MIDDLE)
        for k in range(3):
            section = (cycle * 3 + k) % sections
            lines += tap(tile(section)) + tap(FIRST_CARD)
            lines += tap(BACK_BUTTON) + tap(BACK_BUTTON) if k < 2 else tap(HOME_BUTTON)
        taps += 12
        lines.append(f"wait {IDLE_TIMEOUT_S * 1000 + 400}")
    return lines + ["quit"], taps


def scroll_script(zone: dict, rounds: int) -> tuple:
    section, index, board = longest_board(zone)
    lines = ["wait 800"] + tap(SCREEN_MIDDLE) + go_to_board(section, index) + ["wait 400"]
    # (from y, to y, ms): flings of several speeds, slow drags, and a fling the
    # next touch catches in flight.
    strokes = [(900, 250, 60, 900), (250, 900, 90, 900), (900, 300, 150, 700), (850, 350, 600, 300),
               (350, 850, 400, 300), (900, 200, 50, 120), (300, 900, 700, 300), (900, 250, 80, 1200)]
    for _ in range(rounds):
        for y1, y2, ms, after in strokes:
            lines += [f"swipe {BOARD_SWIPE_X} {y1} {BOARD_SWIPE_X} {y2} {ms}", f"wait {after}"]
    return lines + ["quit"], board


def boards_script(zone: dict) -> tuple:
    lines, count = ["wait 800"] + tap(SCREEN_MIDDLE), 0
    for section, content in enumerate(zone["sections"]):
        if not content["boards"]:
            continue
        lines += go_to_board(section, len(content["boards"]) - 1) + tap(HOME_BUTTON)
        count += len(content["boards"])
    return lines + ["quit"], count


def home_script() -> list:
    return ["wait 300", "quit"]


# ---------------------------------------------------------------- running

class Bench:
    def __init__(self, kiosk: str, packages: dict, work: str):
        self.kiosk, self.packages, self.work = kiosk, packages, work
        self.logs = os.path.join(work, "logs")
        os.makedirs(self.logs, exist_ok=True)
        self.count = 0
        self.runs: list = []

    def run(self, label: str, variant: str, zone: str, script: list, seconds: float,
            idle_timeout: int = LONG_IDLE_TIMEOUT_S) -> dict:
        """One kiosk run; its exhibit stats, CPU and the machine's load."""
        self.count += 1
        run_dir = os.path.join(self.work, f"run-{self.count:03d}")
        os.makedirs(run_dir)
        script_path = os.path.join(run_dir, "script.txt")
        with open(script_path, "w", encoding="utf-8") as f:
            f.write("\n".join(script) + "\n")
        stats = os.path.join(run_dir, "stats.json")
        argv = [self.kiosk, "--headless", "--size", f"{WIDTH}x{HEIGHT}", "--data-dir", os.path.join(run_dir, "data"),
                "--content", self.packages[variant], "--zone", zone, "--input-script", script_path,
                "--idle-timeout", str(idle_timeout), "--image-seconds", "3600", "--stats-json", stats]
        load_before = os.getloadavg()[0]
        [m] = run_sequential([Spec(f"{label}-{variant}-{zone}", argv, timeout=seconds * 3 + 30,
                                   result_json=stats)], self.logs)
        exhibit = (m.result or {}).get("exhibit")
        problems = [] if m.exit_code == 0 and not m.timed_out else \
            [f"{'timed out' if m.timed_out else f'exit {m.exit_code}'}: {m.output_tail[-300:]}"]
        if exhibit is None and not problems:
            problems.append("no exhibit stats")
        ready = HOME_READY_LOG.search(m.output_tail)
        record = {"scenario": label, "variant": variant, "zone": zone, "exhibit": exhibit,
                  "home_ready_cpu_ms": float(ready.group(1)) if ready else None,
                  "wall_s": round(m.wall_s, 3), "cpu_s": round(m.cpu_s, 3),
                  "other_cpu_cores": round(m.background_cpu_s / max(m.wall_s, 1e-3), 2),
                  "loadavg_1min": round(max(load_before, os.getloadavg()[0]), 2), "problems": problems}
        self.runs.append(record)
        return record


def script_seconds(script: list) -> float:
    total = 0
    for line in script:
        word = line.split()
        if word[0] == "wait":
            total += int(word[1])
        elif word[0] == "swipe":
            total += int(word[5])
        elif word[0] == "tap":
            total += 50
    return total / 1000


def variants(args) -> list:
    return ["film"] if args.reference == "none" else ["film", "still"]


def alternate(args, repeat: int) -> list:
    """Run order: film and reference alternate which goes first."""
    order = []
    for r in range(repeat):
        order += variants(args) if r % 2 == 0 else variants(args)[::-1]
    return order


def dist(record: dict, key: str) -> dict:
    return ((record.get("exhibit") or {}).get(key) or {"count": 0})


def scenario_latency(b: Bench, args, zones: dict) -> list:
    cycles = 4 if args.quick else 9
    script, expected = latency_script(zones[BENCH_ZONE], cycles)
    got = {v: [] for v in variants(args)}
    for variant in alternate(args, args.repeat):
        got[variant].append(b.run("latency", variant, BENCH_ZONE, script, script_seconds(script), IDLE_TIMEOUT_S))
    rows = []
    for label, key, target in [("touch->frame median ms", "median", TARGETS["touch_median"]),
                               ("touch->frame p99 ms", "p99", TARGETS["touch_p99"])]:
        rows.append(figure_row(label, [dist(r, "touch_latency_ms").get(key) for r in got["film"]],
                               [dist(r, "touch_latency_ms").get(key) for r in got.get("still", [])], target,
                               note=count_note(got["film"], "touch_latency_ms", expected)))
    rows.append(figure_row("touch->frame max ms", [dist(r, "touch_latency_ms").get("max") for r in got["film"]],
                           [dist(r, "touch_latency_ms").get("max") for r in got.get("still", [])], None))
    rows.append(figure_row("board open max ms (from latency taps)",
                           [dist(r, "board_open_ms").get("max") for r in got["film"]],
                           [dist(r, "board_open_ms").get("max") for r in got.get("still", [])], None))
    return rows


def scenario_scroll(b: Bench, args, zones: dict) -> list:
    script, board = scroll_script(zones[BENCH_ZONE], 1 if args.quick else 3)
    got = {v: [] for v in variants(args)}
    for variant in alternate(args, args.repeat):
        got[variant].append(b.run("scroll", variant, BENCH_ZONE, script, script_seconds(script)))
    note = f"board {board}; " + count_note(got["film"], "scroll_frame_ms", None)
    if any((r.get("exhibit") or {}).get("idle_returns") for r in got["film"] + got.get("still", [])):
        note += "; the exhibit went back to the attract loop mid-script"
    return [figure_row("scroll frame p99 ms", [dist(r, "scroll_frame_ms").get("p99") for r in got["film"]],
                       [dist(r, "scroll_frame_ms").get("p99") for r in got.get("still", [])],
                       TARGETS["scroll_p99"], note=note),
            figure_row("scroll frame median ms", [dist(r, "scroll_frame_ms").get("median") for r in got["film"]],
                       [dist(r, "scroll_frame_ms").get("median") for r in got.get("still", [])], None),
            figure_row("drag/fling touch->frame p99 ms",
                       [dist(r, "touch_latency_ms").get("p99") for r in got["film"]],
                       [dist(r, "touch_latency_ms").get("p99") for r in got.get("still", [])], None)]


def scenario_boards(b: Bench, args, zones: dict) -> list:
    rows, film_max, still_max = [], [], []
    # The reference runs the bench zone only: the film's cost shows there.
    for zone_id, zone in zones.items():
        script, expected = boards_script(zone)
        runs = {v: [] for v in variants(args)}
        for variant in (variants(args) if zone_id == BENCH_ZONE else ["film"]):
            runs[variant].append(b.run("boards", variant, zone_id, script, script_seconds(script)))
        film_max += [dist(r, "board_open_ms").get("max") for r in runs["film"]]
        still_max += [dist(r, "board_open_ms").get("max") for r in runs.get("still", [])]
        rows.append(figure_row(f"board open {zone_id}: max ms",
                               [dist(r, "board_open_ms").get("max") for r in runs["film"]],
                               [dist(r, "board_open_ms").get("max") for r in runs.get("still", [])],
                               TARGETS["board_open_max"], note=count_note(runs["film"], "board_open_ms", expected)))
        rows.append(figure_row(f"board open {zone_id}: median ms",
                               [dist(r, "board_open_ms").get("median") for r in runs["film"]],
                               [dist(r, "board_open_ms").get("median") for r in runs.get("still", [])], None))
    rows.insert(0, figure_row("board open, every zone: max ms", film_max, still_max, TARGETS["board_open_max"],
                              worst=True, note="reference: boards zone only"))
    return rows


def scenario_home(b: Bench, args, zones: dict) -> list:
    starts = 3 if args.quick else 5
    got = {v: [] for v in variants(args)}
    for variant in alternate(args, starts):
        got[variant].append(b.run("home", variant, BENCH_ZONE, home_script(), 1))
    film = [(r.get("exhibit") or {}).get("home_ready_ms") for r in got["film"]]
    still = [(r.get("exhibit") or {}).get("home_ready_ms") for r in got.get("still", [])]
    values = [v for v in film if v is not None]
    spread = f"{len(values)} starts, {min(values):.0f}..{max(values):.0f} ms" if values else "no figure"
    cpu = [r["home_ready_cpu_ms"] for r in got["film"]]
    cpu_still = [r["home_ready_cpu_ms"] for r in got.get("still", [])]
    return [figure_row("home ready ms (median of starts)", film, still, TARGETS["home_ready"], median=True,
                       note=spread),
            figure_row("  processor time until then ms (median)", cpu, cpu_still, None, median=True,
                       note="load-independent: about the wait on an otherwise idle machine")]


SCENARIOS = {"latency": scenario_latency, "scroll": scenario_scroll, "boards": scenario_boards,
             "home": scenario_home}


# ---------------------------------------------------------------- rows

def count_note(runs: list, key: str, expected) -> str:
    counts = [dist(r, key).get("count", 0) for r in runs]
    problems = [p for r in runs for p in r["problems"]]
    note = f"samples {'/'.join(map(str, counts))}" + (f" (expected {expected} each)" if expected else "")
    if expected and any(c < expected for c in counts):
        note += ": some taps missed their target (layout changed?)"
    return "; ".join([note, *problems])


def figure_row(figure: str, film: list, still: list, target, *, median=False, worst=True, note="") -> dict:
    """One figure over repeated runs: the worst run (or the median of the runs
    for `median`), the spread, the reference the same way, and the result."""
    def pick(values):
        values = [v for v in values if isinstance(v, (int, float))]
        if not values:
            return None
        return statistics.median(values) if median else (max(values) if worst else min(values))
    valid = [v for v in film if isinstance(v, (int, float))]
    measured, reference = pick(film), pick(still)
    ratio = measured / reference if measured is not None and reference else None
    result = ""
    if target is not None:
        result = "n/a" if measured is None or len(valid) < len(film) else ("PASS" if measured <= target else "FAIL")
    spread = f"runs {'/'.join(f'{v:.1f}' for v in valid)}" if len(valid) > 1 else ""
    return {"figure": figure, "measured": measured, "reference": reference, "ratio": ratio,
            "target": target, "of_target": measured / target if measured is not None and target else None,
            "result": result, "note": "; ".join(x for x in [spread, note] if x)}


def fmt(v, digits=1) -> str:
    return "n/a" if v is None else f"{v:.{digits}f}"


def print_table(rows: list) -> None:
    head = ["scenario", "figure", "film", "still", "film/still", "target", "of target", "result"]
    cells = [[r["scenario"], r["figure"], fmt(r["measured"]), "" if r["reference"] is None else fmt(r["reference"]),
              "" if r["ratio"] is None else fmt(r["ratio"], 2),
              "" if r["target"] is None else f"<= {r['target']:g}",
              "" if r["of_target"] is None else fmt(r["of_target"], 2), r["result"]] for r in rows]
    bench_util.print_table(head, cells, [r["note"] for r in rows], numeric=range(2, 7))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kiosk", required=True, help="path to the kiosk binary")
    ap.add_argument("--package", help="a built content package (default: the sample, built if needed)")
    ap.add_argument("--package-cache", help="where the sample package is built and kept")
    ap.add_argument("--quick", action="store_true", help="fewer samples (about a minute)")
    ap.add_argument("--scenario", nargs="+", choices=list(SCENARIOS), default=list(SCENARIOS))
    ap.add_argument("--repeat", type=int, default=1, help="runs of the latency and scroll scripts")
    ap.add_argument("--reference", choices=["still", "none"], default="still",
                    help="run each script again with a still for a programme (default) or not")
    ap.add_argument("--json", help="write the full results as JSON here ('-': stdout, table to stderr)")
    ap.add_argument("--strict", action="store_true", help="exit 1 if a target fails or is n/a")
    args = ap.parse_args()
    args.repeat = max(1, args.repeat)

    kiosk = os.path.abspath(args.kiosk)
    if not (os.path.isfile(kiosk) and os.access(kiosk, os.X_OK)):
        print(f"bench: kiosk binary not found or not executable: {kiosk}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    package = ensure_package(args)
    if not os.path.isfile(os.path.join(package, "manifest.json")):
        print(f"bench: no manifest.json in {package}", file=sys.stderr)
        return 2
    zones = read_zones(package)
    if BENCH_ZONE not in zones:
        print(f"bench: the package has no {BENCH_ZONE} zone", file=sys.stderr)
        return 2

    rows = []
    started, busy_before = time.monotonic(), busy_cpu_seconds()
    with tempfile.TemporaryDirectory(prefix="kiosk-exhibit-bench-") as work:
        try:
            packages = {"film": package}
            if args.reference == "still":
                packages["still"] = still_package(package, work)
            bench = Bench(kiosk, packages, work)
            for name in dict.fromkeys(args.scenario):
                print(f"bench: running {name}...", file=sys.stderr, flush=True)
                rows += [{"scenario": name, **r} for r in SCENARIOS[name](bench, args, zones)]
        finally:
            kill_all()
    wall = time.monotonic() - started
    ours = sum(r["cpu_s"] for r in bench.runs)
    other = max(0.0, busy_cpu_seconds() - busy_before - ours) / wall

    out = sys.stderr if args.json == "-" else sys.stdout
    stdout, sys.stdout = sys.stdout, out
    print_table(rows)
    targets = [r for r in rows if r["result"] in ("PASS", "FAIL", "n/a")]
    summary = {k: sum(r["result"] == k for r in targets) for k in ("PASS", "FAIL", "n/a")}
    print(f"\ntargets: {summary['PASS']} PASS, {summary['FAIL']} FAIL, {summary['n/a']} n/a; "
          f"{len(bench.runs)} runs in {wall:.0f} s; other processes used {other:.2f} of "
          f"{os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f})")
    sys.stdout = stdout
    if args.json:
        report = {"kiosk": kiosk, "package": package, "args": vars(args), "date": time.strftime("%Y-%m-%d %H:%M"),
                  "host": {"machine": platform.machine(), "cpus": os.cpu_count(), "python": platform.python_version()},
                  "wall_s": round(wall, 1), "other_cpu_cores": round(other, 2), "targets": TARGETS,
                  "summary": summary, "rows": rows, "runs": bench.runs}
        if args.json == "-":
            json.dump(report, sys.stdout, indent=2)
            print()
        else:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(report, f, indent=2)
    return 1 if args.strict and (summary["FAIL"] or summary["n/a"]) else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Records benchmark: the desk's earlier logs imported, and the monthly report over them.

Usage
-----
    tests/bench/records_bench.py --kioskctl build/kiosk/kioskctl
        [--rows 1000000] [--months 12] [--start 2026-01] [--month 2026-06]
        [--repeat 7] [--import-repeat 1] [--seed 11] [--work DIR]
        [--sqlite3 sqlite3] [--json FILE] [--strict]

Scenarios
---------
  import  `kioskctl --data-dir D consult import FILE` on a generated CSV of
          --rows consultations (columns at,category,topic,zone,channel,note,
          UTF-8 with a BOM, seeded) spread over --months months from
          --start, into a new data directory. Figure: wall time. Target:
          <= 15 s for 1,000,000 rows.
  report  `kioskctl --data-dir D report consultations --from FIRST --to LAST
          --by category --format json` over one month (--month) of those
          rows, against the same question put to the `sqlite3` shell on the
          same records.db (SELECT category, count(*) FROM consultation WHERE
          local_day BETWEEN FIRST AND LAST GROUP BY category). Both are whole
          processes (start, open, query, print); --repeat runs each, in
          alternating order, after one unmeasured run of each. Figures:
          medians. Targets: the report <= 1 s, and the same query <= 1.5 x
          the shell's: each program's wall time less its own start
          (`kioskctl --version`, `sqlite3 :memory: "SELECT 1"`), which is what
          the database part of each answer costs. kioskctl starts in tens of
          milliseconds (its libraries and the time zone database), the shell
          in two, so the whole-process ratio is shown for reference only.

Every answer is checked against the counts the generator made: the import
must print the row count, the report and the shell must give the month's
counts by category. A wrong answer fails the row whatever its time. The
shell's own `.timer` for the query alone is in the notes.

Output
------
A table on stdout and, with --json, everything as JSON (every run's wall,
CPU and peak RSS, the machine's load). --work DIR keeps the CSV and the data
directory (the CSV is made anew each run: a few seconds for a million rows).

Exit status: 0; 1 with --strict when a target is FAIL or n/a; 2 when
kioskctl or the sqlite3 shell cannot be had.
"""
from __future__ import annotations

import argparse
import calendar
import csv
import datetime
import json
import os
import platform
import random
import shutil
import signal
import statistics
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bench_util  # noqa: E402
from bench_util import Spec, busy_cpu_seconds, kill_all, run_sequential  # noqa: E402

TARGETS = {"import_s": 15.0, "report_s": 1.0, "report_over_shell": 1.5}

# The ten default categories (kiosk/records/categories.cpp), with how often
# the desk logs each, and topics a desk writes for some of them.
CATEGORIES = [
    ("policy", 16, ["生育政策", "落户政策"]),
    ("legal-aid", 9, ["劳动争议", "婚姻家庭"]),
    ("employment", 14, ["招聘信息", "职业培训"]),
    ("school-enrolment", 12, ["幼儿园", "小学入学"]),
    ("residence-permit", 15, ["首次办理", "签注"]),
    ("business-licence", 6, []),
    ("housing-rental", 8, ["公租房"]),
    ("dispute-mediation", 5, []),
    ("reproductive-health", 7, ["孕前检查"]),
    ("health-screening", 8, ["免费体检"]),
]
ZONES = ["boards", "models", "av", "health"]
NOTES = ["", "", "", "", "", "", "已转窗口办理", "预约下周复查", "来访人带孩子, 需无障碍通道",
         'asked for the "blue form", gave two', "电话回访，已解决"]
# The hall's opening hours, in which the logged times fall.
OPENS, CLOSES = 9 * 3600, 17 * 3600 + 1800
# A weekend day has this share of a weekday's visitors.
WEEKEND_SHARE = 0.4


def month_days(start: str, months: int) -> list[datetime.date]:
    year, month = map(int, start.split("-"))
    days = []
    for _ in range(months):
        days += [datetime.date(year, month, d) for d in range(1, calendar.monthrange(year, month)[1] + 1)]
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return days


def generate_csv(path: str, rows: int, days: list[datetime.date], seed: int) -> dict:
    """Writes the CSV; returns the counts by local day and category it holds."""
    rnd = random.Random(seed)
    weights = [WEEKEND_SHARE if day.weekday() >= 5 else 1.0 for day in days]
    picked = sorted(rnd.choices(range(len(days)), weights=weights, k=rows))
    seconds = [rnd.randrange(OPENS, CLOSES) for _ in range(rows)]
    category_ids = [c[0] for c in CATEGORIES]
    category_weights = [c[1] for c in CATEGORIES]
    topics = {c[0]: c[2] for c in CATEGORIES}
    counts: dict[tuple[str, str], int] = {}
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("\ufeff")
        out = csv.writer(f, lineterminator="\r\n")
        out.writerow(["at", "category", "topic", "zone", "channel", "note"])
        day_start = 0
        while day_start < rows:
            day_index = picked[day_start]
            day_end = day_start
            while day_end < rows and picked[day_end] == day_index:
                day_end += 1
            day = days[day_index].isoformat()
            for second in sorted(seconds[day_start:day_end]):
                category = rnd.choices(category_ids, weights=category_weights)[0]
                desk = rnd.random() < 0.4
                topic = rnd.choice(topics[category]) if topics[category] and rnd.random() < 0.5 else ""
                out.writerow([f"{day}T{second // 3600:02d}:{second // 60 % 60:02d}:{second % 60:02d}", category,
                              topic, "" if desk and rnd.random() < 0.5 else rnd.choice(ZONES),
                              "desk" if desk else "kiosk", rnd.choice(NOTES)])
                counts[(day, category)] = counts.get((day, category), 0) + 1
            day_start = day_end
    return counts


def month_counts(counts: dict, first: str, last: str) -> dict[str, int]:
    by_category: dict[str, int] = {}
    for (day, category), n in counts.items():
        if first <= day <= last:
            by_category[category] = by_category.get(category, 0) + n
    return by_category


def read_json_output(text: str) -> dict | None:
    start, end = text.find("{"), text.rfind("}")
    try:
        return json.loads(text[start:end + 1]) if 0 <= start < end else None
    except ValueError:
        return None


def report_counts(output: str) -> dict[str, int] | None:
    """The category counts of kioskctl's JSON report (rows with a zero count left out)."""
    report = read_json_output(output)
    if not report or not isinstance(report.get("rows"), list):
        return None
    return {row["key"]: row["count"] for row in report["rows"] if row.get("count")}


def shell_counts(output: str) -> tuple[dict[str, int] | None, float | None]:
    """The shell's rows (category|count) and its .timer's real seconds for the query."""
    counts: dict[str, int] = {}
    query_s = None
    for line in output.splitlines():
        if line.startswith("Run Time:"):
            parts = line.split()
            query_s = float(parts[parts.index("real") + 1]) if "real" in parts else None
        elif "|" in line:
            key, _, n = line.rpartition("|")
            if not n.strip().isdigit():
                return None, query_s
            counts[key] = int(n)
    return counts, query_s


def median(values: list[float]) -> float | None:
    return statistics.median(values) if values else None


def scenario_import(args, work: str, logs: str, expected: int) -> tuple[dict, str]:
    runs = []
    data_dir = ""
    for n in range(args.import_repeat):
        data_dir = os.path.join(work, f"data-{n}")
        shutil.rmtree(data_dir, ignore_errors=True)
        runs.append(run_sequential([Spec("import", [args.kioskctl, "--data-dir", data_dir, "consult", "import",
                                                    args.csv], timeout=600)], logs)[0])
    answered = [r for r in runs if r.exit_code == 0 and r.output_tail.strip().splitlines()[-1:] == [str(expected)]]
    wall = median([r.wall_s for r in runs]) if len(answered) == len(runs) else None
    size = sum(os.path.getsize(os.path.join(data_dir, f)) for f in os.listdir(data_dir)
               if f.startswith("records.db")) if os.path.isdir(data_dir) else 0
    note = (f"{expected} rows, {os.path.getsize(args.csv) / 1e6:.0f} MB CSV -> {size / 1e6:.0f} MB records.db; "
            f"CPU {median([r.cpu_s for r in runs]):.1f} s, peak RSS {max(r.maxrss_kb for r in runs) / 1024:.0f} MB")
    if wall is None:
        bad = next(r for r in runs if r not in answered)
        note = f"exit {bad.exit_code}, printed {bad.output_tail[-300:]!r}; " + note
    row = {"scenario": "import", "figure": f"import {expected} rows, wall s", "ours": wall, "reference": None,
           "ratio": None, "target": TARGETS["import_s"], "note": note, "runs": [r.to_json() for r in runs]}
    row["result"] = "n/a" if wall is None else ("PASS" if wall <= TARGETS["import_s"] else "FAIL")
    return row, data_dir


def spread(runs) -> str:
    return "-".join(f"{x:.3f}" for x in (min(r.wall_s for r in runs), max(r.wall_s for r in runs)))


def scenario_report(args, data_dir: str, logs: str, expected: dict[str, int]) -> list[dict]:
    year, month = map(int, args.month.split("-"))
    first = f"{args.month}-01"
    last = f"{args.month}-{calendar.monthrange(year, month)[1]:02d}"
    database = os.path.join(data_dir, "records.db")
    # The shell's .timer times SQL it reads, not SQL given as an argument.
    query = os.path.join(logs, f"report-{args.month}.sql")
    with open(query, "w", encoding="utf-8") as f:
        f.write("SELECT category, count(*) FROM consultation "
                f"WHERE local_day BETWEEN '{first}' AND '{last}' GROUP BY category;\n")
    specs = {
        "ours": Spec("report", [args.kioskctl, "--data-dir", data_dir, "report", "consultations", "--from", first,
                                "--to", last, "--by", "category", "--format", "json"], timeout=120),
        "shell": Spec("sqlite3", [args.sqlite3, database, ".timer on", f".read {query}"], timeout=120),
        # Each program's start with no database: the floor under its answer.
        "ours_start": Spec("kioskctl --version", [args.kioskctl, "--version"], timeout=60),
        "shell_start": Spec("sqlite3 :memory:", [args.sqlite3, ":memory:", "SELECT 1"], timeout=60),
    }
    names = list(specs)
    run_sequential(list(specs.values()), logs)  # the page cache warmed for all
    runs: dict[str, list] = {name: [] for name in names}
    for n in range(args.repeat):
        order = names if n % 2 == 0 else names[::-1]
        for name, measured in zip(order, run_sequential([specs[name] for name in order], logs)):
            runs[name].append(measured)
    ours_right = all(r.exit_code == 0 and report_counts(r.output_tail) == expected for r in runs["ours"])
    shell_answers = [shell_counts(r.output_tail) for r in runs["shell"]]
    shell_right = all(r.exit_code == 0 and a[0] == expected for r, a in zip(runs["shell"], shell_answers))
    wall = {name: median([r.wall_s for r in runs[name] if r.exit_code == 0]) for name in names}
    ours_s = wall["ours"] if ours_right else None
    shell_s = wall["shell"] if shell_right else None
    query_s = median([a[1] for a in shell_answers if a[1] is not None])
    detail = f"{first}..{last}, {sum(expected.values())} consultations"
    if query_s is not None:
        detail += f"; the shell's query alone {query_s * 1000:.1f} ms"
    if not ours_right:
        detail = "kioskctl's counts differ from the generated ones: " + runs["ours"][-1].output_tail[-300:]
    elif not shell_right:
        detail = "the shell's counts differ from the generated ones: " + runs["shell"][-1].output_tail[-300:]
    ratio = ours_s / shell_s if ours_s is not None and shell_s else None
    # Less each program's start: what the database part of each answer costs.
    less_start = None
    if ratio is not None and wall["ours_start"] is not None and wall["shell_start"] is not None:
        ours_work, shell_work = ours_s - wall["ours_start"], shell_s - wall["shell_start"]
        less_start = ours_work / shell_work if shell_work > 0 else None
    starts = (f"starts: kioskctl --version {wall['ours_start'] * 1000:.0f} ms, sqlite3 :memory: "
              f"{wall['shell_start'] * 1000:.0f} ms" if None not in (wall["ours_start"], wall["shell_start"])
              else "a start was not measured")
    return [
        {"scenario": "report", "figure": "monthly report by category, wall s (median)", "ours": ours_s,
         "reference": shell_s, "ratio": ratio, "target": TARGETS["report_s"], "note": detail,
         "runs": {name: [r.to_json() for r in runs[name]] for name in names},
         "result": "n/a" if ours_s is None else ("PASS" if ours_s <= TARGETS["report_s"] else "FAIL")},
        {"scenario": "report", "figure": "the same query: report / sqlite3 shell, each less its start",
         "ours": less_start, "reference": None, "ratio": None, "target": TARGETS["report_over_shell"],
         "note": starts,
         "result": "n/a" if less_start is None else ("PASS" if less_start <= TARGETS["report_over_shell"]
                                                      else "FAIL")},
        {"scenario": "report", "figure": "whole processes, start included (reference)", "ours": ratio,
         "reference": None, "ratio": None, "target": None,
         "note": f"spread: ours {spread(runs['ours'])}, shell {spread(runs['shell'])} s", "result": ""},
    ]


def fmt(value) -> str:
    return "" if value is None else f"{value:.3g}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--kioskctl", required=True, help="path to the kioskctl binary")
    ap.add_argument("--sqlite3", default="sqlite3", help="the sqlite3 shell (default: from PATH)")
    ap.add_argument("--rows", type=int, default=1_000_000, help="consultations in the generated CSV")
    ap.add_argument("--months", type=int, default=12, help="months the rows are spread over")
    ap.add_argument("--start", default="2026-01", help="first month of the rows, YYYY-MM")
    ap.add_argument("--month", help="the month reported, YYYY-MM (default: the middle one)")
    ap.add_argument("--repeat", type=int, default=7, help="measured runs of the report and of the shell")
    ap.add_argument("--import-repeat", type=int, default=1, help="imports, each into a new data directory")
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--work", help="keep the CSV and data directories here (default: a temporary directory)")
    ap.add_argument("--json", help="write the full results as JSON here ('-': stdout, table to stderr)")
    ap.add_argument("--strict", action="store_true", help="exit 1 if a target fails or is n/a")
    args = ap.parse_args()
    args.repeat, args.import_repeat = max(1, args.repeat), max(1, args.import_repeat)

    args.kioskctl = os.path.abspath(args.kioskctl)
    if not (os.path.isfile(args.kioskctl) and os.access(args.kioskctl, os.X_OK)):
        print(f"bench: kioskctl not found or not executable: {args.kioskctl}", file=sys.stderr)
        return 2
    if not shutil.which(args.sqlite3):
        print(f"bench: no sqlite3 shell ({args.sqlite3}): apt-get install sqlite3", file=sys.stderr)
        return 2
    days = month_days(args.start, args.months)
    args.month = args.month or days[len(days) // 2].strftime("%Y-%m")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    started, busy_before = time.monotonic(), busy_cpu_seconds()
    with tempfile.TemporaryDirectory(prefix="kiosk-records-bench-") as temporary:
        work = os.path.abspath(args.work) if args.work else temporary
        logs = os.path.join(work, "logs")
        os.makedirs(logs, exist_ok=True)
        args.csv = os.path.join(work, f"consultations-{args.rows}-{args.start}-{args.months}-{args.seed}.csv")
        print(f"bench: generating {args.rows} consultations...", file=sys.stderr, flush=True)
        generated = time.monotonic()
        counts = generate_csv(args.csv + ".part", args.rows, days, args.seed)
        os.replace(args.csv + ".part", args.csv)
        generate_s = time.monotonic() - generated
        try:
            print("bench: importing...", file=sys.stderr, flush=True)
            import_row, data_dir = scenario_import(args, work, logs, args.rows)
            rows = [import_row]
            if import_row["ours"] is not None:
                print("bench: reporting...", file=sys.stderr, flush=True)
                year, month = map(int, args.month.split("-"))
                last = f"{args.month}-{calendar.monthrange(year, month)[1]:02d}"
                rows += scenario_report(args, data_dir, logs, month_counts(counts, f"{args.month}-01", last))
        finally:
            kill_all()
    wall = time.monotonic() - started
    measured = [run for row in rows for runs in ([row["runs"]] if isinstance(row.get("runs"), list)
                                                 else (row.get("runs") or {}).values()) for run in runs]
    other = max(0.0, busy_cpu_seconds() - busy_before - sum(run["cpu_s"] for run in measured)) / wall

    out = sys.stderr if args.json == "-" else sys.stdout
    head = ["scenario", "figure", "ours", "sqlite3", "ours/ref", "target", "result"]
    cells = [[r["scenario"], r["figure"], fmt(r["ours"]), fmt(r["reference"]), fmt(r["ratio"]), fmt(r["target"]),
              r["result"]] for r in rows]
    stdout, sys.stdout = sys.stdout, out
    bench_util.print_table(head, cells, [r["note"] for r in rows], range(2, 6))
    print(f"\n{args.rows} rows generated in {generate_s:.1f} s (not measured); bench {wall:.0f} s; other processes "
          f"used {other:.2f} of {os.cpu_count()} cores (load average {os.getloadavg()[0]:.1f})")
    sys.stdout = stdout
    if args.json:
        report = {"kioskctl": args.kioskctl, "args": vars(args), "date": time.strftime("%Y-%m-%d %H:%M"),
                  "host": {"machine": platform.machine(), "cpus": os.cpu_count(), "python": platform.python_version()},
                  "wall_s": round(wall, 1), "generate_s": round(generate_s, 1), "other_cpu_cores": round(other, 2),
                  "targets": TARGETS, "rows": rows}
        if args.json == "-":
            json.dump(report, sys.stdout, indent=1)
        else:
            with open(args.json, "w", encoding="utf-8") as f:
                json.dump(report, f, indent=1)
    return 1 if args.strict and any(r["result"] not in ("PASS", "") for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())

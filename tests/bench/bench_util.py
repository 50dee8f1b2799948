"""Process measurement for playback_bench.py.

Every child runs in its own process group with stdin closed and its output in
a log file. A reaper thread blocks in os.wait4() on the child's pid, so each
measurement carries that child's own user and system CPU seconds, its peak
resident set size (ru_maxrss, kB on Linux) and its wall time, independently of
any other child running at the same moment. A child that outlives its timeout
has its whole process group killed.
"""
from __future__ import annotations

import json
import os
import re
import select
import signal
import subprocess
import threading
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field

# Process groups still running, killed on the way out if the bench is interrupted.
_live_groups: set[int] = set()
_log_counter = 0


@dataclass
class Spec:
    """One command to run: a label for reports, argv, extra environment,
    a timeout in seconds and, optionally, a JSON file the command writes."""
    label: str
    argv: list
    timeout: float
    env: dict = field(default_factory=dict)
    result_json: str | None = None


@dataclass
class Measurement:
    label: str
    argv: list
    wall_s: float = 0.0
    user_s: float = 0.0
    sys_s: float = 0.0
    maxrss_kb: int = 0
    exit_code: int | None = None
    timed_out: bool = False
    output_tail: str = ""
    result: dict | None = None
    # CPU seconds other processes on the machine used while this group ran.
    background_cpu_s: float = 0.0

    @property
    def cpu_s(self) -> float:
        return self.user_s + self.sys_s

    def to_json(self) -> dict:
        return asdict(self) | {"cpu_s": round(self.cpu_s, 3)}


def kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def kill_all() -> None:
    for pgid in list(_live_groups):
        kill_group(pgid)
        _live_groups.discard(pgid)


class _Child:
    def __init__(self, spec: Spec, log_dir: str):
        global _log_counter
        _log_counter += 1
        safe = re.sub(r"[^A-Za-z0-9_.-]", "_", spec.label)
        self.spec = spec
        self.log_path = os.path.join(log_dir, f"{_log_counter:03d}-{safe}.log")
        self.m = Measurement(spec.label, [str(a) for a in spec.argv])
        self.t_end: float | None = None

    def start(self) -> None:
        env = os.environ | {k: str(v) for k, v in self.spec.env.items()}
        with open(self.log_path, "wb") as log:
            self.t_start = time.monotonic()
            self.proc = subprocess.Popen(self.m.argv, stdin=subprocess.DEVNULL, stdout=log,
                                         stderr=subprocess.STDOUT, env=env, start_new_session=True)
        _live_groups.add(self.proc.pid)
        self.reaper = threading.Thread(target=self._reap, daemon=True)
        self.reaper.start()

    def _reap(self) -> None:
        _, status, usage = os.wait4(self.proc.pid, 0)
        self.t_end = time.monotonic()
        self.proc.returncode = os.waitstatus_to_exitcode(status)
        self.m.user_s, self.m.sys_s = usage.ru_utime, usage.ru_stime
        self.m.maxrss_kb = usage.ru_maxrss

    def finish(self) -> Measurement:
        self.reaper.join(max(0.0, self.t_start + self.spec.timeout - time.monotonic()))
        if self.reaper.is_alive():
            self.m.timed_out = True
            kill_group(self.proc.pid)
            self.reaper.join()
        # Also ends anything the child left behind in its group.
        kill_group(self.proc.pid)
        _live_groups.discard(self.proc.pid)
        self.m.wall_s = (self.t_end or time.monotonic()) - self.t_start
        self.m.exit_code = self.proc.returncode
        with open(self.log_path, "rb") as log:
            text = log.read().decode("utf-8", "replace").replace("\r", "\n")
        self.m.output_tail = "\n".join(line for line in text.splitlines() if line.strip())[-4000:]
        if self.spec.result_json:
            self.m.result = read_json(self.spec.result_json)
        return self.m


def read_json(path: str) -> dict | None:
    try:
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        return data if isinstance(data, dict) else None
    except (OSError, ValueError):
        return None


def busy_cpu_seconds() -> float:
    """CPU seconds the whole machine has spent busy since boot (/proc/stat)."""
    with open("/proc/stat", encoding="ascii") as f:
        user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, f.readline().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run_concurrent(specs: list[Spec], log_dir: str) -> list[Measurement]:
    """Starts every spec at once and waits for all of them."""
    children = [_Child(s, log_dir) for s in specs]
    busy_before = busy_cpu_seconds()
    try:
        for child in children:
            child.start()
        measured = [child.finish() for child in children]
    finally:
        for child in children:
            if hasattr(child, "proc"):
                kill_group(child.proc.pid)
                _live_groups.discard(child.proc.pid)
    background = max(0.0, busy_cpu_seconds() - busy_before - sum(m.cpu_s for m in measured))
    for m in measured:
        m.background_cpu_s = round(background, 2)
    return measured


def run_sequential(specs: list[Spec], log_dir: str) -> list[Measurement]:
    return [run_concurrent([s], log_dir)[0] for s in specs]


@contextmanager
def xvfb_display(number: int, geometry: str, log_dir: str, wait_s: float = 15):
    """Runs `Xvfb :number` for the duration of the block; yields the DISPLAY
    value, or None if the display is taken or the server does not come up."""
    if _display_taken(number):
        yield None
        return
    ready_r, ready_w = os.pipe()
    with open(os.path.join(log_dir, f"xvfb-{number}.log"), "wb") as log:
        # -displayfd: Xvfb writes the display number there once it accepts clients.
        proc = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", geometry, "-nolisten", "tcp",
                                 "-displayfd", str(ready_w)], stdin=subprocess.DEVNULL, stdout=log,
                                stderr=subprocess.STDOUT, pass_fds=(ready_w,), start_new_session=True)
    os.close(ready_w)
    _live_groups.add(proc.pid)
    try:
        ready = select.select([ready_r], [], [], wait_s)[0] and os.read(ready_r, 64).strip()
        yield f":{number}" if ready and proc.poll() is None else None
    finally:
        os.close(ready_r)
        # SIGTERM lets Xvfb remove its lock file and socket.
        proc.terminate()
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            kill_group(proc.pid)
            proc.wait()
        _live_groups.discard(proc.pid)


def _display_taken(number: int) -> bool:
    """True if a live process holds /tmp/.X<number>-lock (a stale lock Xvfb replaces)."""
    try:
        with open(f"/tmp/.X{number}-lock", encoding="ascii") as f:
            os.kill(int(f.read().strip()), 0)
        return True
    except PermissionError:
        return True
    except (OSError, ValueError):
        return False


def print_table(head: list[str], cells: list[list[str]], notes: list[str], numeric: range) -> None:
    """Prints rows of cells under `head`, the `numeric` columns right-aligned,
    each row followed by its note (if any) as a comment."""
    widths = [max(len(c[i]) for c in [head, *cells]) for i in range(len(head))]

    def line(row: list[str]) -> str:
        return "  ".join(x.rjust(w) if i in numeric else x.ljust(w)
                         for i, (x, w) in enumerate(zip(row, widths))).rstrip()

    print(line(head))
    print("  ".join("-" * w for w in widths))
    for row, note in zip(cells, notes):
        print(line(row) + (f"   # {note}" if note else ""))

"""Processes: start each in its own process group, stop the whole group, read RSS of a tree from /proc."""
from __future__ import annotations

import atexit
import shutil
import tempfile
import ctypes
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import ExitStack
from pathlib import Path
from typing import Callable, Dict, List, Optional, Sequence

PROC = Path("/proc")


# --- free ports ---------------------------------------------------------------------------------

def find_free_ports(count: int = 1, host: str = "") -> List[int]:
    """`count` distinct TCP ports that are free right now (bind port 0; all held until all are chosen).

    host "" checks all interfaces, which also rules out ports taken on 127.0.0.1 only.
    """
    with ExitStack() as stack:
        ports = []
        for _ in range(count):
            s = stack.enter_context(socket.socket(socket.AF_INET, socket.SOCK_STREAM))
            s.bind((host, 0))
            ports.append(s.getsockname()[1])
        return ports


def find_free_port(host: str = "") -> int:
    return find_free_ports(1, host)[0]


# --- /proc: process tree and RSS ----------------------------------------------------------------

def _parent_of(pid: int) -> Optional[int]:
    """The parent pid from /proc/<pid>/stat; None if the process is gone."""
    try:
        raw = (PROC / str(pid) / "stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return None
    # "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split at the last ')'.
    rest = raw[raw.rfind(")") + 2:].split()
    try:
        return int(rest[1])
    except (IndexError, ValueError):
        return None


def descendants(pid: int) -> List[int]:
    """All live descendants of pid (children, grandchildren, ...), from one scan of /proc."""
    children: Dict[int, List[int]] = {}
    for entry in os.listdir(PROC):
        if not entry.isdigit():
            continue
        ppid = _parent_of(int(entry))
        if ppid is not None:
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            if child not in found:
                found.append(child)
                todo.append(child)
    return found


def rss_kb(pid: int) -> int:
    """VmRSS of one process in kB from /proc/<pid>/status; 0 if gone or a kernel thread."""
    try:
        with open(PROC / str(pid) / "status") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        pass
    return 0


def tree_rss_mb(pid: int) -> float:
    """Resident memory of pid and all its descendants, in MB (MiB), summed over VmRSS.

    Pages shared between processes of the tree are counted once per process.
    """
    return sum(rss_kb(p) for p in [pid] + descendants(pid)) / 1024.0


# --- CPU used by others -----------------------------------------------------------------------

def machine_busy_seconds() -> float:
    """CPU seconds all processes of the machine have used (user, nice, system, irq, softirq), from /proc/stat."""
    with open(PROC / "stat") as fh:
        fields = fh.readline().split()
    user, nice, system, _idle, _iowait, irq, softirq = (int(v) for v in fields[1:8])
    return (user + nice + system + irq + softirq) / os.sysconf("SC_CLK_TCK")


def cpu_seconds(pid: int) -> float:
    """CPU seconds (user + system, and of its waited-for children) of one process from /proc/<pid>/stat; 0 if gone."""
    try:
        raw = (PROC / str(pid) / "stat").read_text()
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return 0.0
    rest = raw[raw.rfind(")") + 2:].split()  # rest[0] is field 3 (state): utime..cstime are fields 14-17
    try:
        return sum(int(v) for v in rest[11:15]) / os.sysconf("SC_CLK_TCK")
    except (IndexError, ValueError):
        return 0.0


def tree_cpu_seconds(pid: int) -> float:
    """CPU seconds of pid and its live descendants (a descendant that exited and was waited for is in its
    parent's figure)."""
    return sum(cpu_seconds(p) for p in [pid] + descendants(pid))


def own_cpu_seconds() -> float:
    """CPU seconds of this process and of its children that have been waited for."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


class CpuMeter:
    """How much of the machine's CPU others used while a phase ran: (machine busy - ours) / (wall * cores).

    Ours is only complete once our children of the phase have exited and been waited for (Proc.stop does), or,
    for children that still run, when their pids are given: the CPU of their process trees counts as ours.
    """

    def __init__(self, pids: Sequence[int] = ()) -> None:
        self.pids = list(pids)
        self.wall0 = time.perf_counter()
        self.busy0 = machine_busy_seconds()
        self.own0 = own_cpu_seconds()
        self.trees0 = {pid: tree_cpu_seconds(pid) for pid in self.pids}

    def tree_seconds(self) -> Dict[int, float]:
        """CPU seconds each given process tree used since the start (0 for one that has gone)."""
        return {pid: max(0.0, tree_cpu_seconds(pid) - self.trees0[pid]) for pid in self.pids}

    def others_share(self) -> float:
        wall = time.perf_counter() - self.wall0
        if wall <= 0:
            return 0.0
        ours = (own_cpu_seconds() - self.own0) + sum(self.tree_seconds().values())
        others = (machine_busy_seconds() - self.busy0) - ours
        return max(0.0, others / (wall * (os.cpu_count() or 1)))


# --- managed processes --------------------------------------------------------------------------

_PR_SET_PDEATHSIG = 1


def _die_with_parent() -> None:  # runs in the child between fork and exec
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)
    except Exception:
        pass


_LIVE: List["Proc"] = []


def stop_all() -> None:
    """Stop every process started through Proc that still runs (newest first)."""
    for p in list(reversed(_LIVE)):
        p.stop()


def run_dirs(logs_name: str, prefix: str) -> tuple:
    """(logs, scratch) of one benchmark run: an emptied log folder in .bench/ and a new temp dir."""
    from .projects import CACHE  # projects imports this module
    logs = CACHE / logs_name
    shutil.rmtree(logs, ignore_errors=True)
    logs.mkdir(parents=True)
    return logs, Path(tempfile.mkdtemp(prefix=prefix))


def run_guarded(work: Callable[[], Optional[int]], scratch: Path, keep_temp: bool, failure_code: int) -> Optional[int]:
    """Runs `work` (which may return an exit code); afterwards stops every server it started and removes the temp
    dir. The exit code when it did not finish: 130 on Ctrl-C, `failure_code` when a step failed."""
    try:
        return work()
    except KeyboardInterrupt:
        log("interrupted; stopping what was started")
        return 130
    except SystemExit:
        log("stopped by a signal; stopping what was started")
        raise
    except (RuntimeError, TimeoutError, OSError) as exc:
        log(f"failed: {exc}")
        return failure_code
    finally:
        stop_all()
        if keep_temp:
            log(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


def install_signal_handlers() -> None:
    """SIGTERM/SIGHUP end the benchmark like Ctrl-C does, so `finally` blocks stop the servers."""

    def _raise(signum, _frame):
        raise SystemExit(128 + signum)

    for sig in (signal.SIGTERM, signal.SIGHUP):
        try:
            signal.signal(sig, _raise)
        except (ValueError, OSError):  # not the main thread
            pass
    atexit.register(stop_all)


class Proc:
    """A subprocess in its own session (so its own process group), logging to a file.

    stop() sends SIGTERM to the group, then SIGKILL to the group and to any descendant that left it.
    Usable as a context manager.
    """

    def __init__(self, name: str, cmd: Sequence[str], cwd: Path, env: Dict[str, str], log_path: Path):
        self.name = name
        self.cmd = [str(c) for c in cmd]
        self.log_path = Path(log_path)
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = open(self.log_path, "ab")
        self._log.write(("$ " + " ".join(self.cmd) + f"\n# cwd: {cwd}\n").encode())
        self._log.flush()
        self.started = time.perf_counter()
        self.popen = subprocess.Popen(
            self.cmd,
            cwd=str(cwd),
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )
        self.pid = self.popen.pid
        _LIVE.append(self)

    def __enter__(self) -> "Proc":
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def alive(self) -> bool:
        return self.popen.poll() is None

    def wait(self, timeout: float) -> int:
        """Wait for the exit; on time-out stop the group and raise TimeoutError."""
        try:
            return self.popen.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            raise TimeoutError(f"{self.name} did not finish in {timeout:.0f} s; see {self.log_path}")

    def rss_mb(self) -> float:
        return tree_rss_mb(self.pid) if self.alive() else 0.0

    def stop(self, grace: float = 15.0) -> None:
        if self in _LIVE:
            _LIVE.remove(self)
        stragglers = descendants(self.pid) if self.alive() else []
        try:
            os.killpg(self.pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.popen.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
        for target in ("group", *stragglers):
            try:
                if target == "group":
                    os.killpg(self.pid, signal.SIGKILL)
                else:
                    os.kill(target, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        try:
            self.popen.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        if not self._log.closed:
            self._log.close()

    def log_tail(self, lines: int = 30) -> str:
        try:
            text = self.log_path.read_text(errors="replace")
        except FileNotFoundError:
            return ""
        return "\n".join(text.splitlines()[-lines:])


# --- HTTP polling -------------------------------------------------------------------------------

def http_get_json(url: str, timeout: float = 2.0):
    """GET url and parse JSON; None when it does not answer 200 with JSON."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as resp:
            if resp.status != 200:
                return None
            body = resp.read()
    except (urllib.error.URLError, ConnectionError, OSError, ValueError):
        return None
    try:
        return json.loads(body or b"null")
    except ValueError:
        return {}


def wait_until(
    check: Callable[[], bool], proc: Proc, timeout: float, what: str, interval: float = 0.1
) -> float:
    """Poll check() until true; returns seconds since proc started. Fails if proc dies or time runs out."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if check():
            return time.perf_counter() - proc.started
        if not proc.alive():
            raise RuntimeError(
                f"{proc.name} exited with code {proc.popen.returncode} before {what}; "
                f"last lines of {proc.log_path}:\n{proc.log_tail()}"
            )
        time.sleep(interval)
    raise TimeoutError(f"{proc.name}: no {what} within {timeout:.0f} s; last lines of {proc.log_path}:\n{proc.log_tail()}")


def rasa_model_loaded(port: int) -> bool:
    """True once GET /status of a Rasa server names a loaded model file."""
    status = http_get_json(f"http://127.0.0.1:{port}/status")
    return isinstance(status, dict) and bool(status.get("model_file"))


def http_ok(url: str) -> bool:
    return http_get_json(url) is not None


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

"""Measured load: 1, 10 and 50 concurrent users through the gateway and straight to Rasa, beside a `rasa init` bot.

    .venv/bin/python -m bench.load_levels                 # trains this assistant fresh in a temp dir first
    .venv/bin/python -m bench.load_levels --skip-train    # measures models/assistant.tar.gz (`make bench-load`)
    .venv/bin/python -m bench.load_levels --quick --levels 1,10

Starts this assistant (action server, `rasa run` with a SQLite tracker store in a temp dir, and the gateway
`python -m bot` in front of it), all on free ports, and later the `rasa init` reference bot (cached in .bench/,
made with `rasa init` when missing; it has no gateway, so it is measured straight on Rasa). After a warm-up,
for each level of N concurrent users, N users each hold multi-turn conversations (bench/messages.py: for this
assistant also the complaint-route form by button payloads and the deadline form), one message after another,
each waiting for its reply, with no pause between messages: once through the gateway (POST /api/chat) and once
straight to Rasa's REST channel. Every user and conversation has its own sender (session), unique to the run.

The gateway runs with its production settings except for two: the rate limits are raised (RATE_* variables;
all simulated users come from 127.0.0.1, so the per-address limit of 30 at once and 60 a minute would refuse
most of them), and the Origin allow-list names the origin the benchmark sends. The benchmark measures the
capacity behind the limits, not the limits.

Reports p50/p95/p99 latency, throughput (successful replies a second), errors and empty replies per level; the
gateway's overhead (gateway minus direct, and their ratio); this assistant against the reference. Writes
bench/load_results.md and bench/load_results.json. Exits 1 when any measured run had errors (so at 50 users too),
2 when it could not run. Nothing here asserts on time.
"""
from __future__ import annotations

import argparse
import asyncio
import json
import math
import os
import secrets
import shutil
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

from . import messages as msgs
from .load import Endpoint, run_users
from .messages import Conversation, schedule
from .procs import (CpuMeter, Proc, find_free_ports, http_ok, install_signal_handlers, log, rasa_model_loaded, run_dirs,
                    run_guarded,
                    wait_until)
from .projects import (CACHE, RASA, ROOT, bench_env, cached_reference, copy_project, has_actions,
                       make_cached_reference, rasa_version, train, write_server_files)
from .run import ASSISTANT_MODEL, BUSY_WARN_PCT, git_state
from .stats import DASH, fmt_number, fmt_ratio, markdown_table, ratio, summarize_ms

OUT_DIR = Path(__file__).resolve().parent
DEFAULT_LEVELS = (1, 10, 50)

# What is measured, in the order of the tables.
TARGETS: Dict[str, str] = {
    "assistant_gateway": "this assistant, through the gateway",
    "assistant_direct": "this assistant, straight to Rasa",
    "reference_direct": "`rasa init` reference, straight to Rasa",
}
SENDER_LABELS = {"assistant_gateway": "gw", "assistant_direct": "rasa", "reference_direct": "ref"}

# The gateway's settings in the benchmark: everything else is the production default of bot/config.py.
GATEWAY_RATE_ENV = {
    "RATE_SESSION_BURST": "100000",
    "RATE_SESSION_PER_MINUTE": "1000000",
    "RATE_ADDRESS_BURST": "100000",
    "RATE_ADDRESS_PER_MINUTE": "1000000",
}


# --- arguments ----------------------------------------------------------------------------------

def parse_levels(text: str) -> List[int]:
    """"1,10,50" -> [1, 10, 50]: positive whole numbers, sorted, each once."""
    parts = [p.strip() for p in str(text).split(",") if p.strip()]
    if not parts:
        raise argparse.ArgumentTypeError("give at least one level, e.g. 1,10,50")
    levels = set()
    for part in parts:
        try:
            n = int(part)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {part!r}") from None
        if n < 1:
            raise argparse.ArgumentTypeError(f"a level must be at least 1 user, got {n}")
        levels.add(n)
    return sorted(levels)


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.load_levels", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--levels", type=parse_levels, default=list(DEFAULT_LEVELS),
                   help="numbers of concurrent users, comma-separated (default 1,10,50)")
    p.add_argument("--quick", action="store_true",
                   help="fewer messages: 4 per user and at least 30 per level (default 10 and 100)")
    p.add_argument("--skip-train", action="store_true",
                   help=f"no training: measure {ASSISTANT_MODEL.relative_to(ROOT)} (the reference is always the "
                        "one cached in .bench/, made when missing)")
    p.add_argument("--model", type=Path, help="measure this model of the assistant instead (implies --skip-train)")
    p.add_argument("--per-user", type=int, help="messages each user sends in a level (default 10, --quick 4)")
    p.add_argument("--min-messages", type=int,
                   help="at least this many messages in a level: small levels send more per user so the "
                        "percentiles rest on enough replies (default 100, --quick 30)")
    p.add_argument("--warmup-users", type=int, default=5,
                   help="users in the warm-up before each bot is measured (each conversation once; default 5)")
    p.add_argument("--timeout", type=float, default=120.0,
                   help="seconds the benchmark waits for one reply before counting an error (default 120; the "
                        "gateway answers 504 after its own RASA_TIMEOUT, 15 s)")
    p.add_argument("--budget", type=float, default=600.0,
                   help="seconds one run may take; messages not sent by then count as errors (default 600)")
    p.add_argument("--train-timeout", type=float, default=3600, help="seconds allowed for training")
    p.add_argument("--startup-timeout", type=float, default=300, help="seconds allowed for a server to start")
    p.add_argument("--keep-temp", action="store_true", help="keep the temp dir (project copy, models, trackers)")
    p.add_argument("--out", type=Path, default=OUT_DIR,
                   help="where load_results.md and load_results.json go (default bench/)")
    args = p.parse_args(argv)
    if args.model is not None:
        args.skip_train = True
    if args.per_user is None:
        args.per_user = 4 if args.quick else 10
    if args.min_messages is None:
        args.min_messages = 30 if args.quick else 100
    if min(args.per_user, args.min_messages, args.warmup_users) < 1:
        p.error("--per-user, --min-messages and --warmup-users must be at least 1")
    if args.timeout <= 0 or args.budget <= 0:
        p.error("--timeout and --budget must be positive")
    return args


# --- plans: who sends what ----------------------------------------------------------------------

def new_run_id() -> str:
    """A prefix for every sender of one benchmark run: the time and a random part, so runs never share trackers."""
    return f"{time.strftime('%Y%m%d%H%M%S')}-{secrets.token_hex(3)}"


def per_user_for(users: int, per_user: int, min_messages: int) -> int:
    """Messages each user sends: per_user, or more when the level would otherwise send fewer than min_messages."""
    return max(per_user, math.ceil(min_messages / users))


def user_plans(conversations: Sequence[Conversation], users: int, per_user: int, run_id: str, label: str
               ) -> List[List[Tuple[str, str]]]:
    """One plan of (sender, message) pairs per user. User u starts at conversation u (so the users of a level hold
    different conversations) and takes a new sender per conversation; every sender names the run, the label
    (target or warm-up), the level and the user, so no two users or runs share a tracker."""
    return [schedule(conversations, per_user, sender_prefix=f"{run_id}-{label}-{users}u{u}", start=u)
            for u in range(users)]


# --- figures of a run ---------------------------------------------------------------------------

def summarize_run(latencies_s: Sequence[float], errors: int, not_sent: int, empty: int, wall_s: float,
                  users: int, per_user: int) -> Dict:
    """The figures of one level: latency percentiles (ms), throughput (successful replies a second), errors."""
    lat = summarize_ms(latencies_s)
    ok = len(latencies_s)
    return {
        "users": users,
        "per_user": per_user,
        "sent": users * per_user - not_sent,
        "ok": ok,
        "errors": errors + not_sent,
        "not_sent": not_sent,
        "empty_replies": empty,
        "wall_s": wall_s,
        "msg_per_s": ok / wall_s if wall_s > 0 and ok else None,
        "p50_ms": lat["p50_ms"],
        "p95_ms": lat["p95_ms"],
        "p99_ms": lat["p99_ms"],
        "mean_ms": lat["mean_ms"],
        "max_ms": lat["max_ms"],
    }


def _minus(a: Optional[float], b: Optional[float]) -> Optional[float]:
    return None if a is None or b is None else a - b


def overhead(gateway: Dict, direct: Dict) -> Dict:
    """What the gateway adds at one level: gateway minus direct (ms) and gateway / direct, for p50, p95 and p99;
    and the throughput ratio (below 1: fewer replies a second through the gateway)."""
    out: Dict = {}
    for q in ("p50", "p95", "p99"):
        key = f"{q}_ms"
        out[f"{q}_added_ms"] = _minus(gateway.get(key), direct.get(key))
        out[f"{q}_ratio"] = ratio(gateway.get(key), direct.get(key))
    out["throughput_ratio"] = ratio(gateway.get("msg_per_s"), direct.get("msg_per_s"))
    return out


def against_reference(this: Dict, reference: Dict) -> Dict:
    """This assistant / the reference at one level (both straight to Rasa)."""
    out = {f"{q}_ratio": ratio(this.get(f"{q}_ms"), reference.get(f"{q}_ms")) for q in ("p50", "p95", "p99")}
    out["throughput_ratio"] = ratio(this.get("msg_per_s"), reference.get("msg_per_s"))
    return out


def runs_with_errors(results: Dict) -> List[Tuple[str, int, int]]:
    """(target, users, errors) of every measured run that had errors."""
    bad = []
    for target, by_level in results.get("runs", {}).items():
        for users, run in sorted(by_level.items(), key=lambda kv: int(kv[0])):
            if run.get("errors"):
                bad.append((target, int(users), int(run["errors"])))
    return bad


def exit_code(results: Dict) -> int:
    """1 when any measured run had errors (the promise: none at 50 users, and none below), else 0."""
    return 1 if runs_with_errors(results) else 0


# --- tables -------------------------------------------------------------------------------------

LOAD_HEADER = ["users", "measured", "p50 (ms)", "p95 (ms)", "p99 (ms)", "throughput (msg/s)", "errors"]
OVERHEAD_HEADER = ["users", "p50 added (ms)", "p95 added (ms)", "p99 added (ms)", "p50 ratio", "p95 ratio",
                   "throughput ratio", "gateway CPU per message (ms)"]
REFERENCE_HEADER = ["users", "p50 ratio", "p95 ratio", "p99 ratio", "throughput ratio"]
DETAIL_HEADER = ["users", "measured", "messages", "mean (ms)", "max (ms)", "empty replies", "wall (s)",
                 "other processes' CPU (%)"]


def users_text(n: int) -> str:
    return f"{n} user" if n == 1 else f"{n} users"


def _levels(results: Dict) -> List[int]:
    return sorted({int(u) for by_level in results.get("runs", {}).values() for u in by_level})


def _run(results: Dict, target: str, users: int) -> Optional[Dict]:
    return results.get("runs", {}).get(target, {}).get(str(users))


def _each_run(results: Dict):
    """(users, label, run) of every measured run, by level, in the order of TARGETS."""
    for users in _levels(results):
        for target, label in TARGETS.items():
            run = _run(results, target, users)
            if run is not None:
                yield users, label, run


def load_rows(results: Dict) -> List[List[str]]:
    rows = []
    for users, label, run in _each_run(results):
        rows.append([str(users), label, fmt_number(run.get("p50_ms"), 0), fmt_number(run.get("p95_ms"), 0),
                     fmt_number(run.get("p99_ms"), 0), fmt_number(run.get("msg_per_s"), 1),
                     fmt_number(run.get("errors"), 0)])
    return rows


def _signed(value: Optional[float]) -> str:
    if value is None:
        return DASH
    text = fmt_number(value, 0)
    return text if text.startswith("-") or text == "0" else "+" + text


def overhead_rows(results: Dict) -> List[List[str]]:
    rows = []
    for users in _levels(results):
        o = results.get("overhead", {}).get(str(users))
        if o is None:
            continue
        gw = _run(results, "assistant_gateway", users) or {}
        rows.append([str(users), _signed(o["p50_added_ms"]), _signed(o["p95_added_ms"]), _signed(o["p99_added_ms"]),
                     fmt_ratio(o["p50_ratio"]), fmt_ratio(o["p95_ratio"]), fmt_ratio(o["throughput_ratio"]),
                     fmt_number(gw.get("gateway_cpu_ms_per_msg"), 1)])
    return rows


def reference_rows(results: Dict) -> List[List[str]]:
    rows = []
    for users in _levels(results):
        r = results.get("against_reference", {}).get(str(users))
        if r is None:
            continue
        rows.append([str(users), fmt_ratio(r["p50_ratio"]), fmt_ratio(r["p95_ratio"]), fmt_ratio(r["p99_ratio"]),
                     fmt_ratio(r["throughput_ratio"])])
    return rows


def detail_rows(results: Dict) -> List[List[str]]:
    rows = []
    for users, label, run in _each_run(results):
        rows.append([str(users), label, f"{run['ok']}/{run['users'] * run['per_user']}",
                     fmt_number(run.get("mean_ms"), 0), fmt_number(run.get("max_ms"), 0),
                     fmt_number(run.get("empty_replies"), 0), fmt_number(run.get("wall_s"), 1),
                     fmt_number(run.get("others_cpu_pct"), 0)])
    return rows


def busy_runs(results: Dict) -> List[str]:
    """Runs during which other processes used at least BUSY_WARN_PCT of the machine's CPU."""
    out = []
    for users in _levels(results):
        for target, label in TARGETS.items():
            run = _run(results, target, users)
            if run and (run.get("others_cpu_pct") or 0) >= BUSY_WARN_PCT:
                out.append(f"{label} at {users_text(users)} ({run['others_cpu_pct']:.0f} %)")
    return out


def summary_sentence(results: Dict) -> str:
    """The figures of the highest level in words, for the README."""
    levels = _levels(results)
    if not levels:
        return ""
    top = levels[-1]
    gw, direct = _run(results, "assistant_gateway", top), _run(results, "assistant_direct", top)
    ref = _run(results, "reference_direct", top)
    parts = []
    if gw:
        parts.append(f"With {users_text(top)} at once, through the gateway, half the replies came within "
                     f"{fmt_number(gw['p50_ms'], 0)} ms and 95 % within {fmt_number(gw['p95_ms'], 0)} ms, "
                     f"{fmt_number(gw['msg_per_s'], 1)} replies a second, {gw['errors']} errors.")
    o = results.get("overhead", {}).get(str(top))
    if o and direct:
        parts.append(f"Through the gateway minus straight to Rasa: {_signed(o['p50_added_ms'])} ms at p50 and "
                     f"{_signed(o['p95_added_ms'])} ms at p95 (Rasa alone: {fmt_number(direct['p50_ms'], 0)} and "
                     f"{fmt_number(direct['p95_ms'], 0)} ms).")
    r = results.get("against_reference", {}).get(str(top))
    if r and ref:
        parts.append(f"Straight to Rasa, this assistant served {fmt_ratio(r['throughput_ratio'])} times the "
                     f"replies a second of a fresh `rasa init` bot ({fmt_number(ref['msg_per_s'], 1)} msg/s).")
    return " ".join(parts)


def report(results: Dict) -> str:
    s = results["settings"]
    mode = ("--skip-train (the existing model)" if s["skip_train"] else "this assistant trained fresh for the run")
    if s["quick"]:
        mode += ", --quick"
    lines = [
        "# Measured load: this assistant at 1, 10 and 50 concurrent users",
        "",
        f"`make bench-load` (`python -m bench.load_levels`). Run {results['date']} · {results['cpu_count']} CPU "
        f"cores, shared with the load generator and all servers · Rasa {results['rasa_version']} · commit "
        f"{results['git']} · mode: {mode}.",
        "",
    ]
    busy = busy_runs(results)
    if busy:
        lines += [f"**Other processes on this machine used the CPU during: {', '.join(busy)}. Those figures are "
                  f"noisier (slower, fewer replies a second) than on a quiet machine.**", ""]
    bad = runs_with_errors(results)
    if bad:
        lines += ["**Errors: " + "; ".join(f"{TARGETS[t]} at {users_text(u)}: {n}" for t, u, n in bad) + ".**", ""]
    lines += [
        "## Latency and throughput",
        "",
        summary_sentence(results),
        "",
        markdown_table(LOAD_HEADER, load_rows(results)),
        "",
        "## What the gateway adds",
        "",
        "Through the gateway minus straight to Rasa at the same level (same Rasa server, a few seconds apart); "
        "ratio = through the gateway / straight to Rasa. Gateway CPU per message: CPU time of the gateway process "
        "over the run / replies.",
        "",
        markdown_table(OVERHEAD_HEADER, overhead_rows(results)),
        "",
        "## This assistant against a fresh `rasa init` bot",
        "",
        "Both straight to Rasa, same levels, same machine; ratio = this assistant / reference (latency above 1: "
        "slower; throughput above 1: more replies a second).",
        "",
        markdown_table(REFERENCE_HEADER, reference_rows(results)),
        "",
        "## Details",
        "",
        markdown_table(DETAIL_HEADER, detail_rows(results)),
        "",
        "## How it was measured",
        "",
        f"- users: at each level N users at once, each holding conversations of 1-6 messages one message after "
        f"another, waiting for each reply and sending the next at once (no reading or typing pause: a worst case "
        f"for N people). Each user sends {s['per_user']} messages, more at small levels so every level sends at "
        f"least {s['min_messages']} (per level: "
        + ", ".join(f"{users_text(u)} × {per_user_for(u, s['per_user'], s['min_messages'])}"
                    for u in _levels(results))
        + ").",
        "- conversations (bench/messages.py): this assistant gets Dutch questions as people type them, the "
        "complaint-route form by typed answers and by button payloads (`/inform{…}`), and the deadline form; the "
        "reference gets the greet/mood/bot-challenge talk its `rasa init` data knows.",
        "- senders: each conversation has its own sender id (the session id through the gateway), made of a "
        "per-run id, the target, the level and the user, so no two conversations share a tracker.",
        f"- warm-up: before each bot is measured, every conversation once, by {s['warmup_users']} users at a "
        f"time, through each path that is measured; not counted.",
        "- order: per level, straight to Rasa first, then through the gateway; the reference after this "
        "assistant's servers were stopped.",
        "- latency: from sending the request until the whole answer is read, on the client; p50/p95/p99 by "
        "linear interpolation (numpy's default). Throughput: successful replies / wall time of the level.",
        f"- errors: anything but a 200 with the right shape (a JSON list from Rasa, {{\"messages\": [...]}} from "
        f"the gateway), including 429/502/504 from the gateway, time-outs ({s['timeout']:.0f} s on the client) "
        "and messages not sent within the run's time budget. Empty replies (a 200 with no message) are counted "
        "apart.",
        "- servers: the action server, `rasa run --enable-api` with the REST channel and a SQLite tracker store "
        "in a temp dir, and the gateway (`python -m bot`, one process) in front; all on free ports of 127.0.0.1. "
        "The load generator (one asyncio process), the gateway, Rasa and the action server share the machine's "
        f"{results['cpu_count']} cores.",
        "- gateway settings: production defaults (privacy scrub, pseudonyms, origin check, RASA_TIMEOUT 15 s, "
        "INFO log) except: "
        + ", ".join(f"{k}={v}" for k, v in GATEWAY_RATE_ENV.items())
        + " (every simulated user comes from 127.0.0.1, so the per-address limit would refuse them), and "
        "ALLOWED_ORIGINS set to the origin the benchmark sends in its Origin header (ALLOW_NO_ORIGIN stays off).",
        "- other processes' CPU: the machine's busy CPU time (/proc/stat) less that of this benchmark and its "
        "servers, as a share of all cores over the run. Figures of one run on a shared machine: compare "
        "the ratios more than the milliseconds; p99 rests on the few slowest replies of a level.",
    ]
    samples = [(TARGETS[t], users, e) for t, by_level in results.get("runs", {}).items()
               for users, run in by_level.items() for e in run.get("error_samples", [])[:2]]
    if samples:
        lines.append("- first errors: " + "; ".join(f"{label} at {users_text(int(u))}: `{e}`"
                                                     for label, u, e in samples[:6]))
    empties = sorted({t for by_level in results.get("runs", {}).values() for run in by_level.values()
                      for t in run.get("empty_samples", [])})
    if empties:
        lines.append("- messages that got an empty reply: " + ", ".join(f"“{t}”" for t in empties))
    warm = {name: w.get("errors", 0) for name, w in results.get("warmup", {}).items() if w.get("errors")}
    if warm:
        lines.append("- errors in the warm-up (not counted above): " + ", ".join(f"{k}: {v}" for k, v in warm.items()))
    return "\n".join(lines) + "\n"


# --- running ------------------------------------------------------------------------------------

def measure_level(endpoint: Endpoint, conversations: Sequence[Conversation], users: int, per_user: int,
                  run_id: str, label: str, args: argparse.Namespace, procs: Dict[str, Proc]) -> Dict:
    """N users through one endpoint; the figures, the CPU each server used and the share other processes used."""
    plans = user_plans(conversations, users, per_user, run_id, label)
    meter = CpuMeter([p.pid for p in procs.values()])
    tally, wall, skipped = asyncio.run(run_users(endpoint, plans, args.timeout, args.budget))
    trees = meter.tree_seconds()
    res = summarize_run(tally.latencies, tally.errors, skipped, tally.empty, wall, users, per_user)
    res["others_cpu_pct"] = meter.others_share() * 100
    res["cpu_s"] = {name: trees.get(p.pid, 0.0) for name, p in procs.items()}
    if "gateway" in procs and res["ok"]:
        res["gateway_cpu_ms_per_msg"] = res["cpu_s"]["gateway"] / res["ok"] * 1000.0
    res["error_samples"] = tally.error_samples
    res["empty_samples"] = tally.empty_samples
    dead = [name for name, p in procs.items() if not p.alive()]
    if dead:
        raise RuntimeError(f"{', '.join(dead)} died during the run with {users_text(users)}; see the logs in "
                           f"{CACHE / 'logs-load'}")
    return res


def warm_up(endpoint: Endpoint, conversations: Sequence[Conversation], run_id: str, label: str,
            args: argparse.Namespace) -> Dict:
    """Every conversation once, args.warmup_users at a time; not counted."""
    total = sum(len(c) for c in conversations)
    users = min(args.warmup_users, len(conversations))
    plans = user_plans(conversations, users, math.ceil(total / users), run_id, f"warm{label}")
    tally, wall, skipped = asyncio.run(run_users(endpoint, plans, args.timeout, args.budget))
    return {"messages": len(tally.latencies), "errors": tally.errors + skipped, "wall_s": wall,
            "error_samples": tally.error_samples}


def _log_run(label: str, users: int, r: Dict) -> None:
    log(f"{label}, {users_text(users)}: p50 {fmt_number(r['p50_ms'], 0)} ms, p95 {fmt_number(r['p95_ms'], 0)} ms, "
        f"p99 {fmt_number(r['p99_ms'], 0)} ms, {fmt_number(r['msg_per_s'], 1)} msg/s, {r['errors']} errors, "
        f"others' CPU {r['others_cpu_pct']:.0f} %")


def start_rasa(name: str, project: Path, model: Path, action_port: Optional[int], rasa_port: int,
               args: argparse.Namespace, logs: Path, scratch: Path) -> Tuple[Proc, float]:
    files = write_server_files(project, scratch / f"{name}-server", "sqlite", action_port)
    log(f"{name}: starting `rasa run` on port {rasa_port}")
    server = Proc(f"rasa run ({name})",
                  [RASA, "run", "--enable-api", "-i", "127.0.0.1", "-p", rasa_port, "--model", model,
                   "--endpoints", files["endpoints"], "--credentials", files["credentials"]],
                  project, bench_env(), logs / f"{name}-rasa.log")
    took = wait_until(lambda: rasa_model_loaded(rasa_port), server, args.startup_timeout, "loaded model on /status")
    return server, took


def measure_assistant(project: Path, model: Path, args: argparse.Namespace, run_id: str, logs: Path,
                      scratch: Path, results: Dict) -> None:
    action_port, rasa_port, gateway_port = find_free_ports(3)
    procs: Dict[str, Proc] = {}
    try:
        if has_actions(project):
            log(f"assistant: starting the action server on port {action_port}")
            procs["actions"] = Proc("action server", [RASA, "run", "actions", "--actions", "actions",
                                                      "-p", action_port], project, bench_env(),
                                    logs / "assistant-actions.log")
            wait_until(lambda: http_ok(f"http://127.0.0.1:{action_port}/health"), procs["actions"],
                       args.startup_timeout, "answer on /health")
        procs["rasa"], results["startup_s"]["assistant"] = start_rasa(
            "assistant", project, model, action_port if "actions" in procs else None, rasa_port, args, logs, scratch)

        origin = f"http://127.0.0.1:{gateway_port}"
        env = bench_env({
            "BOT_HOST": "127.0.0.1", "BOT_PORT": str(gateway_port), "BOT_ENV": "",
            "RASA_URL": f"http://127.0.0.1:{rasa_port}", "ACTIONS_URL": f"http://127.0.0.1:{action_port}",
            "ALLOWED_ORIGINS": origin, "ALLOW_NO_ORIGIN": "0", "SESSION_SECRET": secrets.token_hex(32),
            "LOG_LEVEL": "INFO", **GATEWAY_RATE_ENV,
        })
        for name in ("RASA_TIMEOUT", "MAX_MESSAGE_CHARS", "TRUSTED_PROXY_HOPS", "MAX_BODY_BYTES"):
            env.pop(name, None)  # the production defaults, whatever the caller's shell says
        log(f"assistant: starting the gateway on port {gateway_port}")
        procs["gateway"] = Proc("gateway", [sys.executable, "-m", "bot"], project, env, logs / "gateway.log")
        # /healthz is 200 only when Rasa and the action server answer; without actions, the page is enough.
        ready = f"http://127.0.0.1:{gateway_port}/" + ("healthz" if "actions" in procs else "")
        wait_until(lambda: http_ok(ready), procs["gateway"], args.startup_timeout, f"an answer on {ready}")

        endpoints = {
            "assistant_direct": Endpoint(f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook"),
            "assistant_gateway": Endpoint(f"http://127.0.0.1:{gateway_port}/api/chat", "gateway",
                                          {"Origin": origin}),
        }
        for target in ("assistant_direct", "assistant_gateway"):
            log(f"warm-up: {TARGETS[target]}")
            results["warmup"][target] = warm_up(endpoints[target], msgs.ASSISTANT, run_id, SENDER_LABELS[target],
                                                args)
        for users in args.levels:
            per_user = per_user_for(users, args.per_user, args.min_messages)
            for target in ("assistant_direct", "assistant_gateway"):
                log(f"{TARGETS[target]}: {users_text(users)} × {per_user} messages")
                r = measure_level(endpoints[target], msgs.ASSISTANT, users, per_user, run_id,
                                  SENDER_LABELS[target], args, procs)
                results["runs"][target][str(users)] = r
                _log_run(TARGETS[target], users, r)
        results["rss_mb"].update({f"assistant {name}": p.rss_mb() for name, p in procs.items()})
    finally:
        for p in reversed(list(procs.values())):
            p.stop()


def measure_reference(project: Path, model: Path, args: argparse.Namespace, run_id: str, logs: Path,
                      scratch: Path, results: Dict) -> None:
    (rasa_port,) = find_free_ports(1)
    procs: Dict[str, Proc] = {}
    try:
        procs["rasa"], results["startup_s"]["reference"] = start_rasa(
            "reference", project, model, None, rasa_port, args, logs, scratch)
        endpoint = Endpoint(f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook")
        log(f"warm-up: {TARGETS['reference_direct']}")
        results["warmup"]["reference_direct"] = warm_up(endpoint, msgs.REFERENCE, run_id, "ref", args)
        for users in args.levels:
            per_user = per_user_for(users, args.per_user, args.min_messages)
            log(f"{TARGETS['reference_direct']}: {users_text(users)} × {per_user} messages")
            r = measure_level(endpoint, msgs.REFERENCE, users, per_user, run_id, "ref", args, procs)
            results["runs"]["reference_direct"][str(users)] = r
            _log_run(TARGETS["reference_direct"], users, r)
        results["rss_mb"]["reference rasa"] = procs["rasa"].rss_mb()
    finally:
        for p in procs.values():
            p.stop()


def finish(results: Dict) -> Dict:
    """Add the derived figures: the gateway's overhead and the ratios against the reference, per level."""
    runs = results["runs"]
    for users in _levels(results):
        key = str(users)
        gw, direct = runs["assistant_gateway"].get(key), runs["assistant_direct"].get(key)
        ref = runs["reference_direct"].get(key)
        if gw and direct:
            results["overhead"][key] = overhead(gw, direct)
        if direct and ref:
            results["against_reference"][key] = against_reference(direct, ref)
    return results


def new_results(args: argparse.Namespace, run_id: str) -> Dict:
    return {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "cpu_count": os.cpu_count(),
        "rasa_version": rasa_version(),
        "git": git_state(),
        "run_id": run_id,
        "settings": {"levels": args.levels, "quick": args.quick, "skip_train": args.skip_train,
                     "per_user": args.per_user, "min_messages": args.min_messages,
                     "warmup_users": args.warmup_users, "timeout": args.timeout, "budget": args.budget,
                     "tracker_store": "sqlite", "gateway_env": dict(GATEWAY_RATE_ENV)},
        "startup_s": {},
        "rss_mb": {},
        "warmup": {},
        "runs": {target: {} for target in TARGETS},
        "overhead": {},
        "against_reference": {},
    }


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    install_signal_handlers()
    logs, scratch = run_dirs("logs-load", "rasa-bench-load-")
    run_id = new_run_id()
    results = new_results(args, run_id)
    log(f"run {run_id}; temp dir {scratch}; logs in {logs}")

    def work() -> Optional[int]:
        project = copy_project(ROOT, scratch / "assistant")
        models = scratch / "models"
        models.mkdir()
        if args.skip_train:
            source = args.model or ASSISTANT_MODEL
            if not source.is_file():
                log(f"{source} is missing: run `make train` first, or drop --skip-train")
                return 2
            model = models / "assistant.tar.gz"
            shutil.copy2(source, model)  # the real one may be replaced while we measure
        else:
            log("training this assistant (fresh, in the temp dir; not timed here, see `make bench`)")
            model = train(project, models, "assistant", logs, scratch, args.train_timeout)["model"]
        cached = cached_reference() or make_cached_reference(scratch, logs)
        reference_project = scratch / "reference"
        shutil.copytree(cached, reference_project)
        reference_model = reference_project / "models" / "reference.tar.gz"

        measure_assistant(project, model, args, run_id, logs, scratch, results)
        measure_reference(reference_project, reference_model, args, run_id, logs, scratch, results)
        return None

    code = run_guarded(work, scratch, args.keep_temp, failure_code=2)
    if code is not None:
        return code

    finish(results)
    text = report(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "load_results.md").write_text(text)
    (args.out / "load_results.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(text)
    log(f"written {args.out / 'load_results.md'} and {args.out / 'load_results.json'}")
    code = exit_code(results)
    if code:
        log("errors in: " + "; ".join(f"{TARGETS[t]} at {users_text(u)}: {n}" for t, u, n in runs_with_errors(results)))
    return code


if __name__ == "__main__":
    sys.exit(main())

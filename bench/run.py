"""Speed benchmark: this assistant against a fresh `rasa init` bot, measured in the same run.

    .venv/bin/python -m bench.run               # train both fresh in a temp dir, then measure (~15-25 min)
    .venv/bin/python -m bench.run --quick       # fewer messages
    .venv/bin/python -m bench.run --skip-train  # models/assistant.tar.gz and the cached reference in .bench/

Measures for each bot: `rasa train` wall time, start-up time of `rasa run --enable-api` until /status names
a loaded model, RSS of the server's process tree, single-user p50/p95 latency on the REST channel, and the
throughput of many users at once. Results: a Markdown table on stdout and in bench/results.md, and
bench/results.json. Figures are reported as ratios against the reference; nothing here asserts on time.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Dict, List, Optional

from . import messages as msgs
from .load import latency_run, throughput_run
from .procs import (CpuMeter, Proc, find_free_ports, http_ok, install_signal_handlers, log, rasa_model_loaded, run_dirs,
                    run_guarded,
                    wait_until)
from .projects import (RASA, ROOT, bench_env, cached_reference, copy_project, has_actions,
                       make_cached_reference, rasa_init, rasa_version, store_reference, train,
                       write_server_files)
from .stats import DETAIL_ROWS, MAIN_ROWS, NO_RATIO, TABLE_HEADER, build_rows, markdown_table, ratio

OUT_DIR = Path(__file__).resolve().parent
ASSISTANT_MODEL = ROOT / "models" / "assistant.tar.gz"
BUSY_WARN_PCT = 10  # warn when other processes used this share of the CPU during a phase


def parse_args(argv: Optional[List[str]] = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--quick", action="store_true",
                   help="fewer messages: 20 for latency, 3 per user for throughput (training is still done)")
    p.add_argument("--skip-train", action="store_true",
                   help="no training: measure models/assistant.tar.gz and the reference bot cached in .bench/")
    p.add_argument("--messages", type=int, help="messages in the latency run (default 60, --quick 20)")
    p.add_argument("--users", type=int, default=20, help="concurrent senders in the throughput run (default 20)")
    p.add_argument("--per-user", type=int, help="messages per sender in the throughput run (default 10, --quick 3)")
    p.add_argument("--tracker-store", choices=["sqlite", "memory"], default="sqlite",
                   help="tracker store of both bots: a sqlite file in the temp dir (as in production, default) "
                        "or in memory")
    p.add_argument("--train-timeout", type=float, default=3600, help="seconds allowed for one training")
    p.add_argument("--startup-timeout", type=float, default=300, help="seconds allowed for a server to start")
    p.add_argument("--keep-temp", action="store_true", help="keep the temp dir (projects, models) for a look")
    p.add_argument("--out", type=Path, default=OUT_DIR, help="where results.md and results.json go (default bench/)")
    args = p.parse_args(argv)
    args.messages = args.messages or (20 if args.quick else 60)
    args.per_user = args.per_user or (3 if args.quick else 10)
    if min(args.messages, args.users, args.per_user) < 1:
        p.error("--messages, --users and --per-user must be at least 1")
    return args


def measure(name: str, project: Path, model: Path, conversations, warmup_text: str, with_actions: bool,
            args: argparse.Namespace, logs: Path, scratch: Path) -> Dict:
    """Start (action server and) Rasa, then the latency and throughput runs; stops everything it started."""
    res: Dict = {"model_mb": model.stat().st_size / 1024 / 1024, "action_server": with_actions}
    rasa_port, action_port = find_free_ports(2)
    env = bench_env()
    actions: Optional[Proc] = None
    server: Optional[Proc] = None
    meter = CpuMeter()
    try:
        if with_actions:
            log(f"{name}: starting the action server on port {action_port}")
            actions = Proc(f"action server ({name})", [RASA, "run", "actions", "--actions", "actions",
                                                      "-p", action_port], project, env, logs / f"{name}-actions.log")
            res["actions_startup_s"] = wait_until(lambda: http_ok(f"http://127.0.0.1:{action_port}/health"),
                                                  actions, args.startup_timeout, "answer on /health")
        files = write_server_files(project, scratch / f"{name}-server", args.tracker_store,
                                   action_port if with_actions else None)
        log(f"{name}: starting `rasa run` on port {rasa_port}")
        server = Proc(f"rasa run ({name})",
                      [RASA, "run", "--enable-api", "-i", "127.0.0.1", "-p", rasa_port, "--model", model,
                       "--endpoints", files["endpoints"], "--credentials", files["credentials"]],
                      project, env, logs / f"{name}-rasa.log")
        res["startup_s"] = wait_until(lambda: rasa_model_loaded(rasa_port), server, args.startup_timeout,
                                      "loaded model on /status")
        res["rss_startup_mb"] = server.rss_mb()
        if actions:
            res["actions_rss_startup_mb"] = actions.rss_mb()
        log(f"{name}: up in {res['startup_s']:.1f} s, RSS {res['rss_startup_mb']:.0f} MB; "
            f"latency run of {args.messages} messages")

        url = f"http://127.0.0.1:{rasa_port}/webhooks/rest/webhook"
        lat = latency_run(url, conversations, args.messages, warmup_text)
        res["rss_latency_mb"] = server.rss_mb()
        if actions:
            res["actions_rss_latency_mb"] = actions.rss_mb()
        log(f"{name}: p50 {lat['p50_ms'] or 0:.0f} ms, p95 {lat['p95_ms'] or 0:.0f} ms, {lat['errors']} errors; "
            f"throughput run: {args.users} users x {args.per_user} messages")

        thr = throughput_run(url, conversations, users=args.users, per_user=args.per_user)
        res["rss_throughput_mb"] = server.rss_mb()
        if actions:
            res["actions_rss_throughput_mb"] = actions.rss_mb()
        log(f"{name}: {thr['msg_per_s'] or 0:.2f} msg/s, {thr['errors']} errors")
        if not server.alive() or (actions and not actions.alive()):
            raise RuntimeError(f"{name}: a server died during the runs; see {logs}")
    finally:
        for proc in (server, actions):
            if proc:
                proc.stop()
    res["others_cpu_measure_pct"] = meter.others_share() * 100

    res.update(
        p50_ms=lat["p50_ms"], p95_ms=lat["p95_ms"], mean_ms=lat["mean_ms"], max_ms=lat["max_ms"],
        first_reply_ms=lat["first_reply_ms"],
        throughput_msg_s=thr["msg_per_s"], load_p50_ms=thr["p50_ms"], load_p95_ms=thr["p95_ms"],
        errors=lat["errors"] + thr["errors"], empty_replies=lat["empty_replies"] + thr["empty_replies"],
        latency_run=lat, throughput_run=thr,
    )
    return res


def git_state() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True,
                              timeout=30).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain"], cwd=ROOT, capture_output=True, text=True,
                               timeout=30).stdout.strip()
        return f"{head}{' + uncommitted changes' if dirty else ''}" if head else "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def report(results: Dict) -> str:
    a, r, s = results["assistant"], results["reference"], results["settings"]
    mode = "--skip-train (existing models, no training)" if s["skip_train"] else "full (both trained fresh)"
    if s["quick"]:
        mode += ", --quick"
    actions = ("running for this assistant" if a.get("action_server")
               else "none (this assistant has no actions/ code yet)")
    lines = [
        "# Speed benchmark: this assistant vs. a fresh `rasa init` bot",
        "",
        f"Run {results['date']} · {results['cpu_count']} CPU cores · Rasa {results['rasa_version']} · "
        f"commit {results['git']} · mode: {mode}.",
        "",
        markdown_table(TABLE_HEADER, build_rows(a, r, MAIN_ROWS, users=s["users"])),
        "",
        "Details:",
        "",
        markdown_table(TABLE_HEADER, build_rows(a, r, DETAIL_ROWS)),
        "",
        "How it was measured:",
        "- training: wall time of `rasa train --force --fixed-model-name … --out <temp>` on a copy of each "
        "project, with an empty Rasa cache." + (" Skipped in this run." if s["skip_train"] else ""),
        "- start-up: from the start of `rasa run --enable-api --model …` until GET /status names the model file.",
        "- RSS: VmRSS summed over the Rasa server's process tree (/proc); the action server is listed apart.",
        f"- latency: {s['messages']} messages from one user, one at a time, a new sender per conversation of "
        f"2-6 messages, after 2 warm-up messages (the first one is 'first reply after start-up').",
        f"- throughput: {s['users']} senders at once, {s['per_user']} messages each, each waiting for its reply; "
        "successful replies per second of wall time. Errors: non-200 answers, time-outs, answers that are not a "
        "JSON list.",
        f"- tracker store: {'a sqlite file in the temp dir' if s['tracker_store'] == 'sqlite' else 'in memory'} "
        f"for both; REST channel only; action server: {actions}; the reference runs without one.",
        "- CPU used by other processes: the machine's busy CPU time (/proc/stat) less this benchmark's own "
        "and its servers', as a share of all cores over the phase.",
        "- ratio = this assistant / reference: above 1 means slower or bigger, except for throughput, where "
        "above 1 means it serves more. Ratios of one run: between runs on this shared 2-core machine they moved by "
        "up to ~20 % (training and throughput most, when other work ran), p95 more (it rests on the few slowest "
        "replies).",
    ]
    busy = [f"{n} {phase} {results[n][key]:.0f} %" for n in ("assistant", "reference")
            for phase, key in (("training", "others_cpu_train_pct"), ("measuring", "others_cpu_measure_pct"))
            if (results[n].get(key) or 0) >= BUSY_WARN_PCT]
    if busy:
        lines[3:3] = ["", f"**Other processes used the CPU during: {', '.join(busy)}. Those figures are less "
                          f"reliable; run again on a quiet machine.**"]
    for n in ("assistant", "reference"):
        slow = results[n]["latency_run"].get("slowest") or []
        if slow:
            lines.append(f"- slowest replies of the {n} (latency run): "
                         + ", ".join(f"“{text}” {ms} ms" for text, ms in slow[:3]))
    for n in ("assistant", "reference"):
        empty = sorted(set(results[n]["latency_run"].get("empty_samples", [])
                           + results[n]["throughput_run"].get("empty_samples", [])))
        if empty:
            lines.append(f"- messages that got an empty reply from the {n}: " + ", ".join(f"“{t}”" for t in empty))
    samples = {n: (results[n]["latency_run"]["error_samples"] + results[n]["throughput_run"]["error_samples"])[:3]
               for n in ("assistant", "reference")}
    for n, errs in samples.items():
        if errs:
            lines.append(f"- first errors of the {n}: " + "; ".join(f"`{e}`" for e in errs))
    return "\n".join(lines) + "\n"


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    install_signal_handlers()
    logs, scratch = run_dirs("logs", "rasa-bench-")
    log(f"temp dir {scratch}; logs in {logs}")
    assistant: Dict = {}
    reference: Dict = {}

    def work() -> Optional[int]:
        assistant_project = copy_project(ROOT, scratch / "assistant")
        models = scratch / "models"
        models.mkdir()
        if args.skip_train:
            if not ASSISTANT_MODEL.is_file():
                log(f"{ASSISTANT_MODEL.relative_to(ROOT)} is missing: run `make train` first, or drop --skip-train")
                return 2
            assistant_model = models / "assistant.tar.gz"
            shutil.copy2(ASSISTANT_MODEL, assistant_model)  # the real one may be replaced while we measure
            cached = cached_reference() or make_cached_reference(scratch, logs)
            reference_project = scratch / "reference"
            shutil.copytree(cached, reference_project)
            reference_model = reference_project / "models" / "reference.tar.gz"
            assistant["train_s"] = reference["train_s"] = None
        else:
            def timed_train(project: Path, name: str, into: Dict) -> Path:
                log(f"training {name} (fresh, in the temp dir)")
                meter = CpuMeter()
                trained = train(project, models, name, logs, scratch, args.train_timeout)
                into["others_cpu_train_pct"] = meter.others_share() * 100
                into["train_s"] = trained["train_s"]
                log(f"{name} trained in {into['train_s']:.1f} s")
                return trained["model"]

            assistant_model = timed_train(assistant_project, "assistant", assistant)
            reference_project = scratch / "reference"
            log("creating the reference bot with `rasa init --no-prompt` (it trains once itself; not timed)")
            reference["init_s"] = rasa_init(reference_project, logs, scratch)
            reference_model = timed_train(reference_project, "reference", reference)
            store_reference(reference_project, reference_model, reference["train_s"])

        with_actions = has_actions(assistant_project)
        if not with_actions:
            log("this assistant has no actions/ code: measuring it without an action server")
        assistant.update(measure("assistant", assistant_project, assistant_model, msgs.ASSISTANT,
                                 msgs.WARMUP["assistant"], with_actions, args, logs, scratch))
        reference.update(measure("reference", reference_project, reference_model, msgs.REFERENCE,
                                 msgs.WARMUP["reference"], False, args, logs, scratch))
        return None

    code = run_guarded(work, scratch, args.keep_temp, failure_code=1)
    if code is not None:
        return code

    results = {
        "date": time.strftime("%Y-%m-%d %H:%M"),
        "cpu_count": os.cpu_count(),
        "rasa_version": rasa_version(),
        "git": git_state(),
        "settings": {"quick": args.quick, "skip_train": args.skip_train, "messages": args.messages,
                     "users": args.users, "per_user": args.per_user, "tracker_store": args.tracker_store},
        "assistant": assistant,
        "reference": reference,
    }
    results["ratios"] = {key: ratio(assistant.get(key), reference.get(key))
                         for _l, key, _d in MAIN_ROWS + DETAIL_ROWS if key not in NO_RATIO}
    text = report(results)
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.md").write_text(text)
    (args.out / "results.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    print(text)
    log(f"written {args.out / 'results.md'} and {args.out / 'results.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

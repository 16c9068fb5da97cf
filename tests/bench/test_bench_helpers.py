"""The benchmark's pure helpers: fast, no Rasa server, no training."""
import os
import socket
import subprocess
import sys
import time

import pytest

from bench import messages, procs, stats
from bench.projects import copy_project, has_actions, write_server_files


# --- percentiles --------------------------------------------------------------------------------

def test_percentile_of_known_values():
    values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]
    assert stats.percentile(values, 0) == 1
    assert stats.percentile(values, 100) == 10
    assert stats.percentile(values, 50) == pytest.approx(5.5)
    assert stats.percentile(values, 95) == pytest.approx(9.55)


def test_percentile_ignores_order_and_handles_small_inputs():
    assert stats.percentile([30, 10, 20], 50) == 20
    assert stats.percentile([7], 95) == 7
    assert stats.percentile([], 50) is None
    with pytest.raises(ValueError):
        stats.percentile([1, 2], 101)


def test_percentile_matches_numpy_default():
    np = pytest.importorskip("numpy")
    rng = np.random.default_rng(0)
    values = list(rng.lognormal(5, 1, size=61))
    for q in (0, 5, 50, 90, 95, 99, 100):
        assert stats.percentile(values, q) == pytest.approx(float(np.percentile(values, q)))


def test_summarize_ms_converts_seconds():
    s = stats.summarize_ms([0.1, 0.2, 0.3])
    assert s["n"] == 3
    assert s["p50_ms"] == pytest.approx(200)
    assert s["mean_ms"] == pytest.approx(200)
    assert s["max_ms"] == pytest.approx(300)
    assert stats.summarize_ms([])["p95_ms"] is None


# --- ratios and the table -----------------------------------------------------------------------

def test_ratio():
    assert stats.ratio(3, 2) == pytest.approx(1.5)
    assert stats.ratio(None, 2) is None
    assert stats.ratio(1, None) is None
    assert stats.ratio(1, 0) is None


def test_number_formatting():
    assert stats.fmt_number(12.345, 1) == "12.3"
    assert stats.fmt_number(12.6, 0) == "13"
    assert stats.fmt_number(None, 2) == stats.DASH
    assert stats.fmt_number(float("nan"), 2) == stats.DASH
    assert stats.fmt_ratio(1.234) == "1.23"
    assert stats.fmt_ratio(None) == stats.DASH


def test_build_rows_and_markdown_table():
    this = {"train_s": 100.0, "p50_ms": 50.0, "errors": 0, "throughput_msg_s": 4.0}
    ref = {"train_s": 50.0, "p50_ms": 25.0, "errors": 0, "throughput_msg_s": 8.0}
    rows = stats.build_rows(this, ref, stats.MAIN_ROWS, users=20)
    assert len(rows) == len(stats.MAIN_ROWS)
    by_label = {r[0]: r[1:] for r in rows}
    assert by_label["training (s)"] == ["100.0", "50.0", "2.00"]
    assert by_label["latency p50 (ms)"] == ["50", "25", "2.00"]
    assert by_label["throughput, 20 users (msg/s)"] == ["4.00", "8.00", "0.50"]
    assert by_label["errors (latency + throughput runs)"] == ["0", "0", stats.DASH]
    assert by_label["start-up (s)"] == [stats.DASH, stats.DASH, stats.DASH]

    table = stats.markdown_table(stats.TABLE_HEADER, rows).splitlines()
    assert len(table) == 2 + len(rows)
    assert table[0].startswith("| measure") and "ratio (this/reference)" in table[0]
    assert set(table[1]) <= set("|:- ")
    # every line has the same cells and the same width: a valid, aligned table
    assert {line.count("|") for line in table} == {len(stats.TABLE_HEADER) + 1}
    assert len({len(line) for line in table}) == 1


def test_markdown_table_rejects_ragged_rows():
    with pytest.raises(ValueError):
        stats.markdown_table(["a", "b"], [["1"]])


# --- messages -----------------------------------------------------------------------------------

def test_schedule_cycles_conversations_with_a_new_sender_each():
    convs = [["a", "b"], ["c", "d", "e"]]
    plan = messages.schedule(convs, 7, "s")
    assert [t for _, t in plan] == ["a", "b", "c", "d", "e", "a", "b"]
    assert [s for s, _ in plan] == ["s-0", "s-0", "s-1", "s-1", "s-1", "s-2", "s-2"]
    assert [t for _, t in messages.schedule(convs, 3, "u", start=1)] == ["c", "d", "e"]
    assert messages.schedule(convs, 0, "s") == []


def test_message_sets_are_usable():
    for convs in (messages.ASSISTANT, messages.REFERENCE):
        plan = messages.schedule(convs, 60, "x")
        assert len(plan) == 60
        assert len({s for s, _ in plan}) >= 10  # a new sender every few messages
        assert all(t.strip() for _, t in plan)


# --- /proc: RSS of a process tree ---------------------------------------------------------------

def test_rss_of_this_process_matches_proc_status():
    kb = procs.rss_kb(os.getpid())
    assert kb > 1000  # a Python process with pytest loaded uses more than 1 MB
    with open(f"/proc/{os.getpid()}/status") as fh:
        line = next(l for l in fh if l.startswith("VmRSS:"))
    assert abs(int(line.split()[1]) - kb) < 50_000
    assert procs.tree_rss_mb(os.getpid()) >= kb / 1024 * 0.9


def test_rss_tree_includes_children():
    child = subprocess.Popen([sys.executable, "-c", "import time; x = bytearray(60 * 1024 * 1024); time.sleep(30)"])
    try:
        deadline = time.time() + 20
        while time.time() < deadline and procs.rss_kb(child.pid) < 60 * 1024:
            time.sleep(0.05)
        assert child.pid in procs.descendants(os.getpid())
        alone = procs.rss_kb(os.getpid()) / 1024
        assert procs.tree_rss_mb(os.getpid()) >= alone + 55
    finally:
        child.kill()
        child.wait()


def test_rss_of_a_gone_process_is_zero():
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    assert procs.rss_kb(p.pid) == 0
    assert procs.descendants(p.pid) == []


# --- free ports and process groups --------------------------------------------------------------

def test_free_ports_are_distinct_and_bindable():
    ports = procs.find_free_ports(3)
    assert len(set(ports)) == 3
    for port in ports:
        assert 1024 <= port <= 65535
        with socket.socket() as s:
            s.bind(("127.0.0.1", port))
    assert isinstance(procs.find_free_port(), int)


def test_proc_stop_kills_the_whole_group(tmp_path):
    script = "import subprocess, sys, time; subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)']); time.sleep(60)"
    p = procs.Proc("sleeper", [sys.executable, "-c", script], tmp_path, dict(os.environ), tmp_path / "log.txt")
    deadline = time.time() + 20
    while time.time() < deadline and not procs.descendants(p.pid):
        time.sleep(0.05)
    kids = procs.descendants(p.pid)
    assert kids
    p.stop(grace=5)
    assert not p.alive()
    deadline = time.time() + 10
    while time.time() < deadline and not all(_gone(k) for k in kids):
        time.sleep(0.05)
    assert all(_gone(k) for k in kids)


def _gone(pid):
    """Exited: no /proc entry, or a zombie waiting for a parent that does not reap."""
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (FileNotFoundError, ProcessLookupError):
        return True


# --- project files ------------------------------------------------------------------------------

def test_copy_project_leaves_out_models_and_state(tmp_path):
    src = tmp_path / "src"
    for rel in ["config.yml", "data/nlu.yml", "data/tests/test_x.yml", "actions/actions.py", "models/m.tar.gz",
                ".venv/bin/python", ".rasa/cache/x", "bench/run.py", "actions/__pycache__/a.pyc"]:
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_text("x")
    dst = copy_project(src, tmp_path / "dst")
    assert (dst / "config.yml").is_file() and (dst / "data/tests/test_x.yml").is_file()
    for gone in ["models", ".venv", ".rasa", "bench", "actions/__pycache__"]:
        assert not (dst / gone).exists()
    assert has_actions(dst)
    assert not has_actions(tmp_path)


def test_server_files(tmp_path):
    yaml = pytest.importorskip("yaml")
    (tmp_path / "endpoints.yml").write_text(
        "action_endpoint:\n  url: http://localhost:5055/webhook\ntracker_store:\n  type: SQL\n  db: .rasa/t.db\n")
    files = write_server_files(tmp_path, tmp_path / "srv", "sqlite", 41234)
    ep = yaml.safe_load(files["endpoints"].read_text())
    assert ep["action_endpoint"]["url"] == "http://127.0.0.1:41234/webhook"
    assert ep["tracker_store"]["db"] == str(tmp_path / "srv" / "tracker.db")
    assert yaml.safe_load(files["credentials"].read_text()) == {"rest": None}
    ep = yaml.safe_load(write_server_files(tmp_path, tmp_path / "m", "memory", None)["endpoints"].read_text())
    assert "tracker_store" not in ep and "action_endpoint" not in ep


# --- CPU used by others, and the whole report ---------------------------------------------------

def test_cpu_meter_gives_a_share():
    meter = procs.CpuMeter()
    end = time.perf_counter() + 0.3
    while time.perf_counter() < end:  # our own work must not count as others'
        sum(range(1000))
    share = meter.others_share()
    assert 0.0 <= share <= 1.05
    assert procs.machine_busy_seconds() > 0 and procs.own_cpu_seconds() > 0


def _bot(**extra):
    runs = {"latency_run": {"error_samples": []}, "throughput_run": {"error_samples": []}}
    return {"startup_s": 20.0, "p50_ms": 30.0, "p95_ms": 60.0, "throughput_msg_s": 25.0, "errors": 0,
            "rss_startup_mb": 1100.0, **runs, **extra}


@pytest.mark.parametrize("skip_train", [False, True])
def test_report_renders_both_modes(skip_train):
    from bench.run import report

    train = {} if skip_train else {"train_s": 400.0}
    results = {
        "date": "2026-01-01 12:00", "cpu_count": 2, "rasa_version": "3.6.21", "git": "abc1234",
        "settings": {"quick": True, "skip_train": skip_train, "messages": 20, "users": 20, "per_user": 3,
                     "tracker_store": "sqlite"},
        "assistant": _bot(action_server=True, others_cpu_measure_pct=40.0, **train),
        "reference": _bot(**({} if skip_train else {"train_s": 100.0})),
    }
    results["assistant"]["throughput_run"]["error_samples"] = ["HTTP 500: boom"]
    text = report(results)
    assert "| training (s)" in text
    training = next(line for line in text.splitlines() if line.startswith("| training (s)"))
    assert training.endswith(" 4.00 |") != skip_train  # 400 / 100
    assert "Other processes used the CPU during: assistant measuring 40 %" in text
    assert "HTTP 500: boom" in text
    assert "throughput, 20 users (msg/s)" in text

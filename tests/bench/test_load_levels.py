"""`make bench-load` (bench/load_levels.py): arguments, plans, figures, tables, exit code. No Rasa, no timing."""
import argparse
import asyncio
import os

import pytest
from aiohttp import web

from bench import load_levels as ll
from bench import messages, procs, stats
from bench.load import Endpoint, run_users


# --- arguments ----------------------------------------------------------------------------------

def test_parse_levels():
    assert ll.parse_levels("1,10,50") == [1, 10, 50]
    assert ll.parse_levels(" 50, 1,1 ,") == [1, 50]
    for bad in ("", "0", "-3", "a", "1,,x", "2.5"):
        with pytest.raises(argparse.ArgumentTypeError):
            ll.parse_levels(bad)


def test_parse_args_defaults_and_quick():
    a = ll.parse_args([])
    assert a.levels == [1, 10, 50]
    assert (a.per_user, a.min_messages, a.skip_train, a.quick) == (10, 100, False, False)
    q = ll.parse_args(["--quick", "--skip-train", "--levels", "1,10"])
    assert q.levels == [1, 10] and q.skip_train and q.quick
    assert (q.per_user, q.min_messages) == (4, 30)
    assert ll.parse_args(["--per-user", "7", "--min-messages", "12"]).per_user == 7
    m = ll.parse_args(["--model", "/tmp/x.tar.gz"])
    assert m.skip_train  # a given model is never trained


@pytest.mark.parametrize("argv", [["--levels", "0"], ["--levels", "x"], ["--per-user", "0"], ["--timeout", "0"]])
def test_parse_args_rejects_nonsense(argv, capsys):
    with pytest.raises(SystemExit):
        ll.parse_args(argv)


# --- plans --------------------------------------------------------------------------------------

def test_per_user_for_sends_enough_at_small_levels():
    assert ll.per_user_for(1, 10, 100) == 100
    assert ll.per_user_for(10, 10, 100) == 10
    assert ll.per_user_for(50, 10, 100) == 10
    assert ll.per_user_for(3, 4, 30) == 10  # rounded up: 3 x 10 >= 30


def test_user_plans_give_every_user_and_run_its_own_senders():
    plans = ll.user_plans(messages.ASSISTANT, 50, 10, "run1", "gw")
    assert len(plans) == 50 and all(len(p) == 10 for p in plans)
    senders = [{s for s, _ in p} for p in plans]
    for i, a in enumerate(senders):
        for b in senders[i + 1:]:
            assert not a & b  # no two users share a tracker
    other_run = {s for p in ll.user_plans(messages.ASSISTANT, 50, 10, "run2", "gw") for s, _ in p}
    assert not other_run & set().union(*senders)
    other_target = {s for p in ll.user_plans(messages.ASSISTANT, 50, 10, "run1", "rasa") for s, _ in p}
    assert not other_target & set().union(*senders)
    # users start at different conversations
    assert len({p[0][1] for p in plans[:len(messages.ASSISTANT)]}) > 5


def test_senders_fit_the_gateways_session_limit():
    from bot.chat import MAX_SESSION_CHARS

    run_id = ll.new_run_id()
    for p in ll.user_plans(messages.ASSISTANT, 50, 10, run_id, "warmgw"):
        assert all(len(s) <= MAX_SESSION_CHARS for s, _ in p)
    assert ll.new_run_id() != run_id


def test_the_assistants_users_fill_in_forms_with_button_payloads():
    texts = [t for p in ll.user_plans(messages.ASSISTANT, 10, 10, "r", "gw") for _, t in p]
    assert any(t.startswith("/inform{") for t in texts)  # complaint-route form by buttons
    assert "10 januari 2026" in texts  # the deadline form's date
    assert "waar kan ik klagen" in texts  # the complaint-route form, typed


# --- figures ------------------------------------------------------------------------------------

def test_summarize_run():
    r = ll.summarize_run([0.1] * 98 + [1.0, 2.0], errors=1, not_sent=2, empty=3, wall_s=10.0, users=10,
                         per_user=10)
    assert r["ok"] == 100 and r["sent"] == 98 and r["errors"] == 3 and r["empty_replies"] == 3
    assert r["msg_per_s"] == pytest.approx(10.0)
    assert r["p50_ms"] == pytest.approx(100)
    assert r["p99_ms"] == pytest.approx(1000 + 0.01 * 1000)  # numpy's linear interpolation
    assert r["max_ms"] == pytest.approx(2000)
    empty = ll.summarize_run([], errors=5, not_sent=0, empty=0, wall_s=1.0, users=5, per_user=1)
    assert empty["msg_per_s"] is None and empty["p99_ms"] is None and empty["errors"] == 5


def test_summarize_ms_has_p99():
    values = [i / 1000 for i in range(1, 101)]
    assert stats.summarize_ms(values)["p99_ms"] == pytest.approx(99.01)


def test_overhead_and_reference_ratios():
    gw = {"p50_ms": 120.0, "p95_ms": 300.0, "p99_ms": None, "msg_per_s": 18.0}
    direct = {"p50_ms": 100.0, "p95_ms": 200.0, "p99_ms": 400.0, "msg_per_s": 20.0}
    o = ll.overhead(gw, direct)
    assert o["p50_added_ms"] == pytest.approx(20) and o["p95_added_ms"] == pytest.approx(100)
    assert o["p50_ratio"] == pytest.approx(1.2) and o["p95_ratio"] == pytest.approx(1.5)
    assert o["p99_added_ms"] is None and o["p99_ratio"] is None
    assert o["throughput_ratio"] == pytest.approx(0.9)
    r = ll.against_reference(direct, {"p50_ms": 50.0, "p95_ms": 100.0, "p99_ms": 0.0, "msg_per_s": 40.0})
    assert r["p50_ratio"] == pytest.approx(2) and r["p99_ratio"] is None and r["throughput_ratio"] == 0.5


def _run(p50, errors=0, others=0.0, users=1, per_user=10):
    return {"users": users, "per_user": per_user, "ok": users * per_user - errors, "errors": errors,
            "empty_replies": 0, "wall_s": 5.0, "msg_per_s": 20.0, "p50_ms": p50, "p95_ms": p50 * 2,
            "p99_ms": p50 * 3, "mean_ms": p50 * 1.2, "max_ms": p50 * 4, "others_cpu_pct": others,
            "gateway_cpu_ms_per_msg": 1.5, "error_samples": ["HTTP 504: slow"] if errors else [],
            "empty_samples": []}


def _results(errors_at_50=0, others=0.0):
    args = ll.parse_args(["--skip-train"])
    res = ll.new_results(args, "r1")
    res.update(date="2026-11-25 16:00", cpu_count=2, rasa_version="3.6.21", git="abc123")
    for users in (1, 10, 50):
        res["runs"]["assistant_direct"][str(users)] = _run(100, users=users)
        res["runs"]["assistant_gateway"][str(users)] = _run(110, users=users,
                                                             errors=errors_at_50 if users == 50 else 0,
                                                             others=others)
        res["runs"]["reference_direct"][str(users)] = _run(50, users=users)
    return ll.finish(res)


def test_finish_adds_overhead_and_reference_ratios_per_level():
    res = _results()
    assert set(res["overhead"]) == set(res["against_reference"]) == {"1", "10", "50"}
    assert res["overhead"]["10"]["p50_added_ms"] == pytest.approx(10)
    assert res["against_reference"]["50"]["p50_ratio"] == pytest.approx(2)


def test_exit_code_is_1_when_a_run_had_errors():
    assert ll.exit_code(_results()) == 0
    bad = _results(errors_at_50=3)
    assert ll.runs_with_errors(bad) == [("assistant_gateway", 50, 3)]
    assert ll.exit_code(bad) == 1


def _is_table(text: str, ncol: int) -> None:
    lines = text.splitlines()
    assert {line.count("|") for line in lines} == {ncol + 1}
    assert len({len(line) for line in lines}) == 1


def test_tables_have_a_row_per_level_and_target():
    res = _results()
    rows = ll.load_rows(res)
    assert len(rows) == 9
    assert rows[0] == ["1", ll.TARGETS["assistant_gateway"], "110", "220", "330", "20.0", "0"]
    assert [r[0] for r in rows] == ["1"] * 3 + ["10"] * 3 + ["50"] * 3
    over = ll.overhead_rows(res)
    assert over[0][:3] == ["1", "+10", "+20"] and over[0][-1] == "1.5"
    assert ll.reference_rows(res)[2] == ["50", "2.00", "2.00", "2.00", "1.00"]
    _is_table(stats.markdown_table(ll.LOAD_HEADER, rows), len(ll.LOAD_HEADER))
    _is_table(stats.markdown_table(ll.DETAIL_HEADER, ll.detail_rows(res)), len(ll.DETAIL_HEADER))


def test_report_names_errors_and_other_load():
    quiet = ll.report(_results())
    assert "## Latency and throughput" in quiet and "Errors:" not in quiet and "Other processes" not in quiet
    assert "With 50 users at once, through the gateway" in quiet
    assert "RATE_ADDRESS_BURST=100000" in quiet
    noisy = ll.report(_results(errors_at_50=2, others=35.0))
    assert "**Errors: this assistant, through the gateway at 50 users: 2.**" in noisy
    assert "Other processes on this machine used the CPU during" in noisy and "(35 %)" in noisy
    assert "HTTP 504: slow" in noisy


def test_signed_numbers():
    assert ll._signed(12.4) == "+12" and ll._signed(-3.6) == "-4" and ll._signed(0.2) == "0"
    assert ll._signed(None) == stats.DASH


# --- the HTTP shapes, against a small local server ----------------------------------------------

def test_endpoint_shapes():
    rest = Endpoint("http://x/webhooks/rest/webhook")
    gw = Endpoint("http://x/api/chat", "gateway", {"Origin": "http://x"})
    assert rest.payload("s", "hoi") == {"sender": "s", "message": "hoi"}
    assert gw.payload("s", "hoi") == {"session": "s", "message": "hoi"}
    assert rest.replies([{"text": "a"}]) == [{"text": "a"}] and rest.replies({"messages": []}) is None
    assert gw.replies({"messages": [{"text": "a"}]}) == [{"text": "a"}] and gw.replies([]) is None
    with pytest.raises(ValueError):
        Endpoint("http://x", "grpc")


def test_run_users_counts_replies_errors_and_empty_answers_through_a_gateway_shape():
    seen = []

    async def chat(request):
        body = await request.json()
        seen.append((request.headers.get("Origin"), body["session"], body["message"]))
        if body["message"] == "te veel":
            return web.json_response({"error": "rate_limited"}, status=429)
        if body["message"] == "stil":
            return web.json_response({"messages": []})
        return web.json_response({"messages": [{"text": "ok"}]})

    async def scenario():
        app = web.Application()
        app.router.add_post("/api/chat", chat)
        runner = web.AppRunner(app)
        await runner.setup()
        (port,) = procs.find_free_ports(1)
        site = web.TCPSite(runner, "127.0.0.1", port)
        await site.start()
        try:
            endpoint = Endpoint(f"http://127.0.0.1:{port}/api/chat", "gateway", {"Origin": "http://o"})
            plans = [[("a-0", "hoi"), ("a-0", "te veel")], [("b-0", "stil"), ("b-1", "hoi")]]
            return await run_users(endpoint, plans, timeout_s=30, budget_s=300)
        finally:
            await runner.cleanup()

    tally, wall, skipped = asyncio.run(scenario())
    assert len(tally.latencies) == 3 and tally.errors == 1 and tally.empty == 1 and skipped == 0
    assert tally.error_samples[0].startswith("HTTP 429")
    assert tally.empty_samples == ["stil"]
    assert {o for o, _, _ in seen} == {"http://o"} and len(seen) == 4
    assert wall > 0


# --- CPU of server trees ------------------------------------------------------------------------

def test_cpu_seconds_of_a_process_tree():
    sum(i * i for i in range(200_000))  # some CPU of our own
    own = procs.cpu_seconds(os.getpid())
    assert own > 0
    assert procs.tree_cpu_seconds(os.getpid()) >= own
    assert procs.cpu_seconds(2 ** 22 + 12345) == 0.0  # no such process
    meter = procs.CpuMeter([os.getpid()])
    assert set(meter.tree_seconds()) == {os.getpid()}
    assert 0.0 <= meter.others_share()

"""REST clients on POST /webhooks/rest/webhook: single-user latency and many-user throughput."""
from __future__ import annotations

import asyncio
import time
from typing import Dict, List, Optional, Sequence, Tuple

import aiohttp

from .messages import Conversation, schedule
from .stats import summarize_ms


class Tally:
    """Outcome of a batch of requests."""

    def __init__(self) -> None:
        self.latencies: List[float] = []  # seconds, successful requests only
        self.errors = 0
        self.empty = 0
        self.error_samples: List[str] = []
        self.empty_samples: List[str] = []  # messages that got an empty reply

    def error(self, why: str) -> None:
        self.errors += 1
        if len(self.error_samples) < 5:
            self.error_samples.append(why)


async def send(session: aiohttp.ClientSession, url: str, sender: str, text: str, tally: Tally) -> Optional[float]:
    """One message; records latency, errors (non-200, not a JSON list, exceptions) and empty replies."""
    t0 = time.perf_counter()
    try:
        async with session.post(url, json={"sender": sender, "message": text}) as resp:
            body = await resp.json(content_type=None) if resp.status == 200 else await resp.text()
            elapsed = time.perf_counter() - t0
            if resp.status != 200:
                tally.error(f"HTTP {resp.status}: {str(body)[:200]}")
                return None
    except asyncio.TimeoutError:
        tally.error(f"time-out after {time.perf_counter() - t0:.1f} s")
        return None
    except (aiohttp.ClientError, ValueError) as exc:
        tally.error(f"{type(exc).__name__}: {exc}"[:200])
        return None
    if not isinstance(body, list):
        tally.error(f"not a list: {str(body)[:200]}")
        return None
    if not body:
        tally.empty += 1
        if len(tally.empty_samples) < 5 and text not in tally.empty_samples:
            tally.empty_samples.append(text)
    tally.latencies.append(elapsed)
    return elapsed


def _session(timeout_s: float, connections: int) -> aiohttp.ClientSession:
    return aiohttp.ClientSession(
        timeout=aiohttp.ClientTimeout(total=timeout_s),
        connector=aiohttp.TCPConnector(limit=connections, force_close=False),
    )


async def _latency(url: str, plan: Sequence[Tuple[str, str]], warmup: Sequence[Tuple[str, str]],
                   timeout_s: float) -> Dict:
    async with _session(timeout_s, 2) as session:
        warm = Tally()
        first = None
        for sender, text in warmup:
            took = await send(session, url, sender, text, warm)
            if first is None:
                first = took
        tally = Tally()
        timed = []
        for sender, text in plan:
            took = await send(session, url, sender, text, tally)
            if took is not None:
                timed.append((took, text))
    result = summarize_ms(tally.latencies)
    result.update(
        first_reply_ms=None if first is None else first * 1000.0,
        errors=tally.errors + warm.errors,
        empty_replies=tally.empty,
        messages=len(plan),
        latencies_ms=[round(v * 1000.0, 1) for v in tally.latencies],
        slowest=[[text, round(took * 1000.0)] for took, text in sorted(timed, reverse=True)[:5]],
        error_samples=warm.error_samples + tally.error_samples,
        empty_samples=tally.empty_samples,
    )
    return result


def latency_run(url: str, conversations: Sequence[Conversation], count: int, warmup_text: str,
                timeout_s: float = 60.0) -> Dict:
    """One user, one message at a time; a new sender per conversation.

    Two warm-up messages go first (not counted; the first one's time is reported as first_reply_ms).
    """
    plan = schedule(conversations, count, sender_prefix="lat")
    warmup = [("warmup", warmup_text), ("warmup", warmup_text)]
    return asyncio.run(_latency(url, plan, warmup, timeout_s))


async def _throughput(url: str, conversations: Sequence[Conversation], users: int, per_user: int,
                      timeout_s: float, budget_s: float) -> Dict:
    tally = Tally()
    skipped = 0
    deadline = time.perf_counter() + budget_s

    async def user(u: int, session: aiohttp.ClientSession) -> None:
        nonlocal skipped
        plan = schedule(conversations, per_user, sender_prefix=f"load{u}", start=u)
        for n, (sender, text) in enumerate(plan):
            if time.perf_counter() > deadline:  # a bounded run: stop sending, count what was not sent
                skipped += len(plan) - n
                return
            await send(session, url, sender, text, tally)

    async with _session(timeout_s, users + 2) as session:
        t0 = time.perf_counter()
        await asyncio.gather(*(user(u, session) for u in range(users)))
        wall = time.perf_counter() - t0
    ok = len(tally.latencies)
    under_load = summarize_ms(tally.latencies)
    return {
        "users": users,
        "per_user": per_user,
        "sent": users * per_user - skipped,
        "ok": ok,
        "errors": tally.errors + skipped,
        "not_sent": skipped,
        "empty_replies": tally.empty,
        "wall_s": wall,
        "msg_per_s": ok / wall if wall > 0 else None,
        "p50_ms": under_load["p50_ms"],
        "p95_ms": under_load["p95_ms"],
        "error_samples": tally.error_samples,
        "empty_samples": tally.empty_samples,
    }


def throughput_run(url: str, conversations: Sequence[Conversation], users: int = 20, per_user: int = 10,
                   timeout_s: float = 120.0, budget_s: float = 900.0) -> Dict:
    """`users` senders at once, each sending `per_user` messages one after another (waiting for each reply).

    msg_per_s counts successful replies over the wall time of the whole run.
    """
    return asyncio.run(_throughput(url, conversations, users, per_user, timeout_s, budget_s))

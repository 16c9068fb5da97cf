"""HTTP clients: Rasa's REST channel (POST /webhooks/rest/webhook) and the gateway (POST /api/chat);
single-user latency, many-user throughput, and many users each with their own plan (`run_users`)."""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple, Union

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


@dataclass(frozen=True)
class Endpoint:
    """Where messages go and in which shape.

    kind "rest": Rasa's REST channel, {"sender", "message"} -> a JSON list of messages.
    kind "gateway": the gateway's POST /api/chat, {"session", "message"} -> {"messages": [...]}.
    headers go with every request (the gateway wants an allowed Origin).
    """

    url: str
    kind: str = "rest"
    headers: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if self.kind not in ("rest", "gateway"):
            raise ValueError(f"unknown endpoint kind {self.kind!r}")

    def payload(self, sender: str, text: str) -> Dict[str, str]:
        key = "session" if self.kind == "gateway" else "sender"
        return {key: sender, "message": text}

    def replies(self, body: Any) -> Optional[List[Any]]:
        """The list of bot messages in a 200 answer; None when the answer has the wrong shape."""
        if self.kind == "gateway":
            body = body.get("messages") if isinstance(body, dict) else None
        return body if isinstance(body, list) else None


async def send(session: aiohttp.ClientSession, url: Union[str, Endpoint], sender: str, text: str,
               tally: Tally) -> Optional[float]:
    """One message; records latency, errors (non-200, the wrong shape, exceptions) and empty replies."""
    endpoint = url if isinstance(url, Endpoint) else Endpoint(url)
    t0 = time.perf_counter()
    try:
        async with session.post(endpoint.url, json=endpoint.payload(sender, text),
                                headers=dict(endpoint.headers)) as resp:
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
    replies = endpoint.replies(body)
    if replies is None:
        tally.error(f"not a {'list' if endpoint.kind == 'rest' else 'messages object'}: {str(body)[:200]}")
        return None
    body = replies
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


async def run_users(endpoint: Union[str, Endpoint], plans: Sequence[Sequence[Tuple[str, str]]],
                    timeout_s: float, budget_s: float) -> Tuple[Tally, float, int]:
    """One user per plan, all at once; each sends its (sender, message) pairs one after another, waiting for
    each reply. Returns the tally, the wall time of the whole run and how many messages were not sent because
    budget_s ran out (a bounded run)."""
    tally = Tally()
    skipped = 0
    deadline = time.perf_counter() + budget_s

    async def user(plan: Sequence[Tuple[str, str]], session: aiohttp.ClientSession) -> None:
        nonlocal skipped
        for n, (sender, text) in enumerate(plan):
            if time.perf_counter() > deadline:  # a bounded run: stop sending, count what was not sent
                skipped += len(plan) - n
                return
            await send(session, endpoint, sender, text, tally)

    async with _session(timeout_s, len(plans) + 2) as session:
        t0 = time.perf_counter()
        await asyncio.gather(*(user(plan, session) for plan in plans))
        wall = time.perf_counter() - t0
    return tally, wall, skipped


async def _throughput(url: str, conversations: Sequence[Conversation], users: int, per_user: int,
                      timeout_s: float, budget_s: float) -> Dict:
    plans = [schedule(conversations, per_user, sender_prefix=f"load{u}", start=u) for u in range(users)]
    tally, wall, skipped = await run_users(url, plans, timeout_s, budget_s)
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

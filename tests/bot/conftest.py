"""Fixtures for the gateway tests: a fake Rasa (and action server) as a real HTTP server on a free port that
records what it received, a closed port, a clock the tests move by hand, and a client for the gateway."""
from __future__ import annotations

import asyncio
import contextlib
import socket
from dataclasses import dataclass, field
from typing import Any, AsyncIterator

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.app import create_app
from bot.config import Config

SECRET = "test-secret-" + "x" * 32
ORIGIN = "https://zorg.example.nl"

RASA_ANSWER = [
    {"recipient_id": "someone", "text": "Hallo! Waar kan ik je mee helpen?",
     "buttons": [{"title": "Klagen", "payload": "/complaint_route", "extra": "drop me"},
                 {"title": 3, "payload": "/not_a_string_title"},
                 {"title": "geen payload"},
                 "not a dict"]},
    {"recipient_id": "someone", "image": "https://example.org/tracker.png"},
    {"recipient_id": "someone", "text": "Hier is je brief.",
     "custom": {"type": "download", "filename": "klachtbrief.txt", "mime_type": "text/plain",
                "content": "Geachte klachtenfunctionaris,", "url": "https://evil.example/x", "script": "alert(1)"}},
    {"recipient_id": "someone", "custom": {"type": "iframe", "src": "https://evil.example"}},
    "not a dict",
]


@dataclass
class FakeRasa:
    """What the fake server answers (`mode`) and what it received (`received`)."""
    mode: str = "ok"           # ok | error | slow | bad_json | not_list | lost_after_save
    status_code: int = 200     # for GET /status and GET /
    health_code: int = 200     # for GET /health (the action server)
    delay: float = 2.0
    answer: list = field(default_factory=lambda: RASA_ANSWER)
    received: list[dict[str, Any]] = field(default_factory=list)
    raw_bodies: list[bytes] = field(default_factory=list)
    events: dict[str, list] = field(default_factory=dict)  # the tracker store: sender -> Rasa's events
    fail_next: int = 0         # this many calls fail with 502 before Rasa sees them (a replica that is gone)

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self.webhook)
        app.router.add_get("/status", lambda r: web.json_response({"model_file": "x"}, status=self.status_code))
        app.router.add_get("/", lambda r: web.Response(text="Hello from Rasa: 3.6.21"))
        app.router.add_get("/health", lambda r: web.json_response({"status": "ok"}, status=self.health_code))
        app.router.add_get("/conversations/{sender}/tracker", self.tracker)
        return app

    async def tracker(self, request: web.Request) -> web.Response:
        sender = request.match_info["sender"]
        return web.json_response({"sender_id": sender, "events": self.events.get(sender, [])})

    def store(self, body: dict[str, Any]) -> None:
        """Stores the turn as Rasa does: the user message with its metadata, then the bot messages."""
        events = self.events.setdefault(body["sender"], [])
        events.append({"event": "user", "text": body["message"], "metadata": body.get("metadata") or {}})
        for m in self.answer:
            if not isinstance(m, dict):
                continue
            data = {k: m[k] for k in ("buttons", "custom", "image") if k in m}
            events.append({"event": "bot", "text": m.get("text"), "data": data})

    async def webhook(self, request: web.Request) -> web.Response:
        if self.fail_next > 0:
            self.fail_next -= 1
            return web.Response(status=502, text="Bad Gateway")
        raw = await request.read()
        self.raw_bodies.append(raw)
        self.received.append(await request.json())
        if self.mode in ("ok", "lost_after_save"):
            self.store(self.received[-1])
        if self.mode == "lost_after_save":  # stored, then the replica died before it answered
            self.mode = "ok"
            return web.Response(status=502, text="Bad Gateway")
        if self.mode == "error":
            return web.json_response({"error": "boom"}, status=500)
        if self.mode == "slow":
            await asyncio.sleep(self.delay)
        if self.mode == "bad_json":
            return web.Response(text="<html>not json", content_type="text/html")
        if self.mode == "not_list":
            return web.json_response({"text": "a dict, not a list"})
        return web.json_response(self.answer)


@contextlib.asynccontextmanager
async def serving(app: web.Application, **runner_options: Any) -> AsyncIterator[str]:
    """Serves a fake server's app on 127.0.0.1 (port 0: the OS picks a free one); its base URL."""
    server = TestServer(app, host="127.0.0.1")
    await server.start_server(**runner_options)
    try:
        yield str(server.make_url("")).rstrip("/")
    finally:
        await server.close()


async def store_conversation(url: str, sender: str, when: float | None = None) -> None:
    """A two-event conversation stored by Rasa's own SQLTrackerStore at `url`, at Unix time `when` (now)."""
    import time

    from rasa.core.tracker_store import SQLTrackerStore
    from rasa.shared.core.domain import Domain
    from rasa.shared.core.events import BotUttered, UserUttered
    from rasa.shared.core.trackers import DialogueStateTracker
    when = time.time() if when is None else when
    store = SQLTrackerStore(Domain.empty(), host=url)
    await store.save(DialogueStateTracker.from_events(sender, [
        UserUttered("is een zwijgcontract geldig", timestamp=when), BotUttered("Nee.", timestamp=when + 1)]))
    store.engine.dispose()


class Clock:
    def __init__(self, now: float = 1000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def closed_port() -> int:
    """A port nothing listens on: bound by the OS, then released."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def fake() -> FakeRasa:
    return FakeRasa()


@pytest.fixture
async def fake_url(fake: FakeRasa):
    async with serving(fake.app(), access_log=None) as url:  # the gateway's own logs are what the tests look at
        yield url


@pytest.fixture
def clock() -> Clock:
    return Clock()


def make_config(rasa_url: str, actions_url: str | None = None, **overrides: Any) -> Config:
    values = dict(rasa_url=rasa_url, actions_url=actions_url or rasa_url, allowed_origins=(ORIGIN,),
                  session_secret=SECRET, rasa_timeout=2.0, health_timeout=0.5,
                  tracker_store_url="sqlite://")  # an empty database in memory
    values.update(overrides)
    return Config(**values)


@pytest.fixture
async def gateway(clock: Clock):
    """gateway(config) -> a started TestClient for create_app(config) with the test clock; closed afterwards."""
    clients: list[TestClient] = []

    async def start(config: Config) -> TestClient:
        client = TestClient(TestServer(create_app(config, clock=clock), host="127.0.0.1"))
        await client.start_server()
        clients.append(client)
        return client

    yield start
    for client in clients:
        await client.close()

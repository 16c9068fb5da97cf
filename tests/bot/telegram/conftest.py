"""Fixtures for the Telegram channel: the fake Bot API (fake_telegram.py) on 127.0.0.1, which python-telegram-bot
is pointed at (TELEGRAM_API_URL), a scripted Rasa that keeps a small form per sender, and a started channel.

Nothing here reaches api.telegram.org: `make_channel` checks that the Application's base URL is the fake's.
"""
from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import pytest
from aiohttp import web

from bot.config import Config
from bot.rasa_client import RasaClient
from bot.telegram.handlers import TelegramChannel

from ..conftest import SECRET, make_config, serving
from .fake_telegram import *  # noqa: F401,F403  (the fake Bot API and the Update builders, for the tests)
from .fake_telegram import TOKEN, WEBHOOK_SECRET, FakeTelegram


@pytest.fixture
def telegram() -> FakeTelegram:
    return FakeTelegram()


@pytest.fixture
async def telegram_url(telegram: FakeTelegram):
    async with serving(telegram.app()) as url:
        yield url


# --- a scripted Rasa -----------------------------------------------------------------------------------------
PLACE_BUTTONS = [{"title": "Nederland", "payload": '/inform{"route_place": "nederland"}'},
                 {"title": "Buitenland", "payload": '/inform{"route_place": "buitenland"}'}]
PROVIDER_BUTTONS = [{"title": "Arts of kliniek", "payload": '/inform{"route_provider": "arts"}'},
                    {"title": "Schoonheidssalon", "payload": '/inform{"route_provider": "salon"}'}]
SOURCE = "Bron: Wkkgz, artikel 11.0a lid 2 · https://wetten.overheid.nl/BWBR0037173"


@dataclass
class ScriptedRasa:
    """Rasa's REST channel with a two-question form per sender, so chats that mix up would show.

    mode: ok | error | slow | empty. `answers` overrides the answer for a message text."""
    mode: str = "ok"
    delay: float = 3.0
    received: list[dict[str, Any]] = field(default_factory=list)
    slots: dict[str, dict[str, str]] = field(default_factory=dict)
    answers: dict[str, list[dict]] = field(default_factory=dict)

    stored: dict[str, list[dict]] = field(default_factory=dict)  # the tracker store: sender -> events
    tracker_reads: int = 0

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/webhooks/rest/webhook", self.webhook)
        app.router.add_get("/conversations/{sender}/tracker", self.tracker)
        return app

    async def tracker(self, request: web.Request) -> web.Response:
        self.tracker_reads += 1
        return web.json_response({"events": self.stored.get(request.match_info["sender"], [])})

    def store(self, body: dict, answer: list[dict]) -> None:
        events = self.stored.setdefault(body["sender"], [])
        events.append({"event": "user", "text": body["message"], "metadata": body.get("metadata") or {}})
        events += [{"event": "bot", "text": m.get("text"), "data": {"buttons": m.get("buttons")}} for m in answer]

    async def webhook(self, request: web.Request) -> web.Response:
        body = await request.json()
        self.received.append(body)
        if self.mode == "error":
            return web.json_response({"error": "boom"}, status=500)
        if self.mode == "slow":
            await asyncio.sleep(self.delay)
        if self.mode == "empty":
            return web.json_response([])
        answer = self.answer(body)
        self.store(body, answer)
        return web.json_response([dict(m, recipient_id=body["sender"]) for m in answer])

    def answer(self, body: dict) -> list[dict]:
        sender, text = body["sender"], body["message"]
        if text in self.answers:
            return self.answers[text]
        slots = self.slots.setdefault(sender, {})
        if text == "/restart":
            slots.clear()
            return [{"text": "We beginnen opnieuw. Wat wil je weten?"}]
        if text == "/start_complaint_route":
            slots.clear()
            slots["active"] = "yes"
            return [{"text": "Waar was de behandeling? In Nederland of in het buitenland?", "buttons": PLACE_BUTTONS}]
        m = re.fullmatch(r'/inform\{"(\w+)": "(\w+)"\}', text)
        if m and slots.get("active"):
            slots[m.group(1)] = m.group(2)
            if "route_provider" not in slots:
                return [{"text": "Wie gaf de behandeling? Of wie regelde die?", "buttons": PROVIDER_BUTTONS}]
            slots.pop("active")
            return [{"text": f"Jouw route: {slots['route_place']}, {slots['route_provider']}."}]
        if "zwijgcontract" in text.lower():
            return [{"text": "Nee. Een zwijgcontract over een incident in de zorg is nietig."}, {"text": SOURCE}]
        return [{"text": "Dat begreep ik niet. Kun je het anders zeggen?"}]

    def messages(self, sender: str | None = None) -> list[str]:
        return [r["message"] for r in self.received if sender is None or r["sender"] == sender]


@pytest.fixture
def rasa() -> ScriptedRasa:
    return ScriptedRasa()


@pytest.fixture
async def rasa_url(rasa: ScriptedRasa):
    async with serving(rasa.app()) as url:
        yield url


def telegram_config(rasa_url: str, telegram_url: str, **overrides: Any) -> Config:
    values = dict(telegram_token=TOKEN, telegram_webhook_secret=WEBHOOK_SECRET, telegram_api_url=telegram_url)
    values.update(overrides)
    return make_config(rasa_url, **values)


@pytest.fixture
async def make_channel(rasa_url: str, telegram_url: str):
    """make_channel(**config overrides) -> a started TelegramChannel against the fakes; stopped afterwards."""
    made: list[tuple[TelegramChannel, aiohttp.ClientSession]] = []

    async def make(**overrides: Any) -> TelegramChannel:
        options = {k: overrides.pop(k) for k in ("delivery_attempts", "retry_delay", "clock") if k in overrides}
        config = telegram_config(rasa_url, telegram_url, **overrides)
        session = aiohttp.ClientSession()
        channel = TelegramChannel(config, RasaClient(session, config.rasa_url, config.rasa_timeout), **options)
        assert channel.application.bot.base_url.startswith(telegram_url), "the test would reach Telegram itself"
        await channel.start()
        made.append((channel, session))
        return channel

    yield make
    for channel, session in made:
        await channel.stop()
        await session.close()


@pytest.fixture
async def channel(make_channel) -> TelegramChannel:
    return await make_channel()


__all__ = ["SECRET", "TOKEN", "WEBHOOK_SECRET", "SOURCE", "ScriptedRasa", "telegram_config"]

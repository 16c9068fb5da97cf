"""Against the running assistant: the Telegram channel, with the real Rasa and action server at RASA_URL and a
fake Telegram Bot API on 127.0.0.1 (nothing reaches api.telegram.org). Real Update JSON goes in through the
gateway's webhook, with the secret header, as Telegram would send it.

Run:  RASA_URL=http://localhost:5005 .venv/bin/pytest -q tests/integration/test_telegram.py
(with scripts/run.sh running; skipped without RASA_URL).
"""
from __future__ import annotations

import os
import random
import secrets

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.app import create_app
from bot.config import Config
from bot.privacy import PRIVACY_REPLY
from bot.telegram.webhook import PATH, SECRET_HEADER
from tests.bot.telegram.fake_telegram import (TOKEN, WEBHOOK_SECRET, FakeTelegram, callback_update, command_update,
                                              keyboard_of, links, text_update, visible)

RASA_URL = os.environ.get("RASA_URL")

pytestmark = pytest.mark.skipif(not RASA_URL, reason="needs the running assistant: RASA_URL (scripts/run.sh)")


class Bot:
    """The gateway with the Telegram webhook, the real Rasa behind it, and the fake Bot API in front."""

    def __init__(self, telegram: FakeTelegram, client: TestClient) -> None:
        self.telegram, self.client = telegram, client

    async def send(self, update: dict) -> None:
        resp = await self.client.post(PATH, json=update, headers={SECRET_HEADER: WEBHOOK_SECRET})
        assert resp.status == 200, await resp.text()

    async def say(self, chat: int, text: str) -> list:
        before = len(self.telegram.sent(chat))
        await self.send(command_update(text, chat) if text.startswith("/") else text_update(text, chat))
        return self.telegram.sent(chat)[before:]

    async def press(self, chat: int, title: str) -> list:
        """Presses the button with this title under the newest message of the chat that has a keyboard."""
        with_keyboard = [c for c in self.telegram.sent(chat) if keyboard_of(c)]
        assert with_keyboard, "no keyboard in this chat"
        buttons = dict(keyboard_of(with_keyboard[-1]))
        assert title in buttons, f"{title!r} not in {list(buttons)}"
        before = len(self.telegram.sent(chat))
        await self.send(callback_update(buttons[title], chat, message_id=random.randint(10_000, 99_999)))
        return self.telegram.sent(chat)[before:]


@pytest.fixture
async def bot():
    telegram = FakeTelegram()
    api = TestServer(telegram.app(), host="127.0.0.1")
    await api.start_server()
    config = Config(rasa_url=RASA_URL, session_secret=secrets.token_hex(32), telegram_token=TOKEN,
                    telegram_webhook_secret=WEBHOOK_SECRET, telegram_api_url=str(api.make_url("")).rstrip("/"),
                    rasa_timeout=60, rate_chat_burst=100)
    client = TestClient(TestServer(create_app(config), host="127.0.0.1"))
    await client.start_server()
    yield Bot(telegram, client)
    await client.close()
    await api.close()


def new_chat() -> int:
    return random.randint(10**8, 10**10)


def texts(calls: list) -> list[str]:
    return [visible(c.params["text"]) for c in calls if c.method == "sendMessage"]


async def test_start_welcomes(bot):
    chat = new_chat()
    (welcome,) = await bot.say(chat, "/start")
    assert "algemene informatie" in visible(welcome.params["text"]) and keyboard_of(welcome)


async def test_a_question_gets_an_answer_with_a_clickable_source(bot):
    chat = new_chat()
    calls = await bot.say(chat, "Is een zwijgcontract geldig?")
    answer = " ".join(texts(calls))
    assert "zwijg" in answer.lower() and "Bron:" in answer
    hrefs = [href for c in calls if c.method == "sendMessage" for href, _ in links(c.params["text"])]
    assert any(h.startswith("https://wetten.overheid.nl/") for h in hrefs), hrefs
    assert "sendChatAction" in bot.telegram.methods()


async def test_buttons_continue_the_complaint_route(bot):
    chat = new_chat()
    await bot.say(chat, "/start")
    calls = await bot.press(chat, "Waar kan ik klagen?")
    assert any("Nederland" in dict(keyboard_of(c)) for c in calls), texts(calls)
    calls = await bot.press(chat, "Nederland")
    assert "Arts of kliniek" in dict(keyboard_of(calls[-1])), texts(calls)
    assert "answerCallbackQuery" in bot.telegram.methods() and "editMessageReplyMarkup" in bot.telegram.methods()


async def test_two_chats_interleaved_in_the_form_keep_their_own_state(bot):
    a, b = new_chat(), new_chat()
    for chat in (a, b):
        await bot.say(chat, "/start")
        await bot.press(chat, "Waar kan ik klagen?")
    await bot.press(a, "Nederland")
    await bot.press(b, "Buitenland")
    await bot.press(b, "Bemiddelingsbureau")
    await bot.press(a, "Arts of kliniek")
    await bot.press(a, "Complicatie of slecht resultaat")
    await bot.press(b, "Complicatie of slecht resultaat")
    route_b = texts(await bot.press(b, "Nee"))
    route_a = texts(await bot.press(a, "Nee"))
    assert any("Je behandeling was in Nederland" in t for t in route_a), route_a
    assert any("Je behandeling was in het buitenland" in t for t in route_b), route_b
    assert not any("buitenland" in t for t in route_a[:1]) and not any("in Nederland" in t for t in route_b[:1])


async def test_personal_data_is_removed(bot):
    chat = new_chat()
    calls = await bot.say(chat, "Mijn bsn is 111222333 en mijn nummer 06-12345678. Is een zwijgcontract geldig?")
    said = texts(calls)
    assert said[0] == PRIVACY_REPLY and said.count(PRIVACY_REPLY) == 1


async def test_reset_starts_over(bot):
    chat = new_chat()
    await bot.say(chat, "/start")
    await bot.press(chat, "Waar kan ik klagen?")
    assert texts(await bot.say(chat, "/reset")) == ["We beginnen opnieuw. Wat wil je weten?"]
    calls = await bot.say(chat, "Is een zwijgcontract geldig?")
    assert "Bron:" in " ".join(texts(calls))  # an answer, not the form's next question

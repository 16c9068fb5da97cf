"""python -m bot.telegram: long polling, set-webhook and delete-webhook against the fake Bot API."""
import asyncio

import pytest

from bot.config import ConfigError
from bot.telegram import __main__ as cli

from .conftest import CHAT_A, TOKEN, WEBHOOK_SECRET, command_update, telegram_config, text_update


async def test_set_webhook_sends_the_url_secret_and_update_kinds(rasa_url, telegram_url, telegram):
    config = telegram_config(rasa_url, telegram_url)
    message = await cli.set_webhook(config, "https://zorg.example.nl/telegram/webhook")
    (call,) = [c for c in telegram.calls if c.method == "setWebhook"]
    assert call.params["url"] == "https://zorg.example.nl/telegram/webhook"
    assert call.params["secret_token"] == WEBHOOK_SECRET
    assert call.params["allowed_updates"] == ["message", "callback_query"]
    assert WEBHOOK_SECRET not in message and TOKEN not in message


@pytest.mark.parametrize("url", ["http://zorg.example.nl/telegram/webhook", "https://zorg.example.nl/api/chat",
                                 "zorg.example.nl/telegram/webhook"])
async def test_set_webhook_refuses_a_wrong_url(rasa_url, telegram_url, telegram, url):
    with pytest.raises(ConfigError):
        await cli.set_webhook(telegram_config(rasa_url, telegram_url), url)
    assert telegram.calls == []


async def test_set_webhook_needs_the_secret(rasa_url, telegram_url, telegram):
    with pytest.raises(ConfigError, match="TELEGRAM_WEBHOOK_SECRET"):
        await cli.set_webhook(telegram_config(rasa_url, telegram_url, telegram_webhook_secret=""),
                              "https://zorg.example.nl/telegram/webhook")


async def test_delete_webhook(rasa_url, telegram_url, telegram):
    await cli.delete_webhook(telegram_config(rasa_url, telegram_url))
    assert "deleteWebhook" in [c.method for c in telegram.calls]


async def test_poll_answers_updates_from_get_updates(rasa_url, telegram_url, telegram, rasa):
    telegram.updates = [command_update("/start", update_id=900), text_update("Is een zwijgcontract geldig?",
                                                                            update_id=901)]
    stop = asyncio.Event()
    task = asyncio.create_task(cli.poll(telegram_config(rasa_url, telegram_url), stop, poll_timeout=0))
    for _ in range(200):
        if len(telegram.sent()) >= 3:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(task, 10)
    assert [c.params["chat_id"] for c in telegram.sent()] == [CHAT_A] * 3
    assert rasa.messages() == ["Is een zwijgcontract geldig?"]
    offsets = [c.params.get("offset") for c in telegram.calls if c.method == "getUpdates"]
    assert 902 in offsets  # the updates were confirmed
    assert "deleteWebhook" in [c.method for c in telegram.calls]  # polling and a webhook exclude each other


def test_main_without_a_token_says_so(monkeypatch, capsys):
    monkeypatch.delenv("TELEGRAM_TOKEN", raising=False)
    assert cli.main(["delete-webhook"]) == 2
    assert "TELEGRAM_TOKEN" in capsys.readouterr().err

"""POST /telegram/webhook on the gateway: the secret header, the answer codes Telegram acts on, the life cycle."""
import pytest
from aiohttp import web

from bot import keys
from bot.app import create_app
from bot.telegram import texts
from bot.telegram.webhook import PATH, SECRET_HEADER, TELEGRAM, secret_ok

from ..conftest import make_config
from .conftest import CHAT_A, WEBHOOK_SECRET, command_update, telegram_config, text_update

RIGHT = {SECRET_HEADER: WEBHOOK_SECRET}


@pytest.fixture
async def client(gateway, rasa_url, telegram_url):
    return await gateway(telegram_config(rasa_url, telegram_url))


def test_secret_compare():
    assert secret_ok(WEBHOOK_SECRET, WEBHOOK_SECRET)
    assert not secret_ok(None, WEBHOOK_SECRET) and not secret_ok("", WEBHOOK_SECRET)
    assert not secret_ok(WEBHOOK_SECRET[:-1], WEBHOOK_SECRET) and not secret_ok(WEBHOOK_SECRET + "x", WEBHOOK_SECRET)
    assert not secret_ok("é", WEBHOOK_SECRET) and not secret_ok("x", "")


@pytest.mark.parametrize("headers", [{}, {SECRET_HEADER: ""}, {SECRET_HEADER: "wrong"},
                                     {SECRET_HEADER: WEBHOOK_SECRET.upper()}, {"X-Other": WEBHOOK_SECRET}])
async def test_without_the_right_secret_403_and_nothing_happens(client, telegram, rasa, headers):
    resp = await client.post(PATH, json=text_update("hallo"), headers=headers)
    assert resp.status == 403
    assert telegram.methods() == [] and rasa.received == []


async def test_with_the_secret_the_update_is_answered(client, telegram, rasa):
    resp = await client.post(PATH, json=command_update("/start"), headers=RIGHT)
    assert resp.status == 200
    assert telegram.sent()[0].params["chat_id"] == CHAT_A
    resp = await client.post(PATH, json=text_update("Is een zwijgcontract geldig?"), headers=RIGHT)
    assert resp.status == 200 and len(rasa.received) == 1 and len(telegram.sent()) == 3


async def test_bad_bodies(client, telegram):
    assert (await client.post(PATH, data=b"{not json", headers=RIGHT)).status == 400
    assert (await client.post(PATH, json=[1, 2], headers=RIGHT)).status == 400
    assert (await client.post(PATH, json={"message": {}}, headers=RIGHT)).status == 400
    assert (await client.get(PATH, headers=RIGHT)).status == 405
    assert telegram.methods() == []


async def test_redelivery_is_answered_once(client, telegram, rasa):
    update = text_update("Is een zwijgcontract geldig?")
    for _ in range(3):
        assert (await client.post(PATH, json=update, headers=RIGHT)).status == 200
    assert len(rasa.received) == 1 and len(telegram.sent()) == 2


async def test_telegram_failing_gives_500_and_the_redelivery_does_not_ask_rasa_again(client, telegram, rasa):
    update = text_update("Is een zwijgcontract geldig?")
    telegram.fail["sendMessage"] = [0, 502]
    assert (await client.post(PATH, json=update, headers=RIGHT)).status == 500
    assert (await client.post(PATH, json=update, headers=RIGHT)).status == 200
    assert len(rasa.received) == 1
    assert len([c for c in telegram.sent() if c.method == "sendMessage"]) == 3  # 1 sent + 1 failed + 1 again


async def test_rasa_down_is_not_a_500_the_person_gets_the_apology(client, telegram, rasa):
    rasa.mode = "error"
    assert (await client.post(PATH, json=text_update("hallo"), headers=RIGHT)).status == 200
    assert "088 - 120 50 20" in telegram.sent()[0].params["text"]
    assert texts.RETRY_BUTTON in str(telegram.sent()[0].params["reply_markup"])


async def test_the_channel_uses_the_gateways_rasa_client_and_stops_with_it(gateway, rasa_url, telegram_url, telegram):
    client = await gateway(telegram_config(rasa_url, telegram_url))
    channel = client.app[TELEGRAM]
    assert channel.rasa is client.app[keys.RASA]
    assert channel.application.running and [c.method for c in telegram.calls] == ["getMe"]
    await client.close()
    assert not channel.application.running


async def test_telegram_unreachable_at_start_up_503_until_it_is_back(gateway, rasa_url, telegram_url, telegram):
    telegram.fail["getMe"] = [502, 502]
    client = await gateway(telegram_config(rasa_url, telegram_url))
    assert (await client.get("/healthz")).status in (200, 503)  # the gateway itself runs
    assert (await client.post(PATH, json=text_update("hallo"), headers=RIGHT)).status == 503
    assert (await client.post(PATH, json=text_update("hallo"), headers=RIGHT)).status == 200


@pytest.mark.parametrize("overrides", [{}, {"telegram_token": "123:abc"}, {"telegram_webhook_secret": "geheim"}])
async def test_not_mounted_without_token_and_secret(gateway, rasa_url, overrides):
    client = await gateway(make_config(rasa_url, **overrides))
    assert TELEGRAM not in client.app
    resp = await client.post(PATH, json=text_update("hallo"), headers=RIGHT)
    assert resp.status in (404, 405)


def test_create_app_mounts_the_route_only_when_configured(telegram_url):
    on = create_app(telegram_config("http://127.0.0.1:1", telegram_url))
    off = create_app(make_config("http://127.0.0.1:1"))
    paths = lambda app: {r.resource.canonical for r in app.router.routes() if r.method == "POST"}  # noqa: E731
    assert PATH in paths(on) and PATH not in paths(off)
    assert isinstance(on, web.Application)

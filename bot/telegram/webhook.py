"""POST /telegram/webhook on the gateway: Telegram delivers updates here in production.

`install(app, config)` mounts the route and ties the Telegram Application to the aiohttp application's life
(started on start-up, stopped on shutdown, with the gateway's RasaClient); bot.app calls it only when
TELEGRAM_TOKEN and TELEGRAM_WEBHOOK_SECRET are both set.

A request must carry the secret that was given to setWebhook (python -m bot.telegram set-webhook) in the
header X-Telegram-Bot-Api-Secret-Token; it is compared in constant time (hmac.compare_digest), and a request
without it, or with another, gets 403 and is not read. The body must be a JSON object with an update_id.

The answer tells Telegram whether to deliver the update again:
    200   the update is handled (also: it was handled before, or it is not for this bot, e.g. a group message)
    500   (part of) the answer could not be sent to Telegram; Telegram delivers the update again, and the
          channel then sends what is left without asking Rasa again (bot.telegram.ledger)
    503   the Bot API could not be reached at start-up (getMe) and still cannot; Telegram tries again later
A failure of Rasa is not a reason for 500: the person gets the apology with a retry button (bot.telegram.handlers).
"""
from __future__ import annotations

import hmac
import logging
from typing import AsyncIterator

from aiohttp import web

from bot import keys
from bot.config import Config
from bot.telegram.handlers import TelegramChannel

log = logging.getLogger(__name__)

PATH = "/telegram/webhook"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
TELEGRAM = web.AppKey("telegram", TelegramChannel)


def secret_ok(given: str | None, expected: str) -> bool:
    """The header's value equals the secret (constant time; a missing header is never right)."""
    if given is None or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8"))


async def telegram_webhook(request: web.Request) -> web.Response:
    config = request.app[keys.CONFIG]
    if not secret_ok(request.headers.get(SECRET_HEADER), config.telegram_webhook_secret):
        log.warning("telegram webhook: refused a request without the right secret")
        return web.json_response({"error": "forbidden"}, status=403)
    try:
        data = await request.json()
    except web.HTTPRequestEntityTooLarge:
        return web.json_response({"error": "too_large"}, status=413)
    except (ValueError, UnicodeDecodeError):
        return web.json_response({"error": "bad_json"}, status=400)
    if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
        return web.json_response({"error": "not_an_update"}, status=400)
    channel = request.app[TELEGRAM]
    if not await channel.ensure_started():
        return web.json_response({"error": "telegram_unreachable"}, status=503)
    try:
        ok = await channel.process(data)
    except Exception as exc:  # a malformed update, or a bug; never the text of the update in the log
        log.error("telegram webhook: update %s failed (%s)", data.get("update_id"), type(exc).__name__)
        return web.json_response({"error": "failed"}, status=500)
    if not ok:
        return web.json_response({"error": "not_sent", "retry": True}, status=500)
    return web.json_response({"ok": True})


def install(app: web.Application, config: Config) -> None:
    """Mounts POST /telegram/webhook and starts/stops the Telegram Application with the gateway. Call after the
    cleanup context that opens the gateway's RasaClient (keys.RASA)."""
    channel = TelegramChannel(config, conversations=app[keys.CONVERSATIONS])
    app[TELEGRAM] = channel

    async def lifecycle(app: web.Application) -> AsyncIterator[None]:
        channel.rasa = app[keys.RASA]
        await channel.ensure_started()  # not fatal: the web chat keeps working while Telegram is unreachable
        yield
        await channel.stop()

    app.cleanup_ctx.append(lifecycle)
    app.router.add_post(PATH, telegram_webhook)

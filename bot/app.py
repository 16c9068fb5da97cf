"""`create_app(config)`: the gateway as an aiohttp application.

    POST /api/chat   bot.chat.chat      (OPTIONS preflight by bot.security)
    GET  /healthz    bot.health.healthz
    GET  /, /widget.js, /widget.css, /page.css   the chat widget and its demo page, from bot/static/
    GET  /privacy    the privacy statement (what is kept, how long, why)
    POST /telegram/webhook   bot.telegram.webhook, only when TELEGRAM_TOKEN and TELEGRAM_WEBHOOK_SECRET are set

One aiohttp ClientSession is opened on start-up and closed on shutdown. The clock is injectable for the rate
limits (tests move time by hand).
"""
from __future__ import annotations

import time
from pathlib import Path
from typing import AsyncIterator, Awaitable, Callable

from aiohttp import web

from bot import keys, security
from bot.chat import chat
from bot.config import Config
from bot.conversations import ConversationStore
from bot.health import healthz
from bot.rasa_client import RasaClient, http_session
from bot.ratelimit import make_limiter


def create_app(config: Config | None = None, *, clock: Callable[[], float] = time.monotonic) -> web.Application:
    config = config or Config.from_env()
    app = web.Application(client_max_size=config.max_body_bytes)
    app[keys.CONFIG] = config
    redis_url = config.rate_limit_redis_url
    app[keys.SESSION_LIMIT] = make_limiter(redis_url, "session", config.rate_session_burst,
                                           config.rate_session_per_minute, clock)
    app[keys.ADDRESS_LIMIT] = make_limiter(redis_url, "address", config.rate_address_burst,
                                           config.rate_address_per_minute, clock)
    app[keys.CONVERSATIONS] = ConversationStore(config.tracker_store_url)
    security.install(app, config)
    app.cleanup_ctx.append(_http_session)
    app.router.add_post("/api/chat", chat)
    app.router.add_get("/healthz", healthz)
    for path, (name, content_type) in STATIC_FILES.items():
        app.router.add_get(path, _static(name, content_type))
    if config.telegram_webhook:
        from bot.telegram import webhook  # python-telegram-bot is loaded only when the channel is on
        webhook.install(app, config)
    return app


STATIC_DIR = Path(__file__).parent / "static"
STATIC_FILES = {
    "/": ("index.html", "text/html"),
    "/widget.js": ("widget.js", "text/javascript"),
    "/widget.css": ("widget.css", "text/css"),
    "/page.css": ("page.css", "text/css"),
    "/privacy": ("privacy.html", "text/html"),
}


def _static(name: str, content_type: str) -> Callable[[web.Request], Awaitable[web.Response]]:
    """A handler that serves one file of bot/static/ (read on each request: small, and edits show at once)."""
    file = STATIC_DIR / name

    async def handler(request: web.Request) -> web.Response:
        return web.Response(body=file.read_bytes(), content_type=content_type, charset="utf-8",
                            headers={"Cache-Control": "no-cache"})
    return handler


async def _http_session(app: web.Application) -> AsyncIterator[None]:
    config = app[keys.CONFIG]
    session = http_session()
    app[keys.HTTP] = session
    app[keys.RASA] = RasaClient.from_config(session, config)
    yield
    await session.close()
    app[keys.CONVERSATIONS].close()

"""GET /healthz: is Rasa up (GET /status, with RASA_TOKEN when set; else /) and is the action server up (GET /health)?

200 {"rasa": "ok", "actions": "ok"}, or 503 with the reason for the part that fails ("down", "timeout",
"status 500"). Both are asked at the same time, each with a short timeout.
"""
from __future__ import annotations

import asyncio
from urllib.parse import quote

from aiohttp import web

from bot import keys
from bot.rasa_client import probe


async def healthz(request: web.Request) -> web.Response:
    config = request.app[keys.CONFIG]
    session = request.app[keys.HTTP]
    status_url = config.rasa_url + "/status" + (f"?token={quote(config.rasa_token)}" if config.rasa_token else "")
    rasa, actions = await asyncio.gather(
        probe(session, [status_url, config.rasa_url + "/"], config.health_timeout),
        probe(session, [config.actions_url + "/health"], config.health_timeout),
    )
    body = {"rasa": rasa, "actions": actions}
    status = 200 if rasa == actions == "ok" else 503
    return web.json_response(body, status=status, headers={"Cache-Control": "no-store"})

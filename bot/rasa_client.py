"""Talking to Rasa's REST channel and to the health endpoints, and trimming Rasa's answer for the browser.

`RasaClient.send` raises `RasaError` with a `kind` ("connection", "timeout", "status", "bad_json") for anything
but a 200 with a JSON list, so the handler can answer kindly. `clean_messages` keeps only what the widget shows:
text, buttons (title and payload, both strings) and custom messages of type "download".
"""
from __future__ import annotations

import asyncio
from typing import Any

import aiohttp

WEBHOOK_PATH = "/webhooks/rest/webhook"


class RasaError(Exception):
    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind

    @property
    def timed_out(self) -> bool:
        return self.kind == "timeout"


class RasaClient:
    def __init__(self, session: aiohttp.ClientSession, base_url: str, timeout: float) -> None:
        self.session = session
        self.url = base_url.rstrip("/") + WEBHOOK_PATH
        self.timeout = aiohttp.ClientTimeout(total=timeout)

    async def send(self, sender: str, message: str) -> list[Any]:
        """Rasa's raw answer (a list) to one message from `sender`."""
        try:
            async with self.session.post(self.url, json={"sender": sender, "message": message},
                                         timeout=self.timeout) as resp:
                if resp.status != 200:
                    raise RasaError("status", str(resp.status))
                try:
                    data = await resp.json(content_type=None)
                except ValueError as exc:  # json.JSONDecodeError and UnicodeDecodeError are ValueErrors
                    raise RasaError("bad_json", type(exc).__name__) from exc
        except asyncio.TimeoutError as exc:
            raise RasaError("timeout") from exc
        except aiohttp.ClientError as exc:
            raise RasaError("connection", type(exc).__name__) from exc
        if not isinstance(data, list):
            raise RasaError("bad_json", "not a list")
        return data


def _clean_buttons(buttons: Any) -> list[dict[str, str]]:
    if not isinstance(buttons, list):
        return []
    return [{"title": b["title"], "payload": b["payload"]} for b in buttons
            if isinstance(b, dict) and isinstance(b.get("title"), str) and isinstance(b.get("payload"), str)]


def _clean_custom(custom: Any) -> dict[str, str] | None:
    if not isinstance(custom, dict) or custom.get("type") != "download":
        return None
    fields = ("filename", "mime_type", "content")
    if not all(isinstance(custom.get(f), str) for f in fields):
        return None
    return {"type": "download", **{f: custom[f] for f in fields}}


def clean_messages(raw: list[Any]) -> list[dict[str, Any]]:
    """Rasa's messages with only text, buttons and download customs; messages left empty are dropped."""
    messages = []
    for item in raw:
        if not isinstance(item, dict):
            continue
        message: dict[str, Any] = {}
        if isinstance(item.get("text"), str) and item["text"]:
            message["text"] = item["text"]
        buttons = _clean_buttons(item.get("buttons"))
        if buttons:
            message["buttons"] = buttons
        custom = _clean_custom(item.get("custom"))
        if custom:
            message["custom"] = custom
        if message:
            messages.append(message)
    return messages


async def probe(session: aiohttp.ClientSession, urls: list[str], timeout: float) -> str:
    """"ok" when a url answers 200, else a short reason: "down", "timeout" or "status <code>".

    The next url is tried only when the server answered with another status (Rasa's /status wants a token when
    the API is protected; / never does); a server that is down or slow is not asked twice."""
    reason = "down"
    for url in urls:
        try:
            async with session.get(url, timeout=aiohttp.ClientTimeout(total=timeout)) as resp:
                if resp.status == 200:
                    return "ok"
                reason = f"status {resp.status}"
        except asyncio.TimeoutError:
            return "timeout"
        except aiohttp.ClientError:
            return "down"
    return reason

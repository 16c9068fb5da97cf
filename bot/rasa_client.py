"""Talking to Rasa's REST channel and to the health endpoints, and trimming Rasa's answer for the browser.

`RasaClient.send` raises `RasaError` with a `kind` ("connection", "timeout", "status", "bad_json") for anything
but a 200 with a JSON list, so the handler can answer kindly. `clean_messages` keeps only what the widget shows:
text, buttons (title and payload, both strings) and custom messages of type "download" (and the request to
delete the conversation, which the gateway carries out).
"""
from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import aiohttp

if TYPE_CHECKING:
    from bot.config import Config

WEBHOOK_PATH = "/webhooks/rest/webhook"
TURN_KEY = "turn"  # the metadata key of a message's turn id


class RasaError(Exception):
    def __init__(self, kind: str, detail: str = "") -> None:
        super().__init__(f"{kind}: {detail}" if detail else kind)
        self.kind = kind
        self.detail = detail

    @property
    def timed_out(self) -> bool:
        return self.kind == "timeout"

    @property
    def replica_gone(self) -> bool:
        """The connection broke, or the proxy in front of the replicas found none that answered (502, 503):
        the message may or may not have been stored. Rasa's own errors (500) are not guessed at."""
        return self.kind == "connection" or (self.kind == "status" and self.detail in ("502", "503"))


class RasaClient:
    """Rasa's REST channel, and (when Rasa runs with --enable-api) its tracker API to read back a turn.

    `send` with a `turn` id gives each message one answer even when the Rasa replica that took it dies: the id
    goes with the message as metadata and Rasa stores it with the message. When the call fails on the way (the
    connection broke, or nginx answered 502/503 because the replica is gone), the tracker tells whether Rasa
    stored the turn before it failed (Rasa stores a turn at once, after answering it): if it did, its answer is
    read back from the tracker; if not, the message is sent once more. Nothing is lost and nothing is answered
    twice. A timeout is not retried (Rasa may still be busy with the turn); the person can try again, and a
    retry with the same turn id first looks in the tracker (`recorded_answer`)."""

    def __init__(self, session: aiohttp.ClientSession, base_url: str, timeout: float, token: str = "") -> None:
        self.session = session
        self.base_url = base_url.rstrip("/")
        self.url = self.base_url + WEBHOOK_PATH
        self.timeout = aiohttp.ClientTimeout(total=timeout)
        self.token = token

    @classmethod
    def from_config(cls, session: aiohttp.ClientSession, config: "Config") -> "RasaClient":
        return cls(session, config.rasa_url, config.rasa_timeout, config.rasa_token)

    async def send(self, sender: str, message: str, turn: str | None = None) -> list[Any]:
        """Rasa's raw answer (a list) to one message from `sender`; with a turn id, failures on the way are
        recovered as the class says."""
        try:
            return await self._post(sender, message, turn)
        except RasaError as exc:
            if turn is None or not exc.replica_gone:
                raise
        recorded = await self.recorded_answer(sender, turn)
        if recorded is not None:
            return recorded
        return await self._post(sender, message, turn)

    async def _post(self, sender: str, message: str, turn: str | None) -> list[Any]:
        body: dict[str, Any] = {"sender": sender, "message": message}
        headers = {}
        if turn is not None:
            body["metadata"] = {TURN_KEY: turn}
            headers["X-Request-Id"] = turn  # for the logs of a proxy in front of Rasa: which replica took it
        try:
            async with self.session.post(self.url, json=body, headers=headers, timeout=self.timeout) as resp:
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

    async def recorded_answer(self, sender: str, turn: str) -> list[Any] | None:
        """The answer Rasa stored to the message with this turn id, in the REST channel's form; None when Rasa
        has no such turn or its tracker cannot be read."""
        url = f"{self.base_url}/conversations/{quote(sender, safe='')}/tracker"
        params = {"include_events": "AFTER_RESTART"}
        if self.token:
            params["token"] = self.token
        try:
            async with self.session.get(url, params=params, timeout=self.timeout) as resp:
                if resp.status != 200:
                    return None
                tracker = await resp.json(content_type=None)
        except (asyncio.TimeoutError, aiohttp.ClientError, ValueError):
            return None
        events = tracker.get("events") if isinstance(tracker, dict) else None
        return answer_to_turn(events, sender, turn) if isinstance(events, list) else None




def answer_to_turn(events: list[Any], sender: str, turn: str) -> list[Any] | None:
    """The bot messages after the user message with this turn id, up to the next user message, as Rasa's REST
    channel would have sent them; None when no user message has the id."""
    found = None
    for i, event in enumerate(events):
        if (isinstance(event, dict) and event.get("event") == "user"
                and isinstance(event.get("metadata"), dict) and event["metadata"].get(TURN_KEY) == turn):
            found = i
    if found is None:
        return None
    answer = []
    for event in events[found + 1:]:
        if not isinstance(event, dict):
            continue
        if event.get("event") == "user":
            break
        if event.get("event") != "bot":
            continue
        data = event.get("data") if isinstance(event.get("data"), dict) else {}
        message: dict[str, Any] = {"recipient_id": sender}
        if event.get("text"):
            message["text"] = event["text"]
        for key in ("buttons", "custom", "image", "attachment"):
            if data.get(key):
                message[key] = data[key]
        answer.append(message)
    return answer


def _clean_buttons(buttons: Any) -> list[dict[str, str]]:
    if not isinstance(buttons, list):
        return []
    return [{"title": b["title"], "payload": b["payload"]} for b in buttons
            if isinstance(b, dict) and isinstance(b.get("title"), str) and isinstance(b.get("payload"), str)]


def _clean_custom(custom: Any) -> dict[str, str] | None:
    if isinstance(custom, dict) and custom.get("type") == "delete_conversation":
        return {"type": "delete_conversation"}  # carried out by the gateway (bot/conversations.py)
    if isinstance(custom, dict) and custom.get("type") == "safety_line":
        return {"type": "safety_line"}  # keep the help button in view (widget header, Telegram keyboard)
    if not isinstance(custom, dict) or custom.get("type") != "download":
        return None
    fields = ("filename", "mime_type", "content")
    if not all(isinstance(custom.get(f), str) for f in fields):
        return None
    return {"type": "download", **{f: custom[f] for f in fields}}


def clean_messages(raw: list[Any]) -> list[dict[str, Any]]:
    """Rasa's messages with only text, buttons and the customs the channels know (download, delete_conversation,
    safety_line); messages left empty are dropped."""
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


def http_session() -> aiohttp.ClientSession:
    """The gateway's HTTP client session: a new connection for every request, since a kept-alive connection to a
    Rasa replica (or the nginx in front of the replicas) that went away can hang a request; on 127.0.0.1 a
    connection costs well under a millisecond."""
    return aiohttp.ClientSession(raise_for_status=False, connector=aiohttp.TCPConnector(force_close=True))

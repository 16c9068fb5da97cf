"""POST /api/chat: {"session": "<opaque id>", "message": "<text>", "id": "<message id>", "retry": false}
-> {"messages": [...]}. "id" and "retry" are optional: a retry of a message sends its id again with "retry": true,
and gets the answer the assistant already gave, if it did (bot/rasa_client.py, RasaClient).

In order: the address rate limit (before the body is read), the body (a JSON object with a non-empty session of
at most 100 characters and a non-empty message), the session rate limit, the length (a friendly reply, Rasa is
not asked), personal data removed, the session id replaced by its pseudonym, Rasa asked, its answer trimmed.
When something was removed the answer starts with the assistant's privacy reply and carries
"notice": "personal_data_removed". When the
assistant was asked to delete the conversation, the gateway deletes it from the tracker store and says so
("notice": "conversation_deleted"). Rasa failing gives 502 (504 on a timeout) with a kind message and
"retry": true. The message text and the session id are never logged.
"""
from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from bot import keys
from bot.privacy import scrub
from bot.pseudonym import pseudonymise
from bot.rasa_client import RasaError
from bot.ratelimit import Decision
from bot.texts import EMPTY, RASA_DOWN, RASA_SLOW, RATE_LIMITED, TOO_LONG, UNREADABLE
from bot.turn import take_turn

log = logging.getLogger(__name__)

MAX_SESSION_CHARS = 100



def _error(status: int, error: str, message: str, **extra: Any) -> web.Response:
    headers = extra.pop("headers", None)
    return web.json_response({"error": error, "message": message, **extra}, status=status, headers=headers)


def _rate_limited(decision: Decision) -> web.Response:
    seconds = decision.retry_after_seconds
    return _error(429, "rate_limited", RATE_LIMITED, retry_after=seconds, headers={"Retry-After": str(seconds)})


def client_address(request: web.Request, trusted_proxy_hops: int) -> str:
    """The client's address: the connection's, or, behind n trusted proxies, the n-th address from the right in
    X-Forwarded-For (the one the outermost trusted proxy saw)."""
    if trusted_proxy_hops > 0:
        forwarded = [p.strip() for p in request.headers.get("X-Forwarded-For", "").split(",") if p.strip()]
        if len(forwarded) >= trusted_proxy_hops:
            return forwarded[-trusted_proxy_hops]
    return request.remote or "unknown"


@dataclass(frozen=True)
class Incoming:
    session: str
    message: str
    turn: str  # the message's id: the client's (a retry sends the same one) or a new one
    retry: bool


async def _read_body(request: web.Request) -> Incoming | web.Response:
    """The message from the body, or the error response to send."""
    try:
        body = await request.json()
    except web.HTTPRequestEntityTooLarge:
        return _error(413, "too_large", TOO_LONG)
    except (ValueError, UnicodeDecodeError):
        return _error(400, "bad_json", UNREADABLE)
    if not isinstance(body, dict):
        return _error(400, "bad_request", UNREADABLE)
    session, message = body.get("session"), body.get("message")
    if not isinstance(session, str) or not session.strip() or len(session) > MAX_SESSION_CHARS:
        return _error(400, "bad_session", UNREADABLE)
    if not isinstance(message, str):
        return _error(400, "bad_message", UNREADABLE)
    if not message.strip():
        return _error(400, "empty_message", EMPTY)
    turn = body.get("id")
    if not isinstance(turn, str) or not turn.strip() or len(turn) > MAX_SESSION_CHARS:
        turn = None
    return Incoming(session, message, turn or uuid.uuid4().hex, turn is not None and body.get("retry") is True)


async def chat(request: web.Request) -> web.Response:
    app = request.app
    config = app[keys.CONFIG]
    started = time.monotonic()

    decision = await app[keys.ADDRESS_LIMIT].take(client_address(request, config.trusted_proxy_hops))
    if not decision.allowed:
        log.info("chat refused: address rate limit")
        return _rate_limited(decision)

    parsed = await _read_body(request)
    if isinstance(parsed, web.Response):
        return parsed
    message = parsed.message
    sender = pseudonymise(parsed.session, config.session_secret)

    decision = await app[keys.SESSION_LIMIT].take(sender)
    if not decision.allowed:
        log.info("chat refused: session rate limit")
        return _rate_limited(decision)

    if len(message) > config.max_message_chars:
        log.info("chat: message too long (%d characters)", len(message))
        return web.json_response({"messages": [{"text": TOO_LONG}], "notice": "message_too_long"})

    clean, kinds = scrub(message)
    try:
        # a retry of a message the assistant already answered gets that answer, not a second one
        answer = await take_turn(app[keys.RASA], app[keys.CONVERSATIONS], sender, clean, kinds, parsed.turn,
                                 look_up_first=parsed.retry)
    except RasaError as exc:
        log.warning("chat: Rasa failed (%s)", exc)
        if exc.timed_out:
            return _error(504, "rasa_timeout", RASA_SLOW, retry=True)
        return _error(502, "rasa_unavailable", RASA_DOWN, retry=True)

    messages = answer.messages
    if answer.empty:
        log.warning("chat: Rasa gave no answer")
        messages = messages + [{"text": RASA_DOWN}]
    body: dict[str, Any] = {"messages": messages}
    if answer.deleted:  # the widget forgets its copy of the conversation too
        body["notice"] = "conversation_deleted"
    elif kinds:
        body["notice"] = "personal_data_removed"
    log.info("chat ok: %d messages, removed %s, %d ms", len(messages), ",".join(kinds) or "nothing",
             (time.monotonic() - started) * 1000)
    return web.json_response(body)

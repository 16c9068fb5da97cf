"""POST /api/chat: {"session": "<opaque id>", "message": "<text>"} -> {"messages": [...]}.

In order: the address rate limit (before the body is read), the body (a JSON object with a non-empty session of
at most 100 characters and a non-empty message), the session rate limit, the length (a friendly reply, Rasa is
not asked), personal data removed, the session id replaced by its pseudonym, Rasa asked, its answer trimmed.
When something was removed the answer starts with the assistant's privacy reply and carries
"notice": "personal_data_removed". Rasa failing gives 502 (504 on a timeout) with a kind message and
"retry": true. The message text and the session id are never logged.
"""
from __future__ import annotations

import logging
import time
from typing import Any

from aiohttp import web

from bot import keys
from bot.privacy import PRIVACY_REPLY, scrub
from bot.pseudonym import pseudonymise
from bot.rasa_client import RasaError, clean_messages
from bot.ratelimit import Decision

log = logging.getLogger(__name__)

MAX_SESSION_CHARS = 100

UNREADABLE = "Ik kan dit bericht niet lezen. Laad de pagina opnieuw en probeer het nog eens."
EMPTY = "Je bericht is leeg. Typ eerst je vraag."
TOO_LONG = "Je bericht is te lang. Stel je vraag in een paar zinnen."
RATE_LIMITED = "Je stuurt veel berichten kort na elkaar. Wacht even en probeer het dan opnieuw."
LMZ = "Wil je nu iemand spreken over een klacht over de zorg? Bel dan het Landelijk Meldpunt Zorg: 088 - 120 50 20."
URGENT = "Is het dringend? Bel dan 112 of je huisarts."
RASA_DOWN = f"Het lukt nu even niet om je vraag te beantwoorden. Probeer het over een paar minuten opnieuw. {LMZ} {URGENT}"
RASA_SLOW = f"Het duurt nu te lang om je vraag te beantwoorden. Probeer het over een paar minuten opnieuw. {LMZ} {URGENT}"


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


async def _read_body(request: web.Request) -> tuple[str, str] | web.Response:
    """(session, message) from the body, or the error response to send."""
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
    return session, message


async def chat(request: web.Request) -> web.Response:
    app = request.app
    config = app[keys.CONFIG]
    started = time.monotonic()

    decision = app[keys.ADDRESS_LIMIT].hit(client_address(request, config.trusted_proxy_hops))
    if not decision.allowed:
        log.info("chat refused: address rate limit")
        return _rate_limited(decision)

    parsed = await _read_body(request)
    if isinstance(parsed, web.Response):
        return parsed
    session, message = parsed
    sender = pseudonymise(session, config.session_secret)

    decision = app[keys.SESSION_LIMIT].hit(sender)
    if not decision.allowed:
        log.info("chat refused: session rate limit")
        return _rate_limited(decision)

    if len(message) > config.max_message_chars:
        log.info("chat: message too long (%d characters)", len(message))
        return web.json_response({"messages": [{"text": TOO_LONG}], "notice": "message_too_long"})

    clean, kinds = scrub(message)
    try:
        raw = await app[keys.RASA].send(sender, clean)
    except RasaError as exc:
        log.warning("chat: Rasa failed (%s)", exc)
        if exc.timed_out:
            return _error(504, "rasa_timeout", RASA_SLOW, retry=True)
        return _error(502, "rasa_unavailable", RASA_DOWN, retry=True)

    messages = clean_messages(raw)
    body: dict[str, Any] = {"messages": messages}
    if kinds:
        body["messages"] = [{"text": PRIVACY_REPLY}] + [m for m in messages if m.get("text") != PRIVACY_REPLY]
        body["notice"] = "personal_data_removed"
    log.info("chat ok: %d messages, removed %s, %d ms", len(messages), ",".join(kinds) or "nothing",
             (time.monotonic() - started) * 1000)
    return web.json_response(body)

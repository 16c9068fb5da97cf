"""Rasa's button payloads as Telegram callback_data (at most 64 bytes), and back.

Rasa's payloads are up to about 70 characters (`/inform{"route_complained": "ontevreden"}`), too long for
callback_data, so they are encoded:

    i<tag><slot>=<value>   a payload of the form /inform{"slot": "value"} (every form button), when it fits
    p<tag><payload>        any other payload that fits (/start_complaint_route, "Is een zwijgcontract geldig?")
    s<key>                 a payload that does not fit: a key into a bounded store in this process
    r<key>                 "try again" after a failure: a key to the person's (already scrubbed) message

<tag> is 8 characters of an HMAC-SHA256 under a key derived from SESSION_SECRET, over the kind and the rest, so
the gateway only sends Rasa payloads it made itself. Both "i" and "p" are deterministic: any replica of the
gateway with the same SESSION_SECRET decodes them, after a restart too. The real payloads of this assistant
all fit.

The store ("s", "r") lives in one process and keeps the newest `max_stored` entries. With several replicas a
key only resolves on the replica that made it (route a chat to one replica, or share the store). A key that
cannot be resolved gives None: the person gets a kind text that the button no longer works. For "r" the
handler has a second way that works on any replica: the apology answers the person's message as a reply, and
Telegram sends that message along with the button press (bot.telegram.handlers).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
from collections import OrderedDict

MAX_DATA_BYTES = 64
TAG_CHARS = 8
_INFORM_PREFIX = "/inform"


def _derive(secret: str | bytes) -> bytes:
    key = secret.encode() if isinstance(secret, str) else secret
    if not key:
        raise ValueError("the secret must not be empty")
    return hmac.new(key, b"telegram callback_data", hashlib.sha256).digest()


def _inform_parts(payload: str) -> tuple[str, str] | None:
    """(slot, value) when the payload is exactly /inform{"slot": "value"} as Rasa's buttons write it."""
    if not payload.startswith(_INFORM_PREFIX + "{"):
        return None
    try:
        entities = json.loads(payload[len(_INFORM_PREFIX):])
    except ValueError:
        return None
    if not isinstance(entities, dict) or len(entities) != 1:
        return None
    (slot, value), = entities.items()
    if not isinstance(value, str) or "=" in slot or _inform(slot, value) != payload:
        return None
    return slot, value


def _inform(slot: str, value: str) -> str:
    return _INFORM_PREFIX + json.dumps({slot: value}, ensure_ascii=False)


class ButtonCodec:
    def __init__(self, secret: str | bytes, max_stored: int = 10_000) -> None:
        self._key = _derive(secret)
        self.max_stored = max_stored
        self._store: OrderedDict[str, str] = OrderedDict()  # "s…"/"r…" -> text

    def __len__(self) -> int:
        return len(self._store)

    def _tag(self, kind: str, body: str) -> str:
        mac = hmac.new(self._key, (kind + body).encode("utf-8"), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac).decode()[:TAG_CHARS]

    def _signed(self, kind: str, body: str) -> str | None:
        data = kind + self._tag(kind, body) + body
        return data if len(data.encode("utf-8")) <= MAX_DATA_BYTES else None

    def _keep(self, kind: str, text: str) -> str:
        data = kind + secrets.token_urlsafe(12)
        self._store[data] = text
        while len(self._store) > self.max_stored:
            self._store.popitem(last=False)
        return data

    def encode(self, payload: str) -> str:
        """callback_data for a button with this payload."""
        inform = _inform_parts(payload)
        if inform is not None:
            data = self._signed("i", f"{inform[0]}={inform[1]}")
            if data:
                return data
        return self._signed("p", payload) or self._keep("s", payload)

    def retry(self, text: str) -> str:
        """callback_data for "try again": sends `text` (already scrubbed) to Rasa once more."""
        return self._keep("r", text)

    def decode(self, data: str) -> str | None:
        """The text to send to Rasa for this callback_data; None when it is not ours or no longer known."""
        if not data:
            return None
        kind = data[0]
        if kind in "sr":
            return self._store.get(data)
        if kind not in "ip" or len(data) <= TAG_CHARS:
            return None
        tag, body = data[1:1 + TAG_CHARS], data[1 + TAG_CHARS:]
        if not hmac.compare_digest(tag.encode(), self._tag(kind, body).encode()):
            return None
        if kind == "p":
            return body
        slot, _, value = body.partition("=")
        return _inform(slot, value)

    @staticmethod
    def is_retry(data: str) -> bool:
        return data.startswith("r")

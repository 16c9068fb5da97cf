"""Pseudonyms: Rasa sees a keyed hash of the browser's session id or the Telegram chat id, never the id itself.

The same id with the same secret always gives the same pseudonym (so a conversation continues), and without
the secret nobody can link a pseudonym back to a browser or a chat. The prefix names the channel ("web-",
"tg-"), so the two can never share a conversation.
"""
from __future__ import annotations

import hashlib
import hmac

PREFIX = "web-"
TELEGRAM_PREFIX = "tg-"


def pseudonymise(session_id: str, secret: str | bytes, prefix: str = PREFIX) -> str:
    """The prefix ('web-' unless told) followed by the hex HMAC-SHA256 of the id under the secret."""
    key = secret.encode() if isinstance(secret, str) else secret
    if not key:
        raise ValueError("the secret must not be empty")
    digest = hmac.new(key, session_id.encode("utf-8"), hashlib.sha256).hexdigest()
    return prefix + digest

"""The conversations Rasa keeps, as the gateway sees them: deleting one on request, and deleting old ones.

Rasa's SQLTrackerStore keeps every event of a conversation as a row of the table `events`, keyed by `sender_id`
(here always a pseudonym) with a Unix `timestamp`. The gateway reaches the same database as Rasa through
TRACKER_STORE_URL (a SQLAlchemy URL: sqlite:///.rasa/tracker.db by default, postgresql://… in production).

A deletion happens after Rasa has answered and stored the turn, so Rasa never writes the conversation back
(actions/privacy.py explains why the action server cannot do it). Retention deletes whole conversations whose
last event is older than the given number of days: `python -m bot.retention`.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import sqlalchemy as sa

from bot.config import DEFAULT_TRACKER_STORE_URL

DEFAULT_URL = DEFAULT_TRACKER_STORE_URL
DELETE_REQUEST_TYPE = "delete_conversation"

_events = sa.table("events", sa.column("sender_id"), sa.column("timestamp"))


@dataclass(frozen=True)
class Purged:
    conversations: int
    events: int


class ConversationStore:
    def __init__(self, url: str = DEFAULT_URL) -> None:
        self.url = url
        self._engine: sa.engine.Engine | None = None

    @property
    def engine(self) -> sa.engine.Engine:
        if self._engine is None:  # made on first use: the gateway starts even while the database is away
            self._engine = sa.create_engine(self.url, pool_pre_ping=True, future=True)
        return self._engine

    def delete_sync(self, sender_id: str) -> int:
        """Deletes every event of one conversation; how many are left (0: it is gone). Rasa makes the table
        before it can ask for a deletion, so a missing table means a wrong database: an error, not "gone"."""
        of_sender = _events.c.sender_id == sender_id
        with self.engine.begin() as conn:
            conn.execute(sa.delete(_events).where(of_sender))
            return conn.execute(sa.select(sa.func.count()).select_from(_events).where(of_sender)).scalar_one()

    def count_sync(self, sender_id: str) -> int:
        """How many events of the conversation are stored."""
        with self.engine.connect() as conn:
            query = sa.select(sa.func.count()).select_from(_events).where(_events.c.sender_id == sender_id)
            return conn.execute(query).scalar_one()

    def purge_sync(self, days: float, now: float | None = None) -> Purged:
        """Deletes every conversation whose last event is more than `days` days old."""
        if days <= 0:
            raise ValueError("days must be positive")
        cutoff = (time.time() if now is None else now) - days * 86400
        with self.engine.begin() as conn:
            if not sa.inspect(conn).has_table("events"):  # Rasa has not stored anything yet
                return Purged(0, 0)
            old = (sa.select(_events.c.sender_id).group_by(_events.c.sender_id)
                   .having(sa.func.max(_events.c.timestamp) < cutoff))
            senders = [row[0] for row in conn.execute(old)]
            events = 0
            for start in range(0, len(senders), 500):
                batch = senders[start:start + 500]
                events += conn.execute(sa.delete(_events).where(_events.c.sender_id.in_(batch))).rowcount
            return Purged(len(senders), events)

    async def delete(self, sender_id: str) -> int:
        return await asyncio.to_thread(self.delete_sync, sender_id)

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()


DELETED = ("Je gesprek is gewist. Ook ik weet niet meer wat je hebt gevraagd. "
           "Heb je nog een vraag? Dan begin je een nieuw gesprek.")
DELETE_FAILED = ("Het wissen is nu niet gelukt. Probeer het over een paar minuten opnieuw. "
                 "Na 30 dagen wissen we het gesprek altijd.")


def _is_delete_request(message: dict) -> bool:
    custom = message.get("custom")
    return isinstance(custom, dict) and custom.get("type") == DELETE_REQUEST_TYPE


async def carry_out_deletion(store: ConversationStore, sender_id: str,
                             messages: list[dict]) -> tuple[list[dict], bool]:
    """Rasa's messages, with a request to delete the conversation carried out and replaced by its outcome;
    (messages, whether the conversation is now gone)."""
    if not any(_is_delete_request(m) for m in messages):
        return messages, False
    rest = [m for m in messages if not _is_delete_request(m)]
    try:
        gone = await store.delete(sender_id) == 0
    except sa.exc.SQLAlchemyError:
        gone = False
    return rest + [{"text": DELETED if gone else DELETE_FAILED}], gone

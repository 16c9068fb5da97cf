"""Rasa's RedisLockStore, with one fault mended: a message waiting for a conversation whose lock is held by a
replica that died could wait for ever.

Rasa serves the messages of one conversation in ticket order. A ticket runs out after TICKET_LOCK_LIFETIME
seconds, so a dead replica's ticket is dropped in time. But the waiting message's own ticket runs out too, and
Rasa 3.6 then keeps waiting for its turn, which never comes (`_acquire_lock` only stops when the whole lock is
gone). That happens whenever the waiting message took its ticket less than a second (one poll) after the dead
one: exactly the case of a message sent again at once after its replica died. Here a message whose ticket ran
out while waiting takes a new one, and is served as soon as the tickets before it have run out.

endpoints.yml:  lock_store: {type: serving.lock_store.RedisLockStore, url: …, port: …, db: …}
(LOCK_STORE_TYPE=serving.lock_store.RedisLockStore in production).
"""
from __future__ import annotations

import asyncio
from contextlib import asynccontextmanager
from typing import AsyncGenerator, Optional, Text

from rasa.core import lock_store as rasa_lock_store
from rasa.core.lock import TicketLock
from rasa.utils.endpoints import EndpointConfig


class RedisLockStore(rasa_lock_store.RedisLockStore):
    def __init__(self, endpoint_config: Optional[EndpointConfig] = None, **kwargs) -> None:
        if endpoint_config is not None:  # how Rasa makes a lock store named by its module path
            kwargs = {**endpoint_config.kwargs, **kwargs}
            kwargs.setdefault("host", endpoint_config.url or "localhost")
            if "port" in kwargs:
                kwargs["port"] = int(kwargs["port"])
            if "db" in kwargs:
                kwargs["db"] = int(kwargs["db"])
            kwargs["password"] = kwargs.get("password") or None
        super().__init__(**kwargs)

    @asynccontextmanager
    async def lock(self, conversation_id: Text, lock_lifetime: float = rasa_lock_store.LOCK_LIFETIME,
                   wait_time_in_seconds: float = 1) -> AsyncGenerator[TicketLock, None]:
        ticket = self.issue_ticket(conversation_id, lock_lifetime)
        try:
            while True:
                lock = self.get_lock(conversation_id)
                if lock is None or not lock.is_locked(ticket):
                    break
                if ticket not in (t.number for t in lock.tickets):  # ran out while waiting: queue again
                    self.finish_serving(conversation_id, ticket)
                    ticket = self.issue_ticket(conversation_id, lock_lifetime)
                    continue
                await asyncio.sleep(wait_time_in_seconds)
                self.update_lock(conversation_id)
            yield lock if lock is not None else self.create_lock(conversation_id)
        finally:
            self.cleanup(conversation_id, ticket)

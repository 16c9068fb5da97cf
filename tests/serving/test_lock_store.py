"""serving/lock_store.py against the machine's Redis: a conversation whose lock a dead replica holds is served
once that replica's ticket runs out, also when the waiting message's own ticket ran out as well."""
import asyncio
import time
import uuid

import pytest
import redis
from rasa.core import lock_store as rasa_lock_store
from rasa.utils.endpoints import EndpointConfig

from serving.lock_store import RedisLockStore


def _redis_up() -> bool:
    try:
        return redis.Redis(host="127.0.0.1", port=6379, socket_timeout=1).ping()
    except redis.RedisError:
        return False


pytestmark = pytest.mark.skipif(not _redis_up(), reason="Redis is not running on 127.0.0.1:6379")
CONFIG = EndpointConfig(url="127.0.0.1", type="serving.lock_store.RedisLockStore", port="6379", db="4",
                        password="", key_prefix="locktest")


def test_rasa_makes_it_from_the_endpoint_config():
    store = rasa_lock_store.LockStore.create(CONFIG)
    assert isinstance(store, RedisLockStore)
    assert store.red.connection_pool.connection_kwargs["db"] == 4


async def _wait_behind_a_dead_ticket(store, lifetime):
    conversation = "c-" + uuid.uuid4().hex
    store.issue_ticket(conversation, lifetime)  # a replica took the lock, then died: nobody finishes it
    started = time.monotonic()

    async def turn():
        async with store.lock(conversation, lock_lifetime=lifetime, wait_time_in_seconds=0.2):
            return time.monotonic() - started
    return await asyncio.wait_for(turn(), timeout=lifetime * 4)


async def test_a_message_behind_a_dead_replicas_ticket_is_served_when_that_ticket_runs_out():
    waited = await _wait_behind_a_dead_ticket(RedisLockStore(CONFIG), lifetime=1.0)
    assert 0.8 <= waited < 3


async def test_rasas_own_lock_store_waits_for_ever_there():
    # the fault the subclass mends: both tickets run out in the same poll, and Rasa keeps waiting
    store = rasa_lock_store.RedisLockStore(host="127.0.0.1", db=4, key_prefix="locktest")
    with pytest.raises(asyncio.TimeoutError):
        await _wait_behind_a_dead_ticket(store, lifetime=1.0)


async def test_messages_of_one_conversation_still_take_turns():
    store = RedisLockStore(CONFIG)
    conversation = "c-" + uuid.uuid4().hex
    order = []

    async def turn(name, hold):
        async with store.lock(conversation, lock_lifetime=5, wait_time_in_seconds=0.05):
            order.append(f"{name} in")
            await asyncio.sleep(hold)
            order.append(f"{name} out")
    await asyncio.gather(turn("a", 0.3), turn("b", 0.0))
    assert order in (["a in", "a out", "b in", "b out"], ["b in", "b out", "a in", "a out"])

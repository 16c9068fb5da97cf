"""Token buckets, one per key (a session pseudonym, a client address, a Telegram chat): in memory for one gateway
(`RateLimiter`), or in Redis when several gateway replicas share them (`SharedRateLimiter`).

Each bucket holds at most `burst` tokens and refills at `per_minute` tokens a minute; a request takes one token.
The clock is injectable so tests can move time. The number of buckets is capped: the least recently used one
goes first (it would be nearly full again anyway).
"""
from __future__ import annotations

import logging
import math
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable, Union

from redis.exceptions import RedisError

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: float = 0.0  # seconds until a token is available again

    @property
    def retry_after_seconds(self) -> int:
        """Whole seconds for a Retry-After header: rounded up, at least 1."""
        return max(1, math.ceil(self.retry_after))


class RateLimiter:
    def __init__(self, burst: int, per_minute: float, clock: Callable[[], float] = time.monotonic,
                 max_keys: int = 10_000) -> None:
        if burst < 1 or per_minute <= 0:
            raise ValueError("burst must be at least 1 and per_minute positive")
        self.burst = float(burst)
        self.rate = per_minute / 60.0  # tokens a second
        self.clock = clock
        self.max_keys = max_keys
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key -> (tokens, last time)

    def __len__(self) -> int:
        return len(self._buckets)

    def hit(self, key: str, cost: float = 1.0) -> Decision:
        """Take `cost` tokens from the key's bucket if it has them."""
        now = self.clock()
        tokens, last = self._buckets.get(key, (self.burst, now))
        tokens = min(self.burst, tokens + max(0.0, now - last) * self.rate)
        if tokens >= cost:
            self._store(key, tokens - cost, now)
            return Decision(True)
        self._store(key, tokens, now)
        return Decision(False, (cost - tokens) / self.rate)

    def _store(self, key: str, tokens: float, now: float) -> None:
        self._buckets[key] = (tokens, now)
        self._buckets.move_to_end(key)
        while len(self._buckets) > self.max_keys:
            self._buckets.popitem(last=False)

    async def take(self, key: str, cost: float = 1.0) -> Decision:
        """`hit`, in the form every limiter has (the shared one asks Redis)."""
        return self.hit(key, cost)


# The same token bucket, kept in Redis so that every gateway replica counts against one bucket per key. The
# script runs at once in Redis and uses Redis' clock, so replicas never disagree.
_BUCKET = """
local burst, rate, cost = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) + tonumber(t[2]) / 1000000
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or burst
local at = tonumber(state[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local allowed, wait = 0, 0
if tokens >= cost then
  tokens = tokens - cost
  allowed = 1
else
  wait = (cost - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('EXPIRE', KEYS[1], math.ceil(burst / rate) + 1)
return {allowed, tostring(wait)}
"""


class SharedRateLimiter:
    """Token buckets in Redis (RATE_LIMIT_REDIS_URL), shared by the gateway replicas. When Redis cannot be
    reached the request is let through (and a warning logged): the assistant stays up, unlimited for a while."""

    def __init__(self, client, name: str, burst: int, per_minute: float) -> None:
        if burst < 1 or per_minute <= 0:
            raise ValueError("burst must be at least 1 and per_minute positive")
        self.client = client  # a redis.asyncio.Redis
        self.prefix = f"assistant:rate:{name}:"
        self.burst = float(burst)
        self.rate = per_minute / 60.0
        self.script = client.register_script(_BUCKET)

    async def take(self, key: str, cost: float = 1.0) -> Decision:
        try:
            allowed, wait = await self.script(keys=[self.prefix + key], args=[self.burst, self.rate, cost])
        except (RedisError, OSError) as exc:
            log.warning("rate limit: Redis cannot be reached (%s); letting the request through", type(exc).__name__)
            return Decision(True)
        return Decision(bool(int(allowed)), float(wait))


Limiter = Union[RateLimiter, SharedRateLimiter]
_CLIENTS: dict[str, object] = {}


def make_limiter(redis_url: str, name: str, burst: int, per_minute: float,
                 clock: Callable[[], float] = time.monotonic) -> Limiter:
    """A limiter in Redis when `redis_url` is set (one client per URL), else in memory."""
    if not redis_url:
        return RateLimiter(burst, per_minute, clock)
    if redis_url not in _CLIENTS:
        import redis.asyncio
        _CLIENTS[redis_url] = redis.asyncio.from_url(redis_url, socket_timeout=0.5, socket_connect_timeout=0.5)
    return SharedRateLimiter(_CLIENTS[redis_url], name, burst, per_minute)

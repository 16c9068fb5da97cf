"""Token buckets in memory, one per key (a session pseudonym or a client address).

Each bucket holds at most `burst` tokens and refills at `per_minute` tokens a minute; a request takes one token.
The clock is injectable so tests can move time. The number of buckets is capped: the least recently used one
goes first (it would be nearly full again anyway).
"""
from __future__ import annotations

import math
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Callable


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

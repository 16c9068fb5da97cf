"""bot.ratelimit: token buckets with an injected clock."""
import pytest

from bot.ratelimit import Decision, RateLimiter


class Clock:
    def __init__(self):
        self.now = 50.0

    def __call__(self):
        return self.now


def test_burst_then_refused_with_retry_after():
    clock = Clock()
    limiter = RateLimiter(burst=3, per_minute=6, clock=clock)  # one token per 10 s
    assert [limiter.hit("a").allowed for _ in range(3)] == [True, True, True]
    refused = limiter.hit("a")
    assert not refused.allowed
    assert refused.retry_after == pytest.approx(10.0)
    assert refused.retry_after_seconds == 10


def test_refills_with_time_but_not_beyond_burst():
    clock = Clock()
    limiter = RateLimiter(burst=2, per_minute=60, clock=clock)  # one token a second
    assert limiter.hit("a").allowed and limiter.hit("a").allowed
    assert not limiter.hit("a").allowed
    clock.now += 0.5
    d = limiter.hit("a")
    assert not d.allowed and d.retry_after == pytest.approx(0.5)
    clock.now += 0.5
    assert limiter.hit("a").allowed
    clock.now += 3600  # a long pause gives back only the burst
    assert [limiter.hit("a").allowed for _ in range(3)] == [True, True, False]


def test_keys_are_independent():
    limiter = RateLimiter(burst=1, per_minute=1, clock=Clock())
    assert limiter.hit("a").allowed
    assert not limiter.hit("a").allowed
    assert limiter.hit("b").allowed


def test_refused_hits_do_not_push_the_wait_further():
    clock = Clock()
    limiter = RateLimiter(burst=1, per_minute=60, clock=clock)
    limiter.hit("a")
    for _ in range(5):
        assert not limiter.hit("a").allowed
    clock.now += 1
    assert limiter.hit("a").allowed


def test_clock_going_back_gives_no_tokens():
    clock = Clock()
    limiter = RateLimiter(burst=1, per_minute=60, clock=clock)
    limiter.hit("a")
    clock.now -= 100
    assert not limiter.hit("a").allowed


def test_number_of_buckets_is_capped_least_recent_first():
    limiter = RateLimiter(burst=1, per_minute=1, clock=Clock(), max_keys=2)
    limiter.hit("a")
    limiter.hit("b")
    limiter.hit("a")  # a is now the most recent
    limiter.hit("c")  # b goes
    assert len(limiter) == 2
    assert not limiter.hit("a").allowed
    assert limiter.hit("b").allowed  # a fresh bucket


def test_retry_after_seconds_rounds_up_to_at_least_one():
    assert Decision(False, 0.01).retry_after_seconds == 1
    assert Decision(False, 2.2).retry_after_seconds == 3


@pytest.mark.parametrize("burst, per_minute", [(0, 10), (1, 0), (1, -1)])
def test_bad_settings(burst, per_minute):
    with pytest.raises(ValueError):
        RateLimiter(burst, per_minute)


# --- shared by the gateway replicas, in the machine's Redis ----------------------------------------------------
def _redis_up() -> bool:
    import redis
    try:
        return redis.Redis(host="127.0.0.1", port=6379, socket_timeout=1).ping()
    except redis.RedisError:
        return False


needs_redis = pytest.mark.skipif(not _redis_up(), reason="Redis is not running on 127.0.0.1:6379")


@needs_redis
async def test_two_gateways_share_one_bucket_per_key():
    import uuid

    import redis.asyncio
    from bot.ratelimit import SharedRateLimiter
    name = "test-" + uuid.uuid4().hex
    first = redis.asyncio.from_url("redis://127.0.0.1:6379/5")
    second = redis.asyncio.from_url("redis://127.0.0.1:6379/5")  # another replica, its own connection
    a = SharedRateLimiter(first, name, burst=3, per_minute=6)
    b = SharedRateLimiter(second, name, burst=3, per_minute=6)
    assert [(await x.take("web-1")).allowed for x in (a, b, a)] == [True, True, True]
    refused = await b.take("web-1")
    assert not refused.allowed and 9 < refused.retry_after <= 10  # one token per 10 s
    assert (await a.take("web-2")).allowed  # another key, its own bucket
    await first.close()
    await second.close()


async def test_without_redis_requests_go_through():
    import redis.asyncio
    from bot.ratelimit import SharedRateLimiter
    from .conftest import closed_port
    client = redis.asyncio.from_url(f"redis://127.0.0.1:{closed_port()}/0", socket_connect_timeout=0.5)
    assert (await SharedRateLimiter(client, "x", burst=1, per_minute=1).take("web-1")).allowed


def test_make_limiter_picks_memory_or_redis():
    from bot.ratelimit import SharedRateLimiter, make_limiter
    assert isinstance(make_limiter("", "session", 2, 10), RateLimiter)
    assert isinstance(make_limiter("redis://127.0.0.1:6379/5", "session", 2, 10), SharedRateLimiter)

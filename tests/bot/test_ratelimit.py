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

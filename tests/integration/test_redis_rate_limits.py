"""The Redis rate limiter tells a slow worker from a silent Redis."""

import asyncio
import time
import uuid

from adapters.metrics import RATE_LIMIT_FALLBACKS
from adapters.rate_limits import LimitsRateLimiter
from application.ports.rate_limits import Quota


async def test_a_busy_worker_keeps_counting_in_redis(redis_url: str) -> None:
    # A flood keeps a worker's event loop busy; answers Redis sent in time then wait their
    # turn. Had that counted as Redis failing, each worker would count alone in memory and
    # let through the limit once per worker.
    prefix = uuid.uuid4().hex
    limiter, other_worker = (LimitsRateLimiter(redis_url, key_prefix=prefix) for _ in range(2))
    quota = Quota("busy", 10, 60)
    before = RATE_LIMIT_FALLBACKS._value.get()

    async def hold_the_loop() -> None:
        await asyncio.sleep(0)  # let every decision send its command first
        time.sleep(1.0)  # noqa: ASYNC251  # blocking the loop is the point

    holding = asyncio.create_task(hold_the_loop())
    decisions = await asyncio.gather(*(limiter.hit(quota, "client") for _ in range(20)))
    await holding
    assert RATE_LIMIT_FALLBACKS._value.get() == before
    assert sum(decision.allowed for decision in decisions) == 10
    assert not (await other_worker.hit(quota, "client")).allowed

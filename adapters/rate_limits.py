"""Rate limits on the `limits` package: fixed windows whose every decision is one atomic
operation (a Lua script on Redis), so the limit holds across workers and hosts."""

import logging
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from limits import RateLimitItem, RateLimitItemPerSecond
from limits.aio.storage import MemoryStorage, RedisStorage
from limits.aio.strategies import FixedWindowRateLimiter
from limits.errors import StorageError
from redis.asyncio import BlockingConnectionPool
from redis.exceptions import RedisError

from adapters.metrics import RATE_LIMIT_FALLBACKS
from application.ports.rate_limits import Quota, RateDecision, RateLimiter

log = logging.getLogger(__name__)
T = TypeVar("T")

REDIS_FAILURES = (RedisError, StorageError, OSError, TimeoutError)


class LimitsRateLimiter(RateLimiter):
    """Counts in Redis when given a URL, else in this process's memory (enough for one
    worker). If Redis stops answering, decisions fall back to memory, with a warning once
    and a count in `conduit_rate_limit_fallbacks`; Redis is tried again after a pause."""

    RETRY_REDIS_AFTER = 10.0
    CONNECTIONS = 32

    def __init__(
        self, redis_url: str | None, *, key_prefix: str = "conduit", timeout: float = 2.0
    ) -> None:
        self._memory = FixedWindowRateLimiter(MemoryStorage())
        self._redis = None
        if redis_url:
            # A burst waits (up to `timeout`) for one of a few connections rather than
            # opening hundreds. A refused connection fails over at once; `timeout` is only
            # for a Redis that hangs, so it is long enough that a worker too busy to read
            # answers in time does not take healthy Redis for a silent one.
            pool = BlockingConnectionPool.from_url(
                redis_url,
                max_connections=self.CONNECTIONS,
                timeout=timeout,
                socket_timeout=timeout,
                socket_connect_timeout=timeout,
            )
            storage = RedisStorage(
                "async+" + redis_url,
                implementation="redispy",
                key_prefix=key_prefix,
                connection_pool=pool,  # type: ignore[arg-type]  # documented, mistyped
            )
            self._redis = FixedWindowRateLimiter(storage)
        self._redis_down_until = 0.0

    async def hit(self, quota: Quota, key: str) -> RateDecision:
        item = _item(quota)

        async def decide(limiter: FixedWindowRateLimiter) -> RateDecision:
            allowed = await limiter.hit(item, quota.name, key)
            return await _decision(limiter, item, quota, key, allowed)

        return await self._with_storage(decide)

    async def peek(self, quota: Quota, key: str) -> RateDecision:
        item = _item(quota)

        async def decide(limiter: FixedWindowRateLimiter) -> RateDecision:
            allowed = await limiter.test(item, quota.name, key)
            return await _decision(limiter, item, quota, key, allowed)

        return await self._with_storage(decide)

    async def clear(self, quota: Quota, key: str) -> None:
        item = _item(quota)

        async def forget(limiter: FixedWindowRateLimiter) -> None:
            await limiter.clear(item, quota.name, key)

        await self._with_storage(forget)

    async def redis_answers(self) -> bool | None:
        """Whether the shared store answers; None when there is none (memory only)."""
        if self._redis is None:
            return None
        try:
            return bool(await self._redis.storage.check())
        except REDIS_FAILURES:
            return False

    async def _with_storage(self, use: Callable[[FixedWindowRateLimiter], Awaitable[T]]) -> T:
        if self._redis is not None and time.monotonic() >= self._redis_down_until:
            try:
                result = await use(self._redis)
            except REDIS_FAILURES as error:
                if self._redis_down_until == 0.0:
                    log.warning(
                        "Redis does not answer (%s); rate limits count in this process "
                        "only until it does",
                        type(error).__name__,
                    )
                self._redis_down_until = time.monotonic() + self.RETRY_REDIS_AFTER
            else:
                if self._redis_down_until:
                    log.warning("Redis answers again; rate limits are shared again")
                    self._redis_down_until = 0.0
                return result
        if self._redis is not None:
            RATE_LIMIT_FALLBACKS.inc()
        return await use(self._memory)


def _item(quota: Quota) -> RateLimitItem:
    return RateLimitItemPerSecond(quota.amount, quota.seconds)


async def _decision(
    limiter: FixedWindowRateLimiter, item: RateLimitItem, quota: Quota, key: str, allowed: bool
) -> RateDecision:
    stats = await limiter.get_window_stats(item, quota.name, key)
    return RateDecision(
        allowed=allowed,
        limit=quota.amount,
        remaining=stats.remaining,
        reset_after=max(1, round(stats.reset_time - time.time())),
    )

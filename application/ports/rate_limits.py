from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Quota:
    """At most `amount` events per `seconds`, counted separately for each key."""

    name: str
    amount: int
    seconds: int


@dataclass(frozen=True, slots=True)
class RateDecision:
    allowed: bool
    limit: int
    remaining: int
    reset_after: int
    """Seconds until the current window ends and the count starts again."""


class RateLimiter(Protocol):
    """Counters shared by every worker and host that serve the same users. Each decision is
    atomic: concurrent hits can never both take the last unit of a quota."""

    async def hit(self, quota: Quota, key: str) -> RateDecision:
        """Counts one event, unless the quota is spent."""
        ...

    async def peek(self, quota: Quota, key: str) -> RateDecision:
        """Whether one more event would fit, counting nothing."""
        ...

    async def clear(self, quota: Quota, key: str) -> None: ...

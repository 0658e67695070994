"""Per-account limits on signing in and up, and growing delays after failed logins."""

from application.errors import TooManyRequests
from application.ports.rate_limits import Quota, RateDecision, RateLimiter
from domain.identifiers import identity_key

# Consecutive failed logins for one account, counted in growing windows: the fifth failure
# within a minute blocks the account for the rest of that minute, the tenth within ten
# minutes for the rest of those, and so on. A successful login clears them all.
FAILED_LOGINS = (
    Quota("failed-logins-1m", 5, 60),
    Quota("failed-logins-10m", 10, 600),
    Quota("failed-logins-1h", 20, 3600),
    Quota("failed-logins-1d", 50, 86400),
)


class AccountThrottle:
    """Keys are accounts (an e-mail or a username, by `identity_key`), wherever the request
    comes from: a botnet guessing one account's password meets the same limits."""

    def __init__(self, limiter: RateLimiter, attempts_per_minute: int) -> None:
        self._limiter = limiter
        self._attempts = Quota("account-attempts", attempts_per_minute, 60)

    async def attempt(self, *accounts: str) -> None:
        """Counts an attempt to sign in or up as each account; refuses once over the limit."""
        for account in filter(None, map(_key, accounts)):
            _refuse_unless_allowed(await self._limiter.hit(self._attempts, account))

    async def refuse_while_locked(self, account: str) -> None:
        """Refuses an account whose recent failed logins have locked it for now."""
        for quota in FAILED_LOGINS:
            _refuse_unless_allowed(await self._limiter.peek(quota, _key(account)))

    async def failed(self, account: str) -> None:
        for quota in FAILED_LOGINS:
            await self._limiter.hit(quota, _key(account))

    async def succeeded(self, account: str) -> None:
        for quota in FAILED_LOGINS:
            await self._limiter.clear(quota, _key(account))


def _key(account: str) -> str:
    return identity_key(account.strip())


def _refuse_unless_allowed(decision: RateDecision) -> None:
    if not decision.allowed:
        raise TooManyRequests("account", limit=decision.limit, retry_after=decision.reset_after)

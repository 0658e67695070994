"""Per-account limits on signing up, and growing lock-outs after failed logins."""

from application.errors import TooManyRequests
from application.ports.rate_limits import Quota, RateDecision, RateLimiter
from domain.identifiers import identity_key

# Failed logins, counted in growing windows: the fifth failure within a minute locks for the
# rest of that minute, the tenth within ten minutes for the rest of those, and so on.
# These strict tiers count one account from one client address, so a guesser locks out
# their own address only, never the owner signing in from elsewhere.
FAILED_LOGINS_FROM_ONE_ADDRESS = (
    Quota("address-failed-logins-1m", 5, 60),
    Quota("address-failed-logins-10m", 10, 600),
    Quota("address-failed-logins-1h", 20, 3600),
    Quota("address-failed-logins-1d", 50, 86400),
)
# The same windows for the account from anywhere, ten times looser: they bound guessing
# spread over many addresses (at most 500 guesses a day), and only ten addresses or more
# guessing at full speed can reach them, which then lock the owner out too.
FAILED_LOGINS_FROM_ANYWHERE = (
    Quota("failed-logins-1m", 50, 60),
    Quota("failed-logins-10m", 100, 600),
    Quota("failed-logins-1h", 200, 3600),
    Quota("failed-logins-1d", 500, 86400),
)
UNKNOWN_ADDRESS = "unknown"


class AccountThrottle:
    """Sign-up attempts per identity (a username or an e-mail, by `identity_key`), wherever
    the request comes from: a botnet claiming one identity meets the same limit."""

    def __init__(self, limiter: RateLimiter, attempts_per_minute: int) -> None:
        self._limiter = limiter
        self._attempts = Quota("account-attempts", attempts_per_minute, 60)

    async def attempt(self, *accounts: str) -> None:
        """Counts an attempt to sign up as each account; refuses once over the limit."""
        for account in filter(None, map(_key, accounts)):
            _refuse_unless_allowed(await self._limiter.hit(self._attempts, account))


class LoginLockout:
    """Failed logins per account (an e-mail, by `identity_key`) from one client address, and per
    account from anywhere."""

    def __init__(self, limiter: RateLimiter) -> None:
        self._limiter = limiter

    async def refuse_while_locked(self, account: str, address: str | None) -> None:
        """Refuses while recent failed logins from this address, or from anywhere, lock the
        account."""
        for quota, key in self._counters(account, address):
            _refuse_unless_allowed(await self._limiter.peek(quota, key))

    async def failed(self, account: str, address: str | None) -> None:
        for quota, key in self._counters(account, address):
            await self._limiter.hit(quota, key)

    async def succeeded(self, account: str, address: str | None) -> None:
        """Forgets this address's failures. The account's failures from anywhere are left to
        expire: the owner signing in must not give a botnet its budget back."""
        key = _address_key(account, address)
        for quota in FAILED_LOGINS_FROM_ONE_ADDRESS:
            await self._limiter.clear(quota, key)

    @staticmethod
    def _counters(account: str, address: str | None) -> list[tuple[Quota, str]]:
        from_one_address = _address_key(account, address)
        return [(quota, from_one_address) for quota in FAILED_LOGINS_FROM_ONE_ADDRESS] + [
            (quota, _key(account)) for quota in FAILED_LOGINS_FROM_ANYWHERE
        ]


def _key(account: str) -> str:
    return identity_key(account.strip())


def _address_key(account: str, address: str | None) -> str:
    # An address holds no space, so the key reads back one way only.
    return f"{address or UNKNOWN_ADDRESS} {_key(account)}"


def _refuse_unless_allowed(decision: RateDecision) -> None:
    if not decision.allowed:
        raise TooManyRequests("account", limit=decision.limit, retry_after=decision.reset_after)

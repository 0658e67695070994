import ipaddress

import pytest

from adapters.rate_limits import LimitsRateLimiter
from application.errors import TooManyRequests
from application.ports.rate_limits import Quota
from application.users.throttle import FAILED_LOGINS, AccountThrottle
from entrypoints.http.client_ip import client_address


class TestAccountThrottle:
    async def test_attempts_per_account_ignore_case_and_blank_keys(self) -> None:
        throttle = AccountThrottle(LimitsRateLimiter(None), attempts_per_minute=2)
        await throttle.attempt("Jake@X.io", "")
        await throttle.attempt("jake@x.io", " ")
        with pytest.raises(TooManyRequests) as refused:
            await throttle.attempt("JAKE@x.io")
        assert (refused.value.scope, refused.value.limit) == ("account", 2)
        assert 1 <= refused.value.retry_after <= 60
        await throttle.attempt("other@x.io")

    async def test_failures_lock_growing_windows_and_success_clears_them(self) -> None:
        throttle = AccountThrottle(LimitsRateLimiter(None), attempts_per_minute=100)
        first = FAILED_LOGINS[0]
        for _ in range(first.amount):
            await throttle.refuse_while_locked("jake")
            await throttle.failed("jake")
        with pytest.raises(TooManyRequests):
            await throttle.refuse_while_locked("jake")
        await throttle.succeeded("jake")
        await throttle.refuse_while_locked("jake")

    def test_windows_grow(self) -> None:
        assert [q.seconds for q in FAILED_LOGINS] == sorted(q.seconds for q in FAILED_LOGINS)
        assert [q.amount for q in FAILED_LOGINS] == sorted(q.amount for q in FAILED_LOGINS)


async def test_memory_limiter_decisions() -> None:
    limiter = LimitsRateLimiter(None)
    quota = Quota("q", 2, 60)
    decisions = [await limiter.hit(quota, "k") for _ in range(3)]
    assert [(d.allowed, d.remaining) for d in decisions] == [(True, 1), (True, 0), (False, 0)]
    assert (await limiter.peek(quota, "k")).allowed is False
    await limiter.clear(quota, "k")
    assert (await limiter.peek(quota, "k")).allowed is True


PROXY = (ipaddress.ip_network("10.0.0.0/8"),)


def scope(peer: str, *forwarded: str) -> dict[str, object]:
    headers = [(b"x-forwarded-for", value.encode()) for value in forwarded]
    return {"client": (peer, 1234), "headers": headers}


@pytest.mark.parametrize(
    ("request_scope", "trusted", "expected"),
    [
        (scope("203.0.113.9", "1.2.3.4"), (), "203.0.113.9"),  # no proxy is trusted
        (scope("203.0.113.9", "1.2.3.4"), PROXY, "203.0.113.9"),  # the peer is no proxy
        (scope("10.0.0.2", "1.2.3.4"), PROXY, "1.2.3.4"),
        (scope("10.0.0.2", "6.6.6.6, 1.2.3.4, 10.0.0.7"), PROXY, "1.2.3.4"),
        (scope("10.0.0.2", "6.6.6.6", "1.2.3.4"), PROXY, "1.2.3.4"),
        (scope("10.0.0.2", "not-an-ip"), PROXY, "10.0.0.2"),
        (scope("10.0.0.2"), PROXY, "10.0.0.2"),
        ({"headers": []}, PROXY, "unknown"),
    ],
)
def test_client_address(request_scope: dict[str, object], trusted: tuple, expected: str) -> None:  # type: ignore[type-arg]
    assert client_address(request_scope, trusted) == expected

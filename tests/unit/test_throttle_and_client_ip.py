import ipaddress
import uuid

import pytest

from adapters.rate_limits import LimitsRateLimiter
from application.errors import TooManyRequests
from application.ports.rate_limits import Quota
from application.users.throttle import (
    FAILED_LOGINS_FROM_ANYWHERE,
    FAILED_LOGINS_FROM_ONE_ADDRESS,
    AccountThrottle,
    LoginLockout,
)
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


@pytest.fixture(params=["memory", pytest.param("redis", marks=pytest.mark.integration)])
def two_workers(request: pytest.FixtureRequest) -> tuple[LoginLockout, LoginLockout]:
    """The lockout as two workers see it: one process's memory, or one shared Redis."""
    if request.param == "memory":
        lockout = LoginLockout(LimitsRateLimiter(None))
        return lockout, lockout
    url = request.getfixturevalue("redis_url")
    prefix = uuid.uuid4().hex
    first, second = (LimitsRateLimiter(url, key_prefix=prefix) for _ in range(2))
    return LoginLockout(first), LoginLockout(second)


class TestLoginLockout:
    async def test_failures_lock_the_account_from_that_address_only(
        self, two_workers: tuple[LoginLockout, LoginLockout]
    ) -> None:
        this, other = two_workers
        for _ in range(5):
            await other.refuse_while_locked("Jake@X.io", "203.0.113.9")
            await this.failed("Jake@X.io", "203.0.113.9")
        with pytest.raises(TooManyRequests) as refused:
            await other.refuse_while_locked("jake@x.io", "203.0.113.9")
        assert (refused.value.scope, refused.value.limit) == ("account", 5)
        assert 1 <= refused.value.retry_after <= 60
        await other.refuse_while_locked("jake@x.io", "2001:db8::1")
        await other.refuse_while_locked("ada@x.io", "203.0.113.9")

    async def test_success_forgets_its_address_failures_only(
        self, two_workers: tuple[LoginLockout, LoginLockout]
    ) -> None:
        this, other = two_workers
        for _ in range(4):
            await this.failed("jake", "203.0.113.9")
        await other.succeeded("jake", "203.0.113.9")
        for _ in range(4):
            await this.failed("jake", "203.0.113.9")
        await other.refuse_while_locked("jake", "203.0.113.9")

    async def test_failures_from_many_addresses_meet_the_account_wide_ceiling(
        self, two_workers: tuple[LoginLockout, LoginLockout]
    ) -> None:
        this, other = two_workers
        ceiling = FAILED_LOGINS_FROM_ANYWHERE[0].amount
        for n in range(ceiling - 1):
            await this.failed("jake", f"203.0.113.{n // 5}")
        await other.succeeded("jake", "198.51.100.7")  # the owner signs in: no budget back
        await other.refuse_while_locked("jake", "198.51.100.7")
        await this.failed("jake", "203.0.113.250")
        with pytest.raises(TooManyRequests) as refused:
            await other.refuse_while_locked("jake", "198.51.100.7")
        assert refused.value.limit == ceiling

    @pytest.mark.parametrize("tiers", [FAILED_LOGINS_FROM_ONE_ADDRESS, FAILED_LOGINS_FROM_ANYWHERE])
    def test_windows_grow(self, tiers: tuple[Quota, ...]) -> None:
        assert [q.seconds for q in tiers] == sorted(q.seconds for q in tiers)
        assert [q.amount for q in tiers] == sorted(q.amount for q in tiers)


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

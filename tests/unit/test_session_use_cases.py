"""Sessions and refresh tokens on the in-memory adapters."""

from datetime import timedelta

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.store import InMemoryStore
from application.errors import (
    AccountSuspended,
    InvalidCredentials,
    InvalidRefreshToken,
    InvalidToken,
    NotFound,
    TooManyRequests,
)
from application.principal import Operator
from application.sessions.opening import Client
from application.users.accounts import NewAccount
from application.users.login import Credentials
from entrypoints.container import Container

JAKE = NewAccount(username="jake", email="jake@x.io", password="password123")
OPERATOR = Operator(name="cli:test")


async def test_a_session_remembers_where_it_came_from(app: Container, store: InMemoryStore) -> None:
    signed_in = await app.register_user()(
        JAKE, Client(user_agent="curl/8" + "x" * 600, ip="10.1.2.3")
    )
    principal = await app.authenticate()(signed_in.token)
    session = store.sessions[principal.session_id]
    assert (session.ip, len(session.user_agent or "")) == ("10.1.2.3", 512)


async def test_authenticating_notes_the_session_use_at_most_once_a_minute(
    app: Container, store: InMemoryStore, clock: FakeClock
) -> None:
    signed_in = await app.register_user()(JAKE)
    opened_at = clock.now()
    session_id = (await app.authenticate()(signed_in.token)).session_id

    clock.advance(timedelta(seconds=59))
    await app.authenticate()(signed_in.token)
    assert store.sessions[session_id].last_used_at == opened_at
    clock.advance(timedelta(seconds=2))
    await app.authenticate()(signed_in.token)
    assert store.sessions[session_id].last_used_at == clock.now()
    noted_at = clock.now()
    clock.advance(timedelta(seconds=30))
    await app.authenticate()(signed_in.token)
    assert store.sessions[session_id].last_used_at == noted_at


class TestRefresh:
    async def test_rotates_both_tokens(self, app: Container, clock: FakeClock) -> None:
        first = await app.register_user()(JAKE)
        clock.advance(timedelta(minutes=10))
        second = await app.refresh_session()(first.refresh_token)

        assert second.refresh_token != first.refresh_token
        assert second.token != first.token
        assert second.account == first.account
        principal = await app.authenticate()(second.token)
        assert principal.session_id == (await app.authenticate()(first.token)).session_id

    async def test_reuse_of_a_refresh_token_ends_the_session(self, app: Container) -> None:
        first = await app.register_user()(JAKE)
        second = await app.refresh_session()(first.refresh_token)

        with pytest.raises(InvalidRefreshToken):
            await app.refresh_session()(first.refresh_token)
        # Whoever held the newer tokens is out too: the session is over.
        with pytest.raises(InvalidToken):
            await app.authenticate()(second.token)
        with pytest.raises(InvalidRefreshToken):
            await app.refresh_session()(second.refresh_token)

    async def test_unknown_token(self, app: Container) -> None:
        with pytest.raises(InvalidRefreshToken):
            await app.refresh_session()("not-a-token")

    async def test_expires_after_its_lifetime_unless_used(
        self, app: Container, clock: FakeClock
    ) -> None:
        lifetime = timedelta(seconds=app.settings().refresh_token_ttl)
        first = await app.register_user()(JAKE)
        clock.advance(lifetime - timedelta(seconds=1))
        second = await app.refresh_session()(first.refresh_token)  # renews the session
        clock.advance(lifetime - timedelta(seconds=1))
        third = await app.refresh_session()(second.refresh_token)
        clock.advance(lifetime)
        with pytest.raises(InvalidRefreshToken):
            await app.refresh_session()(third.refresh_token)

    async def test_a_suspended_user_cannot_refresh(
        self, app: Container, store: InMemoryStore
    ) -> None:
        signed_in = await app.register_user()(JAKE)
        (user,) = store.users.values()
        user.suspend(user.created_at)
        with pytest.raises(AccountSuspended):
            await app.refresh_session()(signed_in.refresh_token)


class TestLogOut:
    async def test_the_token_stops_working_at_once(self, app: Container) -> None:
        signed_in = await app.register_user()(JAKE)
        principal = await app.authenticate()(signed_in.token)
        await app.log_out()(principal)
        with pytest.raises(InvalidToken):
            await app.authenticate()(signed_in.token)
        with pytest.raises(InvalidRefreshToken):
            await app.refresh_session()(signed_in.refresh_token)

    async def test_other_sessions_stay(self, app: Container) -> None:
        here = await app.register_user()(JAKE)
        there = await app.log_in()(Credentials("jake@x.io", "password123"))
        await app.log_out()(await app.authenticate()(here.token))
        assert (await app.authenticate()(there.token)).user_id


class TestManageSessions:
    async def test_lists_active_sessions_marking_the_current_one(
        self, app: Container, clock: FakeClock
    ) -> None:
        first = await app.register_user()(JAKE, Client(user_agent="phone"))
        clock.advance(timedelta(seconds=1))
        second = await app.log_in()(
            Credentials("jake@x.io", "password123"), Client(user_agent="laptop")
        )
        clock.advance(timedelta(seconds=1))
        third = await app.log_in()(Credentials("jake@x.io", "password123"))
        await app.log_out()(await app.authenticate()(third.token))

        principal = await app.authenticate()(second.token)
        sessions = await app.list_sessions()(principal)
        assert [(s.user_agent, s.current) for s in sessions] == [("laptop", True), ("phone", False)]
        assert sessions[1].id == (await app.authenticate()(first.token)).session_id

    async def test_revoke_one_of_ones_own(self, app: Container) -> None:
        here = await app.register_user()(JAKE)
        there = await app.log_in()(Credentials("jake@x.io", "password123"))
        principal = await app.authenticate()(here.token)
        other = (await app.authenticate()(there.token)).session_id

        await app.revoke_session()(principal, other)
        with pytest.raises(InvalidToken):
            await app.authenticate()(there.token)
        with pytest.raises(NotFound):
            await app.revoke_session()(principal, other)  # already ended

    async def test_cannot_revoke_anothers(self, app: Container) -> None:
        jake = await app.authenticate()((await app.register_user()(JAKE)).token)
        celeb_token = (
            await app.register_user()(NewAccount("celeb", "c@x.io", "password123"))
        ).token
        celeb = await app.authenticate()(celeb_token)
        with pytest.raises(NotFound) as missing:
            await app.revoke_session()(jake, celeb.session_id)
        assert missing.value.resource == "session"
        assert await app.authenticate()(celeb_token)

    async def test_purge_deletes_expired_and_revoked_only(
        self, app: Container, store: InMemoryStore, clock: FakeClock
    ) -> None:
        old = await app.register_user()(JAKE)
        clock.advance(timedelta(seconds=app.settings().refresh_token_ttl))
        current = await app.log_in()(Credentials("jake@x.io", "password123"))
        revoked = await app.log_in()(Credentials("jake@x.io", "password123"))
        await app.log_out()(await app.authenticate()(revoked.token))

        assert await app.purge_expired_sessions()() == 2
        assert len(store.sessions) == 1
        assert await app.authenticate()(current.token)
        with pytest.raises(InvalidRefreshToken):
            await app.refresh_session()(old.refresh_token)


async def test_a_suspended_account_takes_its_right_password_as_a_wrong_one(
    app: Container,
) -> None:
    await app.register_user()(JAKE)
    await app.suspend_user()(OPERATOR, "jake")
    for password in ("password123", "wrong-password", "password123", "wrong", "password123"):
        with pytest.raises(InvalidCredentials):
            await app.log_in()(Credentials("jake@x.io", password))
    with pytest.raises(TooManyRequests):  # each counted as a failure, as wrong ones are
        await app.log_in()(Credentials("jake@x.io", "password123"))

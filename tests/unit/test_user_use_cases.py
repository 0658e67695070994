"""User account use cases, run against in-memory fakes: no HTTP, no database."""

from datetime import timedelta

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.monitoring import CountedSignInAttempts
from adapters.memory.store import InMemoryStore
from adapters.security.argon2_hasher import Argon2PasswordHasher
from application.errors import (
    AlreadyTaken,
    InvalidCredentials,
    InvalidToken,
    ReauthenticationRequired,
    TooManyRequests,
    WrongCurrentPassword,
)
from application.principal import Principal
from application.sessions.opening import Client
from application.users.accounts import NewAccount
from application.users.login import Credentials
from application.users.update import AccountChanges
from domain.changes import UNCHANGED
from domain.errors import ValidationFailed
from domain.roles import Role
from entrypoints.container import Container
from tests.unit.conftest import sign_up

JAKE = NewAccount(username="jake", email="jake@jake.jake", password="jakejake")


class TestRegister:
    async def test_creates_the_account_and_signs_in(
        self, app: Container, store: InMemoryStore
    ) -> None:
        signed_in = await app.register_user()(JAKE)

        assert signed_in.account.username == "jake"
        assert signed_in.account.email == "jake@jake.jake"
        assert signed_in.account.bio is None and signed_in.account.image is None
        assert len(signed_in.refresh_token) >= 43  # 256 bits, URL-safe base64
        principal = await app.authenticate()(signed_in.token)
        user = store.users[principal.user_id]
        assert (user.username, user.role) == ("jake", Role.USER)
        assert store.sessions[principal.session_id].user_id == user.id

    async def test_stores_a_hash_never_the_password(
        self, app: Container, store: InMemoryStore
    ) -> None:
        signed_in = await app.register_user()(JAKE)
        (user,) = store.users.values()
        assert user.password_hash.startswith("$argon2id$")
        assert "jakejake" not in user.password_hash
        (token,) = store.refresh_tokens.values()
        assert signed_in.refresh_token not in token.digest

    async def test_reports_every_invalid_field(self, app: Container, store: InMemoryStore) -> None:
        with pytest.raises(ValidationFailed) as failed:
            await app.register_user()(NewAccount(username="", email="nope", password="short"))
        assert failed.value.errors == {
            "username": ["can't be blank"],
            "email": ["is invalid"],
            "password": ["is too short (minimum is 8 characters)"],
        }
        assert store.users == {}

    async def test_username_and_email_are_unique_ignoring_case(
        self, app: Container, store: InMemoryStore
    ) -> None:
        await app.register_user()(JAKE)
        with pytest.raises(AlreadyTaken) as taken:
            await app.register_user()(NewAccount("JAKE", "Jake@Jake.Jake", "x" * 8))
        assert taken.value.fields == ["username", "email"]
        assert len(store.users) == 1

    async def test_timestamps_are_the_clock_in_milliseconds(
        self, app: Container, store: InMemoryStore, clock: FakeClock
    ) -> None:
        clock.advance(timedelta(microseconds=123456))
        await app.register_user()(JAKE)
        (user,) = store.users.values()
        assert user.created_at == user.updated_at
        assert user.created_at.microsecond == 123000


class TestLogIn:
    async def test_with_the_right_password_opens_another_session(
        self, app: Container, store: InMemoryStore
    ) -> None:
        registered = await app.register_user()(JAKE)
        signed_in = await app.log_in()(Credentials(email="JAKE@jake.jake", password="jakejake"))
        assert signed_in.account == registered.account
        first = await app.authenticate()(registered.token)
        second = await app.authenticate()(signed_in.token)
        assert first.user_id == second.user_id
        assert first.session_id != second.session_id
        assert len(store.sessions) == 2

    @pytest.mark.parametrize(
        "credentials",
        [
            Credentials(email="jake@jake.jake", password="wrong-password"),
            Credentials(email="nobody@jake.jake", password="jakejake"),
        ],
    )
    async def test_wrong_email_or_password_are_indistinguishable_and_counted(
        self, app: Container, credentials: Credentials, sign_in_attempts: CountedSignInAttempts
    ) -> None:
        await app.register_user()(JAKE)
        with pytest.raises(InvalidCredentials):
            await app.log_in()(credentials)
        assert sign_in_attempts.failures == 1

    async def test_a_guesser_locks_out_their_own_address_only(self, app: Container) -> None:
        await app.register_user()(JAKE)
        guesser, owner = Client(ip="203.0.113.9"), Client(ip="198.51.100.7")
        for n in range(5):
            with pytest.raises(InvalidCredentials):
                await app.log_in()(Credentials("jake@jake.jake", f"guess {n}"), guesser)
        with pytest.raises(TooManyRequests):
            await app.log_in()(Credentials("jake@jake.jake", "jakejake"), guesser)
        signed_in = await app.log_in()(Credentials("jake@jake.jake", "jakejake"), owner)
        assert signed_in.account.username == "jake"

    async def test_blank_fields(self, app: Container) -> None:
        with pytest.raises(ValidationFailed) as failed:
            await app.log_in()(Credentials(email=" ", password=""))
        assert failed.value.errors == {"email": ["can't be blank"], "password": ["can't be blank"]}

    async def test_upgrades_a_hash_made_with_weaker_parameters(
        self, app: Container, store: InMemoryStore
    ) -> None:
        await app.register_user()(JAKE)
        (user,) = store.users.values()
        old_hash = user.password_hash
        stronger = Argon2PasswordHasher(
            time_cost=2, memory_cost_kib=16, parallelism=1, max_concurrency=1
        )
        try:
            with app.hasher.override(stronger):
                await app.log_in()(Credentials("jake@jake.jake", "jakejake"))
        finally:
            stronger.close()
        new_hash = store.users[user.id].password_hash
        assert new_hash != old_hash
        assert "t=2" in new_hash


class TestAuthenticate:
    async def test_refuses_an_empty_token(self, app: Container) -> None:
        with pytest.raises(InvalidToken):
            await app.authenticate()("")

    async def test_refuses_an_expired_token(self, app: Container, clock: FakeClock) -> None:
        signed_in = await app.register_user()(JAKE)
        clock.advance(timedelta(seconds=app.settings().access_token_ttl))
        with pytest.raises(InvalidToken):
            await app.authenticate()(signed_in.token)

    async def test_knows_the_current_role(self, app: Container, store: InMemoryStore) -> None:
        signed_in = await app.register_user()(JAKE)
        (user,) = store.users.values()
        user.role = Role.MODERATOR
        assert (await app.authenticate()(signed_in.token)).role is Role.MODERATOR


class TestCurrentUser:
    async def test_returns_the_callers_account(self, app: Container) -> None:
        signed_in = await app.register_user()(JAKE)
        principal = await app.authenticate()(signed_in.token)
        assert await app.get_current_user()(principal) == signed_in.account

    async def test_a_deleted_account_invalidates_its_tokens(
        self, app: Container, store: InMemoryStore
    ) -> None:
        signed_in = await app.register_user()(JAKE)
        principal = await app.authenticate()(signed_in.token)
        store.users.clear()
        with pytest.raises(InvalidToken):
            await app.get_current_user()(principal)


class TestUpdateUser:
    async def test_changes_only_the_given_fields(self, app: Container) -> None:
        principal = await sign_up(app, "jake")
        account = await app.update_user()(principal, AccountChanges(bio="I work at statefarm"))
        assert account.bio == "I work at statefarm"
        assert (account.username, account.email, account.image) == ("jake", "jake@x.io", None)

    @pytest.mark.parametrize("cleared", ["", None])
    async def test_empty_or_null_bio_and_image_clear_them(
        self, app: Container, cleared: str | None
    ) -> None:
        principal = await sign_up(app, "jake")
        await app.update_user()(principal, AccountChanges(bio="bio", image="https://x.io/a.png"))
        account = await app.update_user()(principal, AccountChanges(bio=cleared, image=cleared))
        assert account.bio is None and account.image is None

    async def test_new_password_works_and_old_one_stops(self, app: Container) -> None:
        principal = await sign_up(app, "jake")
        await app.update_user()(principal, AccountChanges(password="new password"))
        await app.log_in()(Credentials("jake@x.io", "new password"))
        with pytest.raises(InvalidCredentials):
            await app.log_in()(Credentials("jake@x.io", "password123"))

    async def test_new_password_ends_every_other_session(self, app: Container) -> None:
        here = await sign_up(app, "jake")
        elsewhere = await app.log_in()(Credentials("jake@x.io", "password123"))
        await app.update_user()(here, AccountChanges(password="new password"))
        with pytest.raises(InvalidToken):
            await app.authenticate()(elsewhere.token)
        assert (await app.get_current_user()(here)).username == "jake"

    async def test_invalid_values_change_nothing(
        self, app: Container, store: InMemoryStore
    ) -> None:
        principal = await sign_up(app, "jake")
        with pytest.raises(ValidationFailed) as failed:
            await app.update_user()(
                principal,
                AccountChanges(username="", email="", password="short", bio="ok", image="ftp://x"),
            )
        assert set(failed.value.errors) == {"username", "email", "password", "image"}
        assert store.users[principal.user_id].bio is None

    async def test_cannot_take_anothers_name(self, app: Container) -> None:
        principal = await sign_up(app, "jake")
        await sign_up(app, "celeb")
        with pytest.raises(AlreadyTaken) as taken:
            await app.update_user()(principal, AccountChanges(username="Celeb", email="CELEB@x.io"))
        assert taken.value.fields == ["username", "email"]

    async def test_may_keep_or_recase_its_own_name(self, app: Container) -> None:
        principal = await sign_up(app, "jake")
        changes = AccountChanges(username="Jake", email="jake@x.io")
        assert (await app.update_user()(principal, changes)).username == "Jake"

    async def test_updated_at_moves_and_created_at_stays(
        self, app: Container, store: InMemoryStore
    ) -> None:
        principal: Principal = await sign_up(app, "jake")
        created = store.users[principal.user_id].created_at
        await app.update_user()(principal, AccountChanges(bio="one"))
        await app.update_user()(
            principal, AccountChanges(bio="two")
        )  # same instant on the fake clock
        user = store.users[principal.user_id]
        assert user.created_at == created
        assert user.updated_at == created + timedelta(milliseconds=2)

    def test_repr_names_fields_not_values(self) -> None:
        changes = AccountChanges(password="secret-password", bio=None)
        assert repr(changes) == "AccountChanges(password, bio)"
        assert changes.email is UNCHANGED


REAUTH_WINDOW = timedelta(minutes=10)  # the default of CONDUIT_REAUTH_WINDOW


class TestReauthentication:
    """A stolen access token must not take the account over: changing the e-mail or the
    password needs the current password, or a password login within the window."""

    @pytest.mark.parametrize(
        "changes", [AccountChanges(email="thief@x.io"), AccountChanges(password="thief's own")]
    )
    async def test_needs_the_current_password_once_the_login_is_old(
        self, app: Container, store: InMemoryStore, clock: FakeClock, changes: AccountChanges
    ) -> None:
        principal = await sign_up(app, "jake")
        before = store.users[principal.user_id].password_hash
        clock.advance(REAUTH_WINDOW)
        with pytest.raises(ReauthenticationRequired):
            await app.update_user()(principal, changes)
        user = store.users[principal.user_id]
        assert (user.email, user.password_hash) == ("jake@x.io", before)

    async def test_a_recent_password_login_is_enough(
        self, app: Container, clock: FakeClock
    ) -> None:
        principal = await sign_up(app, "jake")
        clock.advance(REAUTH_WINDOW - timedelta(seconds=1))
        changes = AccountChanges(email="jake@new.io", password="new password")
        assert (await app.update_user()(principal, changes)).email == "jake@new.io"

    async def test_the_current_password_is_enough_at_any_time(
        self, app: Container, clock: FakeClock
    ) -> None:
        principal = await sign_up(app, "jake")
        clock.advance(timedelta(days=1))
        changes = AccountChanges(email="jake@new.io", password="new password")
        account = await app.update_user()(principal, changes, current_password="password123")
        assert account.email == "jake@new.io"
        await app.log_in()(Credentials("jake@new.io", "new password"))

    async def test_other_fields_and_an_unchanged_email_need_nothing(
        self, app: Container, clock: FakeClock
    ) -> None:
        principal = await sign_up(app, "jake")
        clock.advance(timedelta(days=1))
        # What stock front ends send: the whole user, its e-mail as it is.
        changes = AccountChanges(username="jake2", email="jake@x.io", bio="hi", image=None)
        assert (await app.update_user()(principal, changes)).username == "jake2"

    async def test_a_refresh_does_not_renew_the_login_but_a_new_login_does(
        self, app: Container, clock: FakeClock
    ) -> None:
        signed_up = await app.register_user()(
            NewAccount(username="jake", email="jake@x.io", password="password123")
        )
        clock.advance(REAUTH_WINDOW - timedelta(minutes=1))
        refreshed = await app.refresh_session()(signed_up.refresh_token)
        clock.advance(timedelta(minutes=1))
        principal = await app.authenticate()(refreshed.token)
        with pytest.raises(ReauthenticationRequired):
            await app.update_user()(principal, AccountChanges(email="jake@new.io"))

        logged_in = await app.log_in()(Credentials("jake@x.io", "password123"))
        principal = await app.authenticate()(logged_in.token)
        assert (
            await app.update_user()(principal, AccountChanges(email="jake@new.io"))
        ).email == "jake@new.io"

    async def test_a_wrong_current_password_counts_as_a_failed_login(
        self,
        app: Container,
        store: InMemoryStore,
        clock: FakeClock,
        sign_in_attempts: CountedSignInAttempts,
    ) -> None:
        principal = await sign_up(app, "jake")
        clock.advance(REAUTH_WINDOW)
        changes = AccountChanges(email="thief@x.io")
        for guess in range(5):
            with pytest.raises(WrongCurrentPassword):
                await app.update_user()(principal, changes, current_password=f"guess {guess}")
        # Guessing through a stolen token meets the same lock-out as guessing at login.
        with pytest.raises(TooManyRequests):
            await app.update_user()(principal, changes, current_password="password123")
        with pytest.raises(TooManyRequests):
            await app.log_in()(Credentials("jake@x.io", "password123"))
        assert store.users[principal.user_id].email == "jake@x.io"
        assert sign_in_attempts.failures == 5  # the refusals of the lock-out are not guesses


async def test_operator_creates_an_account_without_a_session(
    app: Container, store: InMemoryStore
) -> None:
    account = await app.create_user()(JAKE)
    assert account.username == "jake"
    assert len(store.users) == 1
    assert store.sessions == {}


def test_commands_hide_passwords() -> None:
    assert "jakejake" not in repr(JAKE)
    assert "jakejake" not in repr(Credentials("jake@jake.jake", "jakejake"))

"""User account use cases, run against in-memory fakes: no HTTP, no database."""

from datetime import timedelta

import pytest

from adapters.memory.clock import FakeClock
from adapters.memory.unit_of_work import InMemoryUnitOfWork
from adapters.security.argon2_hasher import Argon2PasswordHasher
from application.changes import UNCHANGED
from application.errors import AlreadyTaken, InvalidCredentials, InvalidToken
from application.principal import Principal
from application.users.accounts import NewAccount
from application.users.authenticate import Authenticate
from application.users.create import CreateUser
from application.users.current import GetCurrentUser
from application.users.login import Credentials, LogIn
from application.users.register import RegisterUser
from application.users.update import AccountChanges, UpdateUser
from domain.errors import ValidationFailed

JAKE = NewAccount(username="jake", email="jake@jake.jake", password="jakejake")


@pytest.fixture
def register(memory_uow, hasher, tokens, clock) -> RegisterUser:
    return RegisterUser(memory_uow, hasher, tokens, clock)


@pytest.fixture
def log_in(memory_uow, hasher, tokens) -> LogIn:
    return LogIn(memory_uow, hasher, tokens)


@pytest.fixture
def authenticate(tokens) -> Authenticate:
    return Authenticate(tokens)


@pytest.fixture
def update(memory_uow, hasher, clock) -> UpdateUser:
    return UpdateUser(memory_uow, hasher, clock)


class TestRegister:
    async def test_creates_the_account_and_signs_in(self, register, authenticate, store) -> None:
        signed_in = await register(JAKE)

        assert signed_in.account.username == "jake"
        assert signed_in.account.email == "jake@jake.jake"
        assert signed_in.account.bio is None and signed_in.account.image is None
        principal = await authenticate(signed_in.token)
        assert store.users[principal.user_id].username == "jake"

    async def test_stores_a_hash_never_the_password(self, register, store) -> None:
        await register(JAKE)
        (user,) = store.users.values()
        assert user.password_hash.startswith("$argon2id$")
        assert "jakejake" not in user.password_hash

    async def test_reports_every_invalid_field(self, register, store) -> None:
        with pytest.raises(ValidationFailed) as failed:
            await register(NewAccount(username="", email="nope", password="short"))
        assert failed.value.errors == {
            "username": ["can't be blank"],
            "email": ["is invalid"],
            "password": ["is too short (minimum is 8 characters)"],
        }
        assert store.users == {}

    async def test_username_and_email_are_unique_ignoring_case(self, register, store) -> None:
        await register(JAKE)
        with pytest.raises(AlreadyTaken) as taken:
            await register(NewAccount(username="JAKE", email="Jake@Jake.Jake", password="x" * 8))
        assert taken.value.fields == ["username", "email"]
        assert len(store.users) == 1

    async def test_timestamps_are_the_clock_in_milliseconds(self, register, store, clock) -> None:
        clock.advance(timedelta(microseconds=123456))
        await register(JAKE)
        (user,) = store.users.values()
        assert user.created_at == user.updated_at
        assert user.created_at.microsecond == 123000


class TestLogIn:
    async def test_with_the_right_password(self, register, log_in, authenticate) -> None:
        registered = await register(JAKE)
        signed_in = await log_in(Credentials(email="JAKE@jake.jake", password="jakejake"))
        assert signed_in.account == registered.account
        assert (await authenticate(signed_in.token)) == (await authenticate(registered.token))

    @pytest.mark.parametrize(
        "credentials",
        [
            Credentials(email="jake@jake.jake", password="wrong-password"),
            Credentials(email="nobody@jake.jake", password="jakejake"),
        ],
    )
    async def test_wrong_email_or_password_are_indistinguishable(
        self, register, log_in, credentials
    ) -> None:
        await register(JAKE)
        with pytest.raises(InvalidCredentials):
            await log_in(credentials)

    async def test_blank_fields(self, log_in) -> None:
        with pytest.raises(ValidationFailed) as failed:
            await log_in(Credentials(email=" ", password=""))
        assert failed.value.errors == {"email": ["can't be blank"], "password": ["can't be blank"]}

    async def test_upgrades_a_hash_made_with_weaker_parameters(
        self, register, memory_uow, tokens, store
    ) -> None:
        await register(JAKE)
        (user,) = store.users.values()
        old_hash = user.password_hash
        stronger = Argon2PasswordHasher(
            time_cost=2, memory_cost_kib=16, parallelism=1, max_concurrency=1
        )
        try:
            await LogIn(memory_uow, stronger, tokens)(Credentials("jake@jake.jake", "jakejake"))
        finally:
            stronger.close()
        new_hash = store.users[user.id].password_hash
        assert new_hash != old_hash
        assert "t=2" in new_hash


class TestAuthenticate:
    async def test_refuses_an_empty_token(self, authenticate) -> None:
        with pytest.raises(InvalidToken):
            await authenticate("")

    async def test_refuses_an_expired_token(self, register, authenticate, clock) -> None:
        signed_in = await register(JAKE)
        clock.advance(timedelta(hours=1, seconds=1))
        with pytest.raises(InvalidToken):
            await authenticate(signed_in.token)


class TestCurrentUser:
    async def test_returns_the_callers_account(self, register, authenticate, memory_uow) -> None:
        signed_in = await register(JAKE)
        principal = await authenticate(signed_in.token)
        assert await GetCurrentUser(memory_uow)(principal) == signed_in.account

    async def test_a_deleted_account_invalidates_its_tokens(
        self, register, authenticate, memory_uow, store
    ) -> None:
        signed_in = await register(JAKE)
        principal = await authenticate(signed_in.token)
        store.users.clear()
        with pytest.raises(InvalidToken):
            await GetCurrentUser(memory_uow)(principal)


class TestUpdateUser:
    async def signed_in(self, register: RegisterUser, authenticate: Authenticate) -> Principal:
        return await authenticate((await register(JAKE)).token)

    async def test_changes_only_the_given_fields(self, register, authenticate, update) -> None:
        principal = await self.signed_in(register, authenticate)
        account = await update(principal, AccountChanges(bio="I work at statefarm"))
        assert account.bio == "I work at statefarm"
        assert (account.username, account.email, account.image) == ("jake", "jake@jake.jake", None)

    @pytest.mark.parametrize("cleared", ["", None])
    async def test_empty_or_null_bio_and_image_clear_them(
        self, register, authenticate, update, cleared
    ) -> None:
        principal = await self.signed_in(register, authenticate)
        await update(principal, AccountChanges(bio="bio", image="https://x.io/a.png"))
        account = await update(principal, AccountChanges(bio=cleared, image=cleared))
        assert account.bio is None and account.image is None

    async def test_new_password_works_and_old_one_stops(
        self, register, authenticate, update, log_in
    ) -> None:
        principal = await self.signed_in(register, authenticate)
        await update(principal, AccountChanges(password="new password"))
        await log_in(Credentials("jake@jake.jake", "new password"))
        with pytest.raises(InvalidCredentials):
            await log_in(Credentials("jake@jake.jake", "jakejake"))

    async def test_invalid_values_change_nothing(
        self, register, authenticate, update, store
    ) -> None:
        principal = await self.signed_in(register, authenticate)
        with pytest.raises(ValidationFailed) as failed:
            await update(
                principal,
                AccountChanges(username="", email="", password="short", bio="ok", image="ftp://x"),
            )
        assert set(failed.value.errors) == {"username", "email", "password", "image"}
        assert store.users[principal.user_id].bio is None

    async def test_cannot_take_anothers_name(self, register, authenticate, update) -> None:
        principal = await self.signed_in(register, authenticate)
        await register(NewAccount("celeb", "celeb@x.io", "password"))
        with pytest.raises(AlreadyTaken) as taken:
            await update(principal, AccountChanges(username="Celeb", email="CELEB@x.io"))
        assert taken.value.fields == ["username", "email"]

    async def test_may_keep_or_recase_its_own_name(self, register, authenticate, update) -> None:
        principal = await self.signed_in(register, authenticate)
        account = await update(principal, AccountChanges(username="Jake", email="jake@jake.jake"))
        assert account.username == "Jake"

    async def test_updated_at_moves_and_created_at_stays(
        self, register, authenticate, update, store, clock
    ) -> None:
        principal = await self.signed_in(register, authenticate)
        created = store.users[principal.user_id].created_at
        await update(principal, AccountChanges(bio="one"))
        await update(principal, AccountChanges(bio="two"))  # same instant on the fake clock
        user = store.users[principal.user_id]
        assert user.created_at == created
        assert user.updated_at == created + timedelta(milliseconds=2)

    def test_repr_names_fields_not_values(self) -> None:
        changes = AccountChanges(password="secret-password", bio=None)
        assert repr(changes) == "AccountChanges(password, bio)"
        assert changes.email is UNCHANGED


async def test_operator_creates_an_account_without_a_token(store, hasher) -> None:
    account = await CreateUser(InMemoryUnitOfWork(store), hasher, FakeClock())(JAKE)
    assert account.username == "jake"
    assert len(store.users) == 1


def test_commands_hide_passwords() -> None:
    assert "jakejake" not in repr(JAKE)
    assert "jakejake" not in repr(Credentials("jake@jake.jake", "jakejake"))

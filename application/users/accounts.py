"""Preparing a new account: shared by self-registration and operator-created users."""

from dataclasses import dataclass

from application.errors import AlreadyTaken
from application.ports.clock import Clock
from application.ports.security import PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from domain.account_fields import check_account_fields
from domain.errors import FieldErrors
from domain.users import User


@dataclass(frozen=True, slots=True)
class NewAccount:
    username: str
    email: str
    password: str

    def __repr__(self) -> str:
        return f"NewAccount(username={self.username!r}, email={self.email!r}, password=***)"


async def prepare_account(
    account: NewAccount, *, uow: UnitOfWork, hasher: PasswordHasher, clock: Clock
) -> User:
    """A valid new user with its password hashed, not yet stored. Taken names are refused
    before a hash is spent on them; the hash runs with no connection held. The caller adds
    the user in its own transaction, whose commit still refuses a name taken meanwhile."""
    errors = FieldErrors()
    fields = check_account_fields(
        errors, username=account.username, email=account.email, password=account.password
    )
    errors.raise_if_any()
    username, email, password = fields.username, fields.email, fields.password
    assert username is not None and email is not None and password is not None  # all given

    async with uow:
        taken = await uow.users.taken(username=username.value, email=email.value)
    if taken:
        raise AlreadyTaken(taken)
    return User.register(
        username=username.value,
        email=email.value,
        password_hash=await hasher.hash(password.value),
        now=clock.now(),
    )

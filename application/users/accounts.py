"""Opening an account: shared by self-registration and operator-created users."""

from dataclasses import dataclass

from application.errors import AlreadyTaken
from application.ports.clock import Clock
from application.ports.security import PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from domain.errors import FieldErrors
from domain.users import User
from domain.values import Email, Password, Username


@dataclass(frozen=True, slots=True)
class NewAccount:
    username: str
    email: str
    password: str

    def __repr__(self) -> str:
        return f"NewAccount(username={self.username!r}, email={self.email!r}, password=***)"


async def open_account(
    account: NewAccount, *, uow: UnitOfWork, hasher: PasswordHasher, clock: Clock
) -> User:
    errors = FieldErrors()
    with errors.collect("username"):
        username = Username(account.username)
    with errors.collect("email"):
        email = Email(account.email)
    with errors.collect("password"):
        password = Password(account.password)
    errors.raise_if_any()

    # Refuse taken names before spending a hash on them; the hash runs with no connection held.
    async with uow:
        taken = await uow.users.taken(username=username.value, email=email.value)
    if taken:
        raise AlreadyTaken(taken)
    password_hash = await hasher.hash(password.value)

    user = User.register(
        username=username.value, email=email.value, password_hash=password_hash, now=clock.now()
    )
    async with uow:
        uow.users.add(user)
        await uow.commit()
    return user

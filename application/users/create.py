from application.ports.clock import Clock
from application.ports.security import PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from application.users.accounts import NewAccount, open_account
from application.users.views import Account


class CreateUser:
    """An operator creates an account (no sign-in)."""

    def __init__(self, uow: UnitOfWork, hasher: PasswordHasher, clock: Clock) -> None:
        self._uow = uow
        self._hasher = hasher
        self._clock = clock

    async def __call__(self, command: NewAccount) -> Account:
        user = await open_account(command, uow=self._uow, hasher=self._hasher, clock=self._clock)
        return Account.of(user)

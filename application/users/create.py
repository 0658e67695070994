from application.ports.clock import Clock
from application.ports.security import PasswordHasher
from application.ports.unit_of_work import UnitOfWork
from application.sessions.views import Account
from application.users.accounts import NewAccount, prepare_account


class CreateUser:
    """An operator creates an account (no session is opened)."""

    def __init__(self, uow: UnitOfWork, hasher: PasswordHasher, clock: Clock) -> None:
        self._uow = uow
        self._hasher = hasher
        self._clock = clock

    async def __call__(self, command: NewAccount) -> Account:
        user = await prepare_account(command, uow=self._uow, hasher=self._hasher, clock=self._clock)
        async with self._uow:
            self._uow.users.add(user)
            await self._uow.commit()
        return Account.of(user)

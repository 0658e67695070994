from application.errors import InvalidToken
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal
from application.users.views import Account
from domain.users import User


async def load_caller(uow: UnitOfWork, principal: Principal) -> User:
    """The caller's account; a token of a deleted account is no longer valid."""
    user = await uow.users.get(principal.user_id)
    if user is None:
        raise InvalidToken()
    return user


class GetCurrentUser:
    def __init__(self, uow: UnitOfWork) -> None:
        self._uow = uow

    async def __call__(self, principal: Principal) -> Account:
        async with self._uow:
            return Account.of(await load_caller(self._uow, principal))

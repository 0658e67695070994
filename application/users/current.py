from application.errors import InvalidToken
from application.ports.queries import AccountQueries
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal
from application.sessions.views import Account
from domain.users import User


async def load_caller(uow: UnitOfWork, principal: Principal) -> User:
    """The caller's account; a token of a deleted account is no longer valid."""
    user = await uow.users.get(principal.user_id)
    if user is None:
        raise InvalidToken()
    return user


class GetCurrentUser:
    def __init__(self, accounts: AccountQueries) -> None:
        self._accounts = accounts

    async def __call__(self, principal: Principal) -> Account:
        account = await self._accounts.account(principal.user_id)
        if account is None:
            raise InvalidToken()  # as `load_caller` answers
        return account

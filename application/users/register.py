from application.ports.clock import Clock
from application.ports.security import AccessClaims, PasswordHasher, TokenIssuer
from application.ports.unit_of_work import UnitOfWork
from application.users.accounts import NewAccount, open_account
from application.users.views import Account, SignedIn


class RegisterUser:
    """A visitor signs up and is signed in at once."""

    def __init__(
        self, uow: UnitOfWork, hasher: PasswordHasher, tokens: TokenIssuer, clock: Clock
    ) -> None:
        self._uow = uow
        self._hasher = hasher
        self._tokens = tokens
        self._clock = clock

    async def __call__(self, command: NewAccount) -> SignedIn:
        user = await open_account(command, uow=self._uow, hasher=self._hasher, clock=self._clock)
        return SignedIn(Account.of(user), self._tokens.issue(AccessClaims(user_id=user.id)))

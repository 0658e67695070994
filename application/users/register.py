from datetime import timedelta

from application.ports.clock import Clock
from application.ports.security import PasswordHasher, TokenIssuer
from application.ports.unit_of_work import UnitOfWork
from application.sessions.opening import UNKNOWN_CLIENT, Client, open_session, signed_in
from application.sessions.views import SignedIn
from application.users.accounts import NewAccount, prepare_account
from application.users.throttle import AccountThrottle


class RegisterUser:
    """A visitor signs up and is signed in at once, in a new session. Every account starts
    with the role `user`."""

    def __init__(
        self,
        uow: UnitOfWork,
        hasher: PasswordHasher,
        tokens: TokenIssuer,
        clock: Clock,
        session_lifetime: timedelta,
        throttle: AccountThrottle,
    ) -> None:
        self._uow = uow
        self._hasher = hasher
        self._tokens = tokens
        self._clock = clock
        self._session_lifetime = session_lifetime
        self._throttle = throttle

    async def __call__(self, command: NewAccount, client: Client = UNKNOWN_CLIENT) -> SignedIn:
        await self._throttle.attempt(command.username, command.email)
        user = await prepare_account(command, uow=self._uow, hasher=self._hasher, clock=self._clock)
        async with self._uow:
            self._uow.users.add(user)
            session, secret = open_session(
                self._uow,
                user,
                client=client,
                now=self._clock.now(),
                lifetime=self._session_lifetime,
            )
            await self._uow.commit()
        return signed_in(user, session, secret, self._tokens)

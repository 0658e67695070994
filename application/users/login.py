from dataclasses import dataclass
from datetime import timedelta

from application.errors import AccountSuspended, InvalidCredentials
from application.ports.clock import Clock
from application.ports.security import PasswordHasher, TokenIssuer
from application.ports.unit_of_work import UnitOfWork
from application.sessions.opening import UNKNOWN_CLIENT, Client, open_session, signed_in
from application.users.throttle import AccountThrottle
from application.users.views import SignedIn
from domain.errors import FieldErrors
from domain.values import BLANK


@dataclass(frozen=True, slots=True)
class Credentials:
    email: str
    password: str

    def __repr__(self) -> str:
        return f"Credentials(email={self.email!r}, password=***)"


class LogIn:
    """A user proves who they are with e-mail and password and gets a new session."""

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

    async def __call__(self, credentials: Credentials, client: Client = UNKNOWN_CLIENT) -> SignedIn:
        errors = FieldErrors()
        if not credentials.email.strip():
            errors.add("email", BLANK)
        if not credentials.password:
            errors.add("password", BLANK)
        errors.raise_if_any()
        email = credentials.email.strip()
        await self._throttle.attempt(email)
        await self._throttle.refuse_while_locked(email)

        async with self._uow:
            found = await self._uow.users.get_by_email(email)
        # Verified even without an account, so the answer takes as long either way.
        password_hash = found.password_hash if found is not None else None
        if not await self._hasher.verify(password_hash, credentials.password) or found is None:
            await self._throttle.failed(email)
            raise InvalidCredentials()
        await self._throttle.succeeded(email)
        if found.suspended:
            raise AccountSuspended()
        new_hash = (
            await self._hasher.hash(credentials.password)
            if self._hasher.needs_rehash(found.password_hash)
            else None
        )

        async with self._uow:
            user = await self._uow.users.get(found.id)
            if user is None:
                raise InvalidCredentials()
            if new_hash is not None:
                user.password_hash = new_hash  # parameters were raised since it was made
            session, secret = open_session(
                self._uow,
                user,
                client=client,
                now=self._clock.now(),
                lifetime=self._session_lifetime,
            )
            await self._uow.commit()
        return signed_in(user, session, secret, self._tokens)

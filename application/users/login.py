from dataclasses import dataclass
from datetime import timedelta

from application.errors import InvalidCredentials
from application.ports.clock import Clock
from application.ports.monitoring import SignInAttempts
from application.ports.security import PasswordHasher, TokenIssuer
from application.ports.unit_of_work import UnitOfWork
from application.sessions.opening import UNKNOWN_CLIENT, Client, open_session, signed_in
from application.sessions.views import SignedIn
from application.users.throttle import LoginLockout
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
        lockout: LoginLockout,
        attempts: SignInAttempts,
    ) -> None:
        self._uow = uow
        self._hasher = hasher
        self._tokens = tokens
        self._clock = clock
        self._session_lifetime = session_lifetime
        self._lockout = lockout
        self._attempts = attempts

    async def __call__(self, credentials: Credentials, client: Client = UNKNOWN_CLIENT) -> SignedIn:
        errors = FieldErrors()
        if not credentials.email.strip():
            errors.add("email", BLANK)
        if not credentials.password:
            errors.add("password", BLANK)
        errors.raise_if_any()
        email = credentials.email.strip()
        await self._lockout.refuse_while_locked(email, client.ip)

        async with self._uow:
            found = await self._uow.users.get_by_email(email)
        # Verified even without an account, so the answer takes as long either way.
        password_hash = found.password_hash if found is not None else None
        verified = await self._hasher.verify(password_hash, credentials.password)
        # A suspended account takes its right password as a wrong one, and counts it as one,
        # so neither the answer nor the lock-out confirms a guess to whoever tries it.
        if found is None or not verified or found.suspended:
            await self._lockout.failed(email, client.ip)
            self._attempts.failed()
            raise InvalidCredentials()
        await self._lockout.succeeded(email, client.ip)
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

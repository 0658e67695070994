from dataclasses import dataclass
from uuid import UUID

from application.errors import InvalidCredentials
from application.ports.security import AccessClaims, PasswordHasher, TokenIssuer
from application.ports.unit_of_work import UnitOfWork
from application.users.views import Account, SignedIn
from domain.errors import FieldErrors
from domain.values import BLANK


@dataclass(frozen=True, slots=True)
class Credentials:
    email: str
    password: str

    def __repr__(self) -> str:
        return f"Credentials(email={self.email!r}, password=***)"


class LogIn:
    """A user proves who they are with e-mail and password and gets an access token."""

    def __init__(self, uow: UnitOfWork, hasher: PasswordHasher, tokens: TokenIssuer) -> None:
        self._uow = uow
        self._hasher = hasher
        self._tokens = tokens

    async def __call__(self, credentials: Credentials) -> SignedIn:
        errors = FieldErrors()
        if not credentials.email.strip():
            errors.add("email", BLANK)
        if not credentials.password:
            errors.add("password", BLANK)
        errors.raise_if_any()

        async with self._uow:
            user = await self._uow.users.get_by_email(credentials.email.strip())
        # Verified even without an account, so the answer takes as long either way.
        password_hash = user.password_hash if user is not None else None
        matches = await self._hasher.verify(password_hash, credentials.password)
        if user is None or not matches:
            raise InvalidCredentials()

        if self._hasher.needs_rehash(user.password_hash):
            await self._upgrade_hash(user.id, credentials.password)
        return SignedIn(Account.of(user), self._tokens.issue(AccessClaims(user_id=user.id)))

    async def _upgrade_hash(self, user_id: UUID, password: str) -> None:
        new_hash = await self._hasher.hash(password)
        async with self._uow:
            user = await self._uow.users.get(user_id)
            if user is not None:
                user.password_hash = new_hash
                await self._uow.commit()

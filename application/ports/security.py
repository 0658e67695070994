from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from uuid import UUID


class PasswordHasher(Protocol):
    async def hash(self, password: str) -> str: ...

    async def verify(self, password_hash: str | None, password: str) -> bool:
        """True when `password` matches. With no hash (no such account) it spends the same
        time as a real check and returns False, so timing does not reveal accounts."""
        ...

    def needs_rehash(self, password_hash: str) -> bool: ...

    def recognizes(self, password_hash: str) -> bool:
        """Whether this is a hash the hasher can verify (an argon2 PHC string)."""
        ...


@dataclass(frozen=True, slots=True)
class AccessClaims:
    """What a verified access token says about its bearer: who, in which session, and when
    they last proved it with their password (`auth_time`, whole seconds)."""

    user_id: UUID
    session_id: UUID
    auth_time: datetime


class TokenIssuer(Protocol):
    def issue(self, claims: AccessClaims) -> str: ...


class TokenVerifier(Protocol):
    def verify(self, token: str) -> AccessClaims:
        """The claims of a valid token; raises `application.errors.InvalidToken` otherwise."""
        ...

"""Sign-in sessions and the refresh tokens that keep them going."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID, uuid4

from domain.values import to_milliseconds

USER_AGENT_MAX_LENGTH = 512


@dataclass(frozen=True, slots=True)
class RefreshSecret:
    """A new refresh token: `token` goes to the client once; only `digest` is stored."""

    token: str
    digest: str

    def __repr__(self) -> str:
        return f"RefreshSecret(digest={self.digest[:8]}…)"


def mint_refresh_secret() -> RefreshSecret:
    token = secrets.token_urlsafe(32)  # 256 bits
    return RefreshSecret(token=token, digest=refresh_digest(token))


def refresh_digest(token: str) -> str:
    """SHA-256 suffices: the token is 256 random bits, not a password to stretch."""
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass(eq=False)
class Session:
    """One sign-in on one device. Its access tokens work while it is active."""

    id: UUID
    user_id: UUID
    created_at: datetime
    last_used_at: datetime
    expires_at: datetime
    user_agent: str | None
    ip: str | None
    revoked_at: datetime | None = None

    @classmethod
    def open(
        cls,
        *,
        user_id: UUID,
        now: datetime,
        lifetime: timedelta,
        user_agent: str | None,
        ip: str | None,
    ) -> "Session":
        now = to_milliseconds(now)
        return cls(
            id=uuid4(),
            user_id=user_id,
            created_at=now,
            last_used_at=now,
            expires_at=now + lifetime,
            user_agent=user_agent[:USER_AGENT_MAX_LENGTH] if user_agent else None,
            ip=ip,
        )

    def is_active(self, now: datetime) -> bool:
        return self.revoked_at is None and now < self.expires_at

    def revoke(self, now: datetime) -> None:
        if self.revoked_at is None:
            self.revoked_at = to_milliseconds(now)

    def renew(self, now: datetime, lifetime: timedelta) -> None:
        """A refresh keeps the session alive for another `lifetime`."""
        now = to_milliseconds(now)
        self.last_used_at = now
        self.expires_at = now + lifetime

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Session) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)


@dataclass(eq=False)
class RefreshToken:
    """A refresh token's digest. Each is good for one refresh; a second use is a theft."""

    digest: str
    session_id: UUID
    created_at: datetime
    used_at: datetime | None = None

"""Read models of sessions, and of the account a session signs in to."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.sessions import Session
from domain.users import User


@dataclass(frozen=True, slots=True)
class SessionView:
    id: UUID
    created_at: datetime
    last_used_at: datetime
    expires_at: datetime
    user_agent: str | None
    ip: str | None
    current: bool
    """Whether this is the session the request came in."""

    @classmethod
    def of(cls, session: Session, *, current: bool) -> "SessionView":
        return cls(
            id=session.id,
            created_at=session.created_at,
            last_used_at=session.last_used_at,
            expires_at=session.expires_at,
            user_agent=session.user_agent,
            ip=session.ip,
            current=current,
        )


@dataclass(frozen=True, slots=True)
class Account:
    """The signed-in user's own account as the API shows it."""

    username: str
    email: str
    bio: str | None
    image: str | None

    @classmethod
    def of(cls, user: User) -> "Account":
        return cls(username=user.username, email=user.email, bio=user.bio, image=user.image)


@dataclass(frozen=True, slots=True)
class SignedIn:
    account: Account
    token: str
    """The access token."""
    refresh_token: str

    def __repr__(self) -> str:
        return f"SignedIn({self.account.username})"

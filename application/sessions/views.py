"""Read models of sessions."""

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from domain.sessions import Session


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

from datetime import datetime
from uuid import UUID

from sqlalchemy import bindparam, select, text

from adapters.postgres.queries.reading import SqlaReads
from adapters.postgres.tables import sessions, users
from application.ports.queries import ActiveCaller, SessionLookup
from application.sessions.views import SessionView


class SqlaSessionLookup(SqlaReads, SessionLookup):
    async def active_caller(self, session_id: UUID, *, now: datetime) -> ActiveCaller | None:
        row = await self._one(_ACTIVE_CALLER, session_id=session_id, now=now)
        if row is None:
            return None
        return ActiveCaller(user_id=row.user_id, role=row.role, last_used_at=row.last_used_at)

    async def active_sessions(
        self, user_id: UUID, *, current: UUID, now: datetime
    ) -> list[SessionView]:
        rows = await self._all(_ACTIVE_SESSIONS, user_id=user_id, now=now)
        return [
            SessionView(
                id=row.id,
                created_at=row.created_at,
                last_used_at=row.last_used_at,
                expires_at=row.expires_at,
                user_agent=row.user_agent,
                ip=row.ip,
                current=row.id == current,
            )
            for row in rows
        ]


# The revocation check of every authenticated request: one primary key lookup.
_ACTIVE_CALLER = text(
    """
    SELECT s.user_id, u.role, s.last_used_at
    FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.id = :session_id AND s.revoked_at IS NULL AND s.expires_at > :now
      AND u.suspended_at IS NULL
    """
).columns(sessions.c.user_id, users.c.role, sessions.c.last_used_at)

_ACTIVE_SESSIONS = (
    select(
        sessions.c.id,
        sessions.c.created_at,
        sessions.c.last_used_at,
        sessions.c.expires_at,
        sessions.c.user_agent,
        sessions.c.ip,
    )
    .where(
        sessions.c.user_id == bindparam("user_id"),
        sessions.c.revoked_at.is_(None),
        sessions.c.expires_at > bindparam("now"),
    )
    .order_by(sessions.c.created_at.desc(), sessions.c.id.desc())
)

from datetime import datetime
from uuid import UUID

from sqlalchemy import text

from adapters.postgres.queries.reading import SqlaReads
from adapters.postgres.tables import sessions, users
from application.ports.queries import ActiveCaller, SessionLookup


class SqlaSessionLookup(SqlaReads, SessionLookup):
    async def active_caller(self, session_id: UUID, *, now: datetime) -> ActiveCaller | None:
        row = await self._one(_ACTIVE_CALLER, session_id=session_id, now=now)
        return None if row is None else ActiveCaller(user_id=row.user_id, role=row.role)


# The revocation check of every authenticated request: one primary key lookup, which also
# notes the session's use once a minute at most.
_ACTIVE_CALLER = text(
    """
    WITH caller AS (
        SELECT s.id, s.user_id, u.role
        FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.id = :session_id AND s.revoked_at IS NULL AND s.expires_at > :now
          AND u.suspended_at IS NULL
    ), touched AS (
        UPDATE sessions SET last_used_at = :now
        WHERE id = (SELECT id FROM caller) AND last_used_at < :now - interval '1 minute'
    )
    SELECT user_id, role FROM caller
    """
).columns(sessions.c.user_id, users.c.role)

from datetime import datetime
from uuid import UUID

from sqlalchemy import bindparam, update
from sqlalchemy.ext.asyncio import AsyncEngine

from adapters.postgres.tables import sessions
from application.ports.session_activity import SessionActivity


class SqlaSessionActivity(SessionActivity):
    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine.execution_options(isolation_level="AUTOCOMMIT")

    async def note_use(self, session_id: UUID, now: datetime) -> None:
        async with self._engine.connect() as connection:
            await connection.execute(_NOTE_USE, {"session_id": session_id, "now": now})


_NOTE_USE = (
    update(sessions)
    .where(sessions.c.id == bindparam("session_id"), sessions.c.last_used_at < bindparam("now"))
    .values(last_used_at=bindparam("now"))
)

from datetime import datetime, timedelta
from uuid import UUID

from adapters.memory.queries.reading import InMemoryReads
from application.ports.queries import ActiveCaller, SessionLookup


class InMemorySessionLookup(InMemoryReads, SessionLookup):
    async def active_caller(self, session_id: UUID, *, now: datetime) -> ActiveCaller | None:
        session = self._store.sessions.get(session_id)
        if session is None or not session.is_active(now):
            return None
        user = self._store.users[session.user_id]
        if user.suspended:
            return None
        if session.last_used_at < now - timedelta(minutes=1):
            session.last_used_at = now
        return ActiveCaller(user_id=user.id, role=user.role)

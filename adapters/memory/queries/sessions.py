from datetime import datetime
from uuid import UUID

from adapters.memory.queries.reading import InMemoryReads
from application.ports.queries import ActiveCaller, SessionLookup
from application.sessions.views import SessionView


class InMemorySessionLookup(InMemoryReads, SessionLookup):
    async def active_caller(self, session_id: UUID, *, now: datetime) -> ActiveCaller | None:
        session = self._store.sessions.get(session_id)
        if session is None or not session.is_active(now):
            return None
        user = self._store.users[session.user_id]
        if user.suspended:
            return None
        return ActiveCaller(user_id=user.id, role=user.role, last_used_at=session.last_used_at)

    async def active_sessions(
        self, user_id: UUID, *, current: UUID, now: datetime
    ) -> list[SessionView]:
        found = [
            s for s in self._store.sessions.values() if s.user_id == user_id and s.is_active(now)
        ]
        found.sort(key=lambda s: (s.created_at, s.id), reverse=True)
        return [SessionView.of(s, current=s.id == current) for s in found]

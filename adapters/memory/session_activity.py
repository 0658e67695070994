from datetime import datetime
from uuid import UUID

from adapters.memory.store import InMemoryStore
from application.ports.session_activity import SessionActivity


class InMemorySessionActivity(SessionActivity):
    def __init__(self, store: InMemoryStore) -> None:
        self._store = store

    async def note_use(self, session_id: UUID, now: datetime) -> None:
        session = self._store.sessions.get(session_id)
        if session is not None and session.last_used_at < now:
            session.last_used_at = now

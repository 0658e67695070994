from datetime import datetime
from uuid import UUID

from adapters.memory.store import InMemoryStore
from application.ports.repositories import (
    AuditLog,
    RefreshClaim,
    RefreshTokenRepository,
    SessionRepository,
)
from domain.audit import AuditRecord
from domain.sessions import RefreshToken, Session


class InMemorySessionRepository(SessionRepository):
    def __init__(self, state: InMemoryStore) -> None:
        self._state = state

    async def get(self, session_id: UUID) -> Session | None:
        return self._state.sessions.get(session_id)

    def add(self, session: Session) -> None:
        self._state.sessions[session.id] = session

    async def of_user(self, user_id: UUID) -> list[Session]:
        found = [s for s in self._state.sessions.values() if s.user_id == user_id]
        return sorted(found, key=lambda s: (s.created_at, s.id), reverse=True)

    async def revoke_all(self, user_id: UUID, *, now: datetime, keep: UUID | None = None) -> None:
        for session in await self.of_user(user_id):
            if session.id != keep:
                session.revoke(now)

    async def delete_expired(self, *, now: datetime) -> int:
        state = self._state
        ended = {
            s.id for s in state.sessions.values() if s.expires_at <= now or s.revoked_at is not None
        }
        state.sessions = {k: s for k, s in state.sessions.items() if k not in ended}
        state.refresh_tokens = {
            k: t for k, t in state.refresh_tokens.items() if t.session_id not in ended
        }
        return len(ended)


class InMemoryRefreshTokenRepository(RefreshTokenRepository):
    def __init__(self, state: InMemoryStore) -> None:
        self._state = state

    def add(self, token: RefreshToken) -> None:
        self._state.refresh_tokens[token.digest] = token

    async def claim(self, digest: str, *, now: datetime) -> RefreshClaim | None:
        token = self._state.refresh_tokens.get(digest)
        if token is None:
            return None
        reused = token.used_at is not None
        token.used_at = token.used_at or now
        return RefreshClaim(session_id=token.session_id, reused=reused)


class InMemoryAuditLog(AuditLog):
    def __init__(self, state: InMemoryStore) -> None:
        self._state = state

    def add(self, record: AuditRecord) -> None:
        record.id = max(self._state.audit, default=0) + 1
        self._state.audit[record.id] = record

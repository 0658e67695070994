"""A user's own sessions: which are open, and closing one of them."""

from uuid import UUID

from application.errors import NotFound
from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal
from application.sessions.views import SessionView


class ListSessions:
    """The caller's active sessions, newest first."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, principal: Principal) -> list[SessionView]:
        now = self._clock.now()
        async with self._uow:
            sessions = await self._uow.sessions.of_user(principal.user_id)
        return [
            SessionView.of(session, current=session.id == principal.session_id)
            for session in sessions
            if session.is_active(now)
        ]


class RevokeSession:
    """Ends one of the caller's sessions (another device, say)."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, principal: Principal, session_id: UUID) -> None:
        now = self._clock.now()
        async with self._uow:
            session = await self._uow.sessions.get(session_id)
            if (
                session is None
                or session.user_id != principal.user_id
                or not session.is_active(now)
            ):
                raise NotFound("session")
            session.revoke(now)
            await self._uow.commit()

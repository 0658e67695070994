from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork
from application.principal import Principal


class LogOut:
    """Ends the caller's session: its access and refresh tokens stop working at once."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self, principal: Principal) -> None:
        async with self._uow:
            session = await self._uow.sessions.get(principal.session_id)
            if session is not None:
                session.revoke(self._clock.now())
                await self._uow.commit()

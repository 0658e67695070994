from application.ports.clock import Clock
from application.ports.unit_of_work import UnitOfWork


class PurgeExpiredSessions:
    """Deletes sessions that expired or were revoked, with their refresh tokens."""

    def __init__(self, uow: UnitOfWork, clock: Clock) -> None:
        self._uow = uow
        self._clock = clock

    async def __call__(self) -> int:
        async with self._uow:
            deleted = await self._uow.sessions.delete_expired(now=self._clock.now())
            await self._uow.commit()
        return deleted

from datetime import datetime
from typing import Protocol
from uuid import UUID


class SessionActivity(Protocol):
    async def note_use(self, session_id: UUID, now: datetime) -> None:
        """Records that the session was used at `now` (the sessions list shows it); never
        moves the last use back in time. One statement, committed at once."""
        ...

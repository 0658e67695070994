import asyncio
import logging

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from application.ports.health import DependencyCheck

log = logging.getLogger(__name__)


class DatabaseCheck(DependencyCheck):
    """Readiness asks the database for one `SELECT 1`, from the pool the requests use."""

    name = "database"

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine

    async def answers(self, within_seconds: float) -> bool:
        try:
            async with asyncio.timeout(within_seconds), self._engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except Exception as error:
            log.warning("database readiness check failed: %s", type(error).__name__)
            return False
        return True

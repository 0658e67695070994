import asyncio
import logging

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

log = logging.getLogger(__name__)


async def database_answers(engine: AsyncEngine, within_seconds: float = 2.0) -> bool:
    try:
        async with asyncio.timeout(within_seconds), engine.connect() as connection:
            await connection.execute(text("SELECT 1"))
    except Exception as error:
        log.warning("database readiness check failed: %s", type(error).__name__)
        return False
    return True

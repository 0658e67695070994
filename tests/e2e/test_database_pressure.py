"""With every connection busy, a request gets 503 and Retry-After in bounded time."""

import asyncio
import time
from typing import Any

import asyncpg
import httpx

from adapters.postgres.provisioning import asyncpg_dsn


def test_an_exhausted_pool_answers_503_promptly(serve: Any, database_url_for_tests: str) -> None:
    env = {
        "CONDUIT_DB_POOL_SIZE": "1",
        "CONDUIT_DB_POOL_TIMEOUT": "1",
        "CONDUIT_DB_STATEMENT_TIMEOUT_MS": "3000",
    }
    with serve(**env) as server:

        async def scenario() -> tuple[int, int, float]:
            blocker = await asyncpg.connect(asyncpg_dsn(database_url_for_tests))
            transaction = blocker.transaction()
            await transaction.start()
            await blocker.execute("LOCK TABLE articles IN ACCESS EXCLUSIVE MODE")
            try:
                async with httpx.AsyncClient(base_url=server.url, timeout=30) as client:
                    stuck = asyncio.create_task(client.get("/api/articles"))
                    await asyncio.sleep(0.5)  # it holds the only connection, waiting on the lock
                    started = time.monotonic()
                    waiting = await client.get("/api/articles")
                    waited = time.monotonic() - started
                    first = await stuck
            finally:
                await transaction.rollback()
                await blocker.close()
            assert waiting.headers["retry-after"] == "5"
            return waiting.status_code, first.status_code, waited

        waiting_status, stuck_status, waited = asyncio.run(scenario())
    assert waiting_status == 503
    assert waited < 3
    assert stuck_status == 503  # the statement timeout ended it

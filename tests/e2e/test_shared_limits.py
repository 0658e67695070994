"""Rate limits hold across worker processes when they share Redis."""

import asyncio
import uuid
from typing import Any

import httpx


def test_two_workers_sharing_redis_let_exactly_the_limit_through(
    serve: Any, redis_url: str
) -> None:
    env = {
        "CONDUIT_REDIS_URL": redis_url,
        "CONDUIT_REDIS_KEY_PREFIX": f"test-{uuid.uuid4().hex}",
        "CONDUIT_RATE_LIMIT_PER_MINUTE": "50",
    }
    with serve("--workers", "2", **env) as server:

        async def burst() -> list[int]:
            limits = httpx.Limits(max_connections=200)
            async with httpx.AsyncClient(base_url=server.url, limits=limits, timeout=30) as client:
                responses = await asyncio.gather(*(client.get("/api/tags") for _ in range(200)))
            return [response.status_code for response in responses]

        statuses = asyncio.run(burst())
    assert statuses.count(200) == 50, server.output.decode()
    assert statuses.count(429) == 150, server.output.decode()
    assert server.output.count(b"Spawning worker-") == 2

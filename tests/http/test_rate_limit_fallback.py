"""When Redis stops answering, requests go on, counted in process memory instead."""

import logging
from dataclasses import replace
from typing import Any

import pytest
from litestar.testing import AsyncTestClient

from adapters.metrics import RATE_LIMIT_FALLBACKS
from entrypoints.container import Container
from entrypoints.http.app import create_app
from entrypoints.settings import Settings


async def test_a_silent_redis_degrades_to_memory_with_one_warning(
    settings: Settings, db: Any, caplog: pytest.LogCaptureFixture
) -> None:
    silent = replace(settings, redis_url="redis://127.0.0.1:9/0", rate_limit_per_minute=3)
    before = RATE_LIMIT_FALLBACKS._value.get()
    with caplog.at_level(logging.WARNING, logger="adapters.rate_limits"):
        async with AsyncTestClient(create_app(Container(settings=silent))) as client:
            statuses = [(await client.get("/api/tags")).status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]  # the limit still holds, in memory
    warnings = [r for r in caplog.records if "Redis does not answer" in r.getMessage()]
    assert len(warnings) == 1
    assert RATE_LIMIT_FALLBACKS._value.get() - before == 5

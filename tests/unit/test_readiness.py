"""Readiness asks every dependency at once and names those that do not answer."""

import asyncio

from adapters.memory.health import FakeDependencyCheck
from application.ports.health import DependencyCheck
from application.readiness import CheckReadiness
from entrypoints.container import Container


class Hanging:
    name = "slow"

    async def answers(self, within_seconds: float) -> bool:
        await asyncio.sleep(within_seconds)
        raise TimeoutError


async def test_names_what_does_not_answer_in_check_order() -> None:
    checks: list[DependencyCheck] = [
        FakeDependencyCheck("database", answering=False),
        FakeDependencyCheck("queue"),
        Hanging(),
        FakeDependencyCheck("redis", answering=False),
    ]
    assert await CheckReadiness(checks)(0.01) == ["database", "slow", "redis"]


async def test_ready_when_every_dependency_answers(app: Container) -> None:
    assert await app.check_readiness()(2.0) == []
